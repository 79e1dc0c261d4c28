import Placement
import TidyTree

/// The frame of lines of text the layout stage set, for a text box that holds them: from the
/// top of the first line to the bottom of the last, as wide as the widest line (estimated from
/// its characters, a tenth wider, as the layout estimates box text), placed by its anchor.
struct TextExtent {
    /// The frame, in the chart's points.
    let frame: BoxFrame

    /// The extent of `lines`; nil when there is none.
    init?(_ lines: [PlacedText]) {
        guard let first = lines.first, let last = lines.last else { return nil }
        var minX = Double.infinity, maxX = -Double.infinity
        for line in lines {
            let width = Double(line.text.count) * line.size * (line.bold ? TextMeasure.boldAdvance : TextMeasure.regularAdvance) * 1.1 + 4
            let start = line.anchor == .start ? line.x : line.anchor == .middle ? line.x - width / 2 : line.x - width
            minX = min(minX, start)
            maxX = max(maxX, start + width)
        }
        let top = first.baseline - first.size * PlacedChart.baseline
        let bottom = last.baseline - last.size * PlacedChart.baseline + last.size * BoxMetrics.lineHeight
        frame = BoxFrame(center: ChartPoint(x: (minX + maxX) / 2, y: (top + bottom) / 2), width: maxX - minX, height: bottom - top)
    }
}
