import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import OrgOutput
import Placement
import SVGWriter
import TidyTree

/// A chart fitted to pages of a PDF: on one page when it can be read there, otherwise split into
/// sub-charts, one per subtree, the boxes whose subtrees moved marked "continued on page N".
public struct PagedChart: Sendable {
    /// Text smaller than this many points after scaling is too small to read.
    public static let smallestReadable = 6.0

    /// The chart to fit.
    public var chart: Chart
    /// The writer (and its theme) for each page's DOT text.
    public var writer: DOTWriter
    /// True to lay pages out with the tidy-tree layout.
    public var tidy: Bool
    /// The layout engine.
    public var engine: LayoutEngine
    /// The paper.
    public var page: PageSize
    /// Who draws the pages of a tidy-tree chart.
    public var drawing: Drawing
    /// At most this many pages (`--pages`): the text may then shrink below `smallestReadable`,
    /// as little as the count allows; nil for as many pages as readable text needs.
    public var maxPages: Int?
    /// The smallest text, in points, a page may hold.
    var readable = PagedChart.smallestReadable
    /// For the top box of a piece whose page came out too small: how much larger (as a
    /// fraction) its text must be when it is fitted again.
    var margins: [String: Double] = [:]
    /// The pages once cut, shared by the copies of this paging (keyed by page and page count),
    /// so that the PDF, its warning and its report cut the chart once.
    private let memo = Memo<[Chart]>()
    /// The chart cut into pieces, and those packed onto pages, by page, text size and margins.
    private let cuttings = Memo<Cutting>()
    private let packings = Memo<Packing>()
    /// The PDF once drawn, by page.
    private let drawnPDF = Memo<[UInt8]>()
    /// The scales of the parts of the chart measured so far, by a digest of each part.
    private let scales = Memo<Double>()
    private let indexMemo = Memo<Index>()
    /// The final pages laid out, by a digest of each: they are drawn as they were measured.
    private let placements = Memo<PlacedChart>()
    /// What pagings of the chart on any page share.
    private let measures: Measures
    /// The boxes' texts wrapped and measured, for every part laid out.
    private var boxTexts: BoxTexts { measures.boxTexts }

    /// What does not depend on the page, shared by the pagings of one chart (with one writer)
    /// on pages of any size: its boxes' texts wrapped and measured, and their least areas.
    public final class Measures: Sendable {
        let boxTexts = BoxTexts()
        let leastAreas = Memo<[String: Double]>()

        /// Nothing measured yet.
        public init() {}
    }

    /// Creates the paging of `chart` on `page`, sharing `measures` with other pagings of the
    /// chart (written by the same writer).
    public init(chart: Chart, writer: DOTWriter, tidy: Bool, engine: LayoutEngine, page: PageSize, drawing: Drawing = .builtin, measures: Measures = Measures()) {
        self.chart = chart
        self.writer = writer
        self.tidy = tidy
        self.engine = engine
        self.page = page
        self.drawing = drawing
        self.measures = measures
    }

    /// Margin around the drawing, in points.
    public static let margin = PageShape.margin

    /// A part of the chart that can be read on a page by itself: the ids of its boxes, the part
    /// its top box was moved from, and the boxes whose subtrees (or lists) continue elsewhere.
    struct Piece {
        var ids: Set<String>
        var parent: Int?
        var continuing: Set<String> = []
    }

    /// The line a box whose subtree moved gets: the page, or the pages (runs of three or more
    /// as a range) where it continues.
    package static func continuation(_ pages: [Int]) -> String {
        let pages = Set(pages).sorted()
        guard pages.count > 1 else { return "continued on page \(pages.first ?? pagePlaceholder)" }
        var runs: [String] = [], start = 0
        while start < pages.count {
            var end = start
            while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
            runs += end - start >= 2 ? ["\(pages[start])–\(pages[end])"] : pages[start...end].map(String.init)
            start = end + 1
        }
        return "continued on pages " + runs.joined(separator: ", ")
    }
    /// The page number fitting writes before the page numbers are known: as wide as any.
    static let pagePlaceholder = 999

    /// The charts of the pages, in page order. The chart is cut into pieces, each readable on a
    /// page by itself: the largest subtrees under the top move to pieces of their own, one at a
    /// time, until what remains can be read, and a list too long for a page is cut into runs.
    /// The pieces are packed onto pages in order, the top's first, each joining the page before
    /// it when the two can be read together as printed, so pages are full. A box whose subtree
    /// moved says on which page it continues; each later page names its place and the page it
    /// continues.
    public func pages() throws -> [Chart] {
        try memo.value(for: "\(page.width)×\(page.height) \(maxPages ?? 0) \(readable)", cutToCount)
    }

    /// The one page of the PDF when the whole chart can be read on it, as `pages()` gives it;
    /// nil when the chart takes several pages.
    public func wholePage() throws -> Chart? {
        let whole = marked(Set(chart.boxes.map(\.id)), continuing: [], later: false)
        return try fits(whole) ? whole : nil
    }

    /// The pages, at most `maxPages` of them.
    private func cutToCount() throws -> [Chart] {
        let readablePages = try cut()
        guard let maxPages, readablePages.count > maxPages else { return readablePages }
        // The largest text size (to a tenth of a point) at which the chart takes at most maxPages.
        var low = 0.0, high = readable, best = try cut(readable: 0)
        while high - low > 0.1 {
            let middle = (low + high) / 2
            let candidate = try cut(readable: middle)
            if candidate.count <= maxPages { low = middle; best = candidate } else { high = middle }
        }
        return best
    }

    /// The pages when text may shrink to `readable` points (in one pass: the search for a page
    /// count does not refit pages that come out a little small).
    private func cut(readable: Double) throws -> [Chart] {
        var copy = self
        copy.readable = readable
        return try copy.cutOnce()
    }

