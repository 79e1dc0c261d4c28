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

    /// The title of each stand-alone post (the first of an id).
    private let postTitles: [String: String]

    /// Builds the graph of `model`.
    public init(model: Model) {
        self.model = model
        postTitles = Dictionary(model.posts.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var links: [AccountabilityLink] = []
        for relation in model.relationships {
            guard Self.upwardKinds.contains(relation.kind) else { continue }
            // `commands` runs from the commander down; every other kind from the subordinate up.
            let (from, to) = relation.kind == .commands ? (relation.to, relation.from) : (relation.from, relation.to)
            links.append(AccountabilityLink(from: from, to: to, kind: relation.kind, source: relation.source))
        }
        let stated = Set(links.map(\.from))
        // By position, so that units are not copied.
        let units = model.units
        var headed: [String: String?] = [:]
        for i in units.indices where units[i].head != nil && !stated.contains(units[i].id) {
            if let superior = Self.headedAncestor(of: units[i].parent, in: model, known: &headed) {
                links.append(AccountabilityLink(from: units[i].id, to: superior, kind: nil, source: units[i].source))
            }
        }
        // By precedence, in model order within a kind (a stable bucket sort of their positions).
        var buckets = Array(repeating: [Int](), count: Self.upwardKinds.count + 1)
        for (index, link) in links.enumerated() { buckets[Self.precedence(link.kind)].append(index) }
        // One link per pair of posts: the kind of highest precedence.
        var seen = Set<PostPair>(), kept = [Bool](repeating: false, count: links.count)
        for index in buckets.joined() where seen.insert(PostPair(from: links[index].from, to: links[index].to)).inserted {
            up[links[index].from, default: []].append(links[index])
            kept[index] = true
        }
        for index in links.indices where kept[index] {
            down[links[index].to, default: []].append(links[index])
        }
    }

    /// The main line up from `post`: the link of highest precedence.
    public func mainLine(of post: String) -> AccountabilityLink? { up[post]?.first }

    /// Every chain from `post` up to a post that answers to no one, each a list of links;
    /// where accountability is dual, every path, the main line first. At most `limit` chains:
    /// ask for one more than is shown to learn whether there are more.
    ///
    /// The work is proportional to the links of the chains returned: one path is extended and
    /// cut back (a path never visits a post twice), and every dead end is a chain.
    public func chains(from post: String, limit: Int = 64) -> [[AccountabilityLink]] {
        var result: [[AccountabilityLink]] = []
        var path: [AccountabilityLink] = []
        var onPath: Set<String> = [post]
        // For each post of the path: its links up, how many were tried, and whether one led on.
        // An explicit stack, so that long chains cannot exhaust the call stack.
        var stack: [(links: [AccountabilityLink], tried: Int, ledOn: Bool)] = [(up[post] ?? [], 0, false)]
        while let (links, tried, ledOn) = stack.last, result.count < limit {
            guard let next = links[tried...].firstIndex(where: { !onPath.contains($0.to) }) else {
                if !ledOn { result.append(path) }
                stack.removeLast()
                if let last = path.popLast() { onPath.remove(last.to) }
                continue
            }
            stack[stack.count - 1].tried = next + 1
            stack[stack.count - 1].ledOn = true
            path.append(links[next])
            onPath.insert(links[next].to)
            stack.append((up[links[next].to] ?? [], 0, false))
        }
        return result
    }

    /// Posts on an accountability cycle, each cycle once, as lists of post ids.
    public func cycles() -> [[String]] {
        var found: [[String]] = []
        var reported = Set<String>()
        // A cycle through `start` stays within its strongly connected component, so only posts
        // on a cycle are searched from, and only within their component.
        let component = cyclicComponents()
        for start in component.keys.sorted() where !reported.contains(start) {
            var stack: [(String, [String])] = [(start, [start])]
            var visited = Set<String>()
            while let (current, path) = stack.popLast() {
                for link in up[current] ?? [] {
                    if link.to == start {
                        if reported.isDisjoint(with: path) { found.append(path + [start]); reported.formUnion(path) }
                    } else if !visited.contains(link.to), path.count < 64, component[link.to] == component[start] {
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
        return postTitles[post] ?? post
    }

    private static func precedence(_ kind: RelationKind?) -> Int {
        kind.flatMap { upwardKinds.firstIndex(of: $0) } ?? upwardKinds.count
    }

    /// The strongly connected components of the `up` links that hold a cycle (more than one
    /// post, or a post linked to itself), numbered; posts on no cycle are absent. Tarjan's
    /// algorithm with an explicit stack, linear in the number of links.
    private func cyclicComponents() -> [String: Int] {
        // Posts with links up, numbered; a post with none is on no cycle.
        let posts = Array(up.keys)
        var number: [String: Int] = [:]
        number.reserveCapacity(posts.count)
        for (i, post) in posts.enumerated() { number[post] = i }
        // The posts each post links up to, all in one array: those of post `p` from `first[p]`.
        var first = [0], flat: [Int] = []
        for post in posts {
            flat += (up[post] ?? []).compactMap { number[$0.to] }
            first.append(flat.count)
        }
        func targets(_ post: Int) -> ArraySlice<Int> { flat[first[post]..<first[post + 1]] }
        var order = Array(repeating: -1, count: posts.count), low = order
        var isOpen = Array(repeating: false, count: posts.count), open: [Int] = []
        var visited = 0
        var component: [String: Int] = [:], components = 0
        func enter(_ post: Int) {
            order[post] = visited
            low[post] = visited
            visited += 1
            open.append(post)
            isOpen[post] = true
        }
        for root in posts.indices where order[root] < 0 {
            enter(root)
            var work: [(post: Int, next: Int)] = [(root, 0)]
            while let (post, next) = work.last {
                if next < targets(post).count {
                    work[work.count - 1].next += 1
                    let target = flat[first[post] + next]
                    if order[target] < 0 {
                        enter(target)
                        work.append((target, 0))
                    } else if isOpen[target] {
                        low[post] = min(low[post], order[target])
                    }
                    continue
                }
                work.removeLast()
                if let caller = work.last?.post { low[caller] = min(low[caller], low[post]) }
                guard low[post] == order[post] else { continue }
                var members: [Int] = []
                repeat {
                    let member = open.removeLast()
                    isOpen[member] = false
                    members.append(member)
                } while members.last != post
                guard members.count > 1 || targets(post).contains(post) else { continue }
                for member in members { component[posts[member]] = components }
                components += 1
            }
        }
        return component
    }

    /// The nearest headed unit at or above `parent`. `known` keeps the answer for every headless
    /// unit walked over, so that each is walked over once however deep the tree.
    private static func headedAncestor(of parent: String?, in model: Model, known: inout [String: String?]) -> String? {
        var walked: [String] = []
        var current = parent
        var found: String?
        while let id = current, walked.count < model.units.count {
            if let answer = known[id] { found = answer; break }
            guard let i = model.position(of: id) else { break }
            if model.units[i].head != nil { found = id; break }
            walked.append(id)
            current = model.units[i].parent
        }
        for id in walked { known[id] = found }
        return found
    }
}

/// Two posts, as a key.
private struct PostPair: Hashable {
    var from: String
    var to: String
}
