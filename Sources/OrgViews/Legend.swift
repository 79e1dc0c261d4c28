import ChartGraph
import OrgModel

/// Legends built from the styles that actually appear in a chart.
enum Legend {
    /// The style of an accountability line inferred from containment rather than stated.
    static let inferredAccountability = "accountable-to-inferred"

    /// One entry per box kind and per line kind present, boxes from largest to smallest kind,
    /// lines in vocabulary order; containment is explained only when other lines appear too.
    static func entries(boxes: [Box], lines: [Line]) -> [LegendEntry] {
        let unitKinds = Set(boxes.compactMap { UnitKind(rawValue: $0.style) }).sorted()
        let lineKinds = Set(lines.compactMap { RelationKind(rawValue: $0.style) }).sorted()
        let styles = Set(lines.map(\.style))
        var entries = unitKinds.map { LegendEntry(.box, style: $0.rawValue, label: $0.label) }
        if !lineKinds.isEmpty, styles.contains("contains") {
            entries.append(LegendEntry(.line, style: "contains", label: "contains (organizational unit)"))
        }
        entries += lineKinds.map { LegendEntry(.line, style: $0.rawValue, label: $0.label, incomingLabel: $0.incomingLabel) }
        if styles.contains(inferredAccountability) {
            entries.append(LegendEntry(.line, style: inferredAccountability, label: "accountable to the head of the containing unit (inferred)"))
        }
        return entries + standing(boxes: boxes, lines: lines)
    }

    /// The entries for inferred and planned boxes and lines, when the chart has any: a dashed
    /// second outline or a hollow circle at a line's tail for "inferred from the text"; a dotted
    /// second outline or a label for "planned".
    static func standing(boxes: [Box], lines: [Line]) -> [LegendEntry] {
        let drawn = lines.filter(\.isDrawn)
        var entries: [LegendEntry] = []
        if boxes.contains(where: \.isInferred) {
            entries.append(LegendEntry(.box, style: LegendEntry.inferredStyle, label: "inferred from the text"))
        }
        if boxes.contains(where: \.isPlanned) {
            entries.append(LegendEntry(.box, style: LegendEntry.plannedStyle, label: "planned (announced, not yet established)"))
        }
        if drawn.contains(where: \.isInferred) {
            entries.append(LegendEntry(.line, style: LegendEntry.inferredStyle, label: "inferred from the text (circle at the tail of any line)"))
        }
        if drawn.contains(where: \.isPlanned) {
            entries.append(LegendEntry(.line, style: LegendEntry.plannedStyle, label: "planned (announced, not yet in force; labelled with the date)"))
        }
        return entries
    }
}
