import ChartGraph

/// The choice of which subtrees of a tree chart hang in indented columns, so that the chart
/// comes close to the shape of its page: a row of children is wide, a hanging column is tall,
/// and a chart is read at the largest size when its width and height have the page's ratio. A
/// chart that fits the page at its natural size keeps its rows.
///
/// The search is greedy and deterministic: first one depth from which every subtree hangs (or
/// none), whichever fits the page at the largest scale; then, widest subtrees first, single
/// subtrees hang one level higher or one level lower when that fits better. It lays the chart
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

    /// The hang roots that make the chart fit its page best; `extent` lays the chart out with
    /// the given hang roots and returns its width and height.
    func choose(_ extent: ([Bool]) -> (width: Double, height: Double)) -> [Bool] {
        let count = tree.depth.count
        var tries = 0
        /// How large the chart is drawn on the page: never above its natural size, so that a
        /// chart that fits as it is keeps its rows (hanging would only make it smaller).
        func scale(_ roots: [Bool]) -> Double {
            tries += 1
            let size = extent(roots)
            return min(1, area.width / max(size.width, 1), area.height / max(size.height, 1))
        }
        let none = [Bool](repeating: false, count: count)
        var best = none, bestScale = scale(none)
        // A chart that is already no wider than its page keeps its rows.
        let maxDepth = tree.depth.max() ?? 0
        guard count > 2, maxDepth > 0 else { return best }
        for depth in 0..<maxDepth where tries < budget {
            let roots = (0..<count).map { tree.depth[$0] == depth && !tree.children[$0].isEmpty }
            let candidate = scale(roots)
            if candidate > bestScale * 1.0001 { best = roots; bestScale = candidate }
        }
        // Refinement, widest subtrees first: raise a column to the parent of its top, or lower
        // it to the top's children.
        let sizes = subtreeSizes()
        var changed = true
        while changed, tries < budget {
            changed = false
            let tops = (0..<count).filter { best[$0] }.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
            for top in tops where tries < budget {
                var options: [[Bool]] = []
                if let parent = tree.parent[top] {
                    var raised = best
                    for sibling in tree.children[parent] { raised[sibling] = false }
                    raised[parent] = true
                    options.append(raised)
                }
                let grandchildren = tree.children[top].filter { !tree.children[$0].isEmpty }
                var lowered = best
                lowered[top] = false
                for child in grandchildren { lowered[child] = true }
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

    /// The number of boxes in each box's subtree.
    private func subtreeSizes() -> [Int] {
        var sizes = [Int](repeating: 1, count: tree.depth.count)
        for box in tree.preorder.reversed() { if let parent = tree.parent[box] { sizes[parent] += sizes[box] } }
        return sizes
    }
}
