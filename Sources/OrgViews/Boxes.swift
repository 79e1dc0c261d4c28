import ChartGraph
import OrgModel

extension Model {
    /// The box of a unit: its name (with abbreviation) in bold, its head's title below, its
    /// sources as tooltip.
    func box(for unit: Unit, level: Int, group: String? = nil) -> Box {
        let heading = unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name
        var details: [String] = []
        if let head = unit.head, !head.title.isEmpty {
            details.append(head.grade.map { "\(head.title) (\($0))" } ?? head.title)
        }
        var tooltip = [unit.name]
        if let cited = cite(unit.source) { tooltip.append("Established by \(cited)") }
        if let head = unit.head, let cited = cite(head.source) { tooltip.append("Head: \(head.title), \(cited)") }
        return Box(id: unit.id, heading: heading, details: details, style: unit.kind.rawValue, tooltip: tooltip.joined(separator: "\n"),
                   url: unit.link, group: group, level: level, isAside: unit.kind == .frontOffice && children(of: unit.id).isEmpty)
    }

    /// The box of a post: its title in bold, the unit it heads and its other roles below.
    func box(forPost id: String, level: Int) -> Box {
        if let unit = unit(id), let head = unit.head {
            var details = [unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name]
            if let grade = head.grade { details[0] += " · \(grade)" }
            details += head.roles.map { "also \($0)" }
            let tooltip = [head.title, unit.name, cite(head.source).map { "Head: \($0)" }].compactMap { $0 }
            return Box(id: id, heading: head.title, details: details, style: unit.kind.rawValue,
                       tooltip: tooltip.joined(separator: "\n"), url: unit.link, level: level)
        }
        let post = posts.first { $0.id == id }
        var details = post?.grade.map { [$0] } ?? []
        details += (post?.roles ?? []).map { "also \($0)" }
        return Box(id: id, heading: post?.title ?? id, details: details, style: UnitKind.post.rawValue,
                   tooltip: [post?.title ?? id, cite(post?.source)].compactMap { $0 }.joined(separator: "\n"), level: level)
    }

    /// A line for a relationship, with its meaning and source as tooltip.
    func line(for relation: Relationship, shapesLayout: Bool = false) -> Line {
        Line(from: relation.from, to: relation.to, style: relation.kind.rawValue,
             tooltip: [relation.kind.label, cite(relation.source)].compactMap { $0 }.joined(separator: " — "),
             shapesLayout: shapesLayout)
    }

    /// The nearest ancestor-or-self of `unit` that is a department or pillar, for grouping.
    func department(of unit: Unit) -> Unit? {
        var current: Unit? = unit
        var steps = 0
        while let candidate = current, steps <= units.count {
            if candidate.kind == .department || candidate.kind == .pillar || candidate.kind == .organization { return candidate }
            current = candidate.parent.flatMap { self.unit($0) }
            steps += 1
        }
        return nil
    }
}
