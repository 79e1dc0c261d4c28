import ChartGraph
import OrgModel

/// The organigramme: units as boxes in their containment tree, top-down, each with its head's
/// title; dual and direct lines between units of the chart are drawn across the tree without
/// moving any box.
struct Organigramme {
    let model: Model
    let options: ViewOptions

    /// Relationship kinds an organigramme draws across the tree.
    static let crossKinds: Set<RelationKind> = [.alsoAccountableTo, .reportsTo, .dualReporting, .directAccess, .advises, .supports]

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
                lines.append(model.containment(of: child, in: unit.id))
            }
            stack += children.reversed().map { ($0, level + 1) }
        }
        let shown = Set(boxes.map(\.id))
        let across = model.relationships.filter { Self.crossKinds.contains($0.kind) && shown.contains($0.from) && shown.contains($0.to) }
        for relation in model.withoutRedundantAdvice(across, joined: lines.map { ($0.from, $0.to) }) {
            lines.append(model.line(for: relation))
        }
        referenceLinesLeavingTheChart(from: roots, shown: shown, boxes: &boxes)

        let furniture = Furniture("Organigramme", of: model, options: options, boxes: boxes, lines: lines)
        return Chart(id: "\(model.id)-organigramme", title: furniture.title, subtitle: furniture.subtitle,
                     footer: furniture.footer, boxes: boxes, lines: lines,
                     legend: Legend.entries(boxes: boxes, lines: lines))
    }

    /// A line to a unit outside the chart's trees (left out by `--root`) is not lost: the box at
    /// the end inside says where it goes ("→ dual reporting: DPO", the unit's abbreviation or
    /// name) or where it comes from, read from that end ("← dual reporting to it: DPO").
    /// Units below `--depth` are inside the trees; their lines are left out with them.
    private func referenceLinesLeavingTheChart(from roots: [Unit], shown: Set<String>, boxes: inout [Box]) {
        var inside = Set<String>(), stack = roots.map(\.id)
        while let id = stack.popLast() {
            if inside.insert(id).inserted { stack += model.children(of: id).map(\.id) }
        }
        let position = Dictionary(boxes.indices.map { (boxes[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for relation in model.relationships where Self.crossKinds.contains(relation.kind) && inside.contains(relation.from) != inside.contains(relation.to) {
            let outgoing = inside.contains(relation.from)
            let (here, there) = outgoing ? (relation.from, relation.to) : (relation.to, relation.from)
            guard shown.contains(here), let box = position[here] else { continue }
            let name = model.unit(there).map { $0.abbreviation ?? $0.name } ?? there
            boxes[box].details.append(outgoing ? "→ \(relation.kind.label): \(name)" : "← \(relation.kind.incomingLabel): \(name)")
        }
    }
}
