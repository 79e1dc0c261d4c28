import ChartGraph
import OrgTemplates
import Placement
import TidyTree

extension PlacedFooter {
    /// Paints the legend and sources where the layout stage placed them: sample boxes in their
    /// style's look, line samples with their arrowheads, and the text of every row.
    func paint<C: Canvas>(theme: Theme, on canvas: inout C) {
        guard !rows.isEmpty else { return }
        canvas.begin(.legend)
        for row in rows {
            switch row {
            case .boxes(let heading, let samples):
                if let heading { canvas.text(heading, color: nil) }
                for sample in samples {
                    let shape = BoxShape(theme.box(sample.entry.style))
                    shape.paint(sample.frame, on: &canvas)
                    shape.paintStanding(sample.frame, inferred: sample.entry.style == LegendEntry.inferredStyle,
                                        planned: sample.entry.style == LegendEntry.plannedStyle, on: &canvas)
                    canvas.text(sample.label, color: shape.text)
                }
            case .line(let entry, let start, _, let label) where entry.style == LegendEntry.plannedStyle:
                // A planned line is drawn in its kind's style with its date on it: the sample is that label.
                canvas.text(PlacedText(text: "planned: …", x: start.x, baseline: label.baseline, size: label.size, bold: false, anchor: .start), color: nil)
                canvas.text(label, color: nil)
            case .line(let entry, let start, let tip, let label):
                let stroke = Stroke(theme.line(entry.style))
                let end = ChartPoint(x: tip.x - stroke.arrowhead.length, y: tip.y)
                canvas.path([start, end], closed: false, paint: stroke.paint)
                stroke.arrowhead.paint(tip: tip, from: end, stroke: stroke, on: &canvas)
                if entry.style == LegendEntry.inferredStyle { stroke.paintInferredMark(at: start, on: &canvas) }
                canvas.text(label, color: nil)
            case .note(let text), .source(let text):
                canvas.text(text, color: nil)
            }
        }
        canvas.end(.legend)
    }
}
