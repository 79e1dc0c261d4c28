import ChartGraph
import OrgModel

/// Where the providers and the clients of services stand, as both services views show them:
/// providers under their department or structure; clients under theirs, except missions, which
/// stand under the division that backstops them (their region); stand-alone units of a kind
/// together (missions, intergovernmental bodies, others); officials outside the units last.
/// The services matrix and the two-column services chart share it.
struct ServiceGroups {
    let model: Model

    /// The id prefix of the groups of missions under the division that backstops them.
    static let missionsOf = "missions-of-"

    /// One end of a relation in its group.
    struct Member {
        var id: String
        var group: Group
    }

    /// The distinct providers of `relations`, grouped and sorted by group then model order, with their groups.
    func providers(of relations: [Relationship]) -> (members: [Member], groups: [Group]) {
        ordered(relations.map(\.from), placement: providerPlacement)
    }

    /// The distinct clients of `relations`, grouped and sorted by group then model order, with their groups.
    func clients(of relations: [Relationship]) -> (members: [Member], groups: [Group]) {
        ordered(relations.map(\.to), placement: clientPlacement)
    }

    /// Where a member goes: its group, and the rank of the group among groups.
    private struct Placement {
        var group: Group
        var rank: [Int]
    }

    /// The distinct `ids`, grouped and sorted by group then model order, with their groups.
    private func ordered(_ ids: [String], placement: (String) -> Placement) -> (members: [Member], groups: [Group]) {
        let rank = Dictionary(uniqueKeysWithValues: model.units.enumerated().map { ($0.element.id, $0.offset) })
        var seen = Set<String>()
        let distinct = ids.filter { seen.insert($0).inserted }
        let placed = distinct.map { id in (id: id, placement: placement(id)) }.sorted { a, b in
            if a.placement.rank != b.placement.rank { return a.placement.rank.lexicographicallyPrecedes(b.placement.rank) }
            return (rank[a.id] ?? Int.max, a.id) < (rank[b.id] ?? Int.max, b.id)
        }
        var groups: [Group] = []
        for item in placed where !groups.contains(where: { $0.id == item.placement.group.id }) { groups.append(item.placement.group) }
        return (placed.map { Member(id: $0.id, group: $0.placement.group) }, groups)
    }

    /// A provider's group: its department or the structure it belongs to.
    private func providerPlacement(_ id: String) -> Placement {
        guard let unit = model.unit(id) else { return officials }
        return placement(under: structure(of: unit), of: unit)
    }

    /// The group of `unit` under its structure `top`; a unit that stands alone, without
    /// subunits, joins the others of its kind.
    private func placement(under top: Unit, of unit: Unit) -> Placement {
        if top.id == unit.id, top.kind != .department, model.children(of: unit.id).isEmpty { return others(like: unit) }
        return Placement(group: group(for: top), rank: [Self.category(of: top), rankOf(top)])
    }

    /// A client's group: a mission under the division that backstops it (its region), any other
    /// unit under its department or structure.
    private func clientPlacement(_ id: String) -> Placement {
        guard let unit = model.unit(id) else { return officials }
        if unit.kind == .mission, let division = backstopping(unit) {
            return Placement(group: Group(id: Self.missionsOf + division.id, label: division.name, style: UnitKind.mission.rawValue, shortLabel: division.abbreviation),
                             rank: [Self.category(of: unit), rankOf(division)])
        }
        return placement(under: structure(of: unit), of: unit)
    }

    /// The group of officials outside the units of the model.
    private var officials: Placement {
        Placement(group: Group(id: "officials", label: "Officials", style: UnitKind.post.rawValue), rank: [4, 0])
    }

    /// The group gathering stand-alone units of the kind of `unit` (bodies, missions, mechanisms, others).
    private func others(like unit: Unit) -> Placement {
        let category = Self.category(of: unit)
        let label = ["Other units", "Missions", "Intergovernmental bodies", "Committees and other mechanisms"][category]
        return Placement(group: Group(id: "other-\(category)", label: label, style: unit.kind.rawValue), rank: [category, Int.max])
    }

    /// Departments and offices first, then missions, then intergovernmental bodies, then
    /// committees and other mechanisms.
    private static func category(of unit: Unit) -> Int {
        switch unit.kind {
        case .mission: return 1
        case .body: return 2
        case .mechanism: return 3
        default: return 0
        }
    }

    private func rankOf(_ unit: Unit) -> Int { model.units.firstIndex { $0.id == unit.id } ?? Int.max }

    /// The frame of a department or structure, labelled with its name and abbreviation.
    private func group(for unit: Unit) -> Group {
        Group(id: unit.id, label: unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name, style: unit.kind.rawValue, shortLabel: unit.abbreviation)
    }

    /// The nearest ancestor-or-self of `unit` that is a department, stands alone, or sits right
    /// under a pillar or the organization (the regional structure, a shared office).
    private func structure(of unit: Unit) -> Unit {
        var current = unit
        var steps = 0
        while current.kind != .department, current.kind != .pillar, current.kind != .organization,
              let parent = current.parent.flatMap({ model.unit($0) }), parent.kind != .pillar, parent.kind != .organization, steps <= model.units.count {
            current = parent
            steps += 1
        }
        return current
    }

    /// The division that backstops `mission` first in model order (its regional division).
    private func backstopping(_ mission: Unit) -> Unit? {
        model.relationships.lazy.filter { $0.kind == .backstops && $0.to == mission.id }
            .compactMap { self.model.unit($0.from) }.first { $0.kind == .division }
    }
}
