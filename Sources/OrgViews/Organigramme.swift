import ChartGraph
import OrgModel

/// The organigramme: units as boxes in their containment tree, top-down, each with its head's
/// title; dual and direct lines between units of the chart are drawn across the tree without
/// moving any box.
struct Organigramme {
    let model: Model
    let options: ViewOptions

    /// Relationship kinds an organigramme draws across the tree.
    static let crossKinds: Set<RelationKind> = [.alsoAccountableTo, .reportsTo, .dualReporting, .directAccess]

    func chart() throws -> Chart {
        let roots = try model.roots(for: options)
        var boxes: [Box] = []
        var lines: [Line] = []
        // Depth-first in source order, with an explicit stack so that deep trees cannot
        // exhaust the call stack.
        var stack: [(unit: Unit, level: Int)] = roots.reversed().map { ($0, 0) }
        while let (unit, level) = stack.popLast() {
            boxes.append(model.box(for: unit, level: level))
            if let depth = options.depth, level >= depth { continue }
            let children = model.children(of: unit.id)
            for child in children {
                lines.append(Line(from: unit.id, to: child.id, style: "contains", tooltip: model.cite(child.source).map { "Established by \($0)" }))
            }
            stack += children.reversed().map { ($0, level + 1) }
        }
        let shown = Set(boxes.map(\.id))
        for relation in model.relationships where Self.crossKinds.contains(relation.kind) && shown.contains(relation.from) && shown.contains(relation.to) {
            lines.append(model.line(for: relation))
        }

        let title = options.root.flatMap { model.unit($0)?.name } ?? model.title
        return Chart(id: "\(model.id)-organigramme", title: title, subtitle: model.date.map { "Organigramme as at \($0)" } ?? "Organigramme",
                     footer: model.sourceLines.map { "Source: \($0)" }, boxes: boxes, lines: lines,
                     legend: Legend.entries(boxes: boxes, lines: lines))
    }
}
