/// The order of the vertical tracks of lines in the channel between two columns. A line leaves
/// its first box along a horizontal stub, runs down or up its own track, and reaches its second
/// box along another stub. Whether two lines cross depends only on which of their tracks lies
/// further left, so the order is chosen to cross as few lines as possible: a start that nests
/// lines like stairs, then moves of single tracks while they remove crossings. Two stubs must
/// never run along each other, which is far costlier than any number of crossings.
struct Tracks {
    /// The stubs of a track's lines: the vertical position of each, and whether it reaches the
    /// left column. A track holds one line, or a bundle: the lines of one kind from one box of
    /// the left column, which leave it by one stub and branch off the track to their boxes,
    /// or into one box of the right column, which join the track and reach it by one stub.
    struct Route {
        var stubs: [(y: Double, left: Bool)]

        /// A line's route: its first and second ends.
        init(first: (y: Double, left: Bool), second: (y: Double, left: Bool)) { stubs = [first, second] }
        /// A bundle's route from one box: its stub on the left and its lines' stubs on the right.
        init(left: Double, rights: [Double]) { stubs = [(left, true)] + rights.map { ($0, false) } }
        /// A bundle's route into one box: its lines' stubs on the left and its stub on the right.
        init(lefts: [Double], right: Double) { stubs = lefts.map { ($0, true) } + [(right, false)] }

        var low: Double { stubs.map(\.y).min() ?? 0 }
        var high: Double { stubs.map(\.y).max() ?? 0 }
        /// True when the route runs down from its left end (a bundle: on average).
        var descends: Bool {
            guard stubs.count > 2 else { return (stubs[0].left ? stubs[1].y - stubs[0].y : stubs[0].y - stubs[1].y) > 0 }
            return mean(left: false) > mean(left: true)
        }
        /// Where it leaves the left column (a line's first end when it starts on the left, else its
        /// second; a bundle's stubs on the left, on average).
        var start: Double { stubs.count > 2 ? mean(left: true) : stubs[0].left ? stubs[0].y : stubs[1].y }

        /// The mean height of the stubs on the left (or on the right).
        private func mean(left: Bool) -> Double {
            let ys = stubs.filter { $0.left == left }.map(\.y)
            return ys.reduce(0, +) / Double(max(1, ys.count))
        }
    }

    /// The lines' indices in `routes`, from the leftmost track to the rightmost.
    let order: [Int]

    /// Stubs closer than this in points read as one.
    static let separation = 2.5
    /// The cost of two stubs running along each other, in crossings.
    static let overlap = 1_000
    /// Passes of moves at most.
    static let passes = 12

    init(routes: [Route]) {
        let count = routes.count
        // cost[i][j]: crossings (and overlaps) when i's track lies left of j's.
        var cost = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for i in 0..<count {
            for j in 0..<count where i != j { cost[i][j] = Self.cost(routes[i], leftOf: routes[j]) }
        }
        // Stairs: lines running down nest with the highest start rightmost, lines running up with
        // the lowest start rightmost.
        var order = Array(0..<count).sorted { a, b in
            func key(_ route: Route) -> Double {
                return route.descends ? -route.start - 1e6 : route.start
            }
            return (key(routes[a]), a) < (key(routes[b]), b)
        }
        for _ in 0..<Self.passes {
            var improved = false
            for line in order {
                let others = order.filter { $0 != line }
                let position = order.firstIndex(of: line)!
                // The cost of `line` at each insertion point among the others.
                var here = others.reduce(0) { $0 + cost[line][$1] }
                var best = (cost: Int.max, at: 0)
                var current = 0
                for at in 0...others.count {
                    if at == position { current = here }
                    if here < best.cost { best = (here, at) }
                    if at < others.count { here += cost[others[at]][line] - cost[line][others[at]] }
                }
                if best.cost < current {
                    order = others
                    order.insert(line, at: best.at)
                    improved = true
                }
            }
            if !improved { break }
        }
        self.order = order
    }

    /// Crossings and overlaps when `a`'s track lies left of `b`'s: `a`'s vertical crosses the
    /// stubs of `b` that reach it from the left column, `b`'s vertical crosses the stubs of `a`
    /// that reach it from the right column, and a right-hand stub of `a` runs along a left-hand
    /// stub of `b` at the same height.
    static func cost(_ a: Route, leftOf b: Route) -> Int {
        func inside(_ y: Double, _ route: Route) -> Bool { y > route.low + 0.01 && y < route.high - 0.01 }
        var total = 0
        for stub in b.stubs where stub.left && inside(stub.y, a) { total += 1 }
        for stub in a.stubs where !stub.left && inside(stub.y, b) { total += 1 }
        for right in a.stubs where !right.left {
            for left in b.stubs where left.left && abs(right.y - left.y) < separation { total += overlap }
        }
        return total
    }
}
