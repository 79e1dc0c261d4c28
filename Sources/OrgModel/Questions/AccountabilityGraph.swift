/// One step up a chain of accountability: from a post to the post it answers to.
public struct AccountabilityLink: Hashable, Sendable {
    /// The subordinate post: a unit id (its head) or a post id.
    public var from: String
    /// The superior post.
    public var to: String
    /// The relationship kind that states the link; nil when it is inferred from containment
    /// (the head of a unit answers to the head of the unit containing it).
    public var kind: RelationKind?
    /// Where the link is stated.
    public var source: Citation?
}

/// Who answers to whom: the accountability lines of a model between posts (heads of units and
/// stand-alone posts), with containment as the fallback for heads that state no line.
public struct AccountabilityGraph: Sendable {
    /// Kinds that make a post answer to another, in order of precedence for the main line.
    /// A deputy with no other line answers to the official deputized for.
    public static let upwardKinds: [RelationKind] = [.accountableTo, .reportsTo, .commands, .dualReporting, .alsoAccountableTo, .deputizes]

    /// The model.
    public let model: Model
    /// Links up from each post, the main line first.
    public private(set) var up: [String: [AccountabilityLink]] = [:]
    /// Links down to each post's subordinates, in model order.
    public private(set) var down: [String: [AccountabilityLink]] = [:]

    /// Builds the graph of `model`.
    public init(model: Model) {
        self.model = model
        var links: [AccountabilityLink] = []
        for relation in model.relationships {
            guard Self.upwardKinds.contains(relation.kind) else { continue }
            // `commands` runs from the commander down; every other kind from the subordinate up.
            let (from, to) = relation.kind == .commands ? (relation.to, relation.from) : (relation.from, relation.to)
            links.append(AccountabilityLink(from: from, to: to, kind: relation.kind, source: relation.source))
        }
        let stated = Set(links.map(\.from))
        for unit in model.units where unit.head != nil && !stated.contains(unit.id) {
            if let superior = headedAncestor(of: unit, in: model) {
                links.append(AccountabilityLink(from: unit.id, to: superior, kind: nil, source: unit.source))
            }
        }
        let ordered = links.enumerated().sorted { a, b in
            (Self.precedence(a.element.kind), a.offset) < (Self.precedence(b.element.kind), b.offset)
        }.map(\.element)
        // One link per pair of posts: the kind of highest precedence.
        var seen = Set<[String]>()
        for link in ordered where seen.insert([link.from, link.to]).inserted {
            up[link.from, default: []].append(link)
        }
        for link in links where up[link.from]?.contains(link) ?? false {
            down[link.to, default: []].append(link)
        }
    }

    /// The main line up from `post`: the link of highest precedence.
    public func mainLine(of post: String) -> AccountabilityLink? { up[post]?.first }

    /// Every chain from `post` up to a post that answers to no one, each a list of links;
    /// where accountability is dual, every path. At most `limit` chains, sorted.
    public func chains(from post: String, limit: Int = 64) -> [[AccountabilityLink]] {
        var result: [[AccountabilityLink]] = []
        // Depth-first over paths, with an explicit stack so that long chains cannot exhaust the
        // call stack; a path never visits a post twice.
        var stack: [(post: String, path: [AccountabilityLink], seen: Set<String>)] = [(post, [], [post])]
        while let (current, path, seen) = stack.popLast(), result.count < limit {
            let links = (up[current] ?? []).filter { !seen.contains($0.to) }
            if links.isEmpty {
                result.append(path)
                continue
            }
            for link in links.reversed() { stack.append((link.to, path + [link], seen.union([link.to]))) }
        }
        return result
    }

    /// Posts on an accountability cycle, each cycle once, as lists of post ids.
    public func cycles() -> [[String]] {
        var found: [[String]] = []
        var reported = Set<String>()
        for start in up.keys.sorted() where !reported.contains(start) {
            var stack: [(String, [String])] = [(start, [start])]
            var visited = Set<String>()
            while let (current, path) = stack.popLast() {
                for link in up[current] ?? [] {
                    if link.to == start {
                        if reported.isDisjoint(with: path) { found.append(path + [start]); reported.formUnion(path) }
                    } else if !visited.contains(link.to), path.count < 64 {
                        visited.insert(link.to)
                        stack.append((link.to, path + [link.to]))
                    }
                }
            }
        }
        return found
    }

    /// The title of a post, with the unit it heads: "Director, Police Division".
    public func describe(_ post: String) -> String {
        if let unit = model.unit(post) {
            guard let head = unit.head else { return unit.name }
            return "\(head.title), \(unit.name)"
        }
        return model.posts.first { $0.id == post }?.title ?? post
    }

    private static func precedence(_ kind: RelationKind?) -> Int {
        kind.flatMap { upwardKinds.firstIndex(of: $0) } ?? upwardKinds.count
    }

    private func headedAncestor(of unit: Unit, in model: Model) -> String? {
        var current = unit.parent
        var steps = 0
        while let id = current, steps < model.units.count {
            if let ancestor = model.unit(id), ancestor.head != nil { return ancestor.id }
            current = model.unit(id)?.parent
            steps += 1
        }
        return nil
    }
}
