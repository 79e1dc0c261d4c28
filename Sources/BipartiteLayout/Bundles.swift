/// The bundles of a two-column chart's lines: of the lines of one kind from the left column to
/// the right, those from one box on the left may share that box's port and one track (branching
/// off it to their boxes), and those into one box on the right may share one track and that
/// box's port and arrowhead (joining it from their boxes). Every line is in one bundle, and
/// the bundles are as few as can be: a smallest set of boxes touching every line of the kind —
/// a minimum vertex cover of the two-column graph, found from a maximum matching (König's
/// theorem). A line whose two boxes are both in the cover joins its left box's bundle. Eight
/// offices that each serve the same two departments are two bundles (one into each department),
/// not eight; a centre serving twenty missions is one bundle out of it. Deterministic: boxes
/// and lines are taken in the order of the chart's lines.
struct Bundles {
    /// For each line, the first line of its bundle (itself when the line is first or alone).
    let head: [Int]
    /// For each line, the end it shares with the rest of its bundle: 0 its left box, 1 its right.
    let sharedEnd: [Int]

    /// The bundles of lines with these ends (left box, right box, kind); lines given as nil
    /// (not from the left column to the right) are alone.
    init(ends: [(left: Int, right: Int, kind: String)?]) {
        var head = Array(ends.indices), sharedEnd = [Int](repeating: 0, count: ends.count)
        var kinds: [String: [Int]] = [:], kindOrder: [String] = []
        for (line, end) in ends.enumerated() {
            guard let end else { continue }
            if kinds[end.kind] == nil { kindOrder.append(end.kind) }
            kinds[end.kind, default: []].append(line)
        }
        for kind in kindOrder {
            let lines = kinds[kind] ?? []
            let cover = Self.cover(lines.map { (ends[$0]!.left, ends[$0]!.right) })
            var first: [String: Int] = [:]
            for (k, line) in lines.enumerated() {
                let side = cover[k]
                let box = side == 0 ? ends[line]!.left : ends[line]!.right
                let key = "\(side) \(box)"
                if let leader = first[key] { head[line] = leader } else { first[key] = line }
                sharedEnd[line] = side
            }
        }
        self.head = head
        self.sharedEnd = sharedEnd
    }

    /// For each edge (left box, right box) of one kind, the side of the cover it is bundled on:
    /// 0 when its left box is in a minimum vertex cover, else 1 (its right box is).
    static func cover(_ edges: [(left: Int, right: Int)]) -> [Int] {
        var lefts: [Int] = [], seen = Set<Int>()
        var neighbours: [Int: [Int]] = [:]
        for edge in edges {
            if seen.insert(edge.left).inserted { lefts.append(edge.left) }
            neighbours[edge.left, default: []].append(edge.right)
        }
        // A maximum matching by augmenting paths (Kuhn), lefts in order of first appearance.
        var matchOfRight: [Int: Int] = [:], matchOfLeft: [Int: Int] = [:]
        func augment(_ left: Int, _ visited: inout Set<Int>) -> Bool {
            for right in neighbours[left] ?? [] where visited.insert(right).inserted {
                if let other = matchOfRight[right] {
                    guard augment(other, &visited) else { continue }
                }
                matchOfRight[right] = left
                matchOfLeft[left] = right
                return true
            }
            return false
        }
        for left in lefts {
            var visited = Set<Int>()
            _ = augment(left, &visited)
        }
        // König: the boxes reached from unmatched lefts by alternating paths; the cover is the
        // lefts not reached and the rights reached.
        var reachedLefts = Set<Int>(), reachedRights = Set<Int>()
        var queue = lefts.filter { matchOfLeft[$0] == nil }
        reachedLefts.formUnion(queue)
        while let left = queue.popLast() {
            for right in neighbours[left] ?? [] where reachedRights.insert(right).inserted {
                if let next = matchOfRight[right], reachedLefts.insert(next).inserted { queue.append(next) }
            }
        }
        return edges.map { reachedLefts.contains($0.left) ? 1 : 0 }
    }
}
