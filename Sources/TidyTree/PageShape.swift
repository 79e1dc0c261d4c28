import ChartGraph

/// The choice of which subtrees of a tree chart hang in indented columns, so that the chart
/// comes close to the shape of its page: a row of children is wide, a hanging column is tall,
/// and a chart is read at the largest size when its width and height have the page's ratio. A
/// chart that fits the page at its natural size keeps its rows.
///
/// The search is greedy and deterministic: first one depth from which every subtree hangs (or
/// none), whichever fits the page at the largest scale; then, widest subtrees first, a
/// column's children hang in one more or one fewer column side by side, or single subtrees
/// hang one level higher or one level lower, when that fits better. It lays the chart
/// out at most `budget` times, each in linear time.
struct PageShape {
    let tree: ChartTree
    /// Width and height in points of the area the chart is fitted to.
    let area: (width: Double, height: Double)
    /// How many layouts the search may try: 40, fewer for very large charts (20 at 20,000 boxes).
    var budget: Int { max(8, min(40, 400_000 / max(tree.depth.count, 1))) }

    /// The printable area of `page`, or of A4 landscape (√2) when there is none.
    static func area(of page: PageSize?) -> (width: Double, height: Double) {
        let page = page ?? PageSize.a4.landscape
        return (max(36, page.width * 72 - 36), max(36, page.height * 72 - 36))
    }

    /// The shape of the chart of `tree` for `page` (A4 landscape when nil).
    init(tree: ChartTree, page: PageSize?) {
        self.tree = tree
        area = Self.area(of: page)
    }

    /// The column counts (0: the box's children do not hang; k: they hang in k side-by-side
    /// columns) that make the chart fit its page best; `extent` lays the chart out with given
    /// counts and returns its width and height.
    func choose(_ extent: ([Int]) -> (width: Double, height: Double)) -> [Int] {
        let count = tree.depth.count
        var tries = 0
        /// How large the chart is drawn on the page: never above its natural size, so that a
        /// chart that fits as it is keeps its rows (hanging would only make it smaller).
        func scale(_ columns: [Int]) -> Double {
            tries += 1
            let size = extent(columns)
            return min(1, area.width / max(size.width, 1), area.height / max(size.height, 1))
        }
        let none = [Int](repeating: 0, count: count)
        var best = none, bestScale = scale(none)
        let maxDepth = tree.depth.max() ?? 0
        guard count > 2, maxDepth > 0 else { return best }
        for depth in 0..<maxDepth where tries < budget {
            let columns = (0..<count).map { tree.depth[$0] == depth && !tree.children[$0].isEmpty ? 1 : 0 }
            let candidate = scale(columns)
            if candidate > bestScale * 1.0001 { best = columns; bestScale = candidate }
        }
        // Refinement, widest subtrees first: a column's children in one more or one fewer side
        // by side, or the column raised to the parent of its top, or lowered to the top's children.
        let sizes = subtreeSizes()
        var changed = true
        while changed, tries < budget {
            changed = false
            let tops = (0..<count).filter { best[$0] > 0 }.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
            for top in tops where tries < budget {
                var options: [[Int]] = []
                if best[top] < min(Self.mostColumns, tree.children[top].count) {
                    var wider = best
                    wider[top] += 1
                    options.append(wider)
                }
                if best[top] > 1 {
                    var narrower = best
                    narrower[top] -= 1
                    options.append(narrower)
                }
                if let parent = tree.parent[top] {
                    var raised = best
                    for sibling in tree.children[parent] { raised[sibling] = 0 }
                    raised[parent] = 1
                    options.append(raised)
                }
                let grandchildren = tree.children[top].filter { !tree.children[$0].isEmpty }
                var lowered = best
                lowered[top] = 0
                for child in grandchildren { lowered[child] = 1 }
                options.append(lowered)
                for option in options where tries < budget {
                    let candidate = scale(option)
                    if candidate > bestScale * 1.0001 { best = option; bestScale = candidate; changed = true; break }
                }
                if changed { break }
            }
        }
        return best
    }

    /// The most columns a box's children hang in side by side.
    static let mostColumns = 4

    /// The number of boxes in each box's subtree.
    private func subtreeSizes() -> [Int] {
        var sizes = [Int](repeating: 1, count: tree.depth.count)
        for box in tree.preorder.reversed() { if let parent = tree.parent[box] { sizes[parent] += sizes[box] } }
        return sizes
    }
}
