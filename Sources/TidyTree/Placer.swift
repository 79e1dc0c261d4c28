import ChartGraph

/// The two passes of the tidy layout: bottom-up, each subtree's contour and its children's
/// offsets from it; top-down, absolute positions. Then the connectors.
struct Placer {
    /// How a box hangs from its parent.
    enum Role { case root, row, aside, leaf, hang }
    /// What hangs from a parent's bus: one child's subtree, or a run of leaves stacked in a comb.
    enum Segment {
        case subtree(Int)
        case comb([Int])
    }

    let tree: ChartTree
    let chart: Chart
    /// Width and height of each box; boxes of hanging columns are resized to line up.
    private(set) var sizes: [(width: Double, height: Double)]
    let spacing: Spacing
    private var rows: Rows
    private var role: [Role]
    private var asides: [[Int]]
    private var segments: [[Segment]]
    /// x relative to the parent's centre; y of asides and stacked leaves, fixed by the parent.
    private var offset: [Double]
    private var fixedY: [Double?]
    /// For stacked leaves: the x of their spine, relative to the parent's centre.
    private var spine: [Double]
    /// Boxes whose children hang in a column under them (a column's top box and every box under it).
    private var hangs: [Bool]
    /// For each hanging box: its siblings' column in order (asides first), and the top of its
    /// box relative to its parent's top.
    private var column: [[Int]]
    private var hangTop: [Double?]
    /// How many side-by-side columns the children of each hanging box hang in, and for a box
    /// hanging in one of several columns, the bus below its parent that leads to its column's
    /// spine: its height from the parent's top, and where the drop to it leaves the parent's
    /// bottom, from the parent's centre.
    private var columnCount: [Int]
    private var busTop: [(y: Double, dropX: Double)?]
    /// For each box, true when a line across the tree ends at it.
    private var lineEnds: [Bool]
    /// Height of each hanging block (a box and everything hanging under it) from its top, and
    /// its horizontal extent relative to the box's centre.
    private var blockHeight: [Double]
    private var blockExtent: [Contour.Extent]
    /// Centres of the boxes, once placed.
    private(set) var centers: [ChartPoint]
    /// How far each box's tree was moved down to stand in a later row of trees (0 in the first).
    private var lift: [Double]

    /// Horizontal distance from a box's left edge to the spine of its hanging column, from the
    /// spine to a hanging box, and vertical gap above each hanging box.
    static let hangInset = 8.0, hangTick = 6.0, hangGap = 3.0
    /// Between a hanging column and the spine of the next one beside it.
    static let columnGap = 8.0
    /// Below a box whose children hang in several columns: the drop from its bottom to the bus
    /// that leads to the columns' spines, and from the bus to the columns' first boxes — or, when
    /// a line across the tree ends at one of them, `lineRoom`: room for the line to come in from
    /// above with its arrowhead, a track spacing clear of the bus.
    static let columnBusDrop = 6.0
    static var lineRoom: Double { LineRouter.headStub + LineRouter.trackSpacing - hangGap }
    /// How much further right each hanging level starts.
    static var hangIndent: Double { hangInset + hangTick }

