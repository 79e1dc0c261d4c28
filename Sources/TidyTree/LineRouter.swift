/// Orthogonal routes for the lines drawn across a tidy tree (direct access, dual accountability,
/// reports to, services …), through the free channels of the placed chart: the gaps between
/// rows and between subtrees and the gutters around the chart.
///
/// Each line is routed on its own: a shortest path by length, bends and crossings (A*) on a
/// sparse grid whose coordinates are the edges of the boxes near the line, each pushed out by
/// the clearance and by a few track spacings, so that a channel offers parallel tracks. Boxes
/// are obstacles; the segments already drawn (containment elbows and buses, lines routed before)
/// are reserved: a route may cross them but not run along one closer than a track spacing, except
/// that lines of one kind with a common end may share their stretches and that end's port (a
/// bundle, as an organigramme draws several dotted lines into one head). Every other line end
/// takes a port of its own on a box side, spread from the side's middle, so arrowheads never
/// stack. A search that finds nothing near the line's boxes is tried on a wider area, then with
/// reservations relaxed; a line left without a route is drawn straight (`TidyLayout.unrouted`).
/// Searches have budgets of grid size and expansions, so routing stays near linear in boxes plus
/// lines: a search for the cheapest route that runs out of its budget is followed by one for a
/// good route (weighted A*, far fewer expansions); a search that runs long counts in its
/// estimate the crossings no way to the target avoids; a grid whose ends do not connect is not
/// searched; the searches on the wider area have a smaller budget of their own, so that lines
/// that cannot be routed near their boxes do not leave the lines after them without a search.
struct LineRouter {
    /// Clearance in points kept between a line and any box it does not end at.
    static let clearance = 6.0
    /// Distance in points between parallel lines in one channel.
    static let trackSpacing = 5.0
    /// How many tracks each box edge offers, from the clearance outwards.
    static let tracksPerEdge = 3
    /// Distance in points between the ports offered on one box side (ports taken are at least
    /// a track spacing apart), and the length kept free at each end of a side.
    static let portSpacing = 8.0, cornerInset = 6.0
    /// The share of its length a stretch saves where it runs on a line of its own bundle (the
    /// same kind from the same box, or to the same box), so that such lines share one trunk.
    static let trunkSaving = 0.5
    /// The least distance in points between an arrowhead's port and any other line's port on
    /// the same box: an arrowhead is about 7 points wide. (Ten points, room for an arrowhead
    /// beside an 8-point dot, leaves a port of the eight-point steps in two unused: a quarter
    /// more lines across 20,000 boxes and a third more across random models became markers.)
    static let arrowheadSpacing = 8.0
    /// The most ports offered around the middle of a side (besides its two ends).
    static let portsPerSide = 16
    /// Length of the straight stub with which a line leaves a box, and enters one with an
    /// arrowhead (an arrowhead is 10 to 12 points long).
    static let tailStub = 8.0, headStub = 16.0
    /// The shortest last stretch a line may end with: an arrowhead's length.
    static let shortestShaft = 10.0
    /// The width of the gutters right of and below the boxes: room for an arrowhead's stub and
    /// two tracks.
    static var gutter: Double { headStub + 2 * trackSpacing }
    /// Costs, in points of length: a bend, a crossing with a line already drawn, a point of a
    /// port's distance from the middle of its side, and (relaxed search only) a stretch run
    /// closer than a track spacing beside a line already drawn.
    static let bendCost = 24.0, crossingCost = 40.0, portOffsetCost = 1.5, crowdingCost = 2_000.0
    /// Lines drawn alike (one style) that do not share an end read as one line where they run
    /// side by side: a stretch that runs within `lookAlikeReach` points of such a line, beyond
    /// the track spacing, costs `lookAlikeCost` times its length more, so that it takes another
    /// channel where one is near (a line to another head does not read as that head's bus), or
    /// joins the lines of its bundle. (At its full length again, three dual lines of the pillar's
    /// organigramme found no route within their budgets.)
    static let lookAlikeReach = 3 * trackSpacing, lookAlikeCost = 0.5
    /// How many states the search for the cheapest route may expand near the line's boxes, and
    /// on the wider area; how many the search after it for a good route may expand, when the
    /// first ran out (see `RoutingGrid.shortestPath`); all searches of a chart, per box and line;
    /// the searches on the wider area, per box and line, counting both their expansions and the
    /// nodes of their grids; the largest grid of one search, in nodes.
    static let nearBudget = 20_000, widerSearchBudget = 60_000, goodBudget = 20_000, chartBudgetPerElement = 400,
               widerBudgetPerElement = 100, largestGrid = 400_000
    /// The weight of the estimate in the search for a good route: its routes cost at most this
    /// many times the cheapest.
    static let goodRouteWeight = 2.0
    /// How much more than from the ends of the line's first box the map of what is left to
    /// cross is made exact (see `RoutingGrid.mapCrossingsLeft(from:to:)`): the search seldom
    /// goes where more is left.
    static let mapBeyondStarts = 2 * crossingCost
    /// How many states a search expands before it maps what is left to cross (see
    /// `RoutingGrid.shortestPath`).
    static let searchBeforeMap = 2_000

    /// A rectangle, in points.
    struct Area {
        var minX, minY, maxX, maxY: Double

        /// The rectangle grown by `margin` on every side.
        func grown(by margin: Double) -> Area { Area(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin) }
        /// The part of the rectangle inside `other`.
        func clipped(to other: Area) -> Area {
            Area(minX: max(minX, other.minX), minY: max(minY, other.minY), maxX: min(maxX, other.maxX), maxY: min(maxY, other.maxY))
        }
        /// True when `point` is inside or on the border.
        func contains(_ point: ChartPoint) -> Bool { point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY }
    }

    /// A horizontal or vertical segment: `across` is its y (horizontal) or x (vertical), and it
    /// runs from `low` to `high` along the other axis.
    struct Stretch {
        var vertical: Bool
        var across: Double, low: Double, high: Double

        init(from a: ChartPoint, to b: ChartPoint) {
            vertical = a.x == b.x
            across = vertical ? a.x : a.y
            low = vertical ? min(a.y, b.y) : min(a.x, b.x)
            high = vertical ? max(a.y, b.y) : max(a.x, b.x)
        }

        /// The length both share along their axis.
        func overlap(_ other: Stretch) -> Double { min(high, other.high) - max(low, other.low) }
    }

    /// A stretch of a line already drawn.
    struct Reserved {
        var stretch: Stretch
        var line: Int
    }

    /// A place where a line may leave or enter a box: the point on the side, the end of its
    /// stub, whether the stub is vertical, and what it costs.
    struct Port {
        var point: ChartPoint
        var stub: ChartPoint
        var vertical: Bool
        var cost: Double
    }

