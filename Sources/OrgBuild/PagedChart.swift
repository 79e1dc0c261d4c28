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

    /// The charts of the pages, in page order.
    public func pages() throws -> [Chart] {
        var accepted: [Chart] = []
        var queue: [Chart] = [chart]
        var index = 0
        while index < queue.count {
            var current = queue[index]
            current.page = nil
            let root = current.treeRoots.count == 1 ? current.treeRoots[0] : nil
            let splittable = chart.splitsAcrossPages && root.map { id in (current.treeChildren[id] ?? []).contains { !(current.treeChildren[$0] ?? []).isEmpty } } ?? false
            let readable = try !splittable || fits(current)
            if readable {
                accepted.append(current)
            } else {
                accepted.append(try split(current, onPage: index + 1, into: &queue))
            }
            index += 1
        }
        return accepted
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
    private var drawsItself: Bool { tidy && drawing == .builtin }

    /// True when the chart, scaled to the page, keeps its smallest text readable.
    func fits(_ chart: Chart) throws -> Bool {
        let drawn = drawsItself ? ChartPrint.size(of: chart, theme: writer.theme) : SVGImage.size(of: try svg(chart))
        guard let size = drawn else { return true }
        let scale = min(1, (page.width * 72 - 2 * Self.margin) / size.width, (page.height * 72 - 2 * Self.margin) / size.height)
        return min(writer.theme.detailSize, writer.theme.footerSize) * scale >= Self.smallestReadable
    }

    /// The chart rendered as SVG at its natural size.
    private func svg(_ chart: Chart) throws -> [UInt8] {
        try Renderer.shared.render(dot: tidy ? writer.writeTidy(chart) : writer.write(chart), engine: engine, format: .svg)
    }

    /// Moves the largest subtrees under the root to pages of their own, one at a time, until
    /// what remains can be read on this page; each moved subtree's top box stays here, marked
    /// "continued on page N".
    private func split(_ chart: Chart, onPage current: Int, into queue: inout [Chart]) throws -> Chart {
        let root = chart.treeRoots[0]
        let children = chart.treeChildren
        let everything = Set(chart.boxes.map(\.id))
        let order = (children[root] ?? []).filter { !(children[$0] ?? []).isEmpty }
        let sizes = Dictionary(uniqueKeysWithValues: order.map { ($0, chart.subtree(of: $0).count) })
        var candidates = order.enumerated().sorted { (sizes[$1.element]!, $0.offset) < (sizes[$0.element]!, $1.offset) }.map(\.element)
        var kept = everything
        var moved = Set<String>()
        repeat {
            let child = candidates.removeFirst()
            moved.insert(child)
            kept.subtract(chart.subtree(of: child).subtracting([child]))
            let readable = try fits(chart.restricted(to: kept))
            if readable { break }
        } while !candidates.isEmpty
        var remaining = chart.restricted(to: kept)
        var next = queue.count + 1
        for child in order where moved.contains(child) {
            var sub = chart.restricted(to: chart.subtree(of: child))
            sub.subtitle = [chart.subtitle, "continued from page \(current)"].compactMap { $0 }.joined(separator: " — ")
            queue.append(sub)
            if let position = remaining.boxes.firstIndex(where: { $0.id == child }) {
                remaining.boxes[position].details.append("continued on page \(next)")
            }
            next += 1
        }
        return remaining
    }
}
