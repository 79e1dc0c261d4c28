import ChartGraph
import OrgModel

/// The shared-service map: providers on the left, the units, departments and missions they serve
/// on the right, each framed by its department, so that one provider serving many consumers and
/// one consumer served by many providers both stay readable.
struct ServicesChart {
    let model: Model
    let options: ViewOptions

    /// Relationship kinds that mean "serves".
    static let kinds: Set<RelationKind> = [.providesServicesTo, .backstops, .hosts, .secretariatOf]

    func chart() throws -> Chart {
        var scope: Set<String>?
        if options.root != nil || options.depth != nil {
            scope = Set(try model.roots(for: options).flatMap { model.subtree(of: $0.id, depth: options.depth).map(\.id) })
        }
        let relations = model.relationships.filter { relation in
            Self.kinds.contains(relation.kind) && (scope.map { $0.contains(relation.from) || $0.contains(relation.to) } ?? true)
        }
        guard !relations.isEmpty else {
            throw ViewError("model '\(model.id)' states no shared services\(options.root.map { " for '\($0)'" } ?? "")",
                            hint: "the services view draws provides-services-to, backstops, hosts and secretariat-of relationships")
        }
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