    /// The pages at the text size `readable`. The layout of a final page may differ from the
    /// one its piece was fitted with (its heads, references and subtitle are written in then),
    /// so a page that comes out too small is cut again with a stricter size for its top box.
    private func cut() throws -> [Chart] {
        if chart.arrangement == .bipartite { return try twoColumnPages() }
        var strict = self
        for _ in 0..<4 {
            let pages = try strict.cutOnce()
            let small = try pages.filter { try $0.treeRoots.count == 1 && smallestText(of: $0) < readable }.map { $0.treeRoots[0] }
            if small.isEmpty { return pages }
            for top in small { strict.margins[top, default: 0] += 0.06 }
        }
        return try strict.cutOnce()
    }

    /// The pages of a two-column chart: its providers (the left column) in order, as many on
    /// a page as stay readable there together with every client they serve; a client served
    /// from several pages stands on each, and a provider with more clients than a page can hold
    /// stands on several pages with a run of them on each. Each later page says which page it
    /// continues.
    private func twoColumnPages() throws -> [Chart] {
        var clientsOf: [String: [String]] = [:]
        for line in chart.lines where clientsOf[line.from]?.contains(line.to) != true { clientsOf[line.from, default: []].append(line.to) }
        /// A piece: one provider and some of its clients.
        typealias Piece = (provider: String, clients: [String])
        func part(_ pieces: [Piece], continuing page: Int?) -> Chart {
            var part = shaped(self.part(pieces.reduce(into: Set<String>()) { $0.insert($1.provider); $0.formUnion($1.clients) }))
            if let page { part.subtitle = [chart.subtitle, "continued from page \(page)"].compactMap { $0 }.joined(separator: "\n") }
            return part
        }
        // The page number is a placeholder as wide as any while fitting.
        var pieces: [Piece] = []
        for provider in chart.boxes.filter({ $0.level == 0 }).map(\.id) {
            let clients = clientsOf[provider] ?? []
            if try fits(part([(provider, clients)], continuing: 999)) {
                pieces.append((provider, clients))
                continue
            }
            var run: [String] = []
            for client in clients {
                if try run.isEmpty || fits(part([(provider, run + [client])], continuing: 999)) {
                    run.append(client)
                } else {
                    pieces.append((provider, run))
                    run = [client]
                }
            }
            pieces.append((provider, run))
        }
        var pages: [[Piece]] = [], current: [Piece] = []
        for piece in pieces {
            if try current.isEmpty || fits(part(current + [piece], continuing: pages.isEmpty ? nil : 999)) {
                current.append(piece)
            } else {
                pages.append(current)
                current = [piece]
            }
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        return pages.enumerated().map { number, pieces in part(pieces, continuing: number == 0 ? nil : number) }
    }

    /// The pieces of a chart cut for its pages, and the pieces each moved box continues on.
    struct Cutting {
        var pieces: [Piece]
        var moved: [Int: [(box: String, piece: Int)]]
    }

    /// The pieces of a chart cut for its pages, and the pieces on each page.
    struct Packing {
        var cutting: Cutting
        var pagePieces: [[Int]]
    }

    /// How many pages the chart takes once cut and packed, before each page's final layout is
    /// checked: its PDF has at least as many (a page that cannot be read after all gives its
    /// pieces a page each), almost always exactly as many. Far quicker than `pages()` to know.
    public func packedPageCount() throws -> Int {
        if chart.arrangement == .bipartite { return try pages().count }
        return try packing().pagePieces.count
    }

    /// The packed page count (see `packedPageCount()`), or less work: once `enough` gives a
    /// count (nil while it has none), packing stops as soon as the chart is known to need at
    /// least that many pages, and the count returned is that bound (`exact` false) — as when
    /// the other orientation of a page needs fewer.
    public func packedPageCount(unlessAtLeast enough: () -> Int?) throws -> (count: Int, exact: Bool) {
        if chart.arrangement == .bipartite { return (try pages().count, true) }
        if let known = packings.known(packingKey) { return (known.pagePieces.count, true) }
        let cutting = try cutting()
        let (pagePieces, least) = try pack(cutting, stoppingAt: enough)
        if let least { return (least, false) }
        return (try packings.value(for: packingKey) { try filled(pagePieces, of: cutting) }.pagePieces.count, true)
    }

    /// The pages at the text size `readable`, with the extra `margins` of some tops.
    private func cutOnce() throws -> [Chart] {
        if chart.arrangement == .bipartite { return try twoColumnPages() }
        let packing = try packing()
        var pagePieces = packing.pagePieces
        // A page whose final layout cannot be read after all (its heads, references and
        // subtitles differ from what was fitted) gives its pieces a page each.
        while true {
            let pages = assemble(packing.cutting.pieces, moved: packing.cutting.moved, onto: pagePieces)
            measure(pages)
            guard let crowded = try pages.indices.first(where: { try pagePieces[$0].count > 1 && !fits(laidOut: pages[$0]) }) else { return pages }
            pagePieces.replaceSubrange(crowded...crowded, with: pagePieces[crowded].map { [$0] })
        }
    }

    /// The chart cut into pieces that can each be read on a page at the text size `readable`
    /// (with the extra `margins` of some tops), packed onto pages; computed once.
    private func packing() throws -> Packing {
        try packings.value(for: packingKey) {
            let cutting = try cutting()
            return try filled(try pack(cutting, stoppingAt: { nil }).pagePieces, of: cutting)
        }
    }

    /// What the cutting and packing depend on: the page, the text size and the margins.
    private var packingKey: String {
        "\(page.width)×\(page.height) \(readable) " + margins.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " ")
    }

    /// The chart cut into pieces (see `packing()`); computed once.
    private func cutting() throws -> Cutting {
        try cuttings.value(for: packingKey, cutIntoPieces)
    }