    let frames: [BoxFrame]
    /// Where lines may run: the boxes and a gutter around them.
    let drawing: Area
    private var boxGrid: BucketGrid
    private var reserved: [Reserved] = []
    private var reservedGrid: BucketGrid
    /// The ends of lines already drawn on each box, with their lines.
    private var ports: [[(point: ChartPoint, line: Int)]]
    /// The boxes and style (an index into `styles`) of each line across the tree already drawn,
    /// by line; tree lines have none.
    private var crossing: [(from: Int, to: Int, style: Int)?] = []
    /// How each line already drawn looks (an index into `styles`), by line; nil when not told.
    private var looks: [Int?] = []
    /// The styles of the lines routed, numbered in order of first use.
    private var styles: [String: Int] = [:]
    /// Expansions left for the chart, and expansions and grid nodes left for the searches on
    /// the wider area.
    private var budget: Int, widerBudget: Int
    /// The line being routed: its index, boxes, style and look.
    private var current = (line: -1, from: 0, to: 0, style: -1, look: -1)
    /// For each box and each reserved stretch, the last query that met it, so that a query
    /// meets each once (see `boxes(in:)`, `pieces(in:)`); `query` numbers the queries.
    private var boxMarks: [UInt32], pieceMarks: [UInt32] = [], query: UInt32 = 0
    /// The grid of the current search; its storage serves every search of the router.
    private let grid = RoutingGrid()

    /// A router among `frames`, lines running up to `gutter` points right of and below them and
    /// up to `leftMargin` points left of them (where the drawing starts), never above the top
    /// of the highest box; `lines` sizes the budget.
    init(frames: [BoxFrame], leftMargin: Double, lines: Int) {
        self.frames = frames
        boxGrid = BucketGrid(fitting: frames)
        reservedGrid = BucketGrid(fitting: frames)
        for (i, frame) in frames.enumerated() {
            let c = Self.clearance
            boxGrid.insert(i, minX: frame.minX - c, minY: frame.minY - c, maxX: frame.maxX + c, maxY: frame.maxY + c)
        }
        drawing = Area(minX: (frames.map(\.minX).min() ?? 0) - min(leftMargin, Self.gutter), minY: frames.map(\.minY).min() ?? 0,
                       maxX: (frames.map(\.maxX).max() ?? 0) + Self.gutter, maxY: (frames.map(\.maxY).max() ?? 0) + Self.gutter)
        ports = Array(repeating: [], count: frames.count)
        boxMarks = Array(repeating: 0, count: frames.count)
        budget = Self.chartBudgetPerElement * (frames.count + lines) + Self.widerSearchBudget
        widerBudget = Self.widerBudgetPerElement * (frames.count + lines) + 4 * Self.largestGrid
    }

