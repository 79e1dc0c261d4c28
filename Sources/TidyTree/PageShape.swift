import ChartGraph

/// The choice of which subtrees of a tree chart hang in indented columns, so that the chart
/// comes close to the shape of its page: a row of children is wide, a hanging column is tall,
/// and a chart is read at the largest size when its width and height have the page's ratio. A
/// chart that fits the page at its natural size keeps its rows.
///
/// The search is greedy and deterministic. It starts from every way of hanging all subtrees
/// from one depth, the children of their tops in one to four side-by-side columns (or none);
/// the few that fit the page at the largest scale are each refined, largest subtrees first: the
/// children of any hanging box hang in one more or one fewer column side by side, or a column's
/// top moves one level higher or lower, when that fits better. It lays the chart out at most
/// `budget` times (about), each in linear time.
public struct PageShape: Sendable {
    let tree: ChartTree
    /// Width and height in points of the area the chart is fitted to.
    let area: (width: Double, height: Double)
    /// How many layouts the search may try: 200 (`quickBudget` for a quick search), fewer for
    /// large charts (20 at 20,000 boxes).
    var budget: Int { max(8, min(quick ? Self.quickBudget : 200, 400_000 / max(tree.depth.count, 1))) }
    /// True for a short search.
    var quick = false
    /// A scale at which the search may stop: the first layout found to reach it is taken (for
    /// a search that only asks whether the chart can be read at that scale); nil to find the best.
    var goal: Double?
    static let quickBudget = 24

    /// The printable area of `page` (inside margins of `margin` points), or of A4 landscape (√2)
    /// when there is none.
    public static func area(of page: PageSize?) -> (width: Double, height: Double) {
        let page = page ?? PageSize.a4.landscape
        return (max(36, page.width * 72 - 2 * margin), max(36, page.height * 72 - 2 * margin))
    }

    /// The blank margin of a printed page, in points, on each side.
    public static let margin = 28.0

    /// The shape of the chart of `tree` for `page` (A4 landscape when nil).
    init(tree: ChartTree, page: PageSize?) {
        self.tree = tree
        area = Self.area(of: page)
    }

    /// The column counts (0: the box's children do not hang; k: they hang in k side-by-side
    /// columns) that make the chart fit its page best, and the scale it then fits at (at most
    /// 1); `extent` lays the chart out with given counts and returns its width and height.
    func choose(_ extent: ([Int]) -> (width: Double, height: Double)) -> (columns: [Int], scale: Double) {
        let count = tree.depth.count
        var known: [[Int]: Double] = [:]
        /// The first layout found to reach the goal.
        var reached: (columns: [Int], scale: Double)?
        /// How large the chart is drawn on the page: never above its natural size, so that a
        /// chart that fits as it is keeps its rows (hanging would only make it smaller).
        func scale(_ columns: [Int]) -> Double {
            if let scale = known[columns] { return scale }
            let scale = self.scale(of: extent(columns))
            known[columns] = scale
            if let goal, reached == nil, scale >= goal { reached = (columns, scale) }
            return scale
        }
        let none = [Int](repeating: 0, count: count)
        let maxDepth = tree.depth.max() ?? 0
        guard count > 2, maxDepth > 0 else { return (none, scale(none)) }
        // Starts: no box hangs, or every box of one depth with its children in 1 to 4 columns.
        var starts = [none]
        for width in 1...Self.mostColumns {
            for depth in 0..<maxDepth where known.count < budget / 2 {
                let tops = (0..<count).filter { tree.depth[$0] == depth && !tree.children[$0].isEmpty }
                guard width == 1 || tops.contains(where: { tree.children[$0].count >= width }) else { continue }
                var columns = none
                for top in tops { columns[top] = min(width, tree.children[top].count) }
                starts.append(columns)
            }
        }
        // The best few starts, each refined in turn with an equal share of what is left.
        var scales: [Double] = []
        for start in starts {
            scales.append(scale(start))
            if let reached { return reached }
        }
        let ranked = starts.indices.sorted { (scales[$0], $1) > (scales[$1], $0) }.map { starts[$0] }
        var best = ranked[0], bestScale = scale(best)
        let beam = ranked.prefix(Self.beam)
        for (k, start) in beam.enumerated() {
            let limit = known.count + (budget - known.count) / (beam.count - k)
            let refined = refine(start, scale: scale, tries: { known.count < limit && reached == nil })
            if let reached { return reached }
            if scale(refined) > bestScale * 1.0001 { best = refined; bestScale = scale(refined) }
        }
        return (best, bestScale)
    }

