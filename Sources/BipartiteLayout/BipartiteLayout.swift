import ChartGraph
import OrgTemplates
import TidyTree

/// A frame around the boxes of a group, placed: its rectangle and its label, whose lines start
/// at `labelOrigin` (the top-left corner of the first line).
public struct GroupFrame: Sendable, Equatable {
    /// The index of the group in the chart's groups.
    public var group: Int
    /// The rectangle.
    public var frame: BoxFrame
    /// The label, wrapped to the frame's width.
    public var label: [String]
    /// The top-left corner of the label's first line.
    public var labelOrigin: ChartPoint
    /// The label's size in points.
    public var labelSize: Double
}

/// Places a two-column chart (`Arrangement.bipartite`): the boxes of level 0 in a column on the
/// left, those of level 1 in a column on the right, each framed by group, the frames and the
/// boxes in them ordered to keep lines from crossing (`ColumnOrder`), the shorter column moved
/// down to face the boxes it is linked to. Every line is routed orthogonally through the
/// channel between the columns: a horizontal stub from its port on the side of its first
/// box facing the channel, a vertical track, a stub to its own port on its second box. The
/// lines of one kind are covered by the fewest bundles (`Bundles`): the lines from one box on
/// the left (one port, one track, a branch to each of their boxes) or into one box on the
/// right (a stub from each of their boxes into one track, one port and one arrowhead). The
/// ports of a box are spread along that side in the order of the boxes at their other ends, and
/// a box is as tall as its ports need (arrowheads never stack). Lines therefore stay out of the
/// columns: no line passes through a box or a frame's label. The tracks are ordered to cross as
/// few lines as possible (`Tracks`).
public struct BipartiteLayout: Sendable {
    /// The frame of each box, in the order of the chart's boxes.
    public private(set) var frames: [BoxFrame]
    /// The wrapped text of each box, in the order of the chart's boxes.
    public private(set) var texts: [BoxText]
    /// One connector per line of the chart, in the order of the chart's lines, from its `from` end.
    public private(set) var connectors: [Connector]
    /// The frames of the groups that have boxes.
    public private(set) var groupFrames: [GroupFrame]
    /// Width and height of the drawing in points, from (0, 0).
    public private(set) var width: Double, height: Double

    /// Headings are wrapped at about this many characters: columns grow tall long before they
    /// grow wide, so boxes are kept to one line where they can be.
    static let headingWrap = 70, detailWrap = 80
    /// Space inside a frame around its boxes and label, between boxes, and between frames, in points.
    static let framePadding = 4.0, boxGap = 3.0, frameGap = 6.0
    /// Distance between neighbouring ports: on the left column's boxes (where lines start) and
    /// on the right column's (where arrowheads end, 7 points wide), in points.
    static let startPitch = 6.0, endPitch = 10.0
    /// The stubs' shortest runs from a frame to the first track and from the last track to a
    /// frame (room for an arrowhead), in points.
    static let leftRun = 8.0, rightRun = 18.0
    /// Distance between neighbouring tracks when there are `count`: 9 points for a few, so that
    /// parallel lines of one kind read as two; closer for more, the channel at most 36 points
    /// wide, but never closer than 4.5 points.
    static func trackPitch(_ count: Int) -> Double { count < 2 ? 0 : max(4.5, min(9, 36 / Double(count - 1))) }
    /// Space above and below the text of a box, together, in points: boxes sit close in a column.
    static let boxMargin = 5.0

