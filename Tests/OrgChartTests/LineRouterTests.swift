import XCTest
@testable import TidyTree

/// The line router's search: its queue order, the search for a good route when the one for the
/// cheapest runs out, the walk that rules out a search that cannot succeed, and routes among boxes.
final class LineRouterTests: XCTestCase {
    /// The queue pops by priority, then the longer path so far, then the smaller state, whatever
    /// the order of pushes.
    func testTheHeapPopsByPriorityThenDepthThenState() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var heap = Heap(), entries: [Heap.Entry] = []
        for _ in 0..<500 {
            let entry = Heap.Entry(priority: Double(next(20)), depth: Double(next(5)), state: Int32(next(1_000)))
            entries.append(entry)
            heap.push(entry)
        }
        var popped: [Heap.Entry] = []
        while let entry = heap.pop() { popped.append(entry) }
        let expected = entries.sorted { ($0.priority, -$0.depth, $0.state) < ($1.priority, -$1.depth, $1.state) }
        XCTAssertEqual(popped.map(\.priority), expected.map(\.priority))
        XCTAssertEqual(popped.map(\.depth), expected.map(\.depth))
        XCTAssertEqual(popped.map(\.state), expected.map(\.state))
    }

    /// An open grid 0…200 × 0…200 (steps of 10, or `size` steps a side) and the ports of a
    /// line from its top-left corner to a target box right of its bottom-right corner; with
    /// `column`, the edges across from that column are closed (but in row `open`).
    private func openGrid(closing column: Int? = nil, open: Int? = nil, size: Int = 20)
        -> (grid: RoutingGrid, starts: [LineRouter.Port], ends: [LineRouter.Port], xs: [Double], across: [Double], down: [Double]) {
        let xs = (0...size).map { Double($0) * 200 / Double(size) }, ys = xs
        var across = [Double](repeating: 0, count: xs.count * ys.count), down = across
        for j in ys.indices { across[j * xs.count + xs.count - 1] = .infinity }
        for i in xs.indices { down[i * ys.count + ys.count - 1] = .infinity }
        if let column { for j in ys.indices where j != open { across[j * xs.count + column] = .infinity } }
        let start = LineRouter.Port(point: ChartPoint(x: 0, y: -8), stub: ChartPoint(x: 0, y: 0), vertical: true, cost: 0)
        let end = LineRouter.Port(point: ChartPoint(x: 216, y: 200), stub: ChartPoint(x: 200, y: 200), vertical: false, cost: 0)
        return (RoutingGrid(xs: xs, ys: ys, across: across, down: down), [start], [end], xs, across, down)
    }

    private func length(_ points: [ChartPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + abs($1.1.x - $1.0.x) + abs($1.1.y - $1.0.y) }
    }

    /// Where the search for the cheapest route runs out of its budget, the search for a good one
    /// still finds a route, orthogonal, between the two ports, at most twice as costly.
    func testTheSearchForAGoodRouteFindsOneWhereTheCheapestRanOut() throws {
        let (grid, starts, ends, _, _, _) = openGrid()
        let cheapest = try XCTUnwrap(grid.shortestPath(from: starts, to: ends, endStub: 16, budget: 100_000))
        XCTAssertFalse(grid.ranOut)
        XCTAssertNil(grid.shortestPath(from: starts, to: ends, endStub: 16, budget: 20))
        XCTAssertTrue(grid.ranOut)
        let good = try XCTUnwrap(grid.shortestPath(from: starts, to: ends, endStub: 16, budget: 100_000, weight: LineRouter.goodRouteWeight))
        XCTAssertFalse(grid.ranOut)
        XCTAssertEqual(good.first, starts[0].point)
        XCTAssertEqual(good.last, ends[0].point)
        for (a, b) in zip(good, good.dropFirst()) { XCTAssertTrue(a.x == b.x || a.y == b.y, "\(a) → \(b) is not orthogonal") }
        XCTAssertLessThanOrEqual(length(good), LineRouter.goodRouteWeight * length(cheapest) + 1e-9)
    }

    /// A grid cut in two by a closed column does not connect the ports; an open one does.
    func testAGridCutInTwoDoesNotConnect() {
        let open = openGrid(), cut = openGrid(closing: 10)
        XCTAssertTrue(open.grid.connects(open.starts, to: open.ends))
        XCTAssertFalse(cut.grid.connects(cut.starts, to: cut.ends))
        let grid = cut.grid
        XCTAssertNil(grid.shortestPath(from: cut.starts, to: cut.ends, endStub: 16, budget: 100_000))
        XCTAssertFalse(grid.ranOut, "the search ends when the queue is empty")
    }

    /// A line between two boxes with a third between them goes round it, clear of every box
    /// it does not end at.
    func testARouteGoesRoundABoxBetweenItsEnds() throws {
        let frames = [BoxFrame(center: ChartPoint(x: 50, y: 50), width: 80, height: 40),
                      BoxFrame(center: ChartPoint(x: 250, y: 50), width: 80, height: 40),
                      BoxFrame(center: ChartPoint(x: 150, y: 50), width: 60, height: 100)]
        var router = LineRouter(frames: frames, leftMargin: 40, lines: 1)
        let route = try XCTUnwrap(router.route(line: 0, from: 0, to: 1, style: "dual-reporting", headStub: LineRouter.headStub))
        let wall = frames[2]
        for (a, b) in zip(route, route.dropFirst()) {
            XCTAssertTrue(a.x == b.x || a.y == b.y)
            let clear = max(a.x, b.x) <= wall.minX - LineRouter.clearance || min(a.x, b.x) >= wall.maxX + LineRouter.clearance
                || max(a.y, b.y) <= wall.minY - LineRouter.clearance || min(a.y, b.y) >= wall.maxY + LineRouter.clearance
            XCTAssertTrue(clear, "\(a) → \(b) runs through the box between the ends")
        }
    }

    private func bends(_ points: [ChartPoint]) -> Int {
        let vertical: [Bool] = zip(points, points.dropFirst()).map { $0.x == $1.x }
        return zip(vertical, vertical.dropFirst()).filter { $0 != $1 }.count
    }

    /// On an open grid the cheapest route from a stub leaving downwards to one entering from
    /// the left is one bend and the Manhattan length, and the search finds it with its
    /// estimate of what is left, which counts the bends no route avoids.
    func testTheCheapestRouteOnAnOpenGridTakesOneBend() throws {
        let (grid, starts, ends, _, _, _) = openGrid()
        let route = try XCTUnwrap(grid.shortestPath(from: starts, to: ends, endStub: 16, budget: 100_000))
        XCTAssertEqual(route.first, starts[0].point)
        XCTAssertEqual(route.last, ends[0].point)
        XCTAssertEqual(length(route), 8 + 200 + 200 + 16, accuracy: 1e-9)
        XCTAssertEqual(bends(route), 1, "\(route)")
    }

    /// One grid serves search after search: a search on a smaller grid after one on a larger,
    /// and on the larger again, finds what a new grid of the same costs finds, nothing left
    /// from before (a cut column with one open row makes the smaller grid's route differ).
    func testAGridReusedAcrossSearchesFindsWhatANewOneFinds() throws {
        let large = openGrid(size: 40), small = openGrid(closing: 3, open: 2, size: 10)
        let expected = try [large, small].map { try XCTUnwrap($0.grid.shortestPath(from: $0.starts, to: $0.ends, endStub: 16, budget: 100_000)) }
        XCTAssertNotEqual(expected[0], expected[1])
        let grid = RoutingGrid()
        for round in 0..<4 {
            let (case_, expected) = round % 2 == 0 ? (large, expected[0]) : (small, expected[1])
            grid.prepare(xs: case_.xs, ys: case_.xs) { across, down in
                for k in case_.across.indices { across[k] = case_.across[k] }
                for k in case_.down.indices { down[k] = case_.down[k] }
            }
            XCTAssertTrue(grid.connects(case_.starts, to: case_.ends), "round \(round)")
            XCTAssertEqual(grid.shortestPath(from: case_.starts, to: case_.ends, endStub: 16, budget: 100_000), expected, "round \(round)")
        }
    }

    /// The table of a grid's coordinates finds the first above a value as a binary search
    /// does, for values among, between, below and above the coordinates.
    func testTheCoordinateIndexAgreesWithABinarySearch() {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for count in [1, 2, 5, 40, 300] {
            // Clustered coordinates, as tracks 5 pt apart along boxes far apart.
            var values: [Double] = []
            for _ in 0..<count { values.append(Double(next(100_000)) / 7 + (next(3) == 0 ? 0.125 : 0)) }
            values = Array(Set(values)).sorted()
            let probes = values + values.map { $0 + 1e-9 } + values.map { $0 - 1e-9 } + (0..<200).map { _ in Double(next(120_000)) / 7 - 1_000 } + [-1e300, 1e300]
            CoordinateIndex.with(values) { index in
                for probe in probes {
                    XCTAssertEqual(index.firstIndex(above: probe), LineRouter.firstIndex(above: probe, in: values), "\(probe) in \(values.count) values")
                }
            }
        }
    }

    /// Lines already drawn across the whole grid between a route's ends are crossings no route
    /// avoids: once the search maps what is left to cross, it expands about as few states as on
    /// the open grid, where without the map it expands every state cheaper than the crossings,
    /// and it still finds the cheapest route — through the one gap left in a fourth line.
    func testCrossingsNoRouteAvoidsAreForeseen() throws {
        let open = openGrid()
        let openRoute = try XCTUnwrap(open.grid.shortestPath(from: open.starts, to: open.ends, endStub: 16, budget: 100_000))
        let openExpansions = open.grid.expansions
        var down = open.down
        let rows = open.xs.count
        // Three lines across the whole width, below rows 4, 9 and 14, and one below row 17 with
        // a gap at column 3.
        for row in [4, 9, 14, 17] {
            for column in open.xs.indices where !(row == 17 && column == 3) { down[column * rows + row] += LineRouter.crossingCost }
        }
        let barred = RoutingGrid(xs: open.xs, ys: open.xs, across: open.across, down: down)
        let plain = try XCTUnwrap(barred.shortestPath(from: open.starts, to: open.ends, endStub: 16, budget: 100_000, mapAfter: .max))
        let plainExpansions = barred.expansions
        let route = try XCTUnwrap(barred.shortestPath(from: open.starts, to: open.ends, endStub: 16, budget: 100_000, mapAfter: 0))
        let least = cheapest(starts: open.starts, ends: open.ends, xs: open.xs, across: open.across, down: down, endStub: 16)
        for found in [plain, route] {
            XCTAssertEqual(cost(of: found, starts: open.starts, ends: open.ends, xs: open.xs, across: open.across, down: down, endStub: 16), least,
                           accuracy: 1e-9)
        }
        XCTAssertEqual(length(route), length(openRoute), accuracy: 1e-9, "the gap lies on a shortest way")
        XCTAssertLessThanOrEqual(barred.expansions, openExpansions + 25, "the open grid takes \(openExpansions)")
        XCTAssertGreaterThan(plainExpansions, 4 * barred.expansions)
    }

    /// On grids with lines across part or all of them and closed edges, the search finds a
    /// route as cheap as a plain search of every state does, to the nearest of several end
    /// ports.
    func testTheSearchFindsTheCheapestRouteAmongCrossings() throws {
        var seed: UInt64 = 11
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<60 {
            let size = 6 + next(8)
            let xs = (0...size).map { Double($0 * 10 + ($0 > 2 ? 3 : 0)) }, ys = (0...size).map { Double($0 * 12) }
            let columns = xs.count, rows = ys.count
            var across = [Double](repeating: 0, count: columns * rows), down = across
            for j in 0..<rows { across[j * columns + columns - 1] = .infinity }
            for i in 0..<columns { down[i * rows + rows - 1] = .infinity }
            for _ in 0..<next(6) {
                // A line across the grid, whole or in part, down or across.
                let vertical = next(2) == 0, at = next((vertical ? columns : rows) - 1)
                let from = next(3) == 0 ? next(vertical ? rows : columns) : 0, to = vertical ? rows : columns
                for k in from..<to {
                    if vertical { across[k * columns + at] += LineRouter.crossingCost } else { down[k * rows + at] += LineRouter.crossingCost }
                }
            }
            for _ in 0..<next(12) {
                let edge = next(columns * rows)
                if next(2) == 0 { across[edge] = .infinity } else { down[edge] = .infinity }
            }
            func port(_ column: Int, _ row: Int, vertical: Bool, cost: Double) -> LineRouter.Port {
                let stub = ChartPoint(x: xs[column], y: ys[row])
                return LineRouter.Port(point: vertical ? ChartPoint(x: stub.x, y: stub.y - 8) : ChartPoint(x: stub.x - 8, y: stub.y), stub: stub,
                                       vertical: vertical, cost: cost)
            }
            let starts = [port(next(columns), next(rows / 2), vertical: true, cost: 0), port(next(columns), next(rows / 2), vertical: false, cost: 3)]
            var ends: [LineRouter.Port] = []
            for _ in 0..<(1 + next(3)) {
                let end = port(next(columns), rows / 2 + next(rows / 2), vertical: next(2) == 0, cost: Double(next(3)) * 1.5)
                if !ends.contains(where: { $0.stub == end.stub }) { ends.append(end) }
            }
            let grid = RoutingGrid(xs: xs, ys: ys, across: across, down: down)
            let expected = cheapest(starts: starts, ends: ends, xs: xs, ys: ys, across: across, down: down, endStub: 16)
            // Without the map, after a trial that runs out, and with the map made then.
            for mapAfter in [Int.max, 5, 0] {
                guard let route = grid.shortestPath(from: starts, to: ends, endStub: 16, budget: 1_000_000, mapAfter: mapAfter) else {
                    XCTAssertEqual(expected, .infinity, "round \(round)")
                    continue
                }
                XCTAssertEqual(cost(of: route, starts: starts, ends: ends, xs: xs, ys: ys, across: across, down: down, endStub: 16), expected,
                               accuracy: 1e-9, "round \(round), map after \(mapAfter)")
            }
        }
    }

    /// The moves of a search over the grid of `xs` and `ys` (`ys` = `xs` if not given): from
    /// state (node, entered vertically) to each open neighbour, with the move's cost.
    private func moves(_ state: (node: Int, vertical: Bool), xs: [Double], ys: [Double], across: [Double], down: [Double])
        -> [(node: Int, vertical: Bool, cost: Double)] {
        let rows = ys.count, columns = xs.count, column = state.node / rows, row = state.node % rows
        var result: [(node: Int, vertical: Bool, cost: Double)] = []
        func add(_ node: Int, _ vertical: Bool, _ length: Double, _ edge: Double) {
            if edge.isFinite { result.append((node, vertical, length + edge + (vertical == state.vertical ? 0 : LineRouter.bendCost))) }
        }
        if column > 0 { add(state.node - rows, false, xs[column] - xs[column - 1], across[row * columns + column - 1]) }
        if column + 1 < columns { add(state.node + rows, false, xs[column + 1] - xs[column], across[row * columns + column]) }
        if row > 0 { add(state.node - 1, true, ys[row] - ys[row - 1], down[state.node - 1]) }
        if row + 1 < rows { add(state.node + 1, true, ys[row + 1] - ys[row], down[state.node]) }
        return result
    }

    /// The node of `point` on the grid of `xs` and `ys`.
    private func node(_ point: ChartPoint, xs: [Double], ys: [Double]) -> Int {
        xs.firstIndex(of: point.x)! * ys.count + ys.firstIndex(of: point.y)!
    }

    /// The least cost of a route from a port of `starts` to a port of `ends`, by a search of
    /// every state until no cost falls (Bellman–Ford).
    private func cheapest(starts: [LineRouter.Port], ends: [LineRouter.Port], xs: [Double], ys: [Double]? = nil, across: [Double], down: [Double],
                          endStub: Double) -> Double {
        let ys = ys ?? xs
        var best = [Double](repeating: .infinity, count: 2 * xs.count * ys.count)
        for port in starts {
            let state = 2 * node(port.stub, xs: xs, ys: ys) + (port.vertical ? 1 : 0)
            best[state] = min(best[state], LineRouter.tailStub + port.cost)
        }
        var changed = true
        while changed {
            changed = false
            for state in best.indices where best[state].isFinite {
                for move in moves((state / 2, state % 2 == 1), xs: xs, ys: ys, across: across, down: down) {
                    let next = 2 * move.node + (move.vertical ? 1 : 0)
                    if best[state] + move.cost < best[next] - 1e-12 {
                        best[next] = best[state] + move.cost
                        changed = true
                    }
                }
            }
        }
        var least = Double.infinity
        for port in ends {
            let n = node(port.stub, xs: xs, ys: ys)
            for vertical in [false, true] {
                least = min(least, best[2 * n + (vertical ? 1 : 0)] + endStub + port.cost + (vertical == port.vertical ? 0 : LineRouter.bendCost))
            }
        }
        return least
    }

    /// What `route` (a start port's point, the grid nodes it passes, an end port's point) costs.
    private func cost(of route: [ChartPoint], starts: [LineRouter.Port], ends: [LineRouter.Port], xs: [Double], ys: [Double]? = nil,
                      across: [Double], down: [Double], endStub: Double) -> Double {
        let ys = ys ?? xs
        let start = starts.first { $0.point == route.first! }!, end = ends.first { $0.point == route.last! }!
        var state = (node: node(start.stub, xs: xs, ys: ys), vertical: start.vertical), total = LineRouter.tailStub + start.cost
        for point in route.dropFirst(2).dropLast() {
            let next = node(point, xs: xs, ys: ys)
            let move = moves(state, xs: xs, ys: ys, across: across, down: down).first { $0.node == next }!
            total += move.cost
            state = (next, move.vertical)
        }
        return total + endStub + end.cost + (state.vertical == end.vertical ? 0 : LineRouter.bendCost)
    }
}
