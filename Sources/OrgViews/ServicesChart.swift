import ChartGraph
import OrgModel

/// The shared-service map as two columns: providers on the left, the units, departments and
/// missions they serve on the right, each framed by the group the services matrix gives it
/// (department or structure; missions by the division that backstops them), one line per
/// relationship in the style of its kind. The layout orders both columns and routes the lines.
/// With a root, it is the fan of that unit: its subtree's providers and everything they serve,
/// or the providers of everything in it.
struct ServicesChart {
    let model: Model
    let options: ViewOptions

    func chart() throws -> Chart {
        let relations = try model.relationships(of: ServiceLinks.kinds, options: options)
        let grouping = ServiceGroups(model: model)
        let providers = grouping.providers(of: relations), clients = grouping.clients(of: relations)
        let providerIDs = Set(providers.members.map(\.id))
        /// A unit that serves and is served has a box in each column; the client's is renamed.
        func clientBox(_ id: String) -> String { providerIDs.contains(id) ? id + Self.clientSuffix : id }

        var boxes = providers.members.map { box(for: $0.id, column: 0, group: Self.providerPrefix + $0.group.id, id: $0.id) }
        boxes += clients.members.map { box(for: $0.id, column: 1, group: Self.clientPrefix + $0.group.id, id: clientBox($0.id)) }
        let groups = providers.groups.map { Group(id: Self.providerPrefix + $0.id, label: $0.label, style: $0.style, shortLabel: $0.shortLabel) }
            + clients.groups.map { group in
                let label = group.id.hasPrefix(ServiceGroups.missionsOf) ? "Missions backstopped by the \(group.label)" : group.label
                return Group(id: Self.clientPrefix + group.id, label: label, style: group.style, shortLabel: group.shortLabel)
            }
        let lines = relations.map { relation in
            var line = model.line(for: relation, shapesLayout: true)
            line.to = clientBox(relation.to)
            return line
        }
        // The first box stands at the top of the left column, not above the chart: the title names the root.
        let furniture = Furniture("Shared services: providers (left) and whom they serve (right)", of: model, options: options, boxes: boxes, lines: lines, headed: false)
        var chart = Chart(id: "\(model.id)-services", title: furniture.title, subtitle: furniture.subtitle,
                          footer: furniture.footer, boxes: boxes, lines: lines, groups: groups,
                          legend: Legend.entries(boxes: boxes, lines: lines))
        chart.arrangement = .bipartite
        chart.splitsAcrossPages = false
        return chart
    }

    /// Prefixes of the ids of the frames of each column, which may frame the same department.
    static let providerPrefix = "providers:", clientPrefix = "clients:"
    /// Appended to the id of the client box of a unit that also has a provider box.
    static let clientSuffix = ".client"

    /// The box of a unit or post in `column` (0: providers, 1: clients): its name alone, as the
    /// head's title says nothing of who serves whom.
    private func box(for member: String, column: Int, group: String, id: String) -> Box {
        var box = model.unit(member).map { model.box(for: $0, level: column, group: group) } ?? model.box(forPost: member, level: column)
        box.id = id
        box.group = group
        box.details = []
        box.isAside = false
        return box
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
