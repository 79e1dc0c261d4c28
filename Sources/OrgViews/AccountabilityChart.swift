import ChartGraph
import OrgModel

/// The accountability chart: posts (heads of units and officials such as the Secretary-General)
/// as boxes, and the lines between them — accountable to, also accountable to, reports to,
/// direct access, technical reporting, chain of command, deputizes — each in its own style (advice,
/// which carries no accountability, is the organigramme's).
/// Each post hangs under its main line; the other lines are drawn across without moving it.
struct AccountabilityChart {
    let model: Model
    let options: ViewOptions

    /// Relationship kinds the chart draws.
    static let kinds: Set<RelationKind> = [.accountableTo, .alsoAccountableTo, .reportsTo, .dualReporting, .directAccess,
                                           .technicalReporting, .commands, .deputizes]

    func chart() throws -> Chart {
        let graph = AccountabilityGraph(model: model)
        let roots = try model.roots(for: options)
        // The posts of the selected units, then every post they answer to, up to the top.
        var selected: [String] = []
        for root in roots {
            for unit in model.subtree(of: root.id, depth: options.depth) where unit.head != nil { selected.append(unit.id) }
        }
        if options.root == nil, model.root == nil { selected += model.posts.map(\.id) }
        var shown = selected
        var queue = selected
        while let post = queue.popLast() {
            for link in graph.up[post] ?? [] where !shown.contains(link.to) {
                shown.append(link.to)
                queue.append(link.to)
            }
        }
        let members = Set(shown)
        let inside = Set(selected)
        // Where each post hangs: under its main line, except a head outside the chart's units whose
        // main line goes into them (the USG for Field Support, who reports to the USG for
        // Peacekeeping Operations): it stands beside the head it parallels, under that head's
        // superior, or at the top. A post answering alike to several (dual lines of one kind, no
        // precedence stated) hangs under the first, and every one of those lines is drawn across.
        var placements: [String: Placement] = [:]
        for post in shown {
            guard let main = graph.mainLine(of: post), members.contains(main.to) else { continue }
            let equals = (graph.up[post] ?? []).filter { $0.kind == main.kind && $0.kind != nil && members.contains($0.to) }
            if model.unit(post) != nil, !inside.contains(post), inside.contains(main.to) {
                placements[post] = .beside(main.to)
            } else if equals.count > 1 {
                placements[post] = .under(main.to, drawn: false)
            } else {
                placements[post] = .under(main.to, drawn: true)
            }
        }
        func parent(_ post: String) -> String? {
            switch placements[post] {
            case .beside(let peer): return graph.mainLine(of: peer).map(\.to).flatMap { members.contains($0) && $0 != post ? $0 : nil }
            case .under(let superior, _): return superior
            case nil: return nil
            }
        }
        // Depth of each post in the tree, for level widths (memoized; a cycle stops the count).
        var levels: [String: Int] = [:]
        func level(_ post: String) -> Int {
            var path: [String] = [], onPath = Set<String>()
            var current = post
            var depth = -1
            while true {
                if let known = levels[current] { depth = known; break }
                guard onPath.insert(current).inserted else { break }
                path.append(current)
                guard let up = parent(current) else { break }
                current = up
            }
            for id in path.reversed() {
                depth += 1
                levels[id] = depth
            }
            return levels[post] ?? 0
        }
        let order = model.units.map(\.id) + model.posts.map(\.id)
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let boxes = order.filter(members.contains).map { model.box(forPost: $0, level: level($0)) }

        var lines: [Line] = []
        // The main lines that hang a post in the tree; the others are drawn across it.
        var mainLines = Set<AccountabilityLink>()
        for post in order where members.contains(post) {
            guard let main = graph.mainLine(of: post) else { continue }
            switch placements[post] {
            case .under(_, drawn: true): mainLines.insert(main)
            case .under(let superior, drawn: false): lines.append(.placement(of: post, under: superior))
            case .beside: if let above = parent(post) { lines.append(.placement(of: post, under: above)) }
            case nil: break
            }
        }
        for relation in model.relationships where Self.kinds.contains(relation.kind) && members.contains(relation.from) && members.contains(relation.to) {
            var line = model.line(for: relation)
            let upward = relation.kind == .commands ? (from: relation.to, to: relation.from) : (from: relation.from, to: relation.to)
            line.shapesLayout = mainLines.contains { $0.from == upward.from && $0.to == upward.to && $0.kind == relation.kind }
            line.ranksUpward = relation.kind != .commands
            lines.append(line)
        }
        // Heads that state no line answer to the head of the unit containing them.
        for link in mainLines.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) where link.kind == nil {
            lines.append(Line(from: link.from, to: link.to, style: Legend.inferredAccountability, tooltip: "accountable to the head of the containing unit (inferred from containment)",
                              shapesLayout: true, ranksUpward: true))
        }
        // A head placed beside the head it parallels stands on the side of it where the posts
        // with lines to it are (the USG for Field Support left of the USG for Peacekeeping
        // Operations, above the offices that answer to both), so that those lines stay short:
        // the line that places it then comes before the head's own line.
        var leftOf: [String: Double] = [:]
        for (peer, placement) in placements {
            guard case .beside(let head) = placement, let first = position[head] else { continue }
            let branches = shown.filter { parent($0) == head }.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
            /// The place among the branches under `head` of the one that holds `post`.
            func branch(of post: String) -> Int? {
                var current = post, seen: Set<String> = []
                while let up = parent(current), seen.insert(current).inserted {
                    if up == head { return branches.firstIndex(of: current) }
                    current = up
                }
                return nil
            }
            let ends = model.relationships.filter { Self.kinds.contains($0.kind) && ($0.from == peer || $0.to == peer) }
                .compactMap { branch(of: $0.from == peer ? $0.to : $0.from) }
            if !ends.isEmpty, Double(ends.reduce(0, +)) / Double(ends.count) < Double(branches.count - 1) / 2 { leftOf[peer] = Double(first) - 0.5 }
        }
        func sortKey(_ line: Line) -> Double { (!line.isDrawn ? leftOf[line.to] : nil) ?? Double(position[line.from] ?? 0) }
        lines.sort { (sortKey($0), $0.style) < (sortKey($1), $1.style) }

        let furniture = Furniture("Accountability", of: model, options: options, boxes: boxes, lines: lines)
        return Chart(id: "\(model.id)-accountability", title: furniture.title, subtitle: furniture.subtitle,
                     footer: furniture.footer, boxes: boxes, lines: lines,
                     legend: Legend.entries(boxes: boxes, lines: lines))
    }
}

/// Where a post of the accountability chart hangs.
private enum Placement {
    /// Under its superior; `drawn` when the line that places it is drawn as the tree's line.
    case under(String, drawn: Bool)
    /// Beside the head it parallels, as a peer.
    case beside(String)
}
