import ChartGraph
import Foundation
import OrgChart
import OrgImport
import OrgTemplates
import Placement
import OrgViews
import SVGWriter
@testable import TidyTree
import XCTest

/// Page-shaped tree layouts and packed multi-page charts.
final class PageShapeTests: XCTestCase {
    func testDepartmentOrganigrammesAreNoLongerRibbons() throws {
        let theme = try Theme.load("default")
        for model in ["dpko-2007", "dpko-2008", "dpko-2010", "dpo-2019", "peace-security-2021"] {
            let chart = try ChartSpec(model: model).prepare().chart
            let size = PlacedChart(chart: chart, theme: theme).size
            XCTAssertLessThanOrEqual(size.width / size.height, 2.6, "\(model) is \(size.width) × \(size.height) pt")
            var wide = theme
            wide.pageShaped = false
            let ribbon = PlacedChart(chart: chart, theme: wide).size
            XCTAssertLessThan(size.width, ribbon.width, "\(model): the page-shaped chart is narrower than every child in a row")
        }
    }

    func testTheLayoutAimsAtThePagesShape() throws {
        let chart = try ChartSpec(model: "peace-security-2021").prepare().chart
        let theme = try Theme.load("default")
        var portrait = chart, landscape = chart
        portrait.shapedFor = PageSize.a3
        landscape.shapedFor = PageSize.a3.landscape
        let tall = PlacedChart(chart: portrait, theme: theme).size, wide = PlacedChart(chart: landscape, theme: theme).size
        XCTAssertLessThan(tall.width / tall.height, wide.width / wide.height, "a portrait page gets a taller chart: \(tall) against \(wide)")
    }

    /// A5 landscape, smaller than the pages the built-in departments fit.
    static let a5Landscape = PageSize(name: "A5 landscape", width: 8.27, height: 5.83)