    /// Records the route `points` of `line` from box `from` to box `to` as drawn: its segments
    /// are reserved and its ends occupy ports. `style` is given for a line across the tree, which
    /// lines of its style with a common end may share; `look`, how the line is drawn, keeps lines
    /// drawn alike apart (see `lookAlikeCost`).
    mutating func reserve(_ points: [ChartPoint], line: Int, from: Int, to: Int, style: String? = nil, look: String? = nil) {
        guard let first = points.first, let last = points.last else { return }
        ports[from].append((first, line))
        ports[to].append((last, line))
        if let style {
            if line >= crossing.count { crossing += Array(repeating: nil, count: line + 1 - crossing.count) }
            crossing[line] = (from, to, number(of: style))
        }
        if let look {
            if line >= looks.count { looks += Array(repeating: nil, count: line + 1 - looks.count) }
            looks[line] = number(of: "look\n" + look)
        }
        for (a, b) in zip(points, points.dropFirst()) where a != b && (a.x == b.x || a.y == b.y) {
            reservedGrid.insert(reserved.count, minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
            reserved.append(Reserved(stretch: Stretch(from: a, to: b), line: line))
            pieceMarks.append(0)
        }
    }

    /// The number of `style` in `styles`, given it if new.
    private mutating func number(of style: String) -> Int {
        if let number = styles[style] { return number }
        styles[style] = styles.count
        return styles.count - 1
    }

    /// An orthogonal route of `line` of `style` from box `from` to box `to` (ending with a stub
    /// of `headStub` points), or nil when none is found within the budgets.
    mutating func route(line: Int, from: Int, to: Int, style: String, look: String? = nil, headStub: Double) -> [ChartPoint]? {
        current = (line, from, to, number(of: style), look.map { number(of: "look\n" + $0) } ?? -1)
        let a = frames[from], b = frames[to]
        let span = Area(minX: min(a.minX, b.minX), minY: min(a.minY, b.minY), maxX: max(a.maxX, b.maxX), maxY: max(a.maxY, b.maxY))
        let near = span.grown(by: 4 * Self.clearance + 2 * Double(Self.tracksPerEdge) * Self.trackSpacing).clipped(to: drawing)
        let wide = span.grown(by: max(span.maxX - span.minX, span.maxY - span.minY, 200)).clipped(to: drawing)
        if let route = search(headStub: headStub, area: near, relaxed: false, wider: false) { return route }
        for relaxed in [false, true] {
            if let route = search(headStub: headStub, area: wide, relaxed: relaxed, wider: true) { return route }
        }
        return nil
    }

    /// True when `line`, already drawn, may share stretches with the line being routed: a line
    /// across the tree of the same style with the same start or the same end. `box`, when
    /// given, must be that common end.
    private func bundles(with line: Int, at box: Int? = nil) -> Bool {
        guard line < crossing.count, let other = crossing[line], other.style == current.style else { return false }
        let sameStart = other.from == current.from && (box ?? other.from) == other.from
        let sameEnd = other.to == current.to && (box ?? other.to) == other.to
        return sameStart || sameEnd
    }

    /// True when `stretch` runs inside the clearance of box `box` (strictly inside across it,
    /// and overlapping it along its length).
    private func blocks(_ box: Int, _ stretch: Stretch) -> Bool {
        let frame = frames[box], c = Self.clearance
        let across = stretch.vertical ? (frame.minX - c, frame.maxX + c) : (frame.minY - c, frame.maxY + c)
        let along = stretch.vertical ? (frame.minY - c, frame.maxY + c) : (frame.minX - c, frame.maxX + c)
        return across.0 < stretch.across && stretch.across < across.1 && min(stretch.high, along.1) > max(stretch.low, along.0)
    }

    /// What running along `stretch` costs beside the reserved `piece`, beyond its length:
    /// `crossing` for a crossing, or (closer than a track spacing alongside it) infinity,
    /// `crowdingCost` when relaxed. A stretch of the same bundle may lie exactly on the piece,
    /// and crosses freely.
    private func cost(of stretch: Stretch, beside piece: Reserved, relaxed: Bool, crossing: Double = LineRouter.crossingCost) -> Double {
        cost(of: stretch, beside: piece, bundled: bundles(with: piece.line), relaxed: relaxed, crossing: crossing)
    }

    /// `cost(of:beside:relaxed:)`, given whether `piece` is of the current line's bundle.
    private func cost(of stretch: Stretch, beside piece: Reserved, bundled: Bool, relaxed: Bool, crossing: Double = LineRouter.crossingCost) -> Double {
        guard piece.line != current.line else { return 0 }
        let other = piece.stretch
        if other.vertical == stretch.vertical {
            let distance = abs(other.across - stretch.across)
            guard distance < Self.trackSpacing - 0.01, stretch.overlap(other) > 0.01, !(bundled && distance < 0.01) else { return 0 }
            return relaxed ? Self.crowdingCost : .infinity
        }
        let crosses = other.across >= stretch.low && other.across < stretch.high && stretch.across >= other.low && stretch.across <= other.high
        return crosses && !bundled ? crossing : 0
    }

    /// The free ports of box `box` whose stubs of `length` points stay inside `area`, clear of
    /// other boxes and of lines already drawn; with `head`, the stub holds the arrowhead and
    /// crosses no other line (an arrowhead on a spine or a bus reads as that line's) unless
    /// the search is `relaxed`.
    private func ports(of box: Int, stub length: Double, area: Area, relaxed: Bool, head: Bool = false) -> [Port] {
        let frame = frames[box], crossing = head && !relaxed ? .infinity : Self.crossingCost
        var result: [Port] = []
        for side in 0..<4 {
            let horizontalSide = side < 2, sign = side % 2 == 0 ? 1.0 : -1.0
            let half = (horizontalSide ? frame.width : frame.height) / 2 - Self.cornerInset
            guard half >= 0 else { continue }
            // 0, +1, −1, +2, −2 … port spacings from the middle of the bottom, top, right, left
            // side, and the two ends of the side.
            let steps = min(Self.portsPerSide / 2, Int((half / Self.portSpacing).rounded(.down)))
            var offsets: [Double] = []
            for step in 0...(2 * steps) {
                let distance = Double((step + 1) / 2) * Self.portSpacing
                offsets.append(step % 2 == 0 ? -distance : distance)
            }
            if half - Double(steps) * Self.portSpacing >= Self.trackSpacing { offsets += [half, -half] }
            for offset in offsets {
                let point = horizontalSide ? ChartPoint(x: frame.center.x + offset, y: sign > 0 ? frame.maxY : frame.minY)
                                           : ChartPoint(x: sign > 0 ? frame.maxX : frame.minX, y: frame.center.y + offset)
                let stub = horizontalSide ? ChartPoint(x: point.x, y: point.y + sign * length) : ChartPoint(x: point.x + sign * length, y: point.y)
                let apart = head ? Self.arrowheadSpacing : Self.trackSpacing
                guard area.contains(stub), !ports[box].contains(where: { taken in
                    abs(taken.point.x - point.x) + abs(taken.point.y - point.y) < apart - 0.01
                        && !(taken.point == point && bundles(with: taken.line, at: box))
                }) else { continue }
                let stretch = Stretch(from: point, to: stub)
                var blocked = false
                boxGrid.visit(minX: min(point.x, stub.x), minY: min(point.y, stub.y), maxX: max(point.x, stub.x), maxY: max(point.y, stub.y)) { other in
                    blocked = other != box && blocks(other, stretch)
                    return !blocked
                }
                guard !blocked else { continue }
                var cost = abs(offset) * Self.portOffsetCost
                var seen = Set<Int>()
                reservedGrid.visit(minX: min(point.x, stub.x) - Self.trackSpacing, minY: min(point.y, stub.y) - Self.trackSpacing,
                                   maxX: max(point.x, stub.x) + Self.trackSpacing, maxY: max(point.y, stub.y) + Self.trackSpacing) { piece in
                    if seen.insert(piece).inserted { cost += self.cost(of: stretch, beside: reserved[piece], relaxed: relaxed, crossing: crossing) }
                    return cost.isFinite
                }
                if cost.isFinite { result.append(Port(point: point, stub: stub, vertical: horizontalSide, cost: cost)) }
            }
        }
        return result
    }

    /// A* over the grid of channel coordinates in `area`, from a port of the current line's
    /// first box to a port of its second, within the chart's budget and, on the `wider` area,
    /// within the budget of those searches: the cheapest route, or when that search runs out of
    /// its budget, a good one.
    private mutating func search(headStub: Double, area: Area, relaxed: Bool, wider: Bool) -> [ChartPoint]? {
        guard budget > 0, !wider || widerBudget > 0 else { return nil }
        let starts = ports(of: current.from, stub: Self.tailStub, area: area, relaxed: relaxed)
        let ends = ports(of: current.to, stub: headStub, area: area, relaxed: relaxed, head: true)
        guard !starts.isEmpty, !ends.isEmpty, prepareGrid(area: area, ports: starts + ends, heads: wider ? [] : ends, relaxed: relaxed) else { return nil }
        if wider { widerBudget -= grid.xs.count * grid.ys.count }
        // A search that cannot succeed would expand every state it reaches.
        guard grid.connects(starts, to: ends) else { return nil }
        let limit = min(budget, wider ? widerBudget : .max)
        var route = grid.shortestPath(from: starts, to: ends, endStub: headStub, budget: min(limit, wider ? Self.widerSearchBudget : Self.nearBudget))
        var expansions = grid.expansions
        if route == nil, grid.ranOut, limit > expansions {
            route = grid.shortestPath(from: starts, to: ends, endStub: headStub, budget: min(limit - expansions, Self.goodBudget),
                                      weight: Self.goodRouteWeight)
            expansions += grid.expansions
        }
        budget -= expansions
        if wider { widerBudget -= expansions }
        return route
    }

    /// Makes `grid` the grid over `area` for the current line, with the stub ends of `ports`
    /// among its nodes: the tracks along the boxes whose clearance meets `area`; false when it
    /// would be larger than `largestGrid`. No way runs along the stubs of `heads` (the ports
    /// the line may end at) closer to their box than `shortestShaft`.
    private mutating func prepareGrid(area: Area, ports: [Port], heads: [Port], relaxed: Bool) -> Bool {
        let boxes = boxes(in: area)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(2 * Self.tracksPerEdge * boxes.count + ports.count)
        ys.reserveCapacity(2 * Self.tracksPerEdge * boxes.count + ports.count)
        for box in boxes {
            let frame = frames[box]
            for track in 0..<Self.tracksPerEdge {
                let d = Self.clearance + Double(track) * Self.trackSpacing
                xs.append(frame.minX - d)
                xs.append(frame.maxX + d)
                ys.append(frame.minY - d)
                ys.append(frame.maxY + d)
            }
        }
        for port in ports {
            xs.append(port.stub.x)
            ys.append(port.stub.y)
        }
        xs = Self.ordered(xs, within: area.minX...area.maxX)
        ys = Self.ordered(ys, within: area.minY...area.maxY)
        guard !xs.isEmpty, !ys.isEmpty, xs.count * ys.count <= Self.largestGrid else { return false }
        let pieces = pieces(in: area)
        grid.prepare(xs: xs, ys: ys) { across, down in
            CoordinateIndex.with(xs) { xs in
                CoordinateIndex.with(ys) { ys in addCosts(across: across, down: down, xs: xs, ys: ys, boxes: boxes, pieces: pieces, heads: heads, relaxed: relaxed) }
            }
        }
        return true
    }

    /// `values` inside `range`, sorted, without near repeats.
    private static func ordered(_ values: [Double], within range: ClosedRange<Double>) -> [Double] {
        var result: [Double] = []
        for value in values.filter(range.contains).sorted() where result.last.map({ value - $0 > 0.01 }) ?? true { result.append(value) }
        return result
    }

    /// The boxes whose clearance meets `area`, once each.
    private mutating func boxes(in area: Area) -> [Int] {
        query &+= 1
        if query == 0 {
            for k in boxMarks.indices { boxMarks[k] = 0 }
            for k in pieceMarks.indices { pieceMarks[k] = 0 }
            query = 1
        }
        return boxGrid.items(minX: area.minX, minY: area.minY, maxX: area.maxX, maxY: area.maxY, marks: &boxMarks, query: query)
    }

    /// The reserved stretches filed in the cells `area` meets, once each (call after
    /// `boxes(in:)`, which numbers the query).
    private mutating func pieces(in area: Area) -> [Int] {
        reservedGrid.items(minX: area.minX, minY: area.minY, maxX: area.maxX, maxY: area.maxY, marks: &pieceMarks, query: query)
    }

    /// Adds to the edge costs `across` and `down` of the grid of `xs` and `ys` (see
    /// `RoutingGrid`) what `boxes` and the reserved stretches `pieces` make them cost, over plain
    /// buffers: these loops visit every edge near each box and line.
    private func addCosts(across: UnsafeMutableBufferPointer<Double>, down: UnsafeMutableBufferPointer<Double>, xs: CoordinateIndex,
                          ys: CoordinateIndex, boxes: [Int], pieces: [Int], heads: [Port], relaxed: Bool) {
        let rows = ys.count, columns = xs.count
        // Boxes: edges inside a box's clearance are closed (as `blocks` tells): the edges on
        // the grid lines strictly inside it that overlap it along their length.
        /// Closes in `costs` (indexed by line · `stride` + step) the edges on the grid lines
        /// `lines` strictly between `low` and `high`, from `steps[k]` to `steps[k + 1]`, that
        /// overlap `start` to `end`.
        func close(_ costs: UnsafeMutableBufferPointer<Double>, lines: CoordinateIndex, between low: Double, _ high: Double,
                   steps: CoordinateIndex, from start: Double, to end: Double, lineStride: Int, stepStride: Int) {
            var k = lines.firstIndex(above: low)
            let first = max(0, steps.firstIndex(above: start) - 1)
            while k < lines.count, lines[k] < high {
                var step = first
                while step + 1 < steps.count, steps[step] < end {
                    if min(steps[step + 1], end) > max(steps[step], start) { costs[k * lineStride + step * stepStride] = .infinity }
                    step += 1
                }
                k += 1
            }
        }
        for box in boxes {
            let frame = frames[box], c = Self.clearance
            let (minX, maxX, minY, maxY) = (frame.minX - c, frame.maxX + c, frame.minY - c, frame.maxY + c)
            close(down, lines: xs, between: minX, maxX, steps: ys, from: minY, to: maxY, lineStride: rows, stepStride: 1)
            close(across, lines: ys, between: minY, maxY, steps: xs, from: minX, to: maxX, lineStride: columns, stepStride: 1)
        }
        // The stubs the line may end with: a way may run along one and turn back at its end (a
        // bundle's trunk beside the box), but not closer to the box than an arrowhead's length,
        // which would leave the arrowhead a last stretch shorter than itself.
        for head in heads {
            let (port, stub) = (head.point, head.stub)
            let reach = min(1, Self.shortestShaft / max(abs(stub.x - port.x) + abs(stub.y - port.y), 1))
            let near = ChartPoint(x: port.x + (stub.x - port.x) * reach, y: port.y + (stub.y - port.y) * reach)
            if head.vertical {
                close(down, lines: xs, between: stub.x - 0.005, stub.x + 0.005, steps: ys, from: min(port.y, near.y), to: max(port.y, near.y), lineStride: rows, stepStride: 1)
            } else {
                close(across, lines: ys, between: stub.y - 0.005, stub.y + 0.005, steps: xs, from: min(port.x, near.x), to: max(port.x, near.x), lineStride: columns, stepStride: 1)
            }
        }
        // Lines already drawn (see `cost(of:beside:bundled:relaxed:)`): crowding on the edges
        // along each piece closer than a track spacing, crossings on the edges across it.
        let crowding = relaxed ? Self.crowdingCost : .infinity
        // The edges on a line of the current line's bundle, by length (saved once each, after).
        var trunkDown: [Int: Double] = [:], trunkAcross: [Int: Double] = [:]
        for index in pieces {
            let piece = reserved[index], other = piece.stretch
            let bundled = bundles(with: piece.line)
            let alike = !bundled && current.look >= 0 && piece.line < looks.count && looks[piece.line] == current.look
            // A piece further beside the grid than it reaches, or beyond its ends, costs no edge.
            let reach = alike ? Self.lookAlikeReach : Self.trackSpacing
            var (lines, steps) = other.vertical ? (xs, ys) : (ys, xs)
            guard piece.line != current.line, other.across > lines.values[0] - reach, other.across < lines.values[lines.count - 1] + reach,
                  other.high >= steps.values[0], other.low <= steps.values[steps.count - 1] else { continue }
            // Along: the grid lines within its reach, and their edges overlapping the piece.
            var k = lines.firstIndex(above: other.across - reach)
            let first = max(0, steps.firstIndex(above: other.low) - 1)
            while k < lines.count, lines[k] < other.across + reach {
                let distance = abs(other.across - lines[k])
                if bundled, distance < 0.01 {
                    // On a line of its bundle: a shared trunk costs less than a track of its own.
                    var step = first
                    while step + 1 < steps.count, steps[step] < other.high {
                        if min(steps[step + 1], other.high) - max(steps[step], other.low) > 0.01 {
                            if other.vertical { trunkDown[k * rows + step] = steps[step + 1] - steps[step] } else { trunkAcross[k * columns + step] = steps[step + 1] - steps[step] }
                        }
                        step += 1
                    }
                } else if distance < Self.trackSpacing - 0.01 || alike {
                    var step = first
                    while step + 1 < steps.count, steps[step] < other.high {
                        if min(steps[step + 1], other.high) - max(steps[step], other.low) > 0.01 {
                            let cost = distance < Self.trackSpacing - 0.01 ? crowding : Self.lookAlikeCost * (steps[step + 1] - steps[step])
                            if other.vertical { down[k * rows + step] += cost } else { across[k * columns + step] += cost }
                        }
                        step += 1
                    }
                }
                k += 1
            }
            // Across: on each grid line the piece spans, the edge whose span holds the piece.
            guard !bundled else { continue }
            (lines, steps) = other.vertical ? (ys, xs) : (xs, ys)
            let step = steps.firstIndex(above: other.across + 1e-9) - 1
            guard step >= 0, step + 1 < steps.count, other.across >= steps[step], other.across < steps[step + 1] else { continue }
            k = lines.firstIndex(above: other.low - 1e-9)
            while k < lines.count, lines[k] <= other.high + 1e-9 {
                if lines[k] >= other.low, lines[k] <= other.high {
                    if other.vertical { across[k * columns + step] += Self.crossingCost } else { down[k * rows + step] += Self.crossingCost }
                }
                k += 1
            }
        }
        for (edge, length) in trunkDown { down[edge] -= Self.trunkSaving * length }
        for (edge, length) in trunkAcross { across[edge] -= Self.trunkSaving * length }
    }

    /// The index of the first value of the sorted `values` above `value` (`values.count` if none).
    static func firstIndex<Values: RandomAccessCollection<Double>>(above value: Double, in values: Values) -> Int where Values.Index == Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The sorted coordinates of a grid, with a table in which the first coordinate above a value
/// is found in about constant time: an entry for each of as many equal spans of their range as
/// there are coordinates, holding the first coordinate in that span.
struct CoordinateIndex {
    let values: UnsafeBufferPointer<Double>
    private let table: UnsafeMutableBufferPointer<Int32>
    private let low: Double, scale: Double

    /// The index of `values`, sorted, at least one, with its table in `table` (as many entries).
    private init(_ values: UnsafeBufferPointer<Double>, table: UnsafeMutableBufferPointer<Int32>) {
        (self.values, self.table) = (values, table)
        let count = values.count, low = values[0], range = values[count - 1] - low
        (self.low, scale) = (low, range > 0 ? Double(count) / range : 0)
        var i = 0
        for span in 0..<count {
            let start = low + Double(span) / Double(count) * range
            while i < count, values[i] < start { i += 1 }
            table[span] = Int32(i)
        }
    }

    /// Calls `body` with the index of `values`, sorted, at least one; the index is valid
    /// during the call.
    static func with<Result>(_ values: [Double], _ body: (CoordinateIndex) -> Result) -> Result {
        values.withUnsafeBufferPointer { values in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: values.count) { table in body(CoordinateIndex(values, table: table)) }
        }
    }

    var count: Int { values.count }

    subscript(index: Int) -> Double { values[index] }

    /// The index of the first value above `value` (`count` if none), as
    /// `LineRouter.firstIndex(above:in:)` finds it.
    @inline(__always)
    func firstIndex(above value: Double) -> Int {
        let position = (value - low) * scale, last = table.count - 1
        var i = Int(table[position > 0 ? (position < Double(last) ? Int(position) : last) : 0])
        while i > 0, values[i - 1] > value { i -= 1 }
        while i < values.count, values[i] <= value { i += 1 }
        return i
    }
}

/// The grid of one search: channel coordinates, the cost of every edge between neighbouring
/// nodes (infinite where a box or a line already drawn closes it), and the A* over it. A state
/// is a node and whether the move into it was vertical, so that bends cost.
///
/// A router keeps one grid for all its searches: its storage is allocated again only for a grid
/// larger than any before (or larger than `keptNodes`), and what a search wrote is told current
/// by that search's number, so that nothing is cleared between searches. Not to be shared
/// between threads.
final class RoutingGrid {
    /// The grid's coordinates, sorted.
    private(set) var xs: [Double] = [], ys: [Double] = []
    /// The costs beyond their length of the edges from each node to the next across
    /// (`across`, indexed by row · `xs.count` + column) and down (`down`, indexed by node:
    /// column · `ys.count` + row), so that the edges along a grid line lie side by side.
    private var across: [Double] = [], down: [Double] = []
    /// States expanded by the last search, and whether it stopped for its budget.
    private(set) var expansions = 0, ranOut = false
    /// For each state, the cost of the cheapest way found to it and the state before, side by
    /// side (a search reads them together), current where `reached` holds the search's number.
    private var states: [SearchState] = []
    /// For each node, the end port whose stub ends there (-1 elsewhere), and the number of the
    /// last walk of `connects` that reached it.
    private var goal: [Int32] = [], seen: [UInt32] = []
    /// For each node, at most the least that a way from it to one of the goal nodes of
    /// `mapped` costs beyond its length (see `mapCrossingsLeft(from:to:)`); nil when the grid
    /// changed since.
    private var crossingsLeft: [Double] = [], mapped: (starts: [Int], goals: [Int])?
    /// The nodes whose ways on are yet to be followed, in `mapCrossingsLeft(from:to:)` and in
    /// the walk of `connects(_:to:)`.
    private var pending: [Int32] = []
    private var number: UInt32 = 0, walk: UInt32 = 0
    private var queue = Heap(), sweep = Heap()

