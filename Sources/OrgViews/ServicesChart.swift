import ChartGraph
import OrgModel

/// The shared-service map: providers on the left, the units, departments and missions they serve
/// on the right, each framed by its department, so that one provider serving many consumers and
/// one consumer served by many providers both stay readable.
struct ServicesChart {
    let model: Model
    let options: ViewOptions

    func chart() throws -> Chart {
        let relations = try model.relationships(of: ServiceLinks.kinds, options: options)
        var members: [String] = []
        for relation in relations {
            for end in [relation.from, relation.to] where !members.contains(end) { members.append(end) }
        }
        let order = model.units.map(\.id) + model.posts.map(\.id)
        members.sort { (order.firstIndex(of: $0) ?? order.count) < (order.firstIndex(of: $1) ?? order.count) }

        var groups: [Group] = []
        var boxes: [Box] = []
        for id in members {
            guard let unit = model.unit(id) else {
                boxes.append(model.box(forPost: id, level: 1))
                continue
            }
            let department = model.department(of: unit)
            if let department, !groups.contains(where: { $0.id == department.id }) {
                groups.append(Group(id: department.id, label: department.abbreviation.map { "\(department.name) (\($0))" } ?? department.name,
                                    style: department.kind.rawValue))
            }
            let isProvider = relations.contains { $0.from == id }
            boxes.append(model.box(for: unit, level: isProvider ? 0 : 1, group: department?.id))
        }
        let lines = relations.map { model.line(for: $0, shapesLayout: true) }
        let title = options.root.flatMap { model.unit($0)?.name } ?? model.title
        var chart = Chart(id: "\(model.id)-services", title: title, subtitle: "Shared services" + (model.date.map { " as at \($0)" } ?? ""),
                          footer: model.sourceLines.map { "Source: \($0)" }, boxes: boxes, lines: lines, groups: groups,
                          legend: Legend.entries(boxes: boxes, lines: lines))
        chart.arrangement = .flow
        return chart
    }
}

extension Model {
    /// The relationships of `kinds` in model order, limited to those with one end in the subtree
    /// the options select when they give a root or a depth; throws when there is none.
    func relationships(of kinds: Set<RelationKind>, options: ViewOptions) throws -> [Relationship] {
        var scope: Set<String>?
        if options.root != nil || options.depth != nil {
            scope = Set(try roots(for: options).flatMap { subtree(of: $0.id, depth: options.depth).map(\.id) })
        }
        let relations = relationships.filter { relation in
            kinds.contains(relation.kind) && (scope.map { $0.contains(relation.from) || $0.contains(relation.to) } ?? true)
        }
        guard !relations.isEmpty else {
            throw ViewError("model '\(id)' states no shared services\(options.root.map { " for '\($0)'" } ?? "")",
                            hint: "services views draw \(kinds.sorted().map(\.rawValue).joined(separator: ", ")) relationships")
        }
        return relations
    }
}
