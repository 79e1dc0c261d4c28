import ChartGraph
import OrgTemplates
import TidyTree

/// The legend and the sources under a chart, placed: a row of sample boxes, one row per line
/// style (a sample of the line and its meaning), then one row per source, each row's shapes
/// and text set. Widths are estimated from character counts, like the boxes'.
public struct PlacedFooter: Sendable {
    /// One row of the footer, placed.
    public enum Row: Sendable {
        /// The "Boxes" heading (on the first row of samples only) and sample boxes, one per
        /// style, each with its label set in it.
        case boxes(heading: PlacedText?, samples: [(entry: LegendEntry, frame: BoxFrame, label: PlacedText)])
        /// A sample of a line style from `start` to the tip of its arrowhead, and its meaning.
        case line(entry: LegendEntry, start: ChartPoint, tip: ChartPoint, label: PlacedText)
        /// One footnote of a line drawn as a marker.
        case note(PlacedText)
        /// One source.
        case source(PlacedText)
    }

    /// The rows, top to bottom.
    public let rows: [Row]
    /// The footer's width and height in points.
    public let width: Double, height: Double

    /// Space between the chart and the footer, in points.
    public static let inset = 4.0
    /// Padding inside a cell and space between cells, in points.
    static let padding = 2.0, spacing = 2.0
    /// Length of a line sample, arrowhead included, in points.
    static let sampleLength = 40.0

    /// True when there is neither legend nor source.
    public var isEmpty: Bool { rows.isEmpty }

    /// Places the legend, the footnotes `notes` and the sources of `chart` in `theme`'s footer
    /// size, the top-left corner at `origin`, the sample boxes in `sampleRows` rows.
    init(chart: Chart, theme: Theme, notes: [String], origin: ChartPoint, sampleRows: Int = 1) {
        let size = theme.footerSize
        let rowHeight = size * BoxMetrics.lineHeight + 2 * Self.padding
        func textWidth(_ text: String, bold: Bool = false) -> Double {
            TextMeasure.width(text, size: size, bold: bold, font: theme.font)
        }
        // The first column holds the "Boxes" heading or a line sample, whichever is wider.
        let firstColumn = max(textWidth("Boxes", bold: true), Self.sampleLength) + 2 * Self.padding
        var rows: [Row] = [], width = 0.0
        var top = origin.y + Self.inset
        let baseline = Self.padding + size * PlacedChart.baseline
        func text(_ content: String, x: Double, bold: Bool = false, anchor: TextAnchor = .start) -> PlacedText {
            PlacedText(text: content, x: x, baseline: top + baseline, size: size, bold: bold, anchor: anchor)
        }
        let boxes = chart.legend.filter { $0.sample == .box }
        let cells = boxes.map { textWidth($0.label) * 1.1 + 4 * Self.padding }
        for (row, range) in Self.rows(of: cells, count: sampleRows).enumerated() {
            var x = origin.x + firstColumn + Self.spacing
            var samples: [(entry: LegendEntry, frame: BoxFrame, label: PlacedText)] = []
            for (entry, cell) in zip(boxes[range], cells[range]) {
                samples.append((entry, BoxFrame(center: ChartPoint(x: x + cell / 2, y: top + rowHeight / 2), width: cell, height: rowHeight),
                                text(entry.label, x: x + cell / 2, anchor: .middle)))
                x += cell + Self.spacing
            }
            rows.append(.boxes(heading: row == 0 ? text("Boxes", x: origin.x + Self.padding, bold: true) : nil, samples: samples))
            width = max(width, x - Self.spacing - origin.x)
            top += rowHeight + Self.spacing
        }
        for entry in chart.legend where entry.sample == .line {
            let y = top + rowHeight / 2
            rows.append(.line(entry: entry, start: ChartPoint(x: origin.x + Self.padding, y: y),
                              tip: ChartPoint(x: origin.x + Self.padding + Self.sampleLength, y: y),
                              label: text(entry.label, x: origin.x + firstColumn + Self.spacing + Self.padding)))
            width = max(width, firstColumn + Self.spacing + textWidth(entry.label) + 2 * Self.padding)
            top += rowHeight + Self.spacing
        }
        for note in notes {
            rows.append(.note(text(note, x: origin.x + Self.padding)))
            width = max(width, textWidth(note) + 2 * Self.padding)
            top += rowHeight + Self.spacing
        }
        for source in chart.footer {
            rows.append(.source(text(source, x: origin.x + Self.padding)))
            width = max(width, textWidth(source) + 2 * Self.padding)
            top += rowHeight + Self.spacing
        }
        self.rows = rows
        self.width = width
        height = Double(rows.count) * (rowHeight + Self.spacing)
    }

    /// `cells` (widths) cut into at most `count` consecutive rows, the widest row as narrow as
    /// it can be (the first such cut).
    static func rows(of cells: [Double], count: Int) -> [Range<Int>] {
        guard !cells.isEmpty else { return [] }
        let count = min(max(1, count), cells.count)
        func width(_ range: Range<Int>) -> Double { cells[range].reduce(0) { $0 + $1 + spacing } }
        /// The best cut of `cells[start...]` into `count` rows: its widest row and its rows.
        func best(from start: Int, count: Int) -> (widest: Double, rows: [Range<Int>]) {
            if count == 1 { return (width(start..<cells.count), [start..<cells.count]) }
            var result: (widest: Double, rows: [Range<Int>]) = (.infinity, [])
            for end in (start + 1)...(cells.count - count + 1) {
                let rest = best(from: end, count: count - 1)
                let widest = max(width(start..<end), rest.widest)
                if widest < result.widest { result = (widest, [start..<end] + rest.rows) }
            }
            return result
        }
        return best(from: 0, count: count).rows
    }

    /// The number of rows of sample boxes worth trying for `chart`'s legend: one, and two or
    /// three when it has that many samples.
    static func sampleRowCounts(of chart: Chart) -> ClosedRange<Int> {
        1...max(1, min(3, chart.legend.filter { $0.sample == .box }.count / 2))
    }
}