    /// The placer of `tree`. The subtree of each box with a column count in `hangColumns` (0:
    /// none) hangs in indented columns under it, its children side by side in that many columns;
    /// below, the children of each box hang in as many columns as its count says (0 or 1: one).
    /// Every box of a column gets the width of the column's widest less one indent per level
    /// below the column's top, so that the right edges of the column's boxes line up,
    /// and boxes below a column's top get `compactHeights` (when given).
    init(tree: ChartTree, chart: Chart, sizes: [(width: Double, height: Double)], spacing: Spacing, stackLeaves: Int, top: Double,
         hangColumns: [Int] = [], naturalWidths: [Double] = [], compactHeights: [Double] = []) {
        self.tree = tree
        self.chart = chart
        self.spacing = spacing
        let count = sizes.count
        // Levels below the top of each box's hanging column; nil outside columns.
        var level = [Int?](repeating: nil, count: count)
        for box in tree.preorder {
            if let parent = tree.parent[box], let above = level[parent] {
                level[box] = above + 1
            } else if hangColumns.count == count, hangColumns[box] > 0 {
                level[box] = 0
            }
        }
        hangs = level.map { $0 != nil }
        columnCount = (0..<count).map { level[$0] != nil ? max(1, hangColumns[$0]) : 1 }
        busTop = Array(repeating: nil, count: count)
        lineEnds = Array(repeating: false, count: count)
        for line in tree.crossLines {
            for end in [chart.lines[line].from, chart.lines[line].to] { if let box = tree.index[end] { lineEnds[box] = true } }
        }
        var sizes = sizes
        if naturalWidths.count == count {
            // The top of each box's column, and the width each column's top needs.
            var top = Array(0..<count), widest = [Double](repeating: 0, count: count)
            for box in tree.preorder {
                guard let l = level[box] else { continue }
                if l > 0, let parent = tree.parent[box] { top[box] = top[parent] }
                widest[top[box]] = max(widest[top[box]], naturalWidths[box] + Double(l) * Self.hangIndent)
            }
            for box in 0..<count {
                guard let l = level[box] else { continue }
                sizes[box].width = widest[top[box]] - Double(l) * Self.hangIndent
                if l > 0, compactHeights.count == count { sizes[box].height = compactHeights[box] }
            }
        }
        self.sizes = sizes
        column = Array(repeating: [], count: count)
        hangTop = Array(repeating: nil, count: count)
        blockHeight = Array(repeating: 0, count: count)
        blockExtent = Array(repeating: Contour.Extent(low: 0, high: 0), count: count)
        role = Array(repeating: .root, count: count)
        asides = Array(repeating: [], count: count)
        segments = Array(repeating: [], count: count)
        offset = Array(repeating: 0, count: count)
        fixedY = Array(repeating: nil, count: count)
        spine = Array(repeating: 0, count: count)
        centers = Array(repeating: ChartPoint(x: 0, y: 0), count: count)
        lift = Array(repeating: 0, count: count)
        for parent in 0..<count {
            let children = tree.children[parent]
            let aside = children.filter { chart.boxes[$0].isAside && tree.children[$0].isEmpty }
            if hangs[parent] {
                // Asides first, beside the top of the spine; then the other children in order.
                column[parent] = aside + children.filter { !aside.contains($0) }
                for child in column[parent] { role[child] = .hang }
                continue
            }
            asides[parent] = aside
            for child in aside { role[child] = .aside }
            segments[parent] = Self.segments(children.filter { !aside.contains($0) }, tree: tree, stackLeaves: stackLeaves)
            for case .comb(let leaves) in segments[parent] { for leaf in leaves { role[leaf] = .leaf } }
            for case .subtree(let child) in segments[parent] { role[child] = .row }
        }
        let levels = (tree.depth.max() ?? 0) + 1
        var heights = Array(repeating: 0.0, count: levels), asideHeights = Array(repeating: 0.0, count: levels)
        for box in 0..<count {
            let depth = tree.depth[box]
            switch role[box] {
            case .root, .row: heights[depth] = max(heights[depth], sizes[box].height)
            case .aside: asideHeights[depth - 1] = max(asideHeights[depth - 1], sizes[box].height)
            case .leaf, .hang: break
            }
        }
        let filler = BoxMetrics.minimumHeight * 72
        rows = Rows(top: top, heights: heights.map { $0 > 0 ? $0 : filler }, asides: asideHeights, gap: spacing.vertical, filler: filler)
    }

