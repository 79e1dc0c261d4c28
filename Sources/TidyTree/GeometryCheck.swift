import ChartGraph
import OrgTemplates

/// One way a placed chart falls short of a publishable one.
public struct GeometryProblem: Sendable, Hashable, CustomStringConvertible {
    /// The rules of a publishable chart that the check tests.
    public enum Kind: String, Sendable, CaseIterable {
        /// A line passes through the inside of a box it does not connect.
        case lineThroughBox = "line through a box"
        /// Two lines of different kinds run along the same stretch (one on top of the other).
        case sharedSegment = "lines of different kinds on one segment"
        /// Two lines of one kind run along the same stretch without a box in common, so that
        /// neither end can be traced (a bus shares its head, a bundle its start or end).
        case mergedLines = "lines between different boxes on one segment"
        /// Two arrowheads end at the same point.
        case stackedArrowheads = "stacked arrowheads"
        /// A line's last stretch is shorter than half its arrowhead, which then runs over the
        /// bend before it (or, drawn short of the box, is lost).
        case arrowheadWithoutRoom = "arrowhead without room"
        /// Two boxes overlap.
        case overlappingBoxes = "overlapping boxes"
        /// A box's text is wider or taller than the box.
        case textOutsideBox = "text outside its box"
    }

    /// Which rule is broken.
    public var kind: Kind
    /// What breaks it, naming the boxes and lines by id.
    public var detail: String
    /// The lines involved (indices in the chart's lines), in increasing order.
    public var lines: [Int] = []

    public var description: String { "\(kind.rawValue): \(detail)" }
}

/// The geometry of a placed tidy-tree chart checked against the rules of a publishable chart
/// (see `GeometryProblem.Kind`): lines through boxes they do not connect, lines of different
/// kinds sharing a segment (the containment bus included), stacked arrowheads, overlapping
/// boxes and text outside its box. Each problem is reported once, for a pair of lines or boxes
/// or a (line, box) pair. Time near linear in boxes plus line segments for ordinary charts.
public struct GeometryCheck: Sendable {
    /// Every problem found, grouped by kind in the order of `GeometryProblem.Kind`.
    public private(set) var problems: [GeometryProblem] = []

    /// Distances below this many points count as touching, not crossing or overlapping.
    static let tolerance = 0.5
    /// Arrow tips closer than this many points are stacked.
    static let arrowheadSpacing = 3.0

    /// The length of the Graphviz arrowhead `name` in points (how far a line stops short of the
    /// box for it): 0 for `none`, 12 for diamonds, 8 for dots and boxes, 10 for the others.
    public static func arrowheadLength(_ name: String) -> Double {
        switch name {
        case "none": return 0
        case "diamond", "odiamond": return 12
        case "odot", "dot", "box", "obox": return 8
        default: return 10
        }
    }

    /// Checks a placed `chart`: the frame of each box, the wrapped text of each (nil when only
    /// the geometry is known, e.g. read back from a drawing) and the route of each line, with
    /// `theme` saying which lines end in an arrowhead and giving the text sizes.
    public init(chart: Chart, frames: [BoxFrame], texts: [BoxText]?, connectors: [Connector], theme: Theme) {
        var index: [String: Int] = [:]
        for (i, box) in chart.boxes.enumerated() where index[box.id] == nil { index[box.id] = i }
        func name(_ line: Int) -> String {
            let drawn = chart.lines[line]
            return "\(drawn.style):\(drawn.from)->\(drawn.to)"
        }
        // Lines that only place a box are not drawn, and not checked.
        let drawn = connectors.filter { chart.lines[$0.line].isDrawn }
        checkLinesThroughBoxes(chart: chart, connectors: drawn, frames: frames, index: index, name: name)
        checkSharedSegments(chart: chart, connectors: drawn, name: name)
        checkArrowheads(chart: chart, connectors: drawn, theme: theme, name: name)
        checkOverlaps(chart: chart, frames: frames)
        guard let texts else { return }
        let metrics = BoxMetrics(theme: theme)
        for (box, (frame, text)) in zip(chart.boxes, zip(frames, texts)) {
            let width = metrics.width(text) * 72, height = metrics.textHeight(text)
            if width > frame.width + Self.tolerance || height > frame.height + Self.tolerance {
                problems.append(GeometryProblem(kind: .textOutsideBox, detail: "\(box.id) (text \(Int(width))×\(Int(height)) pt in \(Int(frame.width))×\(Int(frame.height)) pt)"))
            }
        }
    }

