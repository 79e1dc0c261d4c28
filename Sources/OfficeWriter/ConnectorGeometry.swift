import TidyTree

/// An orthogonal route as a DrawingML connector: the preset (`straightConnector1`, or
/// `bentConnector2` … `bentConnector5` for two to five segments), its frame, rotation and flips,
/// and the adjust values that put its bends where the route bends. A bent connector's path runs
/// from the top-left to the bottom-right corner of its frame, first across, alternating across and
/// down; a quarter turn makes it start downwards, flips make it start at another corner.
/// PowerPoint draws the connector as written and routes it again only when a box it is glued to
/// moves.
struct ConnectorGeometry: Equatable {
    /// The preset geometry's name.
    var preset: String
    /// The unrotated frame: top-left corner and size, in EMU.
    var x: Int, y: Int, width: Int, height: Int
    /// A quarter turn clockwise (5400000 in DrawingML's 60,000ths of a degree).
    var turned: Bool
    /// Mirrored across the frame's vertical or horizontal middle, before turning.
    var flipH: Bool, flipV: Bool
    /// The adjust values of the bends (`adj1`, `adj2` …), in 100,000ths of the frame's size.
    var adjustments: [Int]

    /// The most segments a preset connector has.
    static let mostSegments = 5
    /// The least extent of a frame, in EMU (a tenth of a point), so that adjust values stay
    /// finite when a route ends level with its start.
    static let leastExtent = 1_270.0

