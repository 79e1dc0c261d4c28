import ChartGraph

/// The two passes of the tidy layout: bottom-up, each subtree's contour and its children's
/// offsets from it; top-down, absolute positions. Then the connectors.
struct Placer {
    /// How a box hangs from its parent.
    enum Role { case root, row, aside, leaf }

    let tree: ChartTree
    let chart: Chart
    let sizes: [(width: Double, height: Double)]
    let spacing: Spacing
    private var rows: Rows
    private var role: [Role]
    private var asides: [[Int]]
    private var regular: [[Int]]
    private var combHasBus: [Bool]
    /// x relative to the parent's centre; y of asides and stacked leaves, fixed by the parent.
    private var offset: [Double]
    private var fixedY: [Double?]
    /// For stacked leaves: the x of their spine, relative to the parent's centre.
    private var spine: [Double]
    /// Centres of the boxes, once placed.
    private(set) var centers: [ChartPoint]

    init(tree: ChartTree, chart: Chart, sizes: [(width: Double, height: Double)], spacing: Spacing, stackLeaves: Int, top: Double) {
        self.tree = tree
        self.chart = chart
        self.sizes = sizes
        self.spacing = spacing
        let count = sizes.count
        role = Array(repeating: .root, count: count)
        asides = Array(repeating: [], count: count)
        regular = Array(repeating: [], count: count)
        combHasBus = Array(repeating: false, count: count)
        offset = Array(repeating: 0, count: count)
        fixedY = Array(repeating: nil, count: count)
        spine = Array(repeating: 0, count: count)
        centers = Array(repeating: ChartPoint(x: 0, y: 0), count: count)
        for parent in 0..<count {
            let children = tree.children[parent]
            asides[parent] = children.filter { chart.boxes[$0].isAside && tree.children[$0].isEmpty }
            regular[parent] = children.filter { !(chart.boxes[$0].isAside && tree.children[$0].isEmpty) }
            let stacked = stackLeaves > 0 && regular[parent].count >= stackLeaves && regular[parent].allSatisfy { tree.children[$0].isEmpty }
            for child in asides[parent] { role[child] = .aside }
            for child in regular[parent] { role[child] = stacked ? .leaf : .row }
        }
        let levels = (tree.depth.max() ?? 0) + 1
        var heights = Array(repeating: 0.0, count: levels), asideHeights = Array(repeating: 0.0, count: levels)
        for box in 0..<count {
            let depth = tree.depth[box]
            switch role[box] {
            case .root, .row: heights[depth] = max(heights[depth], sizes[box].height)
            case .aside: asideHeights[depth - 1] = max(asideHeights[depth - 1], sizes[box].height)
            case .leaf: break
            }
        }
        let filler = BoxMetrics.minimumHeight * 72
        rows = Rows(top: top, heights: heights.map { $0 > 0 ? $0 : filler }, asides: asideHeights, gap: spacing.vertical, filler: filler)
    }

    /// Computes every box's centre.
    mutating func place() {
        var contours = Array(repeating: Contour(), count: sizes.count)
        for box in tree.preorder.reversed() { contours[box] = contour(of: box, contours: &contours) }
        var all = Contour()
        var rootX: [Int: Double] = [:]
        for (k, root) in tree.roots.enumerated() {
            var contour = take(root, from: &contours)
            let x = k == 0 ? 0 : all.separation(toTheRightOf: contour, gap: spacing.horizontal)
            contour.move(by: x)
            all.absorb(contour)
            rootX[root] = x
        }
        let shift = spacing.horizontal - (all.bounds?.low ?? 0)
        for box in tree.preorder {
            let x = tree.parent[box].map { centers[$0].x + offset[box] } ?? (rootX[box] ?? 0) + shift
            centers[box] = ChartPoint(x: x, y: fixedY[box] ?? rows.center(tree.depth[box]))
        }
    }

