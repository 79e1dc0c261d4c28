import ChartGraph
import OrgModel

extension Model {
    /// The box of a unit: its name (with abbreviation) in bold, its head's title below, then who
    /// holds the post (or "Vacant") and the count of its staff; its sources and staff groups as
    /// tooltip.
    func box(for unit: Unit, level: Int, group: String? = nil) -> Box {
        let heading = unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name
        var details: [String] = []
        if let head = unit.head, !head.title.isEmpty {
            details.append(head.grade.map { "\(head.title) (\($0))" } ?? head.title)
        }
        if let holder = unit.head?.holder { details.append(holder) }
        if let staff = Self.staffCount(unit.staff) { details.append(staff) }
        var tooltip = [unit.name]
        if let cited = cite(unit.source) { tooltip.append("Established by \(cited)") }
        if let head = unit.head, let cited = cite(head.source) { tooltip.append("Head: \(head.title), \(cited)") }
        tooltip += Self.staffLines(unit.staff)
        return Box(id: unit.id, heading: heading, details: details, style: unit.kind.rawValue, tooltip: tooltip.joined(separator: "\n"),
                   url: unit.link, group: group, level: level, isAside: unit.kind == .frontOffice && children(of: unit.id).isEmpty)
    }

    /// The box of a post: its title in bold, the unit it heads and its other roles below.
    func box(forPost id: String, level: Int) -> Box {
        if let unit = unit(id), let head = unit.head {
            var details = [unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name]
            if let grade = head.grade { details[0] += " · \(grade)" }
            if let holder = head.holder { details.append(holder) }
            details += head.roles.map { "also \($0)" }
            if let staff = Self.staffCount(unit.staff) { details.append(staff) }
            let tooltip = [head.title, unit.name, cite(head.source).map { "Head: \($0)" }].compactMap { $0 } + Self.staffLines(unit.staff)
            return Box(id: id, heading: head.title, details: details, style: unit.kind.rawValue,
                       tooltip: tooltip.joined(separator: "\n"), url: unit.link, level: level)
        }
        let post = posts.first { $0.id == id }
        var details = post?.grade.map { [$0] } ?? []
        if let holder = post?.holder { details.append(holder) }
        details += (post?.roles ?? []).map { "also \($0)" }
        return Box(id: id, heading: post?.title ?? id, details: details, style: UnitKind.post.rawValue,
                   tooltip: [post?.title ?? id, cite(post?.source)].compactMap { $0 }.joined(separator: "\n"), level: level)
    }

    /// "Staff: 11.27 FTE in 2 groups" (or "Staff: 2 groups" when no group gives its FTE); nil
    /// without staff.
    static func staffCount(_ staff: [StaffGroup]) -> String? {
        guard !staff.isEmpty else { return nil }
        let groups = staff.count == 1 ? "1 group" : "\(staff.count) groups"
        let known = staff.compactMap(\.fte)
        guard !known.isEmpty else { return "Staff: \(groups)" }
        return "Staff: \(ModelWriter.number(known.reduce(0, +))) FTE in \(groups)"
    }

    /// One tooltip line per staff group (title, grade, FTE), at most 20, then how many more.
    static func staffLines(_ staff: [StaffGroup]) -> [String] {
        var lines = staff.prefix(20).map { group in
            "· \(group.title)" + (group.grade.map { " (\($0))" } ?? "") + (group.fte.map { ": \(ModelWriter.number($0)) FTE" } ?? "")
        }
        if staff.count > 20 { lines.append("… and \(staff.count - 20) more groups") }
        return lines
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
