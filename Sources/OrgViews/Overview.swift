import ChartGraph
import OrgModel

/// The overview: the Secretary-General (or whoever the top units answer to) alone at the top;
/// under it one column per department, office or shared structure that stands alone in the model,
/// top-aligned, each with its main subunits hung below; the lines between the columns
/// (accountability, dual lines, shared services) drawn across. A structure that answers to other
/// columns (the regional structure shared by DPO and DPPA) stands between them with a line to
/// each, and the other end of every such line is on the chart. Sized for one A4 landscape page.
struct Overview {
    let model: Model
    let options: ViewOptions

    /// Kinds of top units an overview shows (missions and bodies are left to other views).
    static let topKinds: Set<UnitKind> = [.organization, .pillar, .department, .office, .serviceCentre]
    /// Kinds of subunits an overview shows under a top unit.
    static let subKinds: Set<UnitKind> = [.department, .office, .division, .service, .serviceCentre, .capacity, .branch]
    /// Kinds of lines drawn between any two boxes of the overview besides accountability.
    static let crossKinds: Set<RelationKind> = ServiceLinks.kinds.union([.alsoAccountableTo, .reportsTo, .dualReporting])
    /// The fewest boxes worth an overview; a root with fewer is better drawn as an organigramme.
    static let fewestBoxes = 4

    func chart() throws -> Chart {
        let graph = AccountabilityGraph(model: model)
        let depth = options.depth ?? 1
        var columns = try topUnits()
        // The other end of each column's lines up that run beside containment (a dual line, the
        // department a structure reports to) is a column too, shown without its subunits.
        var partners = Set<String>()
        for column in columns {
            for link in graph.up[column.id] ?? [] {
                guard let unit = model.unit(link.to), !isWithin(unit.id, columns.map(\.id)), !isWithin(column.id, [unit.id]) else { continue }
                columns.append(unit)
                partners.insert(unit.id)
            }
        }
        let columnIDs = Set(columns.map(\.id))
        /// The column a column answers to by its main line, if any: it stands beside that one.
        func sharedWith(_ column: String) -> String? {
            graph.mainLine(of: column).map(\.to).flatMap { columnIDs.contains($0) ? $0 : nil }
        }
        columns = ordered(columns, sharedWith: sharedWith)

        // Whoever the columns answer to, up to the top, each above the one it heads.
        var superiors: [String] = []
        for column in columns where sharedWith(column.id) == nil {
            var current = column.id
            while let up = graph.mainLine(of: current)?.to, !columnIDs.contains(up), !superiors.contains(up), superiors.count < 16 {
                superiors.append(up)
                current = up
            }
        }
        var boxes: [Box] = []
        var lines: [Line] = []
        var treeLinks = Set<AccountabilityLink>()
        for post in superiors.reversed() {
            boxes.append(model.unit(post).map { model.box(for: $0, level: 0) } ?? model.box(forPost: post, level: 0))
            if let link = graph.mainLine(of: post), superiors.contains(link.to) {
                lines.append(line(for: link, shapesLayout: true))
                treeLinks.insert(link)
            }
        }
        func visit(_ unit: Unit, level: Int, depth: Int) {
            var box = model.box(for: unit, level: level)
            // Below the columns, the names alone: the heads' titles are the organigramme's.
            if level > 1 { box.details = [] }
            boxes.append(box)
            guard level <= depth else { return }
            for child in model.children(of: unit.id) where Self.subKinds.contains(child.kind) {
                lines.append(model.containment(of: child, in: unit.id))
                visit(child, level: level + 1, depth: depth)
            }
        }
        for column in columns {
            if let link = graph.mainLine(of: column.id), superiors.contains(link.to) {
                lines.append(line(for: link, shapesLayout: true))
                treeLinks.insert(link)
            } else if let shared = sharedWith(column.id), let above = graph.mainLine(of: shared)?.to, superiors.contains(above) {
                lines.append(.placement(of: column.id, under: above))
            }
            visit(column, level: 1, depth: partners.contains(column.id) ? 0 : depth)
        }
        guard boxes.count >= Self.fewestBoxes else {
            let name = options.root.flatMap { model.unit($0)?.name } ?? model.title
            throw ViewError("the overview of \(name) would hold only \(boxes.count) box\(boxes.count == 1 ? "" : "es")",
                            hint: "draw its organigramme, or the overview of the unit containing it", reason: .overviewTooSmall)
        }
        // Lines up from the columns and those above them, then every dual or shared line between
        // them; the lines of their subunits are the organigramme's.
        let shown = Set(superiors + columns.map(\.id))
        for post in superiors + columns.map(\.id) {
            for link in graph.up[post] ?? [] where link.kind != nil && shown.contains(link.to) && !treeLinks.contains(link) {
                lines.append(line(for: link, shapesLayout: false))
            }
        }
        var drawn = Set(lines.map { "\($0.style) \($0.from) \($0.to)" })
        for relation in model.relationships where Self.crossKinds.contains(relation.kind) && shown.contains(relation.from) && shown.contains(relation.to) {
            let line = model.line(for: relation)
            if drawn.insert("\(line.style) \(line.from) \(line.to)").inserted { lines.append(line) }
        }
        let furniture = Furniture("Overview", of: model, options: options, boxes: boxes, lines: lines)
        var chart = Chart(id: "\(model.id)-overview", title: furniture.title, subtitle: furniture.subtitle,
                          footer: furniture.footer, boxes: boxes, lines: lines,
                          legend: Legend.entries(boxes: boxes, lines: lines))
        chart.page = PageSize.a4.landscape
        chart.splitsAcrossPages = false
        chart.arrangement = .tree
        return chart
    }