    /// The scale (at most 1) at which a chart of `size` fits the area.
    func scale(of size: (width: Double, height: Double)) -> Double {
        min(1, area.width / max(size.width, 1), area.height / max(size.height, 1))
    }

    /// How many of the best starts the search refines.
    static let beam = 3

    /// `start` improved step by step while `tries` allows, largest subtrees first: the children
    /// of a hanging box in one more or one fewer column side by side; a column's top raised to
    /// its parent, or lowered to its children.
    private func refine(_ start: [Int], scale: ([Int]) -> Double, tries: () -> Bool) -> [Int] {
        let count = tree.depth.count
        let sizes = subtreeSizes()
        var best = start, bestScale = scale(start)
        var changed = true
        while changed, tries() {
            changed = false
            let hanging = hangingBoxes(best)
            let boxes = (0..<count).filter { hanging[$0] && tree.children[$0].count > 1 || best[$0] > 0 }
                .sorted { (sizes[$0], $1) > (sizes[$1], $0) }
            // Columns widened or narrowed first, for every box; only then tops moved.
            search: for moves in [false, true] {
                for box in boxes where tries() {
                    for option in options(for: box, in: best, hanging: hanging, moves: moves) where tries() {
                        let candidate = scale(option)
                        if candidate > bestScale * 1.0001 { best = option; bestScale = candidate; changed = true; break search }
                    }
                }
            }
        }
        return best
    }

    /// The most columns a box's children hang in side by side.
    static let mostColumns = 4

    /// The counts `columns` changed at `box`: its children in one more or one fewer column side
    /// by side, or, with `moves`, the column it tops raised to its parent or lowered to its children.
    private func options(for box: Int, in columns: [Int], hanging: [Bool], moves: Bool) -> [[Int]] {
        var options: [[Int]] = []
        guard moves else {
            let count = max(1, columns[box])
            for other in [count + 1, count - 1] where other >= 1 && other <= min(Self.mostColumns, tree.children[box].count) && other != count {
                var changed = columns
                changed[box] = other
                options.append(changed)
            }
            return options
        }
        guard columns[box] > 0, tree.parent[box].map({ !hanging[$0] }) ?? true else { return [] }
        if let parent = tree.parent[box] {
            var raised = columns
            for sibling in tree.children[parent] { raised[sibling] = 0 }
            raised[parent] = 1
            options.append(raised)
        }
        var lowered = columns
        lowered[box] = 0
        for child in tree.children[box] where !tree.children[child].isEmpty { lowered[child] = 1 }
        options.append(lowered)
        return options
    }

    /// For each box, true when it hangs in a column: its own count or an ancestor's is above 0.
    private func hangingBoxes(_ columns: [Int]) -> [Bool] {
        var hanging = [Bool](repeating: false, count: columns.count)
        for box in tree.preorder { hanging[box] = columns[box] > 0 || tree.parent[box].map { hanging[$0] } ?? false }
        return hanging
    }

    /// The number of boxes in each box's subtree.
    private func subtreeSizes() -> [Int] {
        var sizes = [Int](repeating: 1, count: tree.depth.count)
        for box in tree.preorder.reversed() { if let parent = tree.parent[box] { sizes[parent] += sizes[box] } }
        return sizes
    }
}