    /// The connector along `route` (points in EMU, at least two). A route of more than five
    /// segments first loses its short jogs (a step aside to a neighbouring track, see
    /// `withoutJogs`); one still longer keeps its first four bends and goes straight from the
    /// fourth to its end's last run; a route that is not orthogonal becomes a straight connector
    /// between its ends.
    init(route: [ChartPoint]) {
        var points = Self.simplified(route)
        let orthogonal = zip(points, points.dropFirst()).allSatisfy { $0.x == $1.x || $0.y == $1.y }
        if !orthogonal || points.count < 3 { points = [points[0], points[points.count - 1]] }
        if points.count - 1 > Self.mostSegments { points = Self.withoutJogs(points) }
        if points.count - 1 > Self.mostSegments {
            // Keep the first four bends; the fifth segment joins the last run of the route.
            let end = points[points.count - 1], beforeEnd = points[points.count - 2]
            var kept = Array(points.prefix(Self.mostSegments))
            let lastVertical = beforeEnd.x == end.x
            let fourth = kept[Self.mostSegments - 1]
            kept.append(lastVertical ? ChartPoint(x: end.x, y: fourth.y) : ChartPoint(x: fourth.x, y: end.y))
            kept.append(end)
            points = Self.simplified(kept)
            if points.count - 1 > Self.mostSegments || !zip(points, points.dropFirst()).allSatisfy({ $0.x == $1.x || $0.y == $1.y }) {
                points = [points[0], points[points.count - 1]]
            }
        }
        let start = points[0], end = points[points.count - 1]
        let segments = points.count - 1
        if segments == 1 {
            preset = "straightConnector1"
            x = min(start.x, end.x).whole
            y = min(start.y, end.y).whole
            width = abs(end.x - start.x).whole
            height = abs(end.y - start.y).whole
            turned = false
            flipH = end.x < start.x
            flipV = end.y < start.y
            adjustments = []
            return
        }
        preset = "bentConnector\(segments)"
        turned = points[1].x == start.x
        // The visual frame of the two ends; turned, the unrotated frame has its sides swapped.
        let visualWidth = max(abs(end.x - start.x), Self.leastExtent), visualHeight = max(abs(end.y - start.y), Self.leastExtent)
        let center = ChartPoint(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
        let (a, b) = turned ? (visualHeight, visualWidth) : (visualWidth, visualHeight)
        x = (center.x - a / 2).whole
        y = (center.y - b / 2).whole
        width = a.whole
        height = b.whole
        let turned = self.turned
        /// A point of the drawing in the frame's own coordinates, before turning and flipping.
        func local(_ point: ChartPoint, flipH: Bool, flipV: Bool) -> ChartPoint {
            let dx = point.x - center.x, dy = point.y - center.y
            // Undo a quarter turn clockwise: (x, y) was turned to (-y, x).
            let (u, v) = turned ? (dy, -dx) : (dx, dy)
            return ChartPoint(x: flipH ? a / 2 - u : u + a / 2, y: flipV ? b / 2 - v : v + b / 2)
        }
        let unflipped = local(start, flipH: false, flipV: false)
        let (flippedH, flippedV) = (unflipped.x > a / 2, unflipped.y > b / 2)
        (flipH, flipV) = (flippedH, flippedV)
        let bends = points.dropFirst().dropLast().map { local($0, flipH: flippedH, flipV: flippedV) }
        /// `value` as a fraction of `extent`, in 100,000ths.
        func share(_ value: Double, _ extent: Double) -> Int { min(2e9, max(-2e9, value / extent * 100_000)).whole }
        switch segments {
        case 3: adjustments = [share(bends[0].x, a)]
        case 4: adjustments = [share(bends[0].x, a), share(bends[1].y, b)]
        case 5: adjustments = [share(bends[0].x, a), share(bends[1].y, b), share(bends[2].x, a)]
        default: adjustments = []
        }
    }

    /// `route` without repeated points and without points in the middle of a straight run (as
    /// a connector of the layout keeps it); at least two points.
    static func simplified(_ route: [ChartPoint]) -> [ChartPoint] {
        Connector(line: 0, points: route).points
    }

    /// The longest a jog is, in EMU (a track spacing and a little more: 8 points).
    static let longestJog = 8.0 * 12_700

    /// An orthogonal route of more than five segments with its shortest jogs taken out while
    /// it has more: a jog is a short stretch between two bends; the stretch before it moves
    /// over to the jog's far side (or the stretch after it to the near side), so the route's
    /// ends stay where they are, every stretch keeps its direction, and the route strays from
    /// its course by at most `longestJog`.
    static func withoutJogs(_ route: [ChartPoint]) -> [ChartPoint] {
        var points = route
        func length(_ k: Int) -> Double { abs(points[k + 1].x - points[k].x) + abs(points[k + 1].y - points[k].y) }
        /// The route with the jog from point `k` to `k + 1` taken out, or nil when that would
        /// move an end or turn a stretch round.
        func removing(_ k: Int) -> [ChartPoint]? {
            let across = points[k].y == points[k + 1].y
            func moved(_ point: ChartPoint, to target: ChartPoint) -> ChartPoint {
                across ? ChartPoint(x: target.x, y: point.y) : ChartPoint(x: point.x, y: target.y)
            }
            var result = points
            if k >= 2 {
                result[k - 1] = moved(points[k - 1], to: points[k + 1])
                result.remove(at: k)
            } else if k + 3 <= points.count - 1 {
                result[k + 2] = moved(points[k + 2], to: points[k])
                result.remove(at: k + 1)
            } else {
                return nil
            }
            // Every stretch of the original keeps its direction (or vanishes in a merge).
            for (p, q) in zip(result, result.dropFirst()) where p.x != q.x && p.y != q.y { return nil }
            let before = zip(points, points.dropFirst()).map { (($1.x - $0.x).sign, ($1.y - $0.y).sign) }
            let n = result.count - 1
            guard result.first == points.first, result.last == points.last, let first = before.first, let last = before.last,
                  (result[1].x - result[0].x).sign == first.0, (result[1].y - result[0].y).sign == first.1,
                  (result[n].x - result[n - 1].x).sign == last.0, (result[n].y - result[n - 1].y).sign == last.1 else { return nil }
            return simplified(result)
        }
        while points.count - 1 > mostSegments {
            let jogs = (1..<(points.count - 2)).filter { length($0) <= longestJog }.sorted { (length($0), $0) < (length($1), $1) }
            guard let shorter = jogs.lazy.compactMap(removing).first else { break }
            points = shorter
        }
        return points
    }

    /// The points the connector draws, in EMU, from its start: the inverse of `init`, for checks.
    var drawnPoints: [ChartPoint] {
        let a = Double(width), b = Double(height)
        var local: [ChartPoint]
        let adj = adjustments.map { Double($0) / 100_000 }
        switch preset {
        case "bentConnector2": local = [.init(x: 0, y: 0), .init(x: a, y: 0), .init(x: a, y: b)]
        case "bentConnector3": local = [.init(x: 0, y: 0), .init(x: a * adj[0], y: 0), .init(x: a * adj[0], y: b), .init(x: a, y: b)]
        case "bentConnector4":
            local = [.init(x: 0, y: 0), .init(x: a * adj[0], y: 0), .init(x: a * adj[0], y: b * adj[1]), .init(x: a, y: b * adj[1]), .init(x: a, y: b)]
        case "bentConnector5":
            local = [.init(x: 0, y: 0), .init(x: a * adj[0], y: 0), .init(x: a * adj[0], y: b * adj[1]), .init(x: a * adj[2], y: b * adj[1]),
                     .init(x: a * adj[2], y: b), .init(x: a, y: b)]
        default: local = [.init(x: 0, y: 0), .init(x: a, y: b)]
        }
        let center = ChartPoint(x: Double(x) + a / 2, y: Double(y) + b / 2)
        return local.map { point in
            let u = (flipH ? a - point.x : point.x) - a / 2, v = (flipV ? b - point.y : point.y) - b / 2
            let (dx, dy) = turned ? (-v, u) : (u, v)
            return ChartPoint(x: center.x + dx, y: center.y + dy)
        }
    }
}
