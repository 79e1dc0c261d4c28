import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import SVGWriter

/// A chart fitted to pages of a PDF: on one page when it can be read there, otherwise split into
/// sub-charts, one per subtree, the boxes whose subtrees moved marked "continued on page N".
public struct PagedChart {
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

    /// Creates the paging of `chart` on `page`.
    public init(chart: Chart, writer: DOTWriter, tidy: Bool, engine: LayoutEngine, page: PageSize, drawing: Drawing = .builtin) {
        self.chart = chart
        self.writer = writer
        self.tidy = tidy
        self.engine = engine
        self.page = page
        self.drawing = drawing
    }

    /// Margin around the drawing, in points.
    public static let margin = 28.0

    /// A part of the chart that can be read on a page by itself: the ids of its boxes, and the
    /// part its top box was moved from.
    struct Piece {
        var ids: Set<String>
        var parent: Int?
    }

    /// The charts of the pages, in page order. The chart is cut into pieces, each readable on a
    /// page by itself: the largest subtrees under the top move to pieces of their own, one at a
    /// time, until what remains can be read. The first page holds the top; the other pieces are
    /// packed in order, as many side by side on a page as stay readable there, so pages are full.
    /// A box whose subtree moved says on which page it continues; each later page says which
    /// page it continues.
    public func pages() throws -> [Chart] {
        var pieces = [Piece(ids: Set(chart.boxes.map(\.id)), parent: nil)]
        var moved: [Int: [(box: String, piece: Int)]] = [:]
        var index = 0
        while index < pieces.count {
            let current = shaped(chart.restricted(to: pieces[index].ids))
            let root = current.treeRoots.count == 1 ? current.treeRoots[0] : nil
            let splittable = chart.splitsAcrossPages && root.map { id in (current.treeChildren[id] ?? []).contains { !(current.treeChildren[$0] ?? []).isEmpty } } ?? false
            if splittable, try !fits(current) {
                let (kept, subtrees) = try split(current)
                pieces[index].ids = kept
                for (box, ids) in subtrees {
                    moved[index, default: []].append((box, pieces.count))
                    pieces.append(Piece(ids: ids, parent: index))
                }
            }
            index += 1
        }
        // Pack the pieces after the first onto pages, in order.
        var pageOf = [0]
        var pageIDs: [Set<String>] = [pieces[0].ids]
        for (number, piece) in pieces.enumerated().dropFirst() {
            if pageIDs.count > 1, try fits(shaped(chart.restricted(to: pageIDs[pageIDs.count - 1].union(piece.ids)))) {
                pageIDs[pageIDs.count - 1].formUnion(piece.ids)
            } else {
                pageIDs.append(piece.ids)
            }
            pageOf.append(pageIDs.count - 1)
            _ = number
        }
        var pages = pageIDs.map { chart.restricted(to: $0) }
        for (piece, moves) in moved {
            for (box, target) in moves {
                let page = pageOf[piece]
                if let position = pages[page].boxes.firstIndex(where: { $0.id == box }) {
                    pages[page].boxes[position].details.append("continued on page \(pageOf[target] + 1)")
                }
            }
        }
        for page in pages.indices.dropFirst() {
            let from = Set(pieces.indices.filter { pageOf[$0] == page }.compactMap { pieces[$0].parent.map { pageOf[$0] + 1 } }).sorted()
            let continued = "continued from page" + (from.count > 1 ? "s " : " ") + from.map(String.init).joined(separator: ", ")
            pages[page].subtitle = [chart.subtitle, continued].compactMap { $0 }.joined(separator: " — ")
        }
        return pages.map(shaped)
    }

    /// `chart` drawn at its natural size, laid out for the shape of the page.
    private func shaped(_ chart: Chart) -> Chart {
        var copy = chart
        copy.page = nil
        copy.shapedFor = page
        return copy
    }

    /// The PDF with one page per chart of `pages()`.
    public func renderPDF() throws -> [UInt8] {
        if drawsItself {
            let charts = try pages()
            return PDFDates.fixed(try Renderer.serialized {
                try ChartPrint.pdf(pages: charts, theme: writer.theme, width: page.width * 72, height: page.height * 72, margin: Self.margin)
            })
        }
        let svgs = try pages().map(svg)
        return try PagedPDF.compose(svgs, width: page.width * 72, height: page.height * 72, margin: Self.margin)
    }

    /// True when orgchart draws the pages itself rather than Graphviz.
    private var drawsItself: Bool { drawing.drawsItself(chart, tidy: tidy) }

    /// True when the chart, scaled to the page, keeps its smallest text readable.
    public func fits(_ chart: Chart) throws -> Bool {
        let drawn = drawsItself ? ChartPrint.size(of: chart, theme: writer.theme) : SVGImage.size(of: try svg(chart))
        guard let size = drawn else { return true }
        let scale = min(1, (page.width * 72 - 2 * Self.margin) / size.width, (page.height * 72 - 2 * Self.margin) / size.height)
        return min(writer.theme.detailSize, writer.theme.footerSize) * scale >= Self.smallestReadable
    }

    /// The chart rendered as SVG at its natural size.
    private func svg(_ chart: Chart) throws -> [UInt8] {
        try Renderer.shared.render(dot: tidy ? writer.writeTidy(chart) : writer.write(chart), engine: engine, format: .svg)
    }

    /// Moves the largest subtrees under the root out of `chart`, one at a time, until what
    /// remains can be read on a page: the ids that remain, and the top box and ids of each
    /// subtree moved, in chart order. A moved subtree's top box stays in both.
    private func split(_ chart: Chart) throws -> (kept: Set<String>, moved: [(box: String, ids: Set<String>)]) {
        let root = chart.treeRoots[0]
        let children = chart.treeChildren
        let order = (children[root] ?? []).filter { !(children[$0] ?? []).isEmpty }
        let sizes = Dictionary(uniqueKeysWithValues: order.map { ($0, chart.subtree(of: $0).count) })
        var candidates = order.enumerated().sorted { (sizes[$1.element]!, $0.offset) < (sizes[$0.element]!, $1.offset) }.map(\.element)
        var kept = Set(chart.boxes.map(\.id))
        var moved = Set<String>()
        repeat {
            let child = candidates.removeFirst()
            moved.insert(child)
            kept.subtract(chart.subtree(of: child).subtracting([child]))
            if try fits(shaped(chart.restricted(to: kept))) { break }
        } while !candidates.isEmpty
        return (kept, order.filter(moved.contains).map { ($0, chart.subtree(of: $0)) })
    }
}