    /// The chart cut into pieces that can each be read on a page (see `packing()`).
    private func cutIntoPieces() throws -> Cutting {
        var pieces = [Piece(ids: Set(chart.boxes.map(\.id)), parent: nil)]
        var moved: [Int: [(box: String, piece: Int)]] = [:]
        var index = 0
        let paging = self
        while index < pieces.count {
            // The pieces not yet cut are cut at once, one per processor: each cut depends only
            // on the piece's own boxes, so the pieces come out as when cut in turn.
            let wave = pieces[index...].enumerated().map { (ids: $1.ids, later: index + $0 > 0) }
            let cuts = Parallel.map(wave, workers: ProcessInfo.processInfo.activeProcessorCount) { piece in
                Result { try paging.cut(piece.ids, later: piece.later) }
            }
            for cut in cuts {
                defer { index += 1 }
                guard let (kept, subtrees) = try cut.get() else { continue }
                pieces[index].ids = kept
                let first = pieces.count
                for (_, ids) in subtrees { pieces.append(Piece(ids: ids, parent: index)) }
                // A moved subtree continues from the piece that holds its top box: this one, or a
                // run of the top's children split off it.
                for (offset, subtree) in subtrees.enumerated() {
                    let piece = first + offset
                    let holder = ([index] + Array(first..<pieces.count)).first { $0 != piece && pieces[$0].ids.contains(subtree.box) } ?? index
                    pieces[piece].parent = holder
                    pieces[holder].continuing.insert(subtree.box)
                    moved[holder, default: []].append((subtree.box, piece))
                }
            }
        }
        return Cutting(pieces: pieces, moved: moved)
    }

    /// The pieces of `cutting` on pages, in order: each joins the page before it when the two
    /// can be read together, as they will be printed (with their page numbers). Once `enough`
    /// gives a count, packing stops when the pages are known to be at least that many, once
    /// sparse ones are `filled` too (see `PageBound`): the pieces on the pages packed so far and
    /// that bound.
    private func pack(_ cutting: Cutting, stoppingAt enough: () -> Int?) throws -> (pagePieces: [[Int]], least: Int?) {
        let (pieces, moved) = (cutting.pieces, cutting.moved)
        var pagePieces = pieces.indices.map { [$0] }
        var page = 0
        var bound: PageBound?
        while page + 1 < pagePieces.count {
            var packed = pagePieces
            packed.replaceSubrange(page...page + 1, with: [pagePieces[page] + pagePieces[page + 1]])
            if try fits(assemble(pieces, moved: moved, onto: packed, pages: page..<page + 1)[0]) {
                pagePieces = packed
                continue
            }
            page += 1
            guard let enough = enough() else { continue }
            var known = bound ?? PageBound(pieces: pieces, closed: pagePieces[..<(page - 1)], paging: self)
            known.close(pagePieces[page - 1], paging: self)
            bound = known
            let least = known.least(after: pagePieces[page...])
            if least >= enough { return (pagePieces, least) }
        }
        return (pagePieces, nil)
    }

    /// A lower bound on the pages the pieces will take once packed, known part of the way: the
    /// pages closed so far that are not sparse (`filled` never removes one, but for the one the
    /// first page may take in, which makes the first page not sparse), and of the pieces left,
    /// those whose boxes alone make a page not sparse, packed by their area only, in order, as
    /// densely as a readable page can hold boxes (`mostFilled`): every page the packing makes
    /// of them holds no more. A box in several pieces (the top of a moved subtree) counts for none.
    struct PageBound {
        /// The least area of each piece's own boxes, and the area above which a piece or a page
        /// is not sparse, and the most a readable page holds (square points at natural size).
        let own: [Double], heavy: Double, capacity: Double
        let pieces: [Piece]
        /// The pages closed so far that are not sparse.
        var full = 0

        /// The bound for `pieces`, the pages holding `closed` closed already.
        init(pieces: [Piece], closed: ArraySlice<[Int]>, paging: PagedChart) {
            var holders: [String: Int] = [:]
            for piece in pieces { for id in piece.ids { holders[id, default: 0] += 1 } }
            own = pieces.map { piece in paging.leastBoxArea(of: piece.ids.filter { holders[$0] == 1 }) }
            heavy = PagedChart.sparseFill * paging.printableArea
            let scale = paging.readable / min(paging.writer.theme.detailSize, paging.writer.theme.footerSize)
            capacity = PagedChart.mostFilled * paging.printableArea / (scale * scale)
            self.pieces = pieces
            for group in closed { close(group, paging: paging) }
        }

        /// Counts a closed page holding `group`.
        mutating func close(_ group: [Int], paging: PagedChart) {
            if !paging.isSparse(group.reduce(into: Set<String>()) { $0.formUnion(pieces[$1].ids) }) { full += 1 }
        }

        /// The least number of pages, the closed ones and those of the pages `left` to pack.
        func least(after left: ArraySlice<[Int]>) -> Int {
            var pages = 0, load = Double.infinity
            for piece in left.joined() where own[piece] >= heavy {
                if load + own[piece] > capacity { pages += 1; load = own[piece] } else { load += own[piece] }
            }
            return full + pages
        }
    }

    /// The boxes `ids` of a piece (on a `later` page than the first) cut when they cannot be
    /// read on a page: the ids that remain and the top box and ids of each piece moved off (see
    /// `split`); nil when the piece stays whole. The largest tree is cut (beside it may stand a
    /// few boxes of their own, such as an outside head with the post answering to it).
    private func cut(_ ids: Set<String>, later: Bool) throws -> (kept: Set<String>, moved: [(box: String, ids: Set<String>)])? {
        let current = marked(ids, continuing: [], later: later)
        let root = Self.largestTree(of: current)
        let splittable = chart.splitsAcrossPages && root.map { Self.branch(below: $0, in: current) != nil } ?? false
        guard splittable, let root, try !fits(current) else { return nil }
        let (kept, moved, _) = try split(current, root: root, later: later)
        return (kept, moved)
    }

