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
        if let planned = unit.planned { details.append("planned: \(planned)") }
        var tooltip = [unit.name]
        if let cited = cite(unit.source) { tooltip.append((unit.planned == nil ? "Established by " : "Announced by ") + cited) }
        if let head = unit.head, let cited = cite(head.source) { tooltip.append("Head: \(head.title), \(cited)") }
        tooltip += Self.staffLines(unit.staff)
        var box = Box(id: unit.id, heading: heading, details: details, style: unit.kind.rawValue, tooltip: tooltip.joined(separator: "\n"),
                      url: unit.link, group: group, level: level, isAside: unit.kind == .frontOffice && children(of: unit.id).isEmpty)
        box.isInferred = unit.source?.inferred ?? false
        box.isPlanned = unit.planned != nil
        box.functions = unit.functions
        return box
    }

    /// The containment line from `parent` to `child`, with the child's source as tooltip (an
    /// inferred or planned child is marked on its box, which its line leads to).
    func containment(of child: Unit, in parent: String) -> Line {
        let verb = child.planned == nil ? "Established by" : "Announced by"
        return Line(from: parent, to: child.id, style: "contains", tooltip: cite(child.source).map { "\(verb) \($0)" })
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
            var box = Box(id: id, heading: head.title, details: details, style: unit.kind.rawValue,
                          tooltip: tooltip.joined(separator: "\n"), url: unit.link, level: level)
            box.isInferred = head.source?.inferred ?? unit.source?.inferred ?? false
            box.isPlanned = unit.planned != nil
            box.functions = unit.functions
            return box
        }
        let post = posts.first { $0.id == id }
        var details = post?.grade.map { [$0] } ?? []
        if let holder = post?.holder { details.append(holder) }
        details += (post?.roles ?? []).map { "also \($0)" }
        var box = Box(id: id, heading: post?.title ?? id, details: details, style: UnitKind.post.rawValue,
                      tooltip: [post?.title ?? id, cite(post?.source)].compactMap { $0 }.joined(separator: "\n"), level: level)
        box.isInferred = post?.source?.inferred ?? false
        return box
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

    /// A line for a relationship, with its meaning and source as tooltip; labelled with its
    /// scope when the text limits it, and with the date or condition expected when it is planned.
    func line(for relation: Relationship, shapesLayout: Bool = false) -> Line {
        let label = [relation.scope, relation.planned.map { "planned: \($0)" }].compactMap { $0 }.joined(separator: "; ")
        var tooltip = [relation.kind.label, relation.scope, cite(relation.source)].compactMap { $0 }
        if let planned = relation.planned { tooltip.insert("planned (\(planned))", at: 1) }
        var line = Line(from: relation.from, to: relation.to, style: relation.kind.rawValue, label: label.isEmpty ? nil : label,
                        tooltip: tooltip.joined(separator: " — "), shapesLayout: shapesLayout)
        line.isInferred = relation.source?.inferred ?? false
        line.isPlanned = relation.planned != nil
        return line
    }

    /// `relations` without the advice that runs beside another line between the same two boxes,
    /// either way — one of `relations`, or one of `joined` (containment, main lines): advice along
    /// a line of accountability or of direct access says nothing that line does not, and a second
    /// line between one pair of boxes crowds the route of the first. The model keeps the advice.
    func withoutRedundantAdvice(_ relations: [Relationship], joined: [(from: String, to: String)]) -> [Relationship] {
        func pair(_ a: String, _ b: String) -> [String] { a < b ? [a, b] : [b, a] }
        var pairs = Set(joined.map { pair($0.from, $0.to) })
        for relation in relations where relation.kind != .advises { pairs.insert(pair(relation.from, relation.to)) }
        return relations.filter { $0.kind != .advises || !pairs.contains(pair($0.from, $0.to)) }
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