    /// The most nodes of a grid whose storage is kept for the next: the few larger grids (on
    /// the wider areas) have storage of their own, so that a router holds a few megabytes.
    static let keptNodes = 1 << 16

    /// An empty grid: `prepare` gives it coordinates and costs.
    init() {}

    /// A grid of the coordinates `xs` and `ys`, sorted, with the costs beyond their length of
    /// the edges from each node to the next across (`across`, indexed by row · `xs.count` +
    /// column) and down (`down`, indexed by node: column · `ys.count` + row).
    convenience init(xs: [Double], ys: [Double], across: [Double], down: [Double]) {
        self.init()
        prepare(xs: xs, ys: ys) { acrossCosts, downCosts in
            for k in across.indices { acrossCosts[k] = across[k] }
            for k in down.indices { downCosts[k] = down[k] }
        }
    }

    /// Makes this the grid of the coordinates `xs` and `ys`, sorted, every edge open (none
    /// beyond the last column or row), then lets `setCosts` add to the costs of the edges across
    /// and down (indexed as in `init(xs:ys:across:down:)`).
    func prepare(xs: [Double], ys: [Double], setCosts: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) {
        (self.xs, self.ys) = (xs, ys)
        let rows = ys.count, columns = xs.count, count = columns * rows
        // Storage is kept for grids up to `keptNodes` nodes; a larger grid's is let go after it.
        let kept = max(count, Self.keptNodes)
        if across.capacity < count || across.capacity > kept {
            across = [Double](repeating: 0, count: count)
            down = across
        } else {
            Self.resize(&across, to: count, with: 0)
            Self.resize(&down, to: count, with: 0)
        }
        across.withUnsafeMutableBufferPointer { across in
            down.withUnsafeMutableBufferPointer { down in
                across.update(repeating: 0)
                down.update(repeating: 0)
                for j in 0..<rows { across[j * columns + columns - 1] = .infinity }
                for i in 0..<columns { down[i * rows + rows - 1] = .infinity }
                setCosts(across, down)
            }
        }
        if states.count < 2 * count || states.count > 2 * kept {
            states = [SearchState](repeating: SearchState(best: 0, previous: -1, reached: 0), count: 2 * count)
            goal = [Int32](repeating: -1, count: count)
            crossingsLeft = [Double](repeating: .infinity, count: count)
            pending = [Int32](repeating: 0, count: count)
            seen = [UInt32](repeating: 0, count: count)
            (number, walk) = (0, 0)
        }
        mapped = nil
    }