    /// The pieces of `cutting` on `pagePieces`, each sparse page after the first joined to the nearest page it can be
    /// read with, as printed, of the few nearest and the few emptiest: a piece that neither
    /// neighbour had room for, left between two full pages, goes to a page further on. The first
    /// page, the top of the chart, stays first; when sparse, it takes in the nearest such page
    /// that it can be read with (the top's tree above, the page's below).
    private func filled(_ pagePieces: [[Int]], of cutting: Cutting) throws -> Packing {
        let (pieces, moved) = (cutting.pieces, cutting.moved)
        var pagePieces = pagePieces, tried: Set<Int> = []
        func ids(_ page: Int) -> Set<String> { pagePieces[page].reduce(into: Set<String>()) { $0.formUnion(pieces[$1].ids) } }
        /// Of the pages after the first but `page`, the few nearest it and the few emptiest, nearest first.
        func candidates(for page: Int) -> [Int] {
            let others = pagePieces.indices.dropFirst().filter { $0 != page }
            let area = Dictionary(uniqueKeysWithValues: others.map { ($0, leastBoxArea(of: ids($0))) })
            let emptiest = others.sorted { (area[$0]!, $0) < (area[$1]!, $1) }.prefix(Self.fillTries / 2)
            let nearest = others.sorted { (abs($0 - page), $0) < (abs($1 - page), $1) }.prefix(Self.fillTries / 2)
            return Set(emptiest).union(nearest).sorted { (abs($0 - page), $0) < (abs($1 - page), $1) }
        }
        while pagePieces.count > 1, isSparse(ids(0)) {
            var taken = false
            for other in candidates(for: 0) {
                var packed = pagePieces
                packed[0] = (packed[0] + packed[other]).sorted()
                packed.remove(at: other)
                if try fits(assemble(pieces, moved: moved, onto: packed, pages: 0..<1)[0], quickly: true) {
                    pagePieces = packed
                    taken = true
                    break
                }
            }
            if !taken { break }
        }
        while let sparse = pagePieces.indices.dropFirst().first(where: { !tried.contains(pagePieces[$0][0]) && isSparse(ids($0)) }) {
            tried.insert(pagePieces[sparse][0])
            for other in candidates(for: sparse) {
                var packed = pagePieces
                packed[other] = (packed[other] + packed[sparse]).sorted()
                packed.remove(at: sparse)
                let joined = other > sparse ? other - 1 : other
                if try fits(assemble(pieces, moved: moved, onto: packed, pages: joined..<joined + 1)[0], quickly: true) {
                    pagePieces = packed
                    break
                }
            }
        }
        return Packing(cutting: cutting, pagePieces: pagePieces)
    }

    /// How many pages a sparse page tries to join: half of them the nearest, half the emptiest.
    static let fillTries = 6

    /// The charts of the pages holding `pagePieces` (of those numbered in `wanted`, all when
    /// nil), with the continuation lines, the references of lines between pages, and each later
    /// page's place and origin.
    private func assemble(_ pieces: [Piece], moved: [Int: [(box: String, piece: Int)]], onto pagePieces: [[Int]], pages wanted: Range<Int>? = nil) -> [Chart] {
        var pageOf = [Int](repeating: 0, count: pieces.count)
        for (page, group) in pagePieces.enumerated() { for piece in group { pageOf[piece] = page } }
        let built = wanted ?? pagePieces.indices
        // The boxes of every page are needed only to place the ends of lines across the tree.
        let ids = pagePieces.indices.map { page in
            built.contains(page) || !index.crossLines.isEmpty ? pagePieces[page].reduce(into: Set<String>()) { $0.formUnion(pieces[$1].ids) } : []
        }
        var firstPage: [String: Int] = [:]
        if !index.crossLines.isEmpty {
            for (number, page) in ids.enumerated() { for id in page where firstPage[id] == nil { firstPage[id] = number } }
        }
        var pages = Dictionary(uniqueKeysWithValues: built.map { ($0, part(ids[$0])) })
        let positions = pages.mapValues { page in Dictionary(page.boxes.indices.map { (page.boxes[$0].id, $0) }, uniquingKeysWith: { first, _ in first }) }
        func add(_ detail: String, to box: String, on page: Int) {
            guard let position = positions[page]?[box], pages[page]?.boxes[position].details.contains(detail) == false else { return }
            pages[page]?.boxes[position].details.append(detail)
        }
        // Lines whose ends are on different pages become references at both ends.
        for line in index.crossLines {
            guard let a = firstPage[line.from], let b = firstPage[line.to], !ids[a].contains(line.to) else { continue }
            add(reference(line, to: line.to, outgoing: true, page: b + 1), to: line.from, on: a)
            add(reference(line, to: line.from, outgoing: false, page: a + 1), to: line.to, on: b)
        }
        // A box says in one line on which pages its moved subtrees (or runs of its list) continue.
        var continued: [Int: [String: [Int]]] = [:]
        for (piece, moves) in moved {
            for (box, target) in moves where pageOf[target] != pageOf[piece] { continued[pageOf[piece], default: [:]][box, default: []].append(pageOf[target] + 1) }
        }
        for (page, boxes) in continued.sorted(by: { $0.key < $1.key }) {
            for (box, targets) in boxes.sorted(by: { $0.key < $1.key }) { add(Self.continuation(targets), to: box, on: page) }
        }
        // Each later page names its place and the pages it continues.
        for page in built where page > 0 {
            let from = Set(pagePieces[page].compactMap { pieces[$0].parent.map { pageOf[$0] + 1 } }).subtracting([page + 1]).sorted()
            let continued = from.isEmpty ? nil : "continued from page" + (from.count > 1 ? "s " : " ") + from.map(String.init).joined(separator: ", ")
            guard let part = pages[page] else { continue }
            pages[page]?.subtitle = [chart.subtitle, place(of: part), continued].compactMap { $0 }.joined(separator: "\n")
        }
        return built.compactMap { pages[$0].map(shaped) }
    }

    /// The heads above a page's pieces as one short line: the nearest ones, as many as fit in
    /// about `placeLength` characters, after "…" when some are left out, so the subtitle never widens the page.
    static let placeLength = 70
    static func place(_ heads: [String]) -> String {
        var kept: [String] = []
        var length = 0
        for head in heads.reversed() {
            let short = head.count > Self.placeLength ? String(head.prefix(Self.placeLength - 3)) + "…" : head
            if !kept.isEmpty, length + short.count > Self.placeLength { return (["…"] + kept).joined(separator: " › ") }
            kept.insert(short, at: 0)
            length += short.count + 3
        }
        return kept.joined(separator: " › ")
    }

