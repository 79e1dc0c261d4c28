import ChartGraph
import Placement
import SVGWriter
import TidyTree

/// Where the connectors of a slide are glued: for each end of each route, its box and the
/// connection site it meets. Rectangles have four sites, the middles of their top, left, bottom
/// and right sides (0–3); a route that meets a side elsewhere (a line down a spine into the side
/// of a stacked box, several lines into one side) gets a site of its own there (4 …), so that
/// PowerPoint and Impress draw and keep the connector where the layout routed it. Ellipses have
/// eight sites, from the top counter-clockwise; their routes meet the middles of their sides.
struct ConnectionSites {
    /// A connection site of a box: where on it (as fractions of its width and height) and which
    /// side it is on (0 top, 1 left, 2 bottom, 3 right), which gives the direction lines leave it.
    struct Site: Equatable {
        var x: Double, y: Double
        var side: Int
    }

    /// One end of a connector: the box (index in the chart's boxes) and the site's index.
    struct End: Equatable {
        var box: Int
        var site: Int
    }

    /// The sites added to each box after its four standard ones.
    private(set) var extra: [Int: [Site]] = [:]
    /// The ends of each connector (by index in the placed chart's connectors).
    private(set) var starts: [Int: End] = [:], ends: [Int: End] = [:]

    /// The sites of every route of `placed`.
    init(_ placed: PlacedChart) {
        let chart = placed.chart
        var boxIndex: [String: Int] = [:]
        for (index, box) in chart.boxes.enumerated() where boxIndex[box.id] == nil { boxIndex[box.id] = index }
        var ellipses: [String: Bool] = [:]
        for (number, connector) in placed.connectors.enumerated() {
            let line = chart.lines[connector.line], route = connector.points
            guard line.isDrawn, route.count >= 2 else { continue }
            // The route runs from the line's upper end: `to` when the line ranks upward.
            let (startID, endID) = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
            for (id, point, next, isStart) in [(startID, route[0], route[1], true), (endID, route[route.count - 1], route[route.count - 2], false)] {
                guard let box = boxIndex[id] else { continue }
                let style = chart.boxes[box].style
                let ellipse = ellipses[style] ?? BoxShape(placed.theme.box(style)).isEllipse
                ellipses[style] = ellipse
                let side = Self.side(of: placed.frames[box], at: point, toward: next)
                let end = End(box: box, site: ellipse ? side * 2 : site(on: box, frame: placed.frames[box], side: side, at: point))
                if isStart { starts[number] = end } else { ends[number] = end }
            }
        }
    }

    /// The side of `frame` a route leaves through at `point`, heading to `next`: by the direction
    /// of its first segment, or for a slanted line the side nearest to the point.
    static func side(of frame: BoxFrame, at point: ChartPoint, toward next: ChartPoint) -> Int {
        if point.x == next.x, point.y != next.y { return next.y > point.y ? 2 : 0 }
        if point.y == next.y, point.x != next.x { return next.x > point.x ? 3 : 1 }
        let distances = [abs(point.y - frame.minY), abs(point.x - frame.minX), abs(point.y - frame.maxY), abs(point.x - frame.maxX)]
        return distances.indices.min { distances[$0] < distances[$1] } ?? 0
    }

    /// The index of the site on `side` of box `box` at `point`: a standard one when the point is
    /// (within half a point) the middle of the side, else one added for it.
    private mutating func site(on box: Int, frame: BoxFrame, side: Int, at point: ChartPoint) -> Int {
        let alongX = side == 0 || side == 2
        if alongX ? abs(point.x - frame.center.x) < 0.5 : abs(point.y - frame.center.y) < 0.5 { return side }
        let fx = frame.width > 0 ? min(1, max(0, (point.x - frame.minX) / frame.width)) : 0.5
        let fy = frame.height > 0 ? min(1, max(0, (point.y - frame.minY) / frame.height)) : 0.5
        let site = Site(x: side == 1 ? 0 : side == 3 ? 1 : fx, y: side == 0 ? 0 : side == 2 ? 1 : fy, side: side)
        var list = extra[box] ?? []
        if let found = list.firstIndex(where: { abs($0.x - site.x) * frame.width < 0.5 && abs($0.y - site.y) * frame.height < 0.5 && $0.side == site.side }) {
            return 4 + found
        }
        list.append(site)
        extra[box] = list
        return 3 + list.count
    }
}