    func testPiecesArePackedOntoPagesAndEveryContinuationPointsAtItsPage() throws {
        // The Department of Operational Support: 71 units, more than one A5 page holds at 6 pt.
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dos"
        spec.page = Self.a5Landscape
        let prepared = try spec.prepare()
        let paged = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: Self.a5Landscape)
        let pages = try paged.pages()
        XCTAssertGreaterThan(pages.count, 1)
        // Every box is on some page, and each page is readable.
        let ids = Set(pages.flatMap { $0.boxes.map(\.id) })
        XCTAssertEqual(ids, Set(prepared.chart.boxes.map(\.id)))
        for page in pages { XCTAssertTrue(try paged.fits(page)) }
        // "continued on page N": the box's subtree is on page N, which says where it came from.
        XCTAssertGreaterThan(try Self.checkContinuations(pages), 0)
        // Each later page names its place: the heads above its pieces.
        for page in pages.dropFirst() { XCTAssertTrue(page.subtitle?.contains("Department of Operational Support (DOS)") == true, page.subtitle ?? "") }
        // A piece deeper down names the path above it: the pillar's departments on A5.
        var pillar = ChartSpec(model: "peace-security-2021")
        pillar.page = Self.a5Landscape
        let pillarChart = try pillar.prepare()
        let pillarPages = try PagedChart(chart: pillarChart.chart, writer: pillarChart.writer, tidy: true, engine: .nop2, page: Self.a5Landscape).pages()
        XCTAssertTrue(pillarPages.dropFirst().allSatisfy { $0.subtitle?.contains("Peace and Security Pillar") == true })
        // Some page of the pillar holds pieces from more than one page: packed side by side.
        XCTAssertTrue(pillarPages.dropFirst().contains { $0.subtitle?.contains("continued from pages ") == true }, "no page was packed")
    }

    func testAPageWithoutOrientationTakesTheOneWithFewerPages() throws {
        func pages(_ page: String) throws -> (count: Int, landscape: Bool) {
            var spec = ChartSpec(model: "dpo-2019")
            spec.page = PageSize(parsing: page)
            let info = try tool("pdfinfo", on: try spec.prepare().render(.pdf), named: "c.pdf", in: self).stdout
            let count = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
            return (count, info.contains("841.68 x 595.44"))
        }
        let free = try pages("A4"), portrait = try pages("A4,portrait"), landscape = try pages("A4,landscape")
        XCTAssertFalse(portrait.landscape)
        XCTAssertTrue(landscape.landscape)
        XCTAssertEqual(free.count, min(portrait.count, landscape.count))
        XCTAssertTrue(PageSize(parsing: "A4")!.turnable)
        XCTAssertFalse(PageSize(parsing: "A4,portrait")!.turnable)
    }

    /// A search that only asks whether a part fits stops at the first layout found to reach
    /// the scale asked for; one whose goal no layout reaches ends as the search without one.
    func testAShapeSearchWithAGoalStopsAtTheFirstLayoutThatReachesIt() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dos"
        let chart = try spec.prepare().chart
        let theme = try Theme.load("default")
        let metrics = BoxMetrics(theme: theme), tree = ChartTree(chart)
        let sizes = chart.boxes.map { (width: metrics.width(metrics.text($0)) * 72, height: metrics.height(metrics.text($0)) * 72) }
        var tried = 0
        func extent(_ columns: [Int]) -> (width: Double, height: Double) {
            tried += 1
            var placer = Placer(tree: tree, chart: chart, sizes: sizes, spacing: Spacing(theme: theme), stackLeaves: 0, top: 0, hangColumns: columns)
            placer.place(treesInRowsFor: nil)
            return placer.extent
        }
        let shape = PageShape(tree: tree, page: PageSize.a4.landscape)
        let best = shape.choose(extent)
        let triedInFull = tried
        XCTAssertGreaterThan(triedInFull, 10)
        // A goal below the best: some layout before the last reaches it, and the search ends there.
        var stopping = shape
        stopping.goal = best.scale * 0.9
        tried = 0
        let first = stopping.choose(extent)
        XCTAssertGreaterThanOrEqual(first.scale, best.scale * 0.9)
        XCTAssertLessThan(tried, triedInFull)
        // A goal above the best: every layout is tried, and the best is found as without a goal.
        stopping.goal = best.scale * 1.01
        tried = 0
        let unreached = stopping.choose(extent)
        XCTAssertEqual(unreached.columns, best.columns)
        XCTAssertEqual(tried, triedInFull)
    }

    /// Paging keeps each box's wrapped text for the parts it lays out: a part laid out with
    /// texts taken from the store is laid out as one whose texts are measured anew.
    func testBoxTextsKeptForOnePartServeAnotherAlike() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dpo"
        let chart = try spec.prepare().chart
        let theme = try Theme.load("default")
        let store = BoxTexts()
        var part = chart.restricted(to: Set(chart.boxes.prefix(30).map(\.id)))
        part.shapedFor = PageSize.a4.landscape
        _ = PlacedChart(chart: chart, theme: theme, boxTexts: store)
        let kept = PlacedChart(chart: part, theme: theme, boxTexts: store), anew = PlacedChart(chart: part, theme: theme)
        XCTAssertEqual(kept.frames, anew.frames)
        XCTAssertEqual(kept.texts, anew.texts)
        // A box that gains a line is measured anew, not taken for the box without it.
        var longer = part
        longer.boxes[1].details.append("continued on pages 12, 13, 14, 15 and 16 of this document")
        XCTAssertEqual(PlacedChart(chart: longer, theme: theme, boxTexts: store).texts, PlacedChart(chart: longer, theme: theme).texts)
    }

    /// The pages a chart is packed onto are known before each page is laid out in full, and
    /// the PDF never has fewer; a chart whose boxes alone cannot be read on one page takes the
    /// page upright for its one-page drawings (its PDF still turns when that needs fewer pages).
    func testPackedPagesBoundThePagesAndALargeChartTakesThePageUpright() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dos"
        spec.page = Self.a5Landscape
        let prepared = try spec.prepare()
        let paged = try prepared.pagedForTest()
        XCTAssertLessThanOrEqual(try paged.packedPageCount(), try paged.pages().count)
        XCTAssertGreaterThan(try paged.packedPageCount(), 1)
        var pillar = ChartSpec(model: "peace-security-2021")
        pillar.page = PageSize(parsing: "A4")
        let whole = try pillar.prepare()
        XCTAssertTrue(try whole.pagedForTest().tooLargeForOnePage)
        XCTAssertEqual(whole.chart.page, PageSize.a4.portrait.turnableAgain)
        var office = ChartSpec(model: "peace-security-2021")
        office.options.root = "odcss"
        office.page = PageSize(parsing: "A4")
        XCTAssertFalse(try office.prepare().pagedForTest().tooLargeForOnePage)
    }

    /// Packing stops once the chart is known to need at least the pages asked (when the other
    /// orientation of a page needs fewer): the count it then gives is a bound, never above the
    /// count packing to the end gives; asked for more, it packs to the end.
    func testPackingStopsOnceTheChartNeedsAtLeastThePagesAsked() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = Self.a5Landscape
        let prepared = try spec.prepare()
        let count = try prepared.pagedForTest().packedPageCount()
        XCTAssertGreaterThan(count, 6)
        let stopped = try prepared.pagedForTest().packedPageCount(unlessAtLeast: { count / 2 })
        XCTAssertFalse(stopped.exact)
        XCTAssertGreaterThanOrEqual(stopped.count, count / 2)
        XCTAssertLessThanOrEqual(stopped.count, count)
        let packed = try prepared.pagedForTest().packedPageCount(unlessAtLeast: { count + 1 })
        XCTAssertTrue(packed.exact)
        XCTAssertEqual(packed.count, count)
        // Until the other orientation has a count, packing goes on to the end.
        XCTAssertEqual(try prepared.pagedForTest().packedPageCount(unlessAtLeast: { nil }).count, count)
    }

    /// The pages of a PDF are drawn at scales of their own, and their text is shaped once for
    /// all of them: a word of one font keeps its proportions on every page, however large the
    /// page draws it.
    func testTextKeepsItsProportionsOnPagesDrawnAtDifferentScales() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = Self.a5Landscape
        let pdf = try spec.prepare().render(.pdf)
        let words = try tool("sh", ["-c", "pdftotext -bbox \"$0\" -"], on: pdf, named: "pillar.pdf", in: self)
        XCTAssertEqual(words.status, 0, words.stderr)
        // The "continued" of each page's "continued from page N": its width over its height.
        var shapes: [(width: Double, height: Double)] = []
        for page in words.stdout.components(separatedBy: "<page ").dropFirst() {
            let found = page.components(separatedBy: "\n").compactMap { line -> (word: String, box: [Double])? in
                guard let open = line.range(of: "<word "), let close = line.range(of: "</word>") else { return nil }
                let attributes = line[open.upperBound..<close.lowerBound]
                guard let end = attributes.firstIndex(of: ">") else { return nil }
                let numbers = attributes[..<end].split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.compactMap { Double($0.element) }
                return numbers.count == 4 ? (String(attributes[attributes.index(after: end)...]), numbers) : nil
            }
            for (k, word) in found.enumerated() where word.word == "continued" && found.indices.contains(k + 1) && found[k + 1].word == "from" {
                shapes.append((word.box[2] - word.box[0], word.box[3] - word.box[1]))
                break
            }
        }
        XCTAssertGreaterThan(shapes.count, 3, "later pages say where they continue from")
        let heights = shapes.map(\.height), ratios = shapes.map { $0.width / $0.height }
        XCTAssertGreaterThan(heights.max()! / heights.min()!, 1.05, "the pages are drawn at different scales: \(heights)")
        XCTAssertLessThan(ratios.max()! / ratios.min()!, 1.02, "the word keeps its proportions: \(ratios)")
    }

    func testLinesBetweenPagesBecomeReferencesAtBothEnds() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let pages = try PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a4.landscape).pages()
        let details = pages.enumerated().flatMap { number, page in page.boxes.flatMap { box in box.details.map { (page: number + 1, box: box.id, text: $0) } } }
        // Every line whose ends are on different pages has a reference at each end, each naming
        // the page of the other.
        var crossing = 0
        for line in prepared.chart.lines where !line.shapesLayout {
            let from = pages.indices.filter { pages[$0].boxes.contains { $0.id == line.from } }
            let to = pages.indices.filter { pages[$0].boxes.contains { $0.id == line.to } }
            guard let a = from.first, let b = to.first, Set(from).isDisjoint(with: to) else { continue }
            crossing += 1
            XCTAssertTrue(details.contains { $0.box == line.from && $0.text.hasPrefix("→ ") && $0.text.hasSuffix("(page \(b + 1))") }, "\(line.from) → \(line.to)")
            XCTAssertTrue(details.contains { $0.box == line.to && $0.text.hasPrefix("← ") && $0.text.hasSuffix("(page \(a + 1))") }, "\(line.from) → \(line.to)")
            // Read from the head: "← dual reporting to it: …", not "← dual reporting: …".
            let incoming = try XCTUnwrap(prepared.chart.legend.first { $0.style == line.style }?.incomingLabel)
            XCTAssertTrue(details.contains { $0.box == line.to && $0.text.hasPrefix("← \(incoming): ") }, "\(line.from) → \(line.to)")
        }
        XCTAssertGreaterThan(crossing, 0, "the pillar on A4 has lines between pages")
    }

    func testPagesCapsThePageCountWithTheLargestTextThatAllows() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dos"
        spec.page = PageSize.a4.portrait
        let free = try spec.prepare()
        let readable = try free.pagedForTest().pages().count
        XCTAssertGreaterThan(readable, 1)
        var previous = 0.0
        for cap in [1, readable] {
            spec.maxPages = cap
            let prepared = try spec.prepare()
            let paged = try prepared.pagedForTest()
            XCTAssertLessThanOrEqual(try paged.pages().count, cap)
            let smallest = try XCTUnwrap(try prepared.smallestText(.pdf))
            XCTAssertGreaterThan(smallest, previous, "more pages, larger text")
            previous = smallest
        }
        XCTAssertGreaterThanOrEqual(previous, PagedChart.smallestReadable, "as many pages as readable text needs: readable")
        let directory = try temporaryDirectory(self)
        let refused = try orgchart(["render", "--pages", "2", "-o", directory.appendingPathComponent("x.svg").path])
        XCTAssertEqual(refused.status, 64, "a wrong command line is a usage error")
        XCTAssertTrue(refused.stderr.contains("--pages needs a PDF, PowerPoint or draw.io file on a page"), refused.stderr)
        let warned = try orgchart(["render", "peace-security-2021", "--root", "dos", "--page", "A4,portrait", "--pages", "1", "-o", directory.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(warned.status, 0)
        XCTAssertTrue(warned.stderr.contains("warning: on A4 the smallest text"), warned.stderr)
    }

    func testThePageReportBoundsThePageCount() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let report = try XCTUnwrap(try prepared.pageReport())
        let info = try tool("pdfinfo", on: try prepared.render(.pdf), named: "p.pdf", in: self).stdout
        XCTAssertTrue(info.contains("Pages:           \(report.pages)"), info)
        XCTAssertGreaterThanOrEqual(report.smallestText, PagedChart.smallestReadable)
        XCTAssertLessThanOrEqual(report.areaBound, report.pages)
        XCTAssertGreaterThan(report.leastFilled, 0)
        XCTAssertLessThanOrEqual(report.leastFilled, 1)
        let directory = try temporaryDirectory(self)
        let result = try orgchart(["render", "dpko-2010", "--page", "A4", "--stats", "-o", directory.appendingPathComponent("d.pdf").path])
        XCTAssertTrue(result.stderr.contains("1 page, smallest text ") && result.stderr.contains("the boxes alone need at least 1 page"), result.stderr)
    }

    /// A department's organigramme in the print theme fits one A4 landscape page with every
    /// text at 6 pt or more: the legend takes an empty bottom corner, and a part drawn on a page
    /// keeps only a thin margin of its own inside the page's.
    func testADepartmentFitsOneA4PageInPrint() throws {
        var spec = ChartSpec(model: "dpo-2019", template: "print")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let paged = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a4.landscape)
        XCTAssertEqual(try paged.pages().count, 1)
        XCTAssertGreaterThanOrEqual(try paged.smallestText(), 6)
    }

    /// Every department's organigramme in the default theme fits one A4 landscape page with
    /// every text at 6 pt or more (the Department of Operational Support, 71 units, too), and
    /// drawn without a page it is at most 2.5 times as wide as it is high; the whole pillar
    /// takes at most two A3 landscape pages.
    func testEveryDepartmentFitsOneA4PageInTheDefaultTheme() throws {
        let departments: [(model: String, root: String?)] = [("dpko-2007", nil), ("dpko-2008", nil), ("dpko-2010", nil), ("dpo-2019", nil)]
            + ["dppa", "reg", "odcss", "pko", "dos"].map { ("peace-security-2021", $0) }
        for (model, root) in departments {
            var spec = ChartSpec(model: model)
            spec.options.root = root
            let natural = try spec.prepare().placed.size
            XCTAssertLessThanOrEqual(natural.width / natural.height, 2.5, "\(model) \(root ?? "")")
            spec.page = PageSize.a4.landscape
            let paged = try spec.prepare().pagedForTest()
            XCTAssertEqual(try paged.pages().count, 1, "\(model) \(root ?? "")")
            XCTAssertGreaterThanOrEqual(try paged.smallestText(), PagedChart.smallestReadable, "\(model) \(root ?? "")")
        }
        var pillar = ChartSpec(model: "peace-security-2021")
        pillar.page = PageSize.a3.landscape
        let paged = try pillar.prepare().pagedForTest()
        XCTAssertLessThanOrEqual(try paged.pages().count, 2)
        XCTAssertGreaterThanOrEqual(try paged.smallestText(), PagedChart.smallestReadable)
    }

    /// The legend goes into an empty bottom corner when one holds it, clear of every box and
    /// line, and the drawing is that much shorter.
    func testTheLegendTakesAnEmptyCorner() throws {
        let prepared = try ChartSpec(model: "dpko-2010", template: "print").prepare()
        let placed = prepared.placed
        var legend: (minX: Double, minY: Double, maxX: Double, maxY: Double) = (.infinity, .infinity, -.infinity, -.infinity)
        for row in placed.footer.rows {
            if case .boxes(_, let samples) = row {
                for sample in samples { legend = (min(legend.minX, sample.frame.minX), min(legend.minY, sample.frame.minY), max(legend.maxX, sample.frame.maxX), legend.maxY) }
            }
            if case .source(let text) = row { legend.maxY = max(legend.maxY, text.baseline) }
        }
        XCTAssertLessThan(legend.minY, placed.bottom, "the legend sits beside the boxes, not under them all")
        for frame in placed.frames {
            let apart = frame.maxX <= legend.minX || frame.minX >= legend.maxX || frame.maxY <= legend.minY || frame.minY >= legend.maxY
            XCTAssertTrue(apart, "the legend covers a box")
        }
        XCTAssertLessThan(placed.height, placed.bottom - placed.origin.y + placed.footer.height + 2 * placed.pad)
    }

    /// A chart of several trees (the pillar's accountability chart: the Secretary-General's
    /// tree and an outside head with the post answering to it) is cut at its largest tree, so
    /// every page stays readable instead of one page at half the size (on A5 portrait; on A4
    /// portrait it fits one page, its trees in two rows).
    func testAChartOfSeveralTreesIsCutAtItsLargest() throws {
        var spec = ChartSpec(model: "peace-security-2021", view: .accountability)
        let a5 = PageSize(name: "A5", width: 5.83, height: 8.27)
        spec.page = a5
        let prepared = try spec.prepare()
        XCTAssertGreaterThan(prepared.chart.treeRoots.count, 1)
        let paged = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: a5)
        XCTAssertGreaterThan(try paged.pages().count, 1)
        XCTAssertGreaterThanOrEqual(try paged.smallestText(), 6)
        let a4 = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a4.portrait)
        let pages = try a4.pages()
        XCTAssertEqual(pages.count, 1)
        XCTAssertGreaterThanOrEqual(try a4.smallestText(), 6)
        // The trees stand one above the other: the outside head's tree is not beside the Secretary-General's.
        let placed = a4.placed(pages[0])
        let frame = { (id: String) in placed.frames[try XCTUnwrap(placed.chart.boxes.firstIndex { $0.id == id })] }
        let trees = try pages[0].treeRoots.map(frame)
        XCTAssertEqual(trees.count, 2)
        XCTAssertTrue(trees[0].maxY < trees[1].minY || trees[1].maxY < trees[0].minY, "\(trees)")
    }

    /// Several trees on one page stand in rows of trees, in order, when that fits the page
    /// better: six equal trees on a page half as wide as their row stand in two rows of three;
    /// trees that fit side by side keep one row.
    func testTreesStandInRowsWhenThatFitsThePageBetter() {
        let trees = Array(repeating: (width: 100.0, height: 100.0), count: 6)
        XCTAssertEqual(Placer.rowsOfTrees(trees, area: (350, 300), gap: (10, 24)), [0, 3])
        XCTAssertEqual(Placer.rowsOfTrees(trees, area: (700, 300), gap: (10, 24)), [0])
        XCTAssertEqual(Placer.rowsOfTrees(trees, area: (130, 900), gap: (10, 24)), [0, 1, 2, 3, 4, 5])
        XCTAssertNil(Placer.rowsOfTrees([], area: (130, 900), gap: (10, 24)))
    }

    /// A real organogram cut into pages fills them: every page, the first (the top of the
    /// department with its continued offices) included, covers at least 15 % of its printable
    /// area with boxes, and the page count stays within twice the least the boxes' area allows.
    func testPagesOfARealOrganogramAreFilled() throws {
        for (file, title) in [("hmt.csv", "HM Treasury"), ("dcms.csv", "Department for Culture, Media and Sport")] {
            let csv = CSVImportTests.organograms.appendingPathComponent(file)
            guard let bytes = FileManager.default.contents(atPath: csv.path) else { throw XCTSkip("\(csv.path) is not available") }
            let result = try CSVImport(title: title).run([(file, [UInt8](bytes))])
            let directory = try temporaryDirectory(self)
            let model = directory.appendingPathComponent("model.yaml")
            try Data(result.yaml.utf8).write(to: model)
            var spec = ChartSpec(model: model.path)
            spec.page = PageSize.a3
            let report = try XCTUnwrap(try spec.prepare().pageReport())
            XCTAssertGreaterThan(report.pages, 1)
            XCTAssertGreaterThanOrEqual(report.smallestText, PagedChart.smallestReadable)
            XCTAssertLessThanOrEqual(report.pages, 2 * report.areaBound, "\(report)")
            for (page, filled) in report.filled.enumerated() {
                XCTAssertGreaterThanOrEqual(filled, 0.15, "\(file): page \(page + 1) of \(report)")
            }
        }
    }

    /// A chart that fits the page at its natural size keeps its rows: DPKO's accountability in
    /// 2007 (four posts) has the Under-Secretary-General a full row below the Secretary-General,
    /// not hung a few points under him.
    func testASmallChartKeepsItsRows() throws {
        let placed = try ChartSpec(model: "dpko-2007", view: .accountability).prepare().placed
        let frame = { (id: String) in placed.frames[placed.chart.boxes.firstIndex { $0.id == id }!] }
        XCTAssertGreaterThan(frame("dpko").minY - frame("sg").maxY, 23.9)
    }

    /// A head with many children may hang them in side-by-side columns: DPKO in 2007 (19 units,
    /// 13 under the USG, a row far too wide and one column far too tall) fits one A4 landscape
    /// page at 6 pt or more in columns, in the order of the model.
    func testChildrenHangInSideBySideColumns() throws {
        var spec = ChartSpec(model: "dpko-2007")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let paged = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a4.landscape)
        XCTAssertEqual(try paged.pages().count, 1)
        XCTAssertGreaterThanOrEqual(try paged.smallestText(), 6)
        let placed = prepared.placed
        let children = prepared.chart.treeChildren["dpko"] ?? []
        let lefts = Set(children.map { id in placed.frames[prepared.chart.boxes.firstIndex { $0.id == id }!].minX.rounded() })
        XCTAssertGreaterThan(lefts.count, 1, "the USG's units stand in more than one column")
        XCTAssertEqual(GeometryCheck(placed).problems, [])
        // Columns are cut in order and about equal in height.
        XCTAssertEqual(Placer.columns([1, 2, 3, 4, 5, 6], heights: [10, 10, 10, 10, 10, 10], count: 2), [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(Placer.columns([1, 2, 3], heights: [40, 10, 10], count: 2), [[1], [2, 3]])
        XCTAssertEqual(Placer.columns([1, 2], heights: [10, 10], count: 1), [[1, 2]])
    }

    /// The pages a box's "continued on page N" or "continued on pages N, M–K" line names; nil
    /// for any other line.
    static func continuationPages(_ detail: String) -> [Int]? {
        let rest: Substring
        if detail.hasPrefix("continued on pages ") { rest = detail.dropFirst("continued on pages ".count) }
        else if detail.hasPrefix("continued on page ") { rest = detail.dropFirst("continued on page ".count) }
        else { return nil }
        var pages: [Int] = []
        for part in rest.split(separator: ", ") {
            let ends = part.split(separator: "–").compactMap { Int($0) }
            guard let first = ends.first, let last = ends.last, first <= last else { return nil }
            pages += Array(first...last)
        }
        return pages.isEmpty ? nil : pages
    }

    /// Checks every "continued on page N" (and "continued on pages …") of `pages`: the box
    /// stands on each page named, whose subtitle says it continues the page the box came from;
    /// a box has at most one such line. Returns how many pages they name.
    static func checkContinuations(_ pages: [Chart]) throws -> Int {
        var continuations = 0
        for (number, page) in pages.enumerated() {
            for box in page.boxes {
                let lines = box.details.filter { $0.hasPrefix("continued on page") }
                XCTAssertLessThanOrEqual(lines.count, 1, "\(box.id): \(lines)")
                for detail in lines {
                    let targets = try XCTUnwrap(continuationPages(detail), detail)
                    for target in targets.map({ $0 - 1 }) {
                        continuations += 1
                        XCTAssertTrue(pages[target].boxes.contains { $0.id == box.id }, "\(box.id) is not on page \(target + 1)")
                        let subtitle = pages[target].subtitle ?? ""
                        XCTAssertTrue(subtitle.contains("continued from page"), subtitle)
                        let from = subtitle.components(separatedBy: "continued from page").last ?? ""
                        XCTAssertTrue(from.split(whereSeparator: { !$0.isNumber }).contains { $0 == "\(number + 1)" },
                                      "page \(target + 1) (\(box.id)) does not say it continues page \(number + 1): \(subtitle)")
                    }
                }
            }
        }
        return continuations
    }

    /// The longest run of a list is found from any guess, whatever the readability says
    /// beyond whether it fits; near a good guess, in two layouts; from the readability of a
    /// page whose text shrinks as the square root of what it holds, in a few.
    func testTheLongestRunIsFoundFromAnyGuess() {
        for most in [1, 2, 7, 40] {
            for limit in 0...(most + 1) {
                for guess in [1, 3, 20, 100] {
                    let found = PagedChart.longest(upTo: most, near: guess) { $0 <= limit ? 1 : 0.5 }
                    XCTAssertEqual(found, max(1, min(limit, most)), "\(most) \(limit) \(guess)")
                }
            }
        }
        var asked = 0
        XCTAssertEqual(PagedChart.longest(upTo: 400, near: 30) { asked += 1; return $0 <= 30 ? 1 : 0.9 }, 30)
        XCTAssertEqual(asked, 2)
        asked = 0
        XCTAssertEqual(PagedChart.longest(upTo: 1_000, near: 1_000) { asked += 1; return (130.4 / Double($0)).squareRoot() }, 130)
        XCTAssertLessThanOrEqual(asked, 3)
    }

    /// A box whose subtrees continue on several pages says so in one line, runs of three or
    /// more pages as a range.
    func testAContinuationNamesItsPagesInOneLine() {
        XCTAssertEqual(PagedChart.continuation([7]), "continued on page 7")
        XCTAssertEqual(PagedChart.continuation([12, 11]), "continued on pages 11, 12")
        XCTAssertEqual(PagedChart.continuation([23, 24, 25, 26, 27, 28, 29, 30, 31, 32]), "continued on pages 23–32")
        XCTAssertEqual(PagedChart.continuation([3, 5, 6, 7, 9, 9]), "continued on pages 3, 5–7, 9")
        XCTAssertEqual(Self.continuationPages("continued on pages 3, 5–7, 9"), [3, 5, 6, 7, 9])
    }

    /// Where the top's children are cut into runs on several pages (the pillar on A5), a
    /// subtree moved off a run continues from the run's page: every "continued on page N" box
    /// stands on page N, which says it continues the page the box came from.
    func testEveryContinuationOfThePillarPointsAtItsPage() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = Self.a5Landscape
        let prepared = try spec.prepare()
        let pages = try PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: Self.a5Landscape).pages()
        XCTAssertGreaterThan(try Self.checkContinuations(pages), 5)
    }

    /// A page of a paged chart keeps the legend entries for inferred and planned facts while it
    /// shows some (they have no style of their own to keep them).
    func testPagesKeepTheLegendOfInferredFacts() throws {
        var spec = ChartSpec(model: "peace-security-2021", view: .overview)
        spec.page = PageSize.a3.landscape
        let prepared = try spec.prepare()
        let pages = try PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a3.landscape).pages()
        var checked = 0
        for page in pages where page.boxes.contains(where: \.isInferred) {
            XCTAssertTrue(page.legend.contains { $0.sample == .box && $0.style == LegendEntry.inferredStyle }, page.subtitle ?? page.title)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
    }
}

extension PreparedChart {
    /// The paging of a prepared chart on its page, with its page cap.
    func pagedForTest() throws -> PagedChart {
        var paged = PagedChart(chart: chart, writer: writer, tidy: tidy, engine: engine, page: try XCTUnwrap(chart.page), drawing: drawing)
        paged.maxPages = maxPages
        return paged
    }

}