    /// The heads above the tops of `part` in the whole chart, as far as the tops share them, as
    /// one short line (see `place(_:)`); nil when the tops are tops of the whole chart.
    private func place(of part: Chart) -> String? {
        let index = self.index
        func ancestors(_ id: String) -> [String] {
            var path: [String] = [], seen: Set<String> = [id], current = id
            while let parent = index.parentOf[current], seen.insert(parent).inserted { path.insert(parent, at: 0); current = parent }
            return path
        }
        let paths = part.treeRoots.map(ancestors)
        var shared = paths.first ?? []
        for path in paths.dropFirst() { shared = Array(zip(shared, path).prefix { $0 == $1 }.map(\.0)) }
        let line = Self.place(shared.compactMap { index.headings[$0] })
        return line.isEmpty ? nil : line
    }

    /// What cutting asks of the whole chart again and again, computed once: each box's parent
    /// in the tree and its heading, and the lines drawn across the tree.
    struct Index {
        var parentOf: [String: String] = [:]
        var headings: [String: String] = [:]
        var crossLines: [Line] = []
        /// The positions of the boxes with each id, and of the lines from each id.
        var boxPositions: [String: [Int]] = [:]
        var linesFrom: [String: [Int]] = [:]
    }

    /// The part of the chart with the boxes `ids` (as `Chart.restricted(to:)`, in time
    /// proportional to the part rather than to the chart).
    private func part(_ ids: Set<String>) -> Chart {
        let index = self.index
        let boxes = ids.flatMap { index.boxPositions[$0] ?? [] }.sorted()
        let lines = ids.flatMap { index.linesFrom[$0] ?? [] }.filter { ids.contains(chart.lines[$0].to) }.sorted()
        var part = chart.restricted(boxes: boxes, lines: lines)
        part.treesInRows = true
        part.isWholeChart = boxes.count == chart.boxes.count
        return part
    }

    private var index: Index {
        indexMemo.value(for: "") {
            var index = Index()
            for (position, line) in chart.lines.enumerated() {
                if line.shapesLayout { index.parentOf[line.lowerEnd] = index.parentOf[line.lowerEnd] ?? line.upperEnd } else { index.crossLines.append(line) }
                index.linesFrom[line.from, default: []].append(position)
            }
            for (position, box) in chart.boxes.enumerated() {
                if index.headings[box.id] == nil { index.headings[box.id] = box.heading }
                index.boxPositions[box.id, default: []].append(position)
            }
            return index
        }
    }