    /// The units the columns start from: the root's, or the model's top departments and offices;
    /// a pillar or organization with no head of its own is a frame around its parts, not a box,
    /// and a top unit with neither a head nor parts (a liaison office, an outside organization a
    /// mission supports) is left to the other views.
    private func topUnits() throws -> [Unit] {
        let tops = options.root != nil ? try model.roots(for: options)
            : model.children(of: nil).filter { Self.topKinds.contains($0.kind) && ($0.head != nil || !model.children(of: $0.id).isEmpty) }
        let columns = tops.flatMap { top -> [Unit] in
            guard top.head == nil, top.kind == .pillar || top.kind == .organization else { return [top] }
            let parts = model.children(of: top.id).filter { Self.topKinds.contains($0.kind) }
            return parts.isEmpty ? [top] : parts
        }
        guard !columns.isEmpty else { throw ViewError("model '\(model.id)' has no departments or offices to show", hint: "start the overview at a unit", reason: .nothingToShow) }
        return columns
    }

    /// The columns in model order, each shared structure moved just after the first column it
    /// answers to, so that it stands between the columns its lines go to.
    private func ordered(_ columns: [Unit], sharedWith: (String) -> String?) -> [Unit] {
        var result = columns.filter { sharedWith($0.id) == nil }
        for column in columns where sharedWith(column.id) != nil {
            let partner = sharedWith(column.id)
            var after = result.firstIndex { $0.id == partner }.map { $0 + 1 } ?? result.count
            while after < result.count, sharedWith(result[after].id) == partner { after += 1 }
            result.insert(column, at: after)
        }
        return result
    }

    /// True when `id` is one of `units` or lies inside one of them.
    private func isWithin(_ id: String, _ units: [String]) -> Bool {
        var current: String? = id
        var steps = 0
        while let unit = current, steps <= model.units.count {
            if units.contains(unit) { return true }
            current = model.unit(unit)?.parent
            steps += 1
        }
        return false
    }

    /// The line of an accountability link, from the subordinate up; inferred from containment
    /// when no relationship states it.
    private func line(for link: AccountabilityLink, shapesLayout: Bool) -> Line {
        guard let kind = link.kind else {
            return Line(from: link.from, to: link.to, style: Legend.inferredAccountability, tooltip: "accountable to the head of the containing unit (inferred from containment)",
                        shapesLayout: shapesLayout, ranksUpward: true)
        }
        var line = model.line(for: Relationship(kind: kind, from: link.from, to: link.to, source: link.source), shapesLayout: shapesLayout)
        line.ranksUpward = shapesLayout
        return line
    }
}
