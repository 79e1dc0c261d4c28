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

    /// An open grid 0…200 × 0…200 (steps of 10) and the ports of a line from its top-left
    /// corner to a target box right of its bottom-right corner.
    private func openGrid(closing column: Int? = nil) -> (grid: RoutingGrid, starts: [LineRouter.Port], ends: [LineRouter.Port], target: BoxFrame) {
        let xs = (0...20).map { Double($0) * 10 }, ys = xs
        var across = [Double](repeating: 0, count: xs.count * ys.count), down = across
        for j in ys.indices { across[j * xs.count + xs.count - 1] = .infinity }
        for i in xs.indices { down[i * ys.count + ys.count - 1] = .infinity }
        if let column { for j in ys.indices { across[j * xs.count + column] = .infinity } }
        let start = LineRouter.Port(point: ChartPoint(x: 0, y: -8), stub: ChartPoint(x: 0, y: 0), vertical: true, cost: 0)
        let end = LineRouter.Port(point: ChartPoint(x: 216, y: 200), stub: ChartPoint(x: 200, y: 200), vertical: false, cost: 0)
        let target = BoxFrame(center: ChartPoint(x: 236, y: 200), width: 40, height: 20)
        return (RoutingGrid(xs: xs, ys: ys, across: across, down: down), [start], [end], target)
    }

    private func length(_ points: [ChartPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + abs($1.1.x - $1.0.x) + abs($1.1.y - $1.0.y) }
    }

    /// Where the search for the cheapest route runs out of its budget, the search for a good one
    /// still finds a route, orthogonal, between the two ports, at most twice as costly.
    func testTheSearchForAGoodRouteFindsOneWhereTheCheapestRanOut() throws {
        var (grid, starts, ends, target) = openGrid()
        let cheapest = try XCTUnwrap(grid.shortestPath(from: starts, to: ends, endStub: 16, target: target, budget: 100_000))
        XCTAssertFalse(grid.ranOut)
        XCTAssertNil(grid.shortestPath(from: starts, to: ends, endStub: 16, target: target, budget: 20))
        XCTAssertTrue(grid.ranOut)
        let good = try XCTUnwrap(grid.shortestPath(from: starts, to: ends, endStub: 16, target: target, budget: 100_000, weight: LineRouter.goodRouteWeight))
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
        var grid = cut.grid
        XCTAssertNil(grid.shortestPath(from: cut.starts, to: cut.ends, endStub: 16, target: cut.target, budget: 100_000))
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
}
