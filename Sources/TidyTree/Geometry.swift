/// A point of a chart in points, x to the right and y downwards from the chart's top-left corner.
public struct ChartPoint: Sendable, Equatable {
    /// Horizontal position in points.
    public var x: Double
    /// Vertical position in points, growing downwards.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where a box is drawn: its centre and size, in points.
public struct BoxFrame: Sendable, Equatable {
    /// The centre.
    public var center: ChartPoint
    /// Width and height in points.
    public var width: Double, height: Double

    /// Creates a frame.
    public init(center: ChartPoint, width: Double, height: Double) {
        self.center = center
        self.width = width
        self.height = height
    }

    /// The left edge.
    public var minX: Double { center.x - width / 2 }
    /// The right edge.
    public var maxX: Double { center.x + width / 2 }
    /// The top edge.
    public var minY: Double { center.y - height / 2 }
    /// The bottom edge.
    public var maxY: Double { center.y + height / 2 }

    /// True when the two frames share more than an edge.
    public func overlaps(_ other: BoxFrame) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Where the segment from the centre towards `point` leaves the frame.
    func border(towards point: ChartPoint) -> ChartPoint {
        let dx = point.x - center.x, dy = point.y - center.y
        guard dx != 0 || dy != 0 else { return center }
        let scale = min(dx == 0 ? .infinity : (width / 2) / abs(dx), dy == 0 ? .infinity : (height / 2) / abs(dy))
        return ChartPoint(x: center.x + dx * min(scale, 1), y: center.y + dy * min(scale, 1))
    }
}

/// A line of the chart drawn as straight segments through `points`.
public struct Connector: Sendable, Equatable {
    /// The index of the line in the chart's lines.
    public var line: Int
    /// The points, from the line's upper (parent) end; at least two.
    public var points: [ChartPoint]

    /// Creates a connector, dropping repeated points and bends on a straight run.
    public init(line: Int, points: [ChartPoint]) {
        self.line = line
        var kept: [ChartPoint] = []
        for point in points where kept.last != point {
            if kept.count >= 2 {
                let a = kept[kept.count - 2], b = kept[kept.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { kept.removeLast() }
            }
            kept.append(point)
        }
        if kept.count == 1 { kept.append(kept[0]) }
        self.points = kept
    }
}