    /// Computes every box's centre. With an `area`, a chart of several trees may stand in
    /// several rows of trees when the chart then fits the area at a larger scale (see `rowsOfTrees`).
    mutating func place(treesInRowsFor area: (width: Double, height: Double)? = nil) {
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
            if let top = hangTop[box], let parent = tree.parent[box] {
                centers[box] = ChartPoint(x: x, y: centers[parent].y - sizes[parent].height / 2 + top + sizes[box].height / 2)
            } else {
                // Boxes of a row stand on its top line, as columns hang from it.
                centers[box] = ChartPoint(x: x, y: fixedY[box] ?? rows.top(tree.depth[box]) + sizes[box].height / 2)
            }
        }
        if let area, tree.roots.count > 1 { placeTreesInRows(for: area) }
    }

    /// Stands the trees in rows, in order, each row's trees side by side, when several rows fit
    /// `area` at a larger scale than one (the fewest rows among equals): the row breaks are
    /// those of the widest row width, from the trees' own widths, that fits best.
    private mutating func placeTreesInRows(for area: (width: Double, height: Double)) {
        var rootOf = Array(0..<centers.count)
        for box in tree.preorder { if let parent = tree.parent[box] { rootOf[box] = rootOf[parent] } }
        let order = Dictionary(uniqueKeysWithValues: tree.roots.enumerated().map { ($1, $0) })
        var low = [Double](repeating: .infinity, count: tree.roots.count), high = [Double](repeating: -.infinity, count: tree.roots.count)
        var bottom = [Double](repeating: 0, count: tree.roots.count)
        for box in centers.indices {
            let k = order[rootOf[box]]!
            low[k] = min(low[k], centers[box].x - sizes[box].width / 2)
            high[k] = max(high[k], centers[box].x + sizes[box].width / 2)
            bottom[k] = max(bottom[k], centers[box].y + sizes[box].height / 2)
        }
        let top = rows.top(0)
        let trees = tree.roots.indices.map { (width: high[$0] - low[$0], height: bottom[$0] - top) }
        guard let breaks = Self.rowsOfTrees(trees, area: area, gap: (spacing.horizontal, spacing.vertical)), breaks.count > 1 else { return }
        var shift = [(x: Double, y: Double)](repeating: (0, 0), count: trees.count)
        var y = 0.0
        for (k, start) in breaks.enumerated() {
            let end = k + 1 < breaks.count ? breaks[k + 1] : trees.count
            var x = spacing.horizontal
            for tree in start..<end {
                shift[tree] = (x - low[tree], y)
                x += trees[tree].width + spacing.horizontal
            }
            y += (start..<end).map { trees[$0].height }.max()! + spacing.vertical
        }
        for box in centers.indices {
            let (dx, dy) = shift[order[rootOf[box]]!]
            centers[box] = ChartPoint(x: centers[box].x + dx, y: centers[box].y + dy)
            lift[box] = dy
        }
    }

    /// Where the rows of trees of the given sizes start (indices of their first trees), placed
    /// in order with `gap` between trees and between rows, to fit `area` at the largest scale
    /// (at most 1; the fewest rows among equals); nil for no trees.
    static func rowsOfTrees(_ trees: [(width: Double, height: Double)], area: (width: Double, height: Double), gap: (x: Double, y: Double)) -> [Int]? {
        guard !trees.isEmpty else { return nil }
        /// The rows when each holds as many trees as fit in `limit`.
        func rows(_ limit: Double) -> (starts: [Int], scale: Double) {
            var starts = [0], width = 0.0, rowWidth = 0.0, rowHeight = 0.0, height = 0.0
            for (k, tree) in trees.enumerated() {
                if k > 0, rowWidth + gap.x + tree.width > limit {
                    starts.append(k)
                    height += rowHeight + gap.y
                    rowWidth = 0
                    rowHeight = 0
                }
                rowWidth += (rowWidth > 0 ? gap.x : 0) + tree.width
                rowHeight = max(rowHeight, tree.height)
                width = max(width, rowWidth)
            }
            height += rowHeight
            let scale = min(1, area.width / max(width + 2 * gap.x, 1), area.height / max(height + gap.x, 1))
            return (starts, scale)
        }
        // Candidate row widths: every run of consecutive trees' width (few enough trees), else even shares.
        var limits: Set<Double> = []
        if trees.count <= Self.mostTreesForEveryRun {
            for first in trees.indices {
                var width = -gap.x
                for tree in trees[first...] { width += gap.x + tree.width; limits.insert(width) }
            }
        } else {
            let total = trees.reduce(-gap.x) { $0 + gap.x + $1.width }
            for count in 1...Self.mostTreesForEveryRun { limits.insert(max(total / Double(count), trees.map(\.width).max()!)) }
        }
        var best = rows(.infinity)
        for limit in limits.sorted(by: >) {
            let candidate = rows(limit)
            if candidate.scale > best.scale * 1.0001 { best = candidate }
        }
        return best.starts
    }

    /// Above this many trees, the rows tried are of even shares of their total width.
    static let mostTreesForEveryRun = 40

    /// Width and height of the placed boxes, from the left and top edges of the drawing.
    var extent: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        for (center, size) in zip(centers, sizes) {
            width = max(width, center.x + size.width / 2)
            height = max(height, center.y + size.height / 2)
        }
        return (width + spacing.horizontal, height + spacing.horizontal)
    }

    /// Runs of at least `stackLeaves` consecutive leaves become combs; every other child is a subtree.
    static func segments(_ children: [Int], tree: ChartTree, stackLeaves: Int) -> [Segment] {
        var result: [Segment] = []
        var run: [Int] = []
        func flush() {
            if stackLeaves > 0, run.count >= stackLeaves { result.append(.comb(run)) } else { result += run.map(Segment.subtree) }
            run.removeAll()
        }
        for child in children {
            if tree.children[child].isEmpty {
                run.append(child)
            } else {
                flush()
                result.append(.subtree(child))
            }
        }
        flush()
        return result
    }

    /// The contour of the subtree of `box`, relative to its centre, taking its children's.
    private mutating func contour(of box: Int, contours: inout [Contour]) -> Contour {
        let depth = tree.depth[box]
        if hangs[box] {
            hangBlock(of: box)
            // Inside a column the parent's block holds this one; only a column's top box,
            // standing in a row, has a contour of its own.
            if let parent = tree.parent[box], hangs[parent] { return Contour() }
            let bottom = rows.top(depth) + blockHeight[box]
            var contour = Contour()
            for _ in (2 * depth)...max(2 * depth, rows.band(at: bottom)) { contour.putOnTop(blockExtent[box]) }
            return contour
        }
        var below = Contour()
        var band = Contour.Extent(low: 0, high: 0)
        var anchors: [Double] = []
        for segment in segments[box] {
            var next: Contour
            switch segment {
            case .subtree(let child): next = take(child, from: &contours)
            case .comb(let leaves): next = comb(leaves, depth: depth + 1)
            }
            let x = anchors.isEmpty ? 0 : below.separation(toTheRightOf: next, gap: spacing.horizontal)
            next.move(by: x)
            below.absorb(next)
            anchors.append(x)
        }
        if let first = anchors.first, let last = anchors.last {
            let middle = (first + last) / 2
            below.move(by: -middle)
            band = band.union(Contour.Extent(low: first - middle, high: last - middle))
            for (segment, anchor) in zip(segments[box], anchors) {
                switch segment {
                case .subtree(let child): offset[child] = anchor - middle
                case .comb(let leaves):
                    for leaf in leaves {
                        offset[leaf] += anchor - middle
                        spine[leaf] += anchor - middle
                        band = band.union(Contour.Extent(low: spine[leaf], high: spine[leaf]))
                    }
                }
            }
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
        if !segments[box].isEmpty || !asides[box].isEmpty { below.putOnTop(band) }
        below.putOnTop(Contour.Extent(low: -sizes[box].width / 2, high: sizes[box].width / 2))
        return below
    }

    /// Hangs the column of `box` under it: each child's block (already computed) below the
    /// previous one, indented right of a spine that drops from the box's bottom. Several
    /// columns stand side by side and a bus under the box leads to each column's spine: under
    /// the top of a tree, centred under it, the bus dropping from its middle (as an
    /// organigramme's top is drawn); under any other box (where the columns stay clear of the
    /// channels beside it, which lines across the tree take), from the first column's spine.
    private mutating func hangBlock(of box: Int) {
        let width = sizes[box].width
        let groups = Self.columns(column[box], heights: column[box].map { blockHeight[$0] + Self.hangGap }, count: columnCount[box])
        // With several columns a bus runs under the box, and the columns' first boxes as far
        // below it (further when a line across the tree ends at one of them).
        let bus = sizes[box].height + Self.columnBusDrop
        let room = groups.contains { $0.first.map { lineEnds[$0] } ?? false } ? Self.lineRoom : Self.columnBusDrop
        let start = groups.count > 1 ? bus + room : sizes[box].height
        var spineX = -width / 2 + Self.hangInset, bottom = sizes[box].height, right = spineX
        for group in groups {
            var y = start
            for child in group {
                y += Self.hangGap
                hangTop[child] = y
                offset[child] = spineX + Self.hangTick + sizes[child].width / 2
                spine[child] = spineX
                right = max(right, blockExtent[child].high + offset[child])
                y += blockHeight[child]
            }
            bottom = max(bottom, y)
            spineX = right + Self.columnGap + Self.hangInset
        }
        // Several columns under the top of a tree: from the first spine to the right of the
        // last, centred under the box.
        let centred = groups.count > 1 && tree.parent[box] == nil
        let shift = centred ? -(-width / 2 + Self.hangInset + right) / 2 : 0
        var extent = Contour.Extent(low: -width / 2, high: width / 2)
        for (number, group) in groups.enumerated() where groups.count > 1 && (centred || number > 0) {
            for child in group { busTop[child] = (bus, centred ? 0 : -width / 2 + Self.hangInset) }
        }
        for child in groups.joined() {
            offset[child] += shift
            spine[child] += shift
            let inner = blockExtent[child]
            extent = extent.union(Contour.Extent(low: inner.low + offset[child], high: inner.high + offset[child]))
        }
        blockHeight[box] = bottom
        blockExtent[box] = extent
    }

    /// `children` cut into at most `count` consecutive columns of about equal height (their
    /// blocks' `heights`), in order: each column closes once it reaches the height left over
    /// the columns left.
    static func columns(_ children: [Int], heights: [Double], count: Int) -> [[Int]] {
        guard count > 1, children.count > 1 else { return [children] }
        var groups: [[Int]] = [[]], left = heights.reduce(0, +), height = 0.0
        for (child, h) in zip(children, heights) {
            let columnsLeft = Double(count - groups.count + 1)
            if !groups[groups.count - 1].isEmpty, groups.count < count, height + h / 2 > left / columnsLeft {
                groups.append([])
                left -= height
                height = 0
            }
            groups[groups.count - 1].append(child)
            height += h
        }
        return groups
    }

    /// Stacks `leaves` in a comb from the row at `depth` down; its contour is relative to its
    /// anchor, where it meets the bus, and the leaves' offsets and spines are set relative to it.
    private mutating func comb(_ leaves: [Int], depth: Int) -> Contour {
        let comb = LeafComb(sizes: leaves.map { sizes[$0] }, top: rows.top(depth), gap: spacing.horizontal)
        for (k, leaf) in leaves.enumerated() {
            offset[leaf] = comb.centers[k].x
            fixedY[leaf] = comb.centers[k].y
            spine[leaf] = comb.spines[k]
        }
        var contour = Contour()
        for _ in (2 * depth)...max(2 * depth, rows.band(at: comb.bottom)) { contour.putOnTop(comb.extent) }
        return contour
    }

    /// Moves a child's contour out of the table, so that it is merged in place, not copied.
    private func take(_ box: Int, from contours: inout [Contour]) -> Contour {
        let contour = contours[box]
        contours[box] = Contour()
        return contour
    }

    /// The connectors of the chart's lines, in line order: elbows for the tree, and orthogonal
    /// routes (see `LineRouter`), shortest first, for the lines across it and for the tree lines
    /// of another style than most of their siblings' (a "reports to" among "accountable to"), so
    /// that no line runs along a bus of another kind. Also the lines for which no route was
    /// found: drawn straight between the borders of their boxes, or along the tree's elbow.
    mutating func connectors(frames: [BoxFrame]) -> (connectors: [Connector], unrouted: [Int]) {
        var result: [Connector] = []
        result.reserveCapacity(chart.lines.count)
        /// The drawn tree lines: each one's connector (an index in `result`) and its boxes.
        var ends: [(connector: Int, from: Int, to: Int)] = []
        var routed: [(line: Int, from: Int, to: Int, distance: Double, elbow: [ChartPoint]?)] = []
        func distance(_ a: Int, _ b: Int) -> Double { abs(frames[a].center.x - frames[b].center.x) + abs(frames[a].center.y - frames[b].center.y) }
        let mainStyles = mainChildLineStyles()
        for child in tree.preorder {
            guard let parent = tree.parent[child], let line = tree.parentLine[child] else { continue }
            let elbow = elbow(from: frames[parent], to: frames[child], child: child, depth: tree.depth[parent])
            let drawn = chart.lines[line]
            // A line that only places its box is not drawn: it takes no track.
            guard drawn.isDrawn else {
                result.append(Connector(line: line, points: elbow))
                continue
            }
            if drawn.style != mainStyles[parent], let a = tree.index[drawn.from], let b = tree.index[drawn.to] {
                routed.append((line, a, b, distance(a, b), drawn.ranksUpward ? elbow.reversed() : elbow))
                continue
            }
            result.append(Connector(line: line, points: elbow))
            ends.append((result.count - 1, parent, child))
        }
        for line in tree.crossLines {
            let drawn = chart.lines[line]
            guard drawn.isDrawn, let a = tree.index[drawn.from], let b = tree.index[drawn.to], a != b else { continue }
            routed.append((line, a, b, distance(a, b), nil))
        }
        var unrouted: [Int] = []
        if !routed.isEmpty {
            var router = LineRouter(frames: frames, leftMargin: spacing.horizontal, lines: chart.lines.count)
            for end in ends {
                let connector = result[end.connector]
                router.reserve(connector.points, line: connector.line, from: end.from, to: end.to, look: chart.lines[connector.line].style)
            }
            for line in routed.sorted(by: { ($0.distance, $0.line) < ($1.distance, $1.line) }) {
                let (a, b) = (frames[line.from], frames[line.to])
                // A labelled line bundles only with lines of the same label: on a shared trunk,
                // a label could be read as the other lines'.
                let style = chart.lines[line.line].label.map { "\(chart.lines[line.line].style)\n\($0)" } ?? chart.lines[line.line].style
                let look = chart.lines[line.line].style
                let route = router.route(line: line.line, from: line.from, to: line.to, style: style, look: look, headStub: LineRouter.headStub)
                if route == nil { unrouted.append(line.line) }
                // Points from `from` to `to`: the elbow's are from the upper end as ranked.
                let points = route ?? line.elbow ?? [a.border(towards: b.center), b.border(towards: a.center)]
                router.reserve(points, line: line.line, from: line.from, to: line.to, style: style, look: look)
                // Points run from the upper end as ranked, as the tree's connectors do.
                result.append(Connector(line: line.line, points: chart.lines[line.line].ranksUpward ? points.reversed() : points))
            }
        }
        return (result.sorted { $0.line < $1.line }, unrouted.sorted())
    }

    /// The elbow of every tree line from a parent whose bottom is above `depth` to its child,
    /// as placed in `frames`.
    mutating func elbows(frames: [BoxFrame], above depth: Double) -> [[ChartPoint]] {
        tree.preorder.compactMap { child in
            tree.parent[child].flatMap { frames[$0].maxY < depth ? elbow(from: frames[$0], to: frames[child], child: child, depth: tree.depth[$0]) : nil }
        }
    }

    /// The frame of every box as placed.
    var frames: [BoxFrame] {
        centers.indices.map { BoxFrame(center: centers[$0], width: sizes[$0].width, height: sizes[$0].height) }
    }

    /// The style of most of each box's child lines (the first in line order among equals).
    private func mainChildLineStyles() -> [String?] {
        tree.children.map { children in
            var counts: [String: Int] = [:], main: (style: String, count: Int)?
            for child in children {
                guard let line = tree.parentLine[child] else { continue }
                let style = chart.lines[line].style, count = counts[style, default: 0] + 1
                counts[style] = count
                if count > main?.count ?? 0 { main = (style, count) }
            }
            return main?.style
        }
    }

    /// The orthogonal route from a parent's bottom to a child.
    private mutating func elbow(from parent: BoxFrame, to child: BoxFrame, child box: Int, depth: Int) -> [ChartPoint] {
        let x = parent.center.x
        let start = ChartPoint(x: x, y: parent.maxY)
        switch role[box] {
        case .root, .row:
            let bus = rows.bus(depth) + lift[box]
            return [start, ChartPoint(x: x, y: bus), ChartPoint(x: child.center.x, y: bus), ChartPoint(x: child.center.x, y: child.minY)]
        case .aside:
            let y = child.center.y
            return [start, ChartPoint(x: x, y: y), ChartPoint(x: child.center.x > x ? child.minX : child.maxX, y: y)]
        case .leaf:
            let spineX = x + spine[box], y = child.center.y, bus = rows.bus(depth) + lift[box]
            let end = ChartPoint(x: child.center.x > spineX ? child.minX : child.maxX, y: y)
            return [start, ChartPoint(x: x, y: bus), ChartPoint(x: spineX, y: bus), ChartPoint(x: spineX, y: y), end]
        case .hang:
            let spineX = x + spine[box], y = child.center.y
            if let bus = busTop[box] {
                // One of several columns: down to the bus, along it to this column's spine.
                let dropX = x + bus.dropX, busY = parent.minY + bus.y
                return [ChartPoint(x: dropX, y: parent.maxY), ChartPoint(x: dropX, y: busY), ChartPoint(x: spineX, y: busY),
                        ChartPoint(x: spineX, y: y), ChartPoint(x: child.minX, y: y)]
            }
            return [ChartPoint(x: spineX, y: parent.maxY), ChartPoint(x: spineX, y: y), ChartPoint(x: child.minX, y: y)]
        }
    }
}