    /// The part of the chart with the boxes `ids`, laid out for the page, each box of
    /// `continuing` with the line that will say where it continues; a part that goes on a later
    /// page with the subtitle lines that will name its place and the page it continues.
    private func marked(_ ids: Set<String>, continuing: Set<String>, later: Bool = true) -> Chart {
        let page = Self.pagePlaceholder
        var part = shaped(self.part(ids))
        if later {
            part.subtitle = [chart.subtitle, place(of: part), "continued from page \(page)"].compactMap { $0 }.joined(separator: "\n")
        }
        for index in part.boxes.indices where continuing.contains(part.boxes[index].id) {
            part.boxes[index].details.append(Self.continuation([page]))
        }
        // A line across the tree with one end outside becomes a reference at that end.
        let positions = Dictionary(part.boxes.indices.map { (part.boxes[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for line in index.crossLines where ids.contains(line.from) != ids.contains(line.to) {
            let (here, there, outgoing) = ids.contains(line.from) ? (line.from, line.to, true) : (line.to, line.from, false)
            if let index = positions[here] { part.boxes[index].details.append(reference(line, to: there, outgoing: outgoing, page: page)) }
        }
        return part
    }

    /// The text that stands for a line whose other end is on another page: its kind as the
    /// legend says it (read from the line's head at the head), the box at the other end and
    /// that box's page.
    func reference(_ line: Line, to other: String, outgoing: Bool, page: Int) -> String {
        let entry = chart.legend.first { $0.sample == .line && $0.style == line.style }
        let kind = (outgoing ? entry?.label : entry?.incomingLabel ?? entry?.label) ?? line.style
        let name = index.headings[other] ?? other
        return "\(outgoing ? "→" : "←") \(kind): \(name) (page \(page))"
    }

    /// `chart` drawn at its natural size, laid out for the shape of the page.
    private func shaped(_ chart: Chart) -> Chart { chart.shaped(for: page) }

    /// Moves the fewest largest subtrees under the first branching box out of `chart` that leave
    /// what remains readable on a page: the ids that remain, the top box and ids of
    /// each piece moved, in chart order, and whether what remains is readable. A moved subtree's
    /// top box stays in both, marked as continuing (as are the boxes of `continuing`, whose
    /// subtrees moved before). When what remains would leave most of its page empty, the
    /// smallest subtree moved stays after all and the fewest largest subtrees below it move
    /// instead, as deep as that keeps what remains readable: a page holds the top of a
    /// department and as much of its first offices as fits, not only their names. When even the
    /// branching box with its children cannot be read (a long list of units), the children are
    /// cut into runs that can, each a piece under a copy of that box, unless `cuttingLists` is
    /// false (a deeper cut tried for a sparse page, whose result counts only when readable).
    private func split(_ chart: Chart, root top: String, later: Bool, continuing: Set<String> = [], cuttingLists: Bool = true) throws -> (kept: Set<String>, moved: [(box: String, ids: Set<String>)], readable: Bool) {
        guard let root = Self.branch(below: top, in: chart) else { return (Set(chart.boxes.map(\.id)), [], false) }
        let children = chart.treeChildren
        let order = (children[root] ?? []).filter { !(children[$0] ?? []).isEmpty }
        let sizes = Dictionary(uniqueKeysWithValues: order.map { ($0, chart.subtree(of: $0, children: children).count) })
        let candidates = order.enumerated().sorted { (sizes[$1.element]!, $0.offset) < (sizes[$0.element]!, $1.offset) }.map(\.element)
        let everything = Set(chart.boxes.map(\.id))
        /// What remains when the `count` largest subtrees have moved.
        func remaining(_ count: Int) -> (kept: Set<String>, moved: Set<String>) {
            let moved = Set(candidates.prefix(count))
            return (moved.reduce(into: everything) { $0.subtract(chart.subtree(of: $1, children: children).subtracting([$1])) }, moved)
        }
        func readable(_ count: Int) throws -> Bool {
            let (kept, moved) = remaining(count)
            // Boxes too many for the page are known from their ids, before the part is built.
            guard !tooLarge(kept) else { return false }
            return try fits(marked(kept, continuing: moved.union(continuing), later: later), quickly: true)
        }
        // The fewest largest subtrees to move, found by doubling, then halving.
        var low = 0, high = 1
        while high < candidates.count, try !readable(high) { low = high; high *= 2 }
        high = min(high, candidates.count)
        let readableAtHigh = try readable(high)
        while readableAtHigh, high - low > 1 {
            let middle = (low + high) / 2
            if try readable(middle) { high = middle } else { low = middle }
        }
        var (kept, moved) = remaining(high)
        let readable = readableAtHigh
        var pieces = order.filter(moved.contains).map { (box: $0, ids: chart.subtree(of: $0, children: children)) }
        for subtree in candidates.prefix(high).reversed() where readable && isSparse(kept) {
            let ids = chart.subtree(of: subtree, children: children)
            let stillMoved = Set(pieces.map(\.box)).subtracting([subtree])
            let deeper = try split(part(kept.union(ids)), root: subtree, later: later, continuing: continuing.union(stillMoved), cuttingLists: false)
            if deeper.readable, !deeper.moved.isEmpty {
                kept = deeper.kept
                pieces = pieces.flatMap { $0.box == subtree ? deeper.moved : [$0] }
            }
        }
        if !readable, cuttingLists {
            let runs = try self.runs(of: root, in: marked(kept, continuing: moved.union(continuing), later: later))
            if runs.count > 1 {
                // The boxes above the branching box stay with the first run (it holds them).
                kept = runs[0]
                pieces += runs.dropFirst().map { (box: root, ids: $0) }
            }
        }
        return (kept, pieces, readable)
    }

    /// True when the boxes `ids` would cover less than `sparseFill` of a page at their natural
    /// size (by their least areas: a part small enough to be drawn at that size).
    private func isSparse(_ ids: Set<String>) -> Bool {
        leastBoxArea(of: ids) < Self.sparseFill * printableArea
    }

    /// The share of a page below which a page is sparse.
    static let sparseFill = 0.15

    /// The root of the largest tree of `chart` (the first among equals); nil for an empty chart.
    static func largestTree(of chart: Chart) -> String? {
        let roots = chart.treeRoots
        guard roots.count > 1 else { return roots.first }
        let sizes = roots.map { chart.subtree(of: $0).count }
        return roots.indices.max { (sizes[$0], -$0) < (sizes[$1], -$1) }.map { roots[$0] }
    }

    /// The first box at or below `top` with more than one child, following single children
    /// down; nil when there is none (a chain is not cut).
    static func branch(below top: String, in chart: Chart) -> String? {
        let children = chart.treeChildren
        var box = top, seen: Set<String> = [top]
        while let only = children[box], only.count == 1, seen.insert(only[0]).inserted { box = only[0] }
        return (children[box]?.count ?? 0) > 1 ? box : nil
    }

    /// The children of `root` in `chart` cut into consecutive runs, each as long as can be read
    /// on a page under `root` (at least one child): the ids of each run with `root` and the
    /// children's subtrees, the first with the boxes above `root` too (they stay on its page,
    /// and there `root` says on which pages the list continues). Each run is the longest
    /// readable from where the one before ended (see `longest(upTo:near:readable:)`).
    private func runs(of root: String, in chart: Chart) throws -> [Set<String>] {
        let tree = chart.treeChildren, children = tree[root] ?? []
        let subtrees = children.map { chart.subtree(of: $0, children: tree) }
        func run(_ range: Range<Int>) -> Set<String> { subtrees[range].reduce(into: [root]) { $0.formUnion($1) } }
        let above = Set(chart.boxes.map(\.id)).subtracting(run(0..<children.count))
        func piece(_ start: Int, _ count: Int) -> Set<String> { run(start..<start + count).union(start == 0 ? above : []) }
        func readability(_ start: Int, _ count: Int) throws -> Double {
            var part = chart.restricted(to: piece(start, count))
            if start == 0, let index = part.boxes.firstIndex(where: { $0.id == root }) {
                part.boxes[index].details.append(Self.continuation([Self.pagePlaceholder - 1, Self.pagePlaceholder]))
            }
            return try self.readability(of: part, quick: true)
        }
        // The first run is sought from the whole list (whose boxes' area tells about how many
        // fit), each later one from the length of the run before.
        var runs: [Set<String>] = [], start = 0, length = children.count
        while start < children.count {
            length = try Self.longest(upTo: children.count - start, near: length) { try readability(start, $0) }
            runs.append(piece(start, length))
            start += length
        }
        return runs
    }

    /// The largest count up to `most` whose `readability` is 1 or more (1 when none is),
    /// searched from `guess`. A page's text shrinks about as the square root of what it holds,
    /// so each of the first counts asked predicts the one that brings it to size; after them,
    /// the next count lies where the readability, taken as straight between the largest count
    /// known to fit and the smallest known not to, comes to 1 (halfway without both).
    package static func longest(upTo most: Int, near guess: Int, readability: (Int) throws -> Double) rethrows -> Int {
        guard most > 1 else { return 1 }
        var good = 1, bad = most + 1, count = min(max(guess, 2), most), steps = 0
        var goodRatio: Double?, badRatio: Double?
        while true {
            let ratio = try readability(count)
            if ratio >= 1 { (good, goodRatio) = (count, ratio) } else { (bad, badRatio) = (count, ratio) }
            steps += 1
            guard bad - good > 1 else { return good }
            var next = (good + bad) / 2
            if steps <= Self.predictedSteps, ratio.isFinite, ratio > 0 {
                next = Int(min(max((Double(count) * ratio * ratio).rounded(), 1), Double(most)))
            } else if let goodRatio, let badRatio, goodRatio > badRatio {
                // Between a count that fits and one that does not: where the readability, taken
                // as straight between the two, comes to 1.
                next = good + max(1, Int(((goodRatio - 1) / (goodRatio - badRatio) * Double(bad - good)).rounded(.down)))
            }
            count = min(max(next, good + 1), bad - 1)
        }
    }

    /// How many counts `longest(upTo:near:readability:)` predicts from the square root.
    static let predictedSteps = 2

    /// The PDF with one page per chart of `pages()`.
    public func renderPDF() throws -> [UInt8] {
        try drawnPDF.value(for: "\(page.width)×\(page.height) \(maxPages ?? 0) \(readable)", drawPDF)
    }

    /// The PDF of the pages, drawn (see `renderPDF()`).
    private func drawPDF() throws -> [UInt8] {
        if drawsItself {
            let charts = try pages()
            return PDFDates.fixed(try Renderer.serialized {
                try ChartPrint.pdf(pages: charts.map(placed), theme: writer.theme, width: page.width * 72, height: page.height * 72, margin: Self.margin)
            })
        }
        let svgs = try pages().map(svg)
        return try PagedPDF.compose(svgs, width: page.width * 72, height: page.height * 72, margin: Self.margin)
    }

    /// True when orgchart draws the pages itself rather than Graphviz.
    private var drawsItself: Bool { drawing.drawsItself(chart, tidy: tidy) }

    /// True when the chart, scaled to the page, keeps its smallest text readable. It is laid
    /// out after a short search for its shape first — what fits so fits the page at least as
    /// well once laid out in full — and, unless `quickly`, after the full search when the short
    /// one does not fit.
    public func fits(_ chart: Chart, quickly: Bool = false) throws -> Bool {
        // A short search first: what fits after it fits once laid out in full. One that does
        // not may still fit after the full search, which can gain a quarter or more (other
        // wraps, more layouts).
        let quick = try readability(of: chart, quick: true, stopping: true)
        if quickly || quick >= 1 { return quick >= 1 }
        return try readability(of: chart, quick: false) >= 1
    }

    /// `fits(chart)` for a chart laid out in full already (see `measure`): its full layout is
    /// asked first, the short search only when that does not fit.
    private func fits(laidOut chart: Chart) throws -> Bool {
        try readability(of: chart, quick: false) >= 1 || fits(chart, quickly: true)
    }

    /// The smallest text of `chart` scaled onto the page, laid out after a short (`quick`) or
    /// the full search for its shape, over the size it must have: 1 or more when it fits. A
    /// part whose boxes alone would cover more of the page at that size than any layout leaves
    /// them (`mostFilled`) cannot fit, known without laying it out: it gets what its boxes' area
    /// allows (see `areaReadability`). A short search `stopping` takes the first layout found to
    /// fit (see `goalMargin`): it tells whether the part fits, not by how much.
    private func readability(of chart: Chart, quick: Bool, stopping: Bool = false) throws -> Double {
        let margin = chart.treeRoots.count == 1 ? margins[chart.treeRoots[0]] ?? 0 : 0
        if let ratio = areaReadability(leastBoxArea(of: chart), size: readable * (1 + margin)), ratio < 1 { return ratio }
        var measured = chart
        measured.quickShape = quick
        if quick, stopping { measured.shapeGoal = Self.goalMargin * readable * (1 + margin) / min(writer.theme.detailSize, writer.theme.footerSize) }
        return try smallestText(of: measured) / (readable * (1 + margin))
    }

    /// How far above the size it must have a layout must be for a search to stop at it: the
    /// search weighs each layout with its title and footer placed quickly, and the part, placed
    /// in full, can come out a few tenths of a percent smaller (it would then not fit, where
    /// the search's best layout might).
    static let goalMargin = 1.02

    /// What the boxes' least `area` (in square points at their natural size) allows: the square
    /// root of the share of the page they can cover (see `mostFilled`) over what they need with
    /// text of `size` points — below 1, the part cannot be read on the page whatever its layout;
    /// nil for a chart that orgchart does not lay out as a tree.
    private func areaReadability(_ area: Double, size: Double) -> Double? {
        guard drawsItself, chart.matrix == nil else { return nil }
        let scale = size / min(writer.theme.detailSize, writer.theme.footerSize)
        return (printableArea / (area * scale * scale / Self.mostFilled)).squareRoot()
    }

    /// True when the boxes `ids` cannot be read on the page at the smallest readable size,
    /// whatever their layout, known from their least areas (see `areaReadability`).
    private func tooLarge(_ ids: Set<String>) -> Bool {
        areaReadability(leastBoxArea(of: ids), size: readable).map { $0 < 1 } ?? false
    }

    /// True when the boxes of the whole chart cannot be read on one page, in either orientation,
    /// whatever their layout (see `areaReadability`): the chart is cut into pages, or shrunk
    /// below readable text on one.
    public var tooLargeForOnePage: Bool { tooLarge(Set(chart.boxes.map(\.id))) }

    /// The largest share of a page the boxes of a readable page cover at their least areas:
    /// lines, gaps and columns of one width take the rest (the fullest pages measured over the
    /// real organograms are 55 % boxes).
    static let mostFilled = 0.7

    /// The area inside the page's margins, in square points.
    private var printableArea: Double { (page.width * 72 - 2 * Self.margin) * (page.height * 72 - 2 * Self.margin) }

    /// The least area the boxes of `part` take on a page at their natural size: the sum of
    /// each box's least area in the whole chart (lines a part adds to its boxes only add to it).
    private func leastBoxArea(of part: Chart) -> Double {
        let areas = leastAreas
        return part.boxes.reduce(0) { $0 + (areas[$1.id] ?? 0) }
    }

    /// The least area the boxes `ids` take (each box of the chart with one of them, as the part
    /// of those ids holds), without building that part.
    private func leastBoxArea(of ids: Set<String>) -> Double {
        let areas = leastAreas, index = self.index
        return ids.reduce(0) { $0 + (areas[$1] ?? 0) * Double(index.boxPositions[$1]?.count ?? 0) }
    }

    /// Each box's least area in the whole chart, by id, computed once.
    private var leastAreas: [String: Double] {
        measures.leastAreas.value(for: "") {
            Dictionary(zip(chart.boxes.map(\.id), TidyLayout.leastBoxAreas(of: chart, theme: writer.theme, boxTexts: boxTexts)), uniquingKeysWith: max)
        }
    }

    /// The size in points of the smallest text of `chart` (detail or footer) once scaled onto the page.
    package func smallestText(of chart: Chart) throws -> Double {
        min(writer.theme.detailSize, writer.theme.footerSize) * (try scale(of: chart, on: page))
    }

    /// The scale (at most 1) at which `chart`, drawn at its natural size, fits `paper` inside the margins.
    package func scale(of chart: Chart, on paper: PageSize) throws -> Double {
        // Cutting asks for the same part again (when a page is cut anew, or packed).
        try scales.value(for: "\(paper.width) \(paper.height) " + digest(of: chart)) {
            let drawn = drawsItself ? placed(chart).size : SVGImage.size(of: try svg(chart))
            guard let size = drawn else { return 1 }
            return min(1, (paper.width * 72 - 2 * Self.margin) / size.width, (paper.height * 72 - 2 * Self.margin) / size.height)
        }
    }

    /// The smallest text on any page, in points: below `smallestReadable` only where a piece
    /// cannot be cut further (or the chart may not be split).
    public func smallestText() throws -> Double {
        try pages().map(smallestText(of:)).min() ?? min(writer.theme.detailSize, writer.theme.footerSize)
    }

    /// How well the pages of a tree chart drawn by orgchart are used: their count, their
    /// smallest text, a lower bound on the pages readable text needs (the area of the boxes
    /// alone at that size over the printable area of a page), and how much of its printable
    /// area the boxes of the emptiest page cover.
    public struct Report: Sendable, CustomStringConvertible {
        public var pages: Int, smallestText: Double, areaBound: Int, leastFilled: Double
        /// How much of its printable area the boxes of each page cover, in page order.
        public var filled: [Double]

        public var description: String {
            "\(pages) page\(pages == 1 ? "" : "s"), smallest text \((smallestText * 10).rounded() / 10) pt; the boxes alone need at least \(areaBound) page\(areaBound == 1 ? "" : "s") at \(Int(PagedChart.smallestReadable)) pt; the emptiest page is \(Int((leastFilled * 100).rounded()))% boxes" + (pages > 1 ? " (page \((filled.firstIndex(of: leastFilled) ?? 0) + 1))" : "")
        }
    }

    /// The report of the pages; nil for a chart that orgchart does not lay out as a tree.
    public func report() throws -> Report? {
        guard drawsItself, chart.matrix == nil else { return nil }
        let theme = writer.theme
        let printable = printableArea
        func boxArea(_ frames: [BoxFrame]) -> Double { frames.reduce(0) { $0 + $1.width * $1.height } }
        let pages = try self.pages()
        var filled: [Double] = [], smallest = Double.infinity
        for page in pages {
            let scale = try scale(of: page, on: self.page)
            filled.append(boxArea(placed(page).frames) * scale * scale / printable)
            smallest = min(smallest, try smallestText(of: page))
        }
        let readableScale = min(1, readable / min(theme.detailSize, theme.footerSize))
        let bound = Int((boxArea(TidyLayout(chart: chart.shaped(for: page), theme: theme).frames) * readableScale * readableScale / printable).rounded(.up))
        return Report(pages: pages.count, smallestText: smallest, areaBound: max(1, bound), leastFilled: filled.min() ?? 1, filled: filled)
    }

    /// The part `chart` placed for a page: the page's margins surround it, so its own blank
    /// margin is only `pagePad`.
    package func placed(_ chart: Chart) -> PlacedChart {
        if !chart.quickShape, let known = placements.known(digest(of: chart)) { return known }
        return PlacedChart(chart: chart, theme: writer.theme, pad: Self.pagePad, boxTexts: boxTexts)
    }

    /// A digest of what decides how a part of the chart is laid out: its boxes with their
    /// lines of text, its lines, its subtitle and the page it is shaped for.
    private func digest(of chart: Chart) -> String {
        var digest = Fingerprint()
        digest.add("\(chart.shapedFor.map { "\($0.width) \($0.height)" } ?? "-") \(chart.quickShape) \(chart.shapeGoal ?? 0) \(chart.treesInRows) \(chart.subtitle ?? "")")
        for box in chart.boxes {
            digest.add(box.id)
            for detail in box.details { digest.add(detail) }
        }
        for line in chart.lines { digest.add("\(line.from) \(line.to) \(line.style)") }
        return digest.hex
    }

    /// Lays out the final `pages` on all processors at once, for the checks and the drawing
    /// that follow (orgchart's own drawing only: Graphviz takes one chart at a time).
    private func measure(_ pages: [Chart]) {
        guard drawsItself else { return }
        let paging = self
        _ = Parallel.map(pages, workers: ProcessInfo.processInfo.activeProcessorCount) { page in
            paging.placements.value(for: paging.digest(of: page)) { PlacedChart(chart: page, theme: paging.writer.theme, pad: Self.pagePad, boxTexts: paging.boxTexts) }.size
        }
    }

    /// The blank margin in points around a part drawn on a page, inside the page's margins:
    /// room for the half of a line's width that lies outside its box.
    static let pagePad = 4.0

    /// The chart rendered as SVG at its natural size.
    private func svg(_ chart: Chart) throws -> [UInt8] {
        try Renderer.shared.render(dot: tidy ? writer.writePlaced(PlacedChart(chart: chart, theme: writer.theme)) : writer.write(chart), engine: engine, format: .svg)
    }
}

/// Values computed once and shared by every copy of the struct that holds it; safe to use
/// from several threads.
package final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    /// An empty memo.
    package init() {}

    /// The value for `key` when it was made already.
    package func known(_ key: String) -> Value? { lock.withLock { values[key] } }

    /// The value for `key`, made by `make` the first time it is asked for.
    package func value(for key: String, _ make: () throws -> Value) rethrows -> Value {
        lock.lock()
        if let known = values[key] { lock.unlock(); return known }
        lock.unlock()
        let made = try make()
        lock.lock()
        values[key] = values[key] ?? made
        let kept = values[key]!
        lock.unlock()
        return kept
    }
}
