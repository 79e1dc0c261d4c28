import ChartGraph
import OrgTemplates
import TidyTree

/// The legend and the sources under a chart, as the DOT writer's footer table shows them: a
/// row of sample boxes, one row per line style (a drawn sample and its meaning), then one row
/// per source. Cell sizes are estimated from character counts, like the boxes'.
struct Footer {
    /// One row of the footer.
    enum Row {
        case boxes([LegendEntry])
        case line(LegendEntry)
        case source(String)
    }

    let theme: Theme
    let rows: [Row]

    /// Space between the chart and the footer and from the left edge, in points.
    static let inset = 4.0
    /// Padding inside a cell and space between cells, in points.
    static let padding = 2.0, spacing = 2.0
    /// Length of a line sample, arrowhead included, in points.
    static let sampleLength = 40.0

    init(chart: Chart, theme: Theme) {
        self.theme = theme
        var rows: [Row] = []
        let boxes = chart.legend.filter { $0.sample == .box }
        if !boxes.isEmpty { rows.append(.boxes(boxes)) }
        rows += chart.legend.filter { $0.sample == .line }.map(Row.line)
        rows += chart.footer.map(Row.source)
        self.rows = rows
    }

    var isEmpty: Bool { rows.isEmpty }

    private var size: Double { theme.footerSize }
    private var rowHeight: Double { size * BoxMetrics.lineHeight + 2 * Self.padding }

    /// The estimated width of `text` in the footer's size.
    private func textWidth(_ text: String, bold: Bool = false) -> Double {
        Double(text.count) * size * (bold ? BoxMetrics.headingAdvance : BoxMetrics.detailAdvance)
    }

    /// Width of the first column: the "Boxes" heading or a line sample, whichever is wider.
    private var firstColumn: Double {
        max(textWidth("Boxes", bold: true), Self.sampleLength) + 2 * Self.padding
    }

    /// Widths of the sample boxes of the first row.
    private func cellWidths(_ entries: [LegendEntry]) -> [Double] {
        entries.map { textWidth($0.label) * 1.1 + 4 * Self.padding }
    }

    /// The footer's width in points.
    var width: Double {
        rows.map { row -> Double in
            switch row {
            case .boxes(let entries): return firstColumn + cellWidths(entries).reduce(0) { $0 + $1 + Self.spacing }
            case .line(let entry): return firstColumn + Self.spacing + textWidth(entry.label) + 2 * Self.padding
            case .source(let text): return textWidth(text) + 2 * Self.padding
            }
        }.max() ?? 0
    }

    /// The footer's height in points.
    var height: Double { Double(rows.count) * (rowHeight + Self.spacing) }

    /// Paints the footer with its top-left corner at `origin`.
    func paint<C: Canvas>(at origin: ChartPoint, on canvas: inout C) {
        guard !rows.isEmpty else { return }
        canvas.begin(.legend)
        var top = origin.y + Self.inset
        let baseline = Self.padding + size * ChartPainter.baseline
        for row in rows {
            switch row {
            case .boxes(let entries):
                canvas.text("Boxes", x: origin.x + Self.padding, baseline: top + baseline, size: size, bold: true, color: nil, anchor: .start)
                var x = origin.x + firstColumn + Self.spacing
                for (entry, width) in zip(entries, cellWidths(entries)) {
                    let shape = BoxShape(theme.box(entry.style))
                    shape.paint(BoxFrame(center: ChartPoint(x: x + width / 2, y: top + rowHeight / 2), width: width, height: rowHeight), on: &canvas)
                    canvas.text(entry.label, x: x + width / 2, baseline: top + baseline, size: size, bold: false, color: shape.text, anchor: .middle)
                    x += width + Self.spacing
                }
            case .line(let entry):
                let stroke = Stroke(theme.line(entry.style))
                let y = top + rowHeight / 2
                let start = ChartPoint(x: origin.x + Self.padding, y: y), tip = ChartPoint(x: origin.x + Self.padding + Self.sampleLength, y: y)
                let end = ChartPoint(x: tip.x - stroke.arrowhead.length, y: y)
                canvas.path([start, end], closed: false, paint: stroke.paint)
                stroke.arrowhead.paint(tip: tip, from: end, stroke: stroke, on: &canvas)
                canvas.text(entry.label, x: origin.x + firstColumn + Self.spacing + Self.padding, baseline: top + baseline, size: size, bold: false, color: nil, anchor: .start)
            case .source(let text):
                canvas.text(text, x: origin.x + Self.padding, baseline: top + baseline, size: size, bold: false, color: nil, anchor: .start)
            }
            top += rowHeight + Self.spacing
        }
        canvas.end(.legend)
    }
}