    /// Gives `array` `count` entries, new ones `value`, keeping its storage when it shrinks.
    private static func resize<Element>(_ array: inout [Element], to count: Int, with value: Element) {
        if array.count > count { array.removeLast(array.count - count) } else { array.append(contentsOf: repeatElement(value, count: count - array.count)) }
    }

    /// `value` + 1, or 1 with every entry of `marks` cleared when the numbers wrap round.
    private static func next(_ value: UInt32, clearing marks: inout [UInt32]) -> UInt32 {
        guard value == .max else { return value + 1 }
        marks.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        return 1
    }

    /// The number of the next search, clearing every state's mark when the numbers wrap round.
    private func nextSearch() -> UInt32 {
        guard number == .max else { return number + 1 }
        for k in states.indices { states[k].reached = 0 }
        return 1
    }

    /// The node at `point`, if it is one.
    private func node(_ point: ChartPoint) -> Int? {
        let i = LineRouter.firstIndex(above: point.x + 0.01, in: xs) - 1, j = LineRouter.firstIndex(above: point.y + 0.01, in: ys) - 1
        guard i >= 0, j >= 0, abs(xs[i] - point.x) <= 0.01, abs(ys[j] - point.y) <= 0.01 else { return nil }
        return i * ys.count + j
    }

    private func point(_ node: Int) -> ChartPoint { ChartPoint(x: xs[node / ys.count], y: ys[node % ys.count]) }