    /// The contour of the subtree of `box`, relative to its centre, taking its children's.
    private mutating func contour(of box: Int, contours: inout [Contour]) -> Contour {
        let depth = tree.depth[box]
        let children = regular[box]
        var below = Contour()
        var band = Contour.Extent(low: 0, high: 0)
        if let first = children.first, role[first] == .leaf {
            let comb = LeafComb(sizes: children.map { sizes[$0] }, top: rows.top(depth + 1), gap: spacing.horizontal)
            for (k, child) in children.enumerated() {
                offset[child] = comb.centers[k].x
                fixedY[child] = comb.centers[k].y
                spine[child] = comb.spines[k]
            }
            combHasBus[box] = comb.hasBus
            if comb.hasBus { band = band.union(Contour.Extent(low: comb.spines.min() ?? 0, high: comb.spines.max() ?? 0)) }
            for _ in (2 * depth + 2)...max(2 * depth + 2, rows.band(at: comb.bottom)) { below.putOnTop(comb.extent) }
        } else if let first = children.first {
            below = take(first, from: &contours)
            var xs = [0.0]
            for child in children.dropFirst() {
                var next = take(child, from: &contours)
                let x = below.separation(toTheRightOf: next, gap: spacing.horizontal)
                next.move(by: x)
                below.absorb(next)
                xs.append(x)
            }
            let middle = (xs[0] + xs[xs.count - 1]) / 2
            below.move(by: -middle)
            for (k, child) in children.enumerated() { offset[child] = xs[k] - middle }
            band = band.union(Contour.Extent(low: xs[0] - middle, high: xs[xs.count - 1] - middle))
        }
        var right = LeafComb.tick, left = -LeafComb.tick
        for (k, aside) in asides[box].enumerated() {
            let width = sizes[aside].width
            if k % 2 == 0 {
                offset[aside] = right + width / 2
                right += width + spacing.horizontal
            } else {
                offset[aside] = left - width / 2
                left -= width + spacing.horizontal
            }
            fixedY[aside] = rows.asideCenter(depth)
            band = band.union(Contour.Extent(low: offset[aside] - width / 2, high: offset[aside] + width / 2))
        }
        if !children.isEmpty || !asides[box].isEmpty { below.putOnTop(band) }
        below.putOnTop(Contour.Extent(low: -sizes[box].width / 2, high: sizes[box].width / 2))
        return below
    }

    /// Moves a child's contour out of the table, so that it is merged in place, not copied.
    private func take(_ box: Int, from contours: inout [Contour]) -> Contour {
        let contour = contours[box]
        contours[box] = Contour()
        return contour
    }

    /// The connectors of the chart's lines, in line order: elbows for the tree, straight lines across it.
    mutating func connectors(frames: [BoxFrame]) -> [Connector] {
        var result: [Connector] = []
        result.reserveCapacity(chart.lines.count)
        for child in tree.preorder {
            guard let parent = tree.parent[child], let line = tree.parentLine[child] else { continue }
            result.append(Connector(line: line, points: elbow(from: frames[parent], to: frames[child], child: child, depth: tree.depth[parent])))
        }
        for line in tree.crossLines {
            let drawn = chart.lines[line]
            let (tail, head) = drawn.ranksUpward ? (drawn.to, drawn.from) : (drawn.from, drawn.to)
            guard let a = tree.index[tail], let b = tree.index[head], a != b else { continue }
            result.append(Connector(line: line, points: [frames[a].border(towards: frames[b].center), frames[b].border(towards: frames[a].center)]))
        }
        return result.sorted { $0.line < $1.line }
    }

    /// The orthogonal route from a parent's bottom to a child.
    private mutating func elbow(from parent: BoxFrame, to child: BoxFrame, child box: Int, depth: Int) -> [ChartPoint] {
        let x = parent.center.x
        let start = ChartPoint(x: x, y: parent.maxY)
        switch role[box] {
        case .root, .row:
            let bus = rows.bus(depth)
            return [start, ChartPoint(x: x, y: bus), ChartPoint(x: child.center.x, y: bus), ChartPoint(x: child.center.x, y: child.minY)]
        case .aside:
            let y = child.center.y
            return [start, ChartPoint(x: x, y: y), ChartPoint(x: child.center.x > x ? child.minX : child.maxX, y: y)]
        case .leaf:
            let spineX = x + spine[box], y = child.center.y
            let end = ChartPoint(x: child.center.x > spineX ? child.minX : child.maxX, y: y)
            guard combHasBus[tree.parent[box] ?? box] else { return [start, ChartPoint(x: x, y: y), end] }
            let bus = rows.bus(depth)
            return [start, ChartPoint(x: x, y: bus), ChartPoint(x: spineX, y: bus), ChartPoint(x: spineX, y: y), end]
        }
    }
}