    /// The number of problems of `kind`.
    public func count(_ kind: GeometryProblem.Kind) -> Int { problems.lazy.filter { $0.kind == kind }.count }

    /// The counts of every kind, e.g. `line through a box 0, …`.
    public var summary: String { GeometryProblem.Kind.allCases.map { "\($0.rawValue) \(count($0))" }.joined(separator: ", ") }

    /// Lines whose segments pass through the inside of a box they do not end at.
    private mutating func checkLinesThroughBoxes(chart: Chart, connectors: [Connector], frames: [BoxFrame], index: [String: Int], name: (Int) -> String) {
        var grid = BucketGrid(fitting: frames)
        for (i, frame) in frames.enumerated() { grid.insert(i, minX: frame.minX, minY: frame.minY, maxX: frame.maxX, maxY: frame.maxY) }
        for connector in connectors {
            let line = chart.lines[connector.line]
            let ends = [index[line.from], index[line.to]]
            var crossed = Set<Int>()
            for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                grid.visit(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y)) { box in
                    if !ends.contains(box), !crossed.contains(box), Self.passes(from: a, to: b, through: frames[box]) { crossed.insert(box) }
                    return true
                }
            }
            for box in crossed.sorted() {
                problems.append(GeometryProblem(kind: .lineThroughBox, detail: "\(name(connector.line)) through \(chart.boxes[box].id)", lines: [connector.line]))
            }
        }
    }

    /// True when the segment from `a` to `b` runs through the inside of `frame` (more than
    /// `tolerance` inside every edge), found by clipping the segment to the shrunken frame.
    static func passes(from a: ChartPoint, to b: ChartPoint, through frame: BoxFrame) -> Bool {
        let minX = frame.minX + tolerance, maxX = frame.maxX - tolerance, minY = frame.minY + tolerance, maxY = frame.maxY - tolerance
        guard minX < maxX, minY < maxY else { return false }
        var low = 0.0, high = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q <= 0 { return false }
            } else if p < 0 {
                low = max(low, q / p)
            } else {
                high = min(high, q / p)
            }
        }
        return low < high
    }

    /// Pairs of lines with collinear horizontal or vertical segments that overlap by more than
    /// `tolerance`: of different styles, or of one style without a box in common.
    private mutating func checkSharedSegments(chart: Chart, connectors: [Connector], name: (Int) -> String) {
        /// A straight stretch along one axis: `position` across it, from `low` to `high` along it.
        struct Stretch { var position: Double, low: Double, high: Double, line: Int }
        var horizontal: [Stretch] = [], vertical: [Stretch] = []
        for connector in connectors {
            for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                if a.y == b.y, a.x != b.x { horizontal.append(Stretch(position: a.y, low: min(a.x, b.x), high: max(a.x, b.x), line: connector.line)) }
                if a.x == b.x, a.y != b.y { vertical.append(Stretch(position: a.x, low: min(a.y, b.y), high: max(a.y, b.y), line: connector.line)) }
            }
        }
        var pairs = Set<[Int]>(), merged = Set<[Int]>()
        for var stretches in [horizontal, vertical] {
            stretches.sort { ($0.position, $0.low, $0.line) < ($1.position, $1.low, $1.line) }
            var start = 0
            while start < stretches.count {
                var end = start
                while end < stretches.count, stretches[end].position - stretches[start].position <= Self.tolerance { end += 1 }
                // One position (within the tolerance): a sweep along it in order of the
                // stretches' starts, keeping the stretches still open.
                var open: [Stretch] = []
                for stretch in stretches[start..<end].sorted(by: { ($0.low, $0.line) < ($1.low, $1.line) }) {
                    open.removeAll { $0.high <= stretch.low + Self.tolerance }
                    for other in open {
                        let a = chart.lines[other.line], b = chart.lines[stretch.line]
                        let pair = [min(other.line, stretch.line), max(other.line, stretch.line)]
                        if a.style != b.style {
                            pairs.insert(pair)
                        } else if Set([a.from, a.to]).isDisjoint(with: [b.from, b.to]) {
                            merged.insert(pair)
                        }
                    }
                    open.append(stretch)
                }
                start = end
            }
        }
        for pair in pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            problems.append(GeometryProblem(kind: .sharedSegment, detail: "\(name(pair[0])) and \(name(pair[1]))", lines: pair))
        }
        for pair in merged.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            problems.append(GeometryProblem(kind: .mergedLines, detail: "\(name(pair[0])) and \(name(pair[1]))", lines: pair))
        }
    }

    /// Pairs of arrowheads whose tips are closer than `arrowheadSpacing`, unless both are of
    /// one style and arrive along the same stretch (the trunk of a bus, read as one arrow); then
    /// arrowheads whose last stretch is shorter than half of them.
    private mutating func checkArrowheads(chart: Chart, connectors: [Connector], theme: Theme, name: (Int) -> String) {
        /// A tip, the point its line comes from and the line.
        struct Tip { var point: ChartPoint, before: ChartPoint, line: Int }
        var tips: [Tip] = [], withoutRoom: [GeometryProblem] = []
        for connector in connectors where connector.points.count >= 2 {
            let line = chart.lines[connector.line], points = connector.points
            let arrowhead = theme.line(line.style).arrowhead ?? "none"
            guard arrowhead != "none" else { continue }
            let tip = line.ranksUpward ? Tip(point: points[0], before: points[1], line: connector.line)
                                       : Tip(point: points[points.count - 1], before: points[points.count - 2], line: connector.line)
            tips.append(tip)
            let last = abs(tip.point.x - tip.before.x) + abs(tip.point.y - tip.before.y)
            if last < Self.arrowheadLength(arrowhead) / 2 - Self.tolerance {
                withoutRoom.append(GeometryProblem(kind: .arrowheadWithoutRoom, detail: "\(name(connector.line)) (\(Int(last)) pt before its tip)", lines: [connector.line]))
            }
        }
        tips.sort { ($0.point.x, $0.point.y, $0.line) < ($1.point.x, $1.point.y, $1.line) }
        for (k, tip) in tips.enumerated() {
            for other in tips[(k + 1)...] {
                if other.point.x - tip.point.x >= Self.arrowheadSpacing { break }
                guard abs(other.point.y - tip.point.y) < Self.arrowheadSpacing else { continue }
                let sameTrunk = chart.lines[tip.line].style == chart.lines[other.line].style && tip.point == other.point
                    && (tip.before.x == tip.point.x) == (other.before.x == other.point.x)
                    && (tip.before.y - tip.point.y).sign == (other.before.y - other.point.y).sign
                    && (tip.before.x - tip.point.x).sign == (other.before.x - other.point.x).sign
                if !sameTrunk { problems.append(GeometryProblem(kind: .stackedArrowheads, detail: "\(name(tip.line)) and \(name(other.line))",
                                                                  lines: [min(tip.line, other.line), max(tip.line, other.line)])) }
            }
        }
        problems += withoutRoom
    }

    /// Pairs of boxes that overlap by more than `tolerance` both ways.
    private mutating func checkOverlaps(chart: Chart, frames: [BoxFrame]) {
        let order = frames.indices.sorted { (frames[$0].minX, $0) < (frames[$1].minX, $1) }
        for (k, a) in order.enumerated() {
            for b in order[(k + 1)...] {
                if frames[b].minX >= frames[a].maxX - Self.tolerance { break }
                if min(frames[a].maxY, frames[b].maxY) - max(frames[a].minY, frames[b].minY) > Self.tolerance {
                    problems.append(GeometryProblem(kind: .overlappingBoxes, detail: "\(chart.boxes[min(a, b)].id) and \(chart.boxes[max(a, b)].id)"))
                }
            }
        }
    }
}
