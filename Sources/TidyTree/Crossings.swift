/// A break in a drawn line where another line crosses it: the line is not drawn within
/// `halfLength` of `point` on either side, so that a reader sees the other line pass over it
/// rather than a junction.
public struct LineGap: Sendable, Equatable {
    /// Where the lines cross, on a straight stretch of the broken line.
    public var point: ChartPoint
    /// How far the break reaches along the broken line on each side of `point`, in points.
    public var halfLength: Double

    /// Creates a gap.
    public init(point: ChartPoint, halfLength: Double) {
        self.point = point
        self.halfLength = halfLength
    }
}

/// Where the orthogonal routes of a chart cross one another, and which of each two crossing
/// lines is broken there (see `LineGap`). A line under others in the chart's order of
/// drawing — a tree line under a line across the tree — is broken; of two lines alike, the
/// vertical one, as a reader's eye follows rows. A crossing closer to a bend or an end of the
/// line to be broken than twice its gap's half length breaks the other line instead, or neither
/// when both are that close (a break there would leave a stub at a corner). Only proper crossings count: a line
/// meeting another at a bend or an end, or two lines running along one stretch (a bundle, a
/// bus), are not crossings. Time O((s + c) log s) for s straight stretches and c crossings.
public enum Crossings {
    /// The clearance left on each side of the crossing line inside a gap, in points.
    public static let clearance = 2.5

    /// The gaps of `connectors`, by index in `connectors` (only lines with gaps appear). `under[i]` is true when connector `i` is drawn under the lines
    /// across it (a tree line); `widths[i]` is its stroke width in points.
    public static func gaps(of connectors: [Connector], under: [Bool], widths: [Double]) -> [Int: [LineGap]] {
        /// A straight stretch along one axis: `position` across it, from `low` to `high` along it.
        struct Stretch { var position: Double, low: Double, high: Double, connector: Int }
        var horizontal: [Stretch] = [], vertical: [Stretch] = []
        for (index, connector) in connectors.enumerated() {
            for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                if a.y == b.y, a.x != b.x { horizontal.append(Stretch(position: a.y, low: min(a.x, b.x), high: max(a.x, b.x), connector: index)) }
                if a.x == b.x, a.y != b.y { vertical.append(Stretch(position: a.x, low: min(a.y, b.y), high: max(a.y, b.y), connector: index)) }
            }
        }
        guard !horizontal.isEmpty, !vertical.isEmpty else { return [:] }
        // A sweep from left to right: horizontal stretches open at their left end and close at
        // their right; each vertical stretch meets the open ones strictly between its ends.
        // An event: where along x, and what — 0 a horizontal stretch opens, 1 a vertical one
        // meets the open ones, 2 a horizontal one closes — with the stretch, packed in `code`.
        struct Event { var x: Double, code: Int }
        var events: [Event] = []
        events.reserveCapacity(2 * horizontal.count + vertical.count)
        for (k, stretch) in horizontal.enumerated() {
            events.append(Event(x: stretch.low, code: k))
            events.append(Event(x: stretch.high, code: 2 << 40 | k))
        }
        for (k, stretch) in vertical.enumerated() { events.append(Event(x: stretch.position, code: 1 << 40 | k)) }
        events.sort { ($0.x, $0.code) < ($1.x, $1.code) }
        var open: [(y: Double, stretch: Int)] = []
        /// The first index of `open` whose y is not below `y` (or that is `y` with a stretch not before `stretch`).
        func first(_ y: Double, _ stretch: Int) -> Int {
            var low = 0, high = open.count
            while low < high {
                let middle = (low + high) / 2
                if (open[middle].y, open[middle].stretch) < (y, stretch) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var gaps: [Int: [LineGap]] = [:]
        let tolerance = GeometryCheck.tolerance
        for event in events {
            let k = event.code & (1 << 40 - 1)
            switch event.code >> 40 {
            case 0: open.insert((horizontal[k].position, k), at: first(horizontal[k].position, k))
            case 2: open.remove(at: first(horizontal[k].position, k))
            default:
                let upright = vertical[k]
                var index = first(upright.low + tolerance, -1)
                while index < open.count, open[index].y < upright.high - tolerance {
                    let level = horizontal[open[index].stretch]
                    index += 1
                    let x = upright.position, y = level.position
                    guard x > level.low + tolerance, x < level.high - tolerance, level.connector != upright.connector else { continue }
                    // Which of the two is broken: the one drawn under, else the vertical one;
                    // the other when the first has no room for its gap.
                    let point = ChartPoint(x: x, y: y)
                    let across = (connector: level.connector, room: min(x - level.low, level.high - x))
                    let along = (connector: upright.connector, room: min(y - upright.low, upright.high - y))
                    let (first, second) = under[level.connector] && !under[upright.connector] ? (across, along) : (along, across)
                    for (broken, through) in [(first, second), (second, first)] {
                        let half = clearance + widths[through.connector] / 2
                        if broken.room >= 2 * half {
                            gaps[broken.connector, default: []].append(LineGap(point: point, halfLength: half))
                            break
                        }
                    }
                }
            }
        }
        return gaps
    }

    /// The pieces `points` is drawn in when broken at `gaps`: each gap takes out the stretch
    /// within its half length of its point on the straight part of the route it lies on (never
    /// past the ends of that part), and pieces of no length are left out. Gaps that lie on no
    /// part of the route (a route shortened for its arrowhead) change nothing.
    public static func pieces(of points: [ChartPoint], gaps: [LineGap]) -> [[ChartPoint]] {
        guard !gaps.isEmpty, points.count >= 2 else { return [points] }
        var pieces: [[ChartPoint]] = [], current = [points[0]]
        for (a, b) in zip(points, points.dropFirst()) {
            let length = abs(b.x - a.x) + abs(b.y - a.y)
            guard length > 0, a.x == b.x || a.y == b.y else {
                current.append(b)
                continue
            }
            // The gaps on this stretch, as distances from `a` along it.
            var cuts: [(from: Double, to: Double)] = []
            for gap in gaps {
                let onLine = a.x == b.x ? gap.point.x == a.x : gap.point.y == a.y
                let at = abs(gap.point.x - a.x) + abs(gap.point.y - a.y)
                guard onLine, at > 0, at < length, abs(gap.point.x - b.x) + abs(gap.point.y - b.y) < length else { continue }
                cuts.append((max(0, at - gap.halfLength), min(length, at + gap.halfLength)))
            }
            cuts.sort { ($0.from, $0.to) < ($1.from, $1.to) }
            // Gaps that overlap (lines of one bundle crossing together) are one gap.
            var merged: [(from: Double, to: Double)] = []
            for cut in cuts {
                if let last = merged.last, cut.from <= last.to { merged[merged.count - 1].to = max(last.to, cut.to) } else { merged.append(cut) }
            }
            func point(_ distance: Double) -> ChartPoint {
                ChartPoint(x: a.x + (b.x - a.x) * distance / length, y: a.y + (b.y - a.y) * distance / length)
            }
            for cut in merged {
                let start = point(cut.from)
                if current.last != start { current.append(start) }
                if current.count >= 2 { pieces.append(current) }
                current = [point(cut.to)]
            }
            if current.last != b { current.append(b) }
        }
        if current.count >= 2 { pieces.append(current) }
        return pieces
    }
}
