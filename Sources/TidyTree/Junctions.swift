/// Where lines drawn alike join: the points at which lines of one style that share a stretch
/// (a bundle: lines from one box branching off their trunk, or lines into one box joining it)
/// meet from three or four directions. A reader needs a dot there to tell a junction from a
/// crossing, which is drawn with a gap (see `Crossings`). Only a bend of a line can be a
/// junction, so two lines of one style crossing straight are not joined; the ends of lines
/// (their ports on boxes) never are.
public enum Junctions {
    /// The junctions of `connectors`, by connector (index in `connectors`): each junction once,
    /// with the first connector that bends there. `styles[i]` is the style connector `i` is
    /// drawn in, nil for a connector that takes no part (a tree line, a line not drawn).
    public static func points(of connectors: [Connector], styles: [String?]) -> [Int: [ChartPoint]] {
        /// The straight stretches of one style: vertical ones by x, horizontal ones by y.
        struct Stretches { var vertical: [Double: [(low: Double, high: Double)]] = [:], horizontal: [Double: [(low: Double, high: Double)]] = [:] }
        var stretches: [String: Stretches] = [:]
        for (index, connector) in connectors.enumerated() {
            guard let style = styles[index] else { continue }
            for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                if a.x == b.x, a.y != b.y { stretches[style, default: Stretches()].vertical[a.x, default: []].append((min(a.y, b.y), max(a.y, b.y))) }
                if a.y == b.y, a.x != b.x { stretches[style, default: Stretches()].horizontal[a.y, default: []].append((min(a.x, b.x), max(a.x, b.x))) }
            }
        }
        var junctions: [Int: [ChartPoint]] = [:]
        var found: [String: Set<Point>] = [:]
        for (index, connector) in connectors.enumerated() {
            guard let style = styles[index], let lines = stretches[style], connector.points.count > 2 else { continue }
            for point in connector.points.dropFirst().dropLast() {
                // The directions in which lines of the style leave the point: up, down, left, right.
                var directions = Set<Int>()
                for stretch in lines.vertical[point.x] ?? [] where stretch.low <= point.y && point.y <= stretch.high {
                    if stretch.low < point.y { directions.insert(0) }
                    if point.y < stretch.high { directions.insert(1) }
                }
                for stretch in lines.horizontal[point.y] ?? [] where stretch.low <= point.x && point.x <= stretch.high {
                    if stretch.low < point.x { directions.insert(2) }
                    if point.x < stretch.high { directions.insert(3) }
                }
                guard directions.count >= 3, found[style, default: []].insert(Point(x: point.x, y: point.y)).inserted else { continue }
                junctions[index, default: []].append(point)
            }
        }
        return junctions
    }

    /// A point as a key.
    private struct Point: Hashable { var x: Double, y: Double }
}