    /// Lays out `chart` with the sizes of `theme`, leaving `top` points free above it.
    public init(chart: Chart, theme: Theme, top: Double = 0) {
        let metrics = BoxMetrics(theme: theme)
        let texts = chart.boxes.map { box in
            BoxText(heading: BoxMetrics.wrap(box.heading, width: Self.headingWrap), details: box.details.map { BoxMetrics.wrap($0, width: Self.detailWrap) })
        }
        self.texts = texts
        let side = chart.boxes.map { $0.level == 0 ? 0 : 1 }
        let index = Dictionary(chart.boxes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let ends = chart.lines.map { (index[$0.from] ?? 0, index[$0.to] ?? 0) }

        // Blocks: the boxes of each group, in order of first appearance; a box without a
        // group is a block by itself.
        var columns: [[[Int]]] = [[], []]
        var blockOf: [String: (side: Int, block: Int)] = [:]
        for (box, item) in chart.boxes.enumerated() {
            let column = side[box]
            if let group = item.group, let block = blockOf[group], block.side == column {
                columns[column][block.block].append(box)
            } else {
                if let group = item.group { blockOf[group] = (column, columns[column].count) }
                columns[column].append([box])
            }
        }
        let order = ColumnOrder(columns: columns, ends: ends.map { ($0.0, $0.1) })
        let rank = order.positions

        // Bundles: the lines of one kind (and label, and mark) between the columns are covered
        // by the fewest bundles (`Bundles`): the lines from one box on the left, which leave it by
        // one port and branch off one track to their boxes (a centre serving twenty missions has
        // one line out, not twenty side by side), or the lines into one box on the right, which
        // join one track from their boxes and reach it by one port and one arrowhead (eight
        // offices serving one department are one line in).
        let bundles = Bundles(ends: ends.enumerated().map { line, pair -> (left: Int, right: Int, kind: String)? in
            guard side[pair.0] == 0, side[pair.1] == 1 else { return nil }
            let drawn = chart.lines[line]
            return (pair.0, pair.1, "\(drawn.style)\n\(drawn.label ?? "")\n\(drawn.isInferred)\n\(drawn.isPlanned)")
        })
        let bundleOf = bundles.head, sharedEnd = bundles.sharedEnd

        // Ports: each box's line ends (a bundle's one port on the box it shares), in the order
        // of the boxes at the other ends.
        var portsOf = [[(line: Int, end: Int)]](repeating: [], count: chart.boxes.count)
        for (line, pair) in ends.enumerated() {
            if bundleOf[line] == line || sharedEnd[line] != 0 { portsOf[pair.0].append((line, 1)) }
            if bundleOf[line] == line || sharedEnd[line] != 1 { portsOf[pair.1].append((line, 0)) }
        }
        for box in portsOf.indices {
            portsOf[box].sort { a, b in
                let other = { (port: (line: Int, end: Int)) in port.end == 1 ? ends[port.line].1 : ends[port.line].0 }
                return (rank[other(a)] ?? 0, a.line) < (rank[other(b)] ?? 0, b.line)
            }
        }

        // Sizes: one width per column; heights for the text and the ports.
        let columnWidth = [0, 1].map { column in chart.boxes.indices.filter { side[$0] == column }.map { metrics.width(texts[$0]) * 72 }.max() ?? 0 }
        let heights = chart.boxes.indices.map { box in
            max(metrics.textHeight(texts[box]) + Self.boxMargin, Double(portsOf[box].count) * (side[box] == 0 ? Self.startPitch : Self.endPitch) + 2)
        }
        let labelSize = theme.detailSize, labelLine = labelSize * BoxMetrics.lineHeight
        let frameWidth = columnWidth.map { $0 + 2 * Self.framePadding }

        // Columns stacked from `top`, frames around their blocks.
        var centers = [ChartPoint](repeating: ChartPoint(x: 0, y: 0), count: chart.boxes.count)
        var groupFrames: [[GroupFrame]] = [[], []]
        let groupIndex = Dictionary(chart.groups.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var bottoms = [top, top]
        for column in 0...1 {
            let left = column == 0 ? 0 : frameWidth[0] + Self.channelWidth(0)
            var y = top
            for block in order.columns[column] {
                let group = chart.boxes[block[0]].group.flatMap { groupIndex[$0] }
                var label: [String] = []
                let frameTop = y
                if let group {
                    let chars = max(8, Int((frameWidth[column] - 2 * Self.framePadding) / (labelSize * TextMeasure.boldAdvance)))
                    label = BoxMetrics.wrap(chart.groups[group].label, width: chars)
                    y += Self.framePadding + Double(label.count) * labelLine + 2
                }
                for box in block {
                    centers[box] = ChartPoint(x: left + frameWidth[column] / 2, y: y + heights[box] / 2)
                    y += heights[box] + Self.boxGap
                }
                y -= Self.boxGap
                if let group {
                    y += Self.framePadding
                    let frame = BoxFrame(center: ChartPoint(x: left + frameWidth[column] / 2, y: (frameTop + y) / 2), width: frameWidth[column], height: y - frameTop)
                    groupFrames[column].append(GroupFrame(group: group, frame: frame, label: label,
                                                          labelOrigin: ChartPoint(x: frame.minX + Self.framePadding, y: frameTop + Self.framePadding), labelSize: labelSize))
                }
                y += Self.frameGap
            }
            bottoms[column] = y - Self.frameGap
        }

        // Where each line end meets its box (a bundled line's shared end: its bundle's port).
        func portY(_ box: Int, line: Int) -> Double {
            let ports = portsOf[box]
            let position = ports.firstIndex { $0.line == line } ?? ports.firstIndex { $0.line == bundleOf[line] } ?? 0
            return centers[box].y - heights[box] / 2 + heights[box] * (Double(position) + 0.5) / Double(ports.count)
        }
        // The shorter column moves down to face the boxes it is linked to (the median offset).
        let shorter = bottoms[0] < bottoms[1] ? 0 : 1
        let offsets = ends.enumerated().compactMap { line, pair -> Double? in
            guard side[pair.0] != side[pair.1] else { return nil }
            let (mine, theirs) = side[pair.0] == shorter ? (pair.0, pair.1) : (pair.1, pair.0)
            return portY(theirs, line: line) - portY(mine, line: line)
        }.sorted()
        let room = abs(bottoms[1] - bottoms[0])
        let shift = offsets.isEmpty ? 0 : min(room, max(0, offsets[offsets.count / 2].rounded()))
        for box in centers.indices where side[box] == shorter { centers[box].y += shift }
        for position in groupFrames[shorter].indices {
            groupFrames[shorter][position].frame.center.y += shift
            groupFrames[shorter][position].labelOrigin.y += shift
        }

        // Tracks (one per line, or per bundle of several), then routes.
        let members = Dictionary(grouping: ends.indices, by: { bundleOf[$0] })
        let routes = ends.enumerated().map { line, pair in
            Tracks.Route(first: (portY(pair.0, line: line), side[pair.0] == 0), second: (portY(pair.1, line: line), side[pair.1] == 0))
        }
        func route(ofTrack line: Int) -> Tracks.Route {
            let lines = members[line] ?? [line]
            guard lines.count > 1 else { return routes[line] }
            return sharedEnd[line] == 0 ? Tracks.Route(left: routes[line].stubs[0].y, rights: lines.map { routes[$0].stubs[1].y })
                                        : Tracks.Route(lefts: lines.map { routes[$0].stubs[0].y }, right: routes[line].stubs[1].y)
        }
        let bent = ends.indices.filter { line in
            bundleOf[line] == line && ((members[line]?.count ?? 1) > 1 || routes[line].stubs[0].y != routes[line].stubs[1].y || routes[line].stubs[0].left == routes[line].stubs[1].left)
        }
        let tracks = Tracks(routes: bent.map(route(ofTrack:))).order.map { bent[$0] }
        let channel = Self.channelWidth(tracks.count)
        let rightLeft = frameWidth[0] + channel
        // The right column moves out to make room for the tracks.
        for box in centers.indices where side[box] == 1 { centers[box].x += channel - Self.channelWidth(0) }
        for position in groupFrames[1].indices {
            groupFrames[1][position].frame.center.x += channel - Self.channelWidth(0)
            groupFrames[1][position].labelOrigin.x += channel - Self.channelWidth(0)
        }
        let frames = chart.boxes.indices.map { BoxFrame(center: centers[$0], width: columnWidth[side[$0]], height: heights[$0]) }
        self.frames = frames
        var trackX = [Int: Double]()
        for (position, line) in tracks.enumerated() { trackX[line] = frameWidth[0] + Self.leftRun + Double(position) * Self.trackPitch(tracks.count) }
        connectors = ends.enumerated().map { line, pair in
            let route = routes[line]
            func port(_ box: Int, y: Double) -> ChartPoint { ChartPoint(x: side[box] == 0 ? frames[box].maxX : frames[box].minX, y: y) }
            let start = port(pair.0, y: route.stubs[0].y), end = port(pair.1, y: route.stubs[1].y)
            guard let x = trackX[bundleOf[line]] else { return Connector(line: line, points: [start, end]) }
            return Connector(line: line, points: [start, ChartPoint(x: x, y: start.y), ChartPoint(x: x, y: end.y), end])
        }
        self.groupFrames = (groupFrames[0] + groupFrames[1]).sorted { $0.group < $1.group }
        width = rightLeft + frameWidth[1]
        height = max(bottoms[0] + (shorter == 0 ? shift : 0), bottoms[1] + (shorter == 1 ? shift : 0))
    }

    /// The width of the channel between the columns for `tracks` tracks.
    static func channelWidth(_ tracks: Int) -> Double {
        leftRun + Double(max(0, tracks - 1)) * trackPitch(tracks) + rightRun
    }
}