    /// The neighbour of node `n` on `side` (0 left, 1 right, 2 up, 3 down) of a grid of `rows`
    /// and `columns` with edge costs `across` and `down`, and the cost of the edge to it
    /// (infinity, and `n` itself, beyond the grid's border).
    @inline(__always)
    private static func neighbour(of n: Int, side: Int, rows: Int, columns: Int, across: UnsafeBufferPointer<Double>,
                                  down: UnsafeBufferPointer<Double>) -> (next: Int, edge: Double) {
        let column = n / rows, row = n - column * rows
        switch side {
        case 0: return column > 0 ? (n - rows, across[row * columns + column - 1]) : (n, .infinity)
        case 1: return column + 1 < columns ? (n + rows, across[row * columns + column]) : (n, .infinity)
        case 2: return row > 0 ? (n - 1, down[n - 1]) : (n, .infinity)
        default: return row + 1 < rows ? (n + 1, down[n]) : (n, .infinity)
        }
    }

    /// True when a stub end of `ends` can be reached from one of `starts` over open edges: a
    /// walk over the nodes, far cheaper than a search that finds there is no route.
    func connects(_ starts: [LineRouter.Port], to ends: [LineRouter.Port]) -> Bool {
        walk = Self.next(walk, clearing: &seen)
        let rows = ys.count, columns = xs.count, mark = walk
        let goals = ends.compactMap { node($0.stub) }
        for n in goals { goal[n] = 0 }
        defer { for n in goals { goal[n] = -1 } }
        var starting: [Int32] = []
        for port in starts { if let n = node(port.stub), seen[n] != mark { seen[n] = mark; starting.append(Int32(n)) } }
        // A walk with a stack of nodes in `pending` (each node enters it once).
        return seen.withUnsafeMutableBufferPointer { seen in
            pending.withUnsafeMutableBufferPointer { stack in
                goal.withUnsafeBufferPointer { goal in
                    across.withUnsafeBufferPointer { across in
                        down.withUnsafeBufferPointer { down in
                            var top = 0
                            for n in starting { stack[top] = n; top += 1 }
                            while top > 0 {
                                top -= 1
                                let n = Int(stack[top])
                                if goal[n] >= 0 { return true }
                                for side in 0..<4 {
                                    let (next, edge) = Self.neighbour(of: n, side: side, rows: rows, columns: columns, across: across, down: down)
                                    guard edge.isFinite, seen[next] != mark else { continue }
                                    seen[next] = mark
                                    stack[top] = Int32(next)
                                    top += 1
                                }
                            }
                            return false
                        }
                    }
                }
            }
        }
    }

    /// Fills `crossingsLeft` for searches ending at one of the nodes `goals`: for each node,
    /// the least that the edges of a way from it to a goal cost beyond their length (as a
    /// crossing of a line already drawn does; an edge that costs less than its length counts as
    /// nothing), infinity where no way leads. A search of the nodes by that cost from the goals,
    /// the nodes reached over edges that cost nothing taken at once: about as cheap as preparing
    /// the grid, where a search whose route must cross lines would expand every state whose
    /// length and bends cost less than the route. It stops once every node of `starts` is
    /// reached and what is left exceeds theirs by more than `LineRouter.mapBeyondStarts`: the
    /// nodes not reached by then are given what is left where it stopped, at most their own.
    private func mapCrossingsLeft(from starts: [Int], to goals: [Int]) {
        let rows = ys.count, columns = xs.count, count = rows * columns
        mapped = (starts, goals)
        var queue = Heap()
        swap(&queue, &sweep)
        queue.removeAll()
        crossingsLeft.withUnsafeMutableBufferPointer { left in
            pending.withUnsafeMutableBufferPointer { pending in
                across.withUnsafeBufferPointer { across in
                    down.withUnsafeBufferPointer { down in
                        left.extracting(0..<count).update(repeating: .infinity)
                        for n in goals where left[n] > 0 {
                            left[n] = 0
                            queue.push(Heap.Entry(priority: 0, depth: 0, state: Int32(n)))
                        }
                        // Each node is pending once: when its cost is final.
                        var last = 0.0, limit = Double.infinity
                        while let entry = queue.pop() {
                            guard entry.priority <= left[Int(entry.state)] else { continue }
                            if entry.priority > last {
                                // Every node not yet followed costs at least `last`.
                                if limit.isInfinite, starts.allSatisfy({ left[$0] <= last }) {
                                    limit = (starts.map { left[$0] }.max() ?? 0) + LineRouter.mapBeyondStarts
                                }
                                last = entry.priority
                                if last > limit {
                                    for k in 0..<count where left[k] > last { left[k] = last }
                                    break
                                }
                            }
                            pending[0] = entry.state
                            var top = 1
                            while top > 0 {
                                top -= 1
                                let n = Int(pending[top]), cost = left[n]
                                for side in 0..<4 {
                                    let (next, edge) = Self.neighbour(of: n, side: side, rows: rows, columns: columns, across: across, down: down)
                                    let extra = max(0, edge), total = cost + extra
                                    guard edge.isFinite, total < left[next] else { continue }
                                    left[next] = total
                                    if extra == 0 {
                                        pending[top] = Int32(next)
                                        top += 1
                                    } else {
                                        queue.push(Heap.Entry(priority: total, depth: 0, state: Int32(next)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&queue, &sweep)
    }

    /// The cheapest route (length, bends, crossings) from a port of `starts` to a port of `ends`
    /// (whose stubs are `endStub` long), expanding at most `budget` states. With a `weight`
    /// above 1 the estimate of what is left counts that many times, and the first route found
    /// is taken: a route that costs at most `weight` times the cheapest, found expanding far
    /// fewer states.
    ///
    /// The estimate counts the length, bends and port of what is left; a search that expands
    /// more than `mapAfter` states that way (as one whose route must cross lines drawn does)
    /// starts again, its estimate counting too what is left to cross (see
    /// `mapCrossingsLeft(from:to:)`), within what is left of the budget. A map made for the same
    /// ends serves the searches after it until the grid changes.
    func shortestPath(from starts: [LineRouter.Port], to ends: [LineRouter.Port], endStub: Double, budget: Int, weight: Double = 1,
                      mapAfter: Int = LineRouter.searchBeforeMap) -> [ChartPoint]? {
        let startNodes = starts.compactMap { node($0.stub) }, goals = ends.compactMap { node($0.stub) }
        var tried = 0
        if mapped.map({ $0.starts != startNodes || $0.goals != goals }) ?? true {
            let trial = min(budget, mapAfter)
            if trial > 0 {
                let count = xs.count * ys.count
                crossingsLeft.withUnsafeMutableBufferPointer { $0.extracting(0..<count).update(repeating: 0) }
                mapped = nil
                let route = search(from: starts, to: ends, endStub: endStub, budget: trial, weight: weight)
                guard route == nil, ranOut, budget > trial else { return route }
                tried = expansions
            }
            mapCrossingsLeft(from: startNodes, to: goals)
        }
        let route = search(from: starts, to: ends, endStub: endStub, budget: budget - tried, weight: weight)
        expansions += tried
        return route
    }

    /// `shortestPath(from:to:endStub:budget:weight:)` with the estimate of what is left to cross
    /// in `crossingsLeft`.
    private func search(from starts: [LineRouter.Port], to ends: [LineRouter.Port], endStub: Double, budget: Int, weight: Double) -> [ChartPoint]? {
        number = nextSearch()
        let rows = ys.count
        var search = Search(rows: rows, weight: weight, endStub: endStub, ends: ends, budget: budget, number: number)
        var goals: [Int] = [], startPort: [Int: Int] = [:]
        for (k, port) in ends.enumerated() {
            if let n = node(port.stub) {
                goal[n] = Int32(k)
                goals.append(n)
            }
        }
        var queue = Heap()
        swap(&queue, &self.queue)
        queue.removeAll()
        crossingsLeft.withUnsafeBufferPointer { crossingsLeft in
            for (k, port) in starts.enumerated() {
                guard let n = node(port.stub) else { continue }
                let state = 2 * n + (port.vertical ? 1 : 0), g = LineRouter.tailStub + port.cost
                if states[state].reached != number || g < states[state].best {
                    states[state] = SearchState(best: g, previous: -1, reached: number)
                    startPort[state] = k
                    let estimate = search.estimate(port.stub.x, port.stub.y, vertical: port.vertical, crossings: crossingsLeft[n])
                    queue.push(Heap.Entry(priority: g + estimate, depth: g, state: Int32(state)))
                }
            }
            xs.withUnsafeBufferPointer { xs in
                ys.withUnsafeBufferPointer { ys in
                    across.withUnsafeBufferPointer { across in
                        down.withUnsafeBufferPointer { down in
                            states.withUnsafeMutableBufferPointer { states in
                                goal.withUnsafeBufferPointer { goal in
                                    search.run(&queue, xs: xs, ys: ys, across: across, down: down, states: states, goal: goal, crossingsLeft: crossingsLeft)
                                }
                            }
                        }
                    }
                }
            }
        }
        swap(&queue, &self.queue)
        for n in goals { goal[n] = -1 }
        (ranOut, expansions) = (search.ranOut, search.expansions)
        guard let found = search.found else { return nil }
        var points = [ends[found.end].point]
        var state = found.state
        while true {
            points.append(point(state / 2))
            guard states[state].previous >= 0 else { break }
            state = Int(states[state].previous)
        }
        guard let k = startPort[state] else { return nil }
        points.append(starts[k].point)
        return points.reversed()
    }
}

/// What a search knows of a state: the cost of the cheapest way found to it, the state before
/// on that way (-1 for a start), and the number of the search that reached it.
struct SearchState {
    var best: Double, previous: Int32, reached: UInt32
}

/// The state of one A* over a `RoutingGrid` (see `RoutingGrid.shortestPath`), kept apart so
/// that its loop runs over plain buffers.
private struct Search {
    /// The stub ends of one side of the target box: they lie on one grid line, `across` (a y
    /// for a side whose stubs are vertical), from `low` to `high` along it; `cost` is the least
    /// of their ports' costs.
    struct Side {
        var vertical: Bool, across: Double, low: Double, high: Double, cost: Double
    }

    let rows: Int, weight: Double
    /// The length and ports of the stubs that enter the target box, and the sides they are on
    /// (up to four; the first `sideCount` of `sides`).
    let endStub: Double, ends: [LineRouter.Port]
    let sides: (Side, Side, Side, Side), sideCount: Int
    let budget: Int
    /// The search's number: a state is reached when its entry in `reached` holds it.
    let number: UInt32
    /// The cheapest end found so far: its cost, state and port.
    var found: (cost: Double, state: Int, end: Int)?
    var expansions = 0, ranOut = false

    init(rows: Int, weight: Double, endStub: Double, ends: [LineRouter.Port], budget: Int, number: UInt32) {
        (self.rows, self.weight, self.endStub, self.ends, self.budget, self.number) = (rows, weight, endStub, ends, budget, number)
        var sides: [Side] = []
        for port in ends {
            let across = port.vertical ? port.stub.y : port.stub.x, along = port.vertical ? port.stub.x : port.stub.y
            if let k = sides.firstIndex(where: { $0.vertical == port.vertical && $0.across == across }) {
                sides[k].low = min(sides[k].low, along)
                sides[k].high = max(sides[k].high, along)
                sides[k].cost = min(sides[k].cost, port.cost)
            } else {
                sides.append(Side(vertical: port.vertical, across: across, low: along, high: along, cost: port.cost))
            }
        }
        sideCount = min(4, sides.count)
        while sides.count < 4 { sides.append(Side(vertical: false, across: 0, low: 0, high: 0, cost: .infinity)) }
        self.sides = (sides[0], sides[1], sides[2], sides[3])
    }

    /// The weighted least cost of what is left from (`x`, `y`), entered by a move that was
    /// `vertical`: over the sides of the target box, the least of the length to the side's
    /// stub ends, the stub, the port's cost and the bends no route can avoid — one when the
    /// move runs across the stubs, two when it runs along them but must move sideways to reach
    /// them — and `crossings`, what the edges of any way from there to an end cost at least
    /// beyond their length (see `RoutingGrid.mapCrossingsLeft(from:to:)`). No route from there
    /// costs less, and the estimate falls by no more than a move costs, so the first end
    /// expanded is the cheapest.
    @inline(__always)
    func estimate(_ x: Double, _ y: Double, vertical: Bool, crossings: Double) -> Double {
        @inline(__always)
        func left(_ side: Side) -> Double {
            let (across, along) = side.vertical ? (y, x) : (x, y)
            let aside = max(0, side.low - along, along - side.high)
            let bends = vertical != side.vertical ? 1.0 : aside > 0 ? 2.0 : 0.0
            return aside + abs(across - side.across) + bends * LineRouter.bendCost + side.cost
        }
        var least = left(sides.0)
        if sideCount > 1 { least = min(least, left(sides.1)) }
        if sideCount > 2 { least = min(least, left(sides.2)) }
        if sideCount > 3 { least = min(least, left(sides.3)) }
        return weight * (least + endStub + crossings)
    }

    /// Expands the states of `queue` in order until the cheapest end is known (with a weight,
    /// until one is found), the queue is empty or the budget is spent; `crossingsLeft` gives
    /// each node's least cost of crossings left, infinity for a node from which no way leads to
    /// an end (not queued).
    mutating func run(_ queue: inout Heap, xs: UnsafeBufferPointer<Double>, ys: UnsafeBufferPointer<Double>, across: UnsafeBufferPointer<Double>,
                      down: UnsafeBufferPointer<Double>, states: UnsafeMutableBufferPointer<SearchState>, goal: UnsafeBufferPointer<Int32>,
                      crossingsLeft: UnsafeBufferPointer<Double>) {
        let rows = rows, columns = xs.count, bend = LineRouter.bendCost, number = number
        while let entry = queue.pop() {
            if let found, weight > 1 || entry.priority >= found.cost { break }
            let state = Int(entry.state), g = states[state].best
            guard entry.depth <= g + 1e-9 else { continue }
            expansions += 1
            if expansions > budget {
                ranOut = true
                break
            }
            let n = state >> 1, vertical = state & 1 == 1
            if goal[n] >= 0 {
                let end = ends[Int(goal[n])]
                let total = g + endStub + end.cost + (vertical == end.vertical ? 0 : bend)
                if total < found?.cost ?? .infinity { found = (total, state, Int(goal[n])) }
            }
            let column = n / rows, row = n - column * rows
            let x = xs[column], y = ys[row]
            /// Moves to `next` at (`nextX`, `nextY`), `length` away, over an edge costing `edge`
            /// beyond its length.
            @inline(__always)
            func relax(_ next: Int, _ nextX: Double, _ nextY: Double, length: Double, vertically moveVertical: Bool, edge: Double) {
                let crossings = crossingsLeft[next]
                guard edge.isFinite, crossings.isFinite else { return }
                let cost = g + (length + edge + (moveVertical == vertical ? 0 : bend))
                let nextState = 2 * next + (moveVertical ? 1 : 0)
                if states[nextState].reached != number || cost < states[nextState].best {
                    states[nextState] = SearchState(best: cost, previous: Int32(state), reached: number)
                    queue.push(Heap.Entry(priority: cost + estimate(nextX, nextY, vertical: moveVertical, crossings: crossings), depth: cost, state: Int32(nextState)))
                }
            }
            if column > 0 { relax(n - rows, xs[column - 1], y, length: x - xs[column - 1], vertically: false, edge: across[row * columns + column - 1]) }
            if column + 1 < columns { relax(n + rows, xs[column + 1], y, length: xs[column + 1] - x, vertically: false, edge: across[row * columns + column]) }
            if row > 0 { relax(n - 1, x, ys[row - 1], length: y - ys[row - 1], vertically: true, edge: down[n - 1]) }
            if row + 1 < rows { relax(n + 1, x, ys[row + 1], length: ys[row + 1] - y, vertically: true, edge: down[n]) }
        }
    }
}

/// A min-heap of search states by priority; among equal priorities the state with the longer
/// path so far comes first (so that a search along a plateau of equally short paths goes deep
/// instead of wide), then the smaller state, so that searches are deterministic. Entries are
/// in a total order, so they come out in the same order whatever the heap's shape; each node
/// has four children, which halves the levels a state passes through (and the cache lines it
/// touches) against two.
struct Heap {
    /// A state waiting in the heap.
    struct Entry {
        var priority: Double, depth: Double, state: Int32

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            if priority != other.priority { return priority < other.priority }
            if depth != other.depth { return depth > other.depth }
            return state < other.state
        }
    }

    private var items: [Entry] = []

    mutating func push(_ entry: Entry) {
        items.append(entry)
        items.withUnsafeMutableBufferPointer { items in
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) >> 2
                guard entry.precedes(items[parent]) else { break }
                items[child] = items[parent]
                child = parent
            }
            items[child] = entry
        }
    }

    /// Empties the heap, keeping its storage.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func pop() -> Entry? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        items.withUnsafeMutableBufferPointer { items in
            let count = items.count
            guard count > 0 else { return }
            var parent = 0
            while true {
                let first = 4 * parent + 1
                guard first < count else { break }
                var child = first
                for other in (first + 1)..<min(first + 4, count) where items[other].precedes(items[child]) { child = other }
                guard items[child].precedes(last) else { break }
                items[parent] = items[child]
                parent = child
            }
            items[parent] = last
        }
        return top
    }
}
