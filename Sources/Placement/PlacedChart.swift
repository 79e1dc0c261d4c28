import BipartiteLayout
import ChartGraph
import OrgTemplates
import TidyTree

/// The layout stage's output: a chart with every box placed and sized, its text wrapped and
/// set, every line routed (orthogonal routes between its two ports), the frames of its groups,
/// the title (above the boxes, or beside the top row) and the legend and sources (below them,
/// or in an empty stretch at the bottom; see `Furniture`), in one coordinate system of points.
/// It is computed once from the chart graph and a theme; every writer — orgchart's SVG, the
/// cairo PDF and PNG, the positioned DOT text Graphviz draws — only draws it, so every drawing
/// of a chart has the same geometry. Tree charts are placed by the tidy tree (`TidyLayout`),
/// two-column charts by `BipartiteLayout`.
public struct PlacedChart: Sendable {
    /// The chart graph that was placed.
    public let chart: Chart
    /// The theme whose sizes, fonts and spacing the placement used.
    public let theme: Theme
    /// The frame of each box, in the order of the chart's boxes.
    public let frames: [BoxFrame]
    /// The wrapped text of each box, in the order of the chart's boxes.
    public let texts: [BoxText]
    /// One route per line of the chart drawn as a line, in the order of the chart's lines
    /// (lines replaced by markers have none).
    public let connectors: [Connector]
    /// Where lines are broken for a line crossing them, by connector (index in `connectors`;
    /// lines without a break have no entry): a tree line under a line across the tree, of two
    /// lines across it the vertical one (see `Crossings`).
    public let gaps: [Int: [LineGap]]
    /// Where lines across the tree (or between the columns) that share a stretch join, by the
    /// connector that bends there (index in `connectors`): a dot marks each, so that a junction
    /// is not read as a crossing (see `Junctions`).
    public let junctions: [Int: [ChartPoint]]
    /// The lines no orthogonal route was found for (indices in the chart's lines); their
    /// connectors fall back to a straight line or their parent's elbow, or they become markers.
    public let unrouted: [Int]
    /// Lines that found no clean route (one through no box, on a track of its own, its
    /// arrowhead apart): each is a numbered mark in the box it starts from and a footnote
    /// under the chart, instead of a line (see `unclean`).
    public let markers: [LineMarker]
    /// The marks in boxes, by box (index in the chart's boxes): the numbers of the box's
    /// markers, set in its top-right corner.
    public let badges: [Int: PlacedText]
    /// The labels of lines that have one, by line (index in the chart's lines): their lines of
    /// text, set beside a stretch of the line's route clear of boxes and other lines where one is.
    public let labels: [Int: [PlacedText]]
    /// The frames of groups (two-column charts).
    public let groupFrames: [GroupFrame]
    /// The title and subtitle lines, set centred above the boxes or beside the top row.
    public let title: [PlacedText]
    /// The legend and sources, under the boxes or in an empty stretch at the bottom.
    public let footer: PlacedFooter
    /// Width and height of the layout from (0, 0) before cropping: the area of the boxes and
    /// routes, with the room `top` for the title above them.
    public let extent: (width: Double, height: Double)
    /// The room left above the boxes for the title, in points.
    public let top: Double
    /// The top-left corner of what is drawn (title, boxes, routes, frames).
    public let origin: ChartPoint
    /// The bottom of the boxes and routes: where the footer starts.
    public let bottom: Double
    /// Width and height of the drawing in points, the margin `pad` on every side included.
    public private(set) var width: Double, height: Double
    /// Blank margin around the drawing, in points.
    public private(set) var pad: Double

    /// The blank margin around a drawing of its own, in points (as Graphviz's `pad=0.25`); a
    /// drawing on a page with margins needs less.
    public static let standalonePad = 18.0
    /// Where a text's baseline sits below the top of its line, in ems.
    public static let baseline = 0.94
    /// Corner radius of rounded boxes, in points.
    public static let cornerRadius = 5.0

    /// Places `chart` with the sizes and spacing of `theme`: as a tidy tree, or in two columns
    /// when it is a two-column chart, with a blank margin of `pad` points around it. Box texts
    /// wrapped before, for another part of the same chart, are taken from `boxTexts` when given.
    public init(chart: Chart, theme: Theme, pad: Double = PlacedChart.standalonePad, boxTexts: BoxTexts? = nil) {
        self.chart = chart
        self.theme = theme
        self.pad = pad
        let top = Self.titleHeight(chart, theme: theme)
        self.top = top
        // The title's lines, centred on `x`, the first starting `y` down.
        func titleLines(x: Double, y: Double) -> [PlacedText] {
            var y = y
            return ([chart.title] + chart.subtitleLines).enumerated().map { index, text in
                let size = index == 0 ? theme.titleSize : theme.titleSize * 0.7
                defer { y += size * BoxMetrics.lineHeight }
                return PlacedText(text: text, x: x, baseline: y + size * Self.baseline, size: size, bold: index == 0, anchor: .middle)
            }
        }
        let titleTop = Self.titleTop(chart, theme: theme)
        let measured = titleLines(x: 0, y: 0)
        let titleWidth = measured.map { $0.span(font: theme.font).right - $0.span(font: theme.font).left }.max() ?? 0
        let titleBlock = measured.reduce(0) { $0 + $1.size * BoxMetrics.lineHeight }
        // The footer's shapes (sample boxes in one row or more); the layout leaves room for one
        // of them without the footnotes of markers, which only routing tells.
        let rowCounts = Array(PlacedFooter.sampleRowCounts(of: chart))
        func footers(notes: [String]) -> [PlacedFooter] {
            rowCounts.map { PlacedFooter(chart: chart, theme: theme, notes: notes, origin: ChartPoint(x: 0, y: 0), sampleRows: $0) }.filter { !$0.isEmpty }
        }
        func shapes(_ footers: [PlacedFooter]) -> [(width: Double, height: Double)] { footers.map { (width: $0.width, height: PlacedFooter.inset + $0.height) } }
        var furniture = Furniture(title: (titleWidth, titleBlock), titleTop: titleTop, footers: shapes(footers(notes: [])), pad: pad,
                                  area: PageShape.area(of: chart.page ?? chart.shapedFor))
        let extent: (width: Double, height: Double)
        var connectors: [Connector]
        if chart.arrangement == .bipartite {
            let layout = BipartiteLayout(chart: chart, theme: theme, top: top)
            (frames, texts, connectors, groupFrames, extent) = (layout.frames, layout.texts, layout.connectors, layout.groupFrames, (layout.width, layout.height))
            unrouted = []
        } else {
            let layout = TidyLayout(chart: chart, theme: theme, top: top, furniture: furniture, boxTexts: boxTexts)
            (frames, texts, connectors, groupFrames, extent) = (layout.frames, layout.texts, layout.connectors, [], (layout.width, layout.height))
            unrouted = layout.unrouted
        }
        let marked = Self.unclean(chart: chart, frames: frames, connectors: connectors, theme: theme)
        connectors.removeAll { marked.contains($0.line) }
        self.connectors = connectors
        let lines = connectors.map { chart.lines[$0.line] }
        // Lines of one tidy tree drawn alike never cross nor join off their bus: a plain tree
        // (an organogram) has neither gaps nor junctions to find.
        let bipartite = chart.arrangement == .bipartite
        let plain = !bipartite && lines.allSatisfy { $0.shapesLayout && $0.style == lines[0].style }
        gaps = plain ? [:] : Crossings.gaps(of: connectors.enumerated().map { lines[$0.offset].isDrawn ? $0.element : Connector(line: $0.element.line, points: []) },
                                             under: lines.map(\.shapesLayout), widths: lines.map { theme.line($0.style).width })
        junctions = plain ? [:] : Junctions.points(of: connectors, styles: lines.map { $0.isDrawn && (bipartite || !$0.shapesLayout) ? $0.style : nil })
        (markers, badges) = Self.markers(of: marked.sorted(), chart: chart, frames: frames, theme: theme)
        let labelNotes: [String]
        (labels, labelNotes) = Self.labels(chart: chart, frames: frames, connectors: connectors, size: theme.detailSize, font: theme.font, firstNote: markers.count + 1)
        self.extent = extent
        // What is drawn besides the title and footer: boxes, frames, lines (some in the gutters
        // around the boxes) and labels (some beside lines near the edge).
        var minX = extent.width / 2 - titleWidth / 2, maxX = extent.width / 2 + titleWidth / 2
        var minY = Double.infinity, maxY = titleTop + titleBlock
        let boxes = frames + groupFrames.map(\.frame)
        for frame in boxes {
            minX = min(minX, frame.minX)
            maxX = max(maxX, frame.maxX)
            minY = min(minY, frame.minY)
            maxY = max(maxY, frame.maxY)
        }
        for point in connectors.lazy.flatMap(\.points) {
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
        }
        let labelStretches = labels.values.joined().map { text in
            let span = text.span(font: theme.font)
            return (low: span.left, high: span.right, top: text.baseline - text.size, bottom: text.baseline + 2)
        }
        for stretch in labelStretches {
            minX = min(minX, stretch.low)
            maxX = max(maxX, stretch.high)
            minY = min(minY, stretch.top)
            maxY = max(maxY, stretch.bottom)
        }
        bottom = maxY
        let notes = markers.map(\.note) + labelNotes
        let placedFooters = footers(notes: notes)
        furniture.footers = shapes(placedFooters)
        let furnishing = furniture.place(frames: boxes, routes: connectors.map(\.points), more: labelStretches, minX: minX, maxX: maxX,
                                         boxesTop: minY.isFinite ? minY : top, bottom: maxY)
        if let beside = furnishing.title {
            title = titleLines(x: beside.x, y: beside.y)
            origin = ChartPoint(x: minX, y: beside.y)
        } else {
            title = titleLines(x: extent.width / 2, y: titleTop)
            origin = ChartPoint(x: minX, y: titleTop)
        }
        if let place = furnishing.footer {
            footer = PlacedFooter(chart: chart, theme: theme, notes: notes, origin: place.origin, sampleRows: rowCounts[place.shape])
        } else {
            footer = PlacedFooter(chart: chart, theme: theme, notes: notes, origin: ChartPoint(x: minX, y: maxY))
        }
        // In hundredths of a point, as every writer states a size.
        func hundredths(_ value: Double) -> Double { (value * 100).rounded(.up) / 100 }
        width = hundredths(furnishing.width + 2 * pad)
        height = hundredths(furnishing.height + 2 * pad)
    }

    /// Width and height of the drawing in points.
    public var size: (width: Double, height: Double) { (width, height) }

    /// The same drawing with a blank margin of `pad` points (when that is more than its own):
    /// a page's part drawn on its own gets the margin of a chart drawn whole.
    public func padded(to pad: Double) -> PlacedChart {
        guard pad > self.pad else { return self }
        var padded = self
        padded.width += 2 * (pad - self.pad)
        padded.height += 2 * (pad - self.pad)
        padded.pad = pad
        return padded
    }

    /// The centre of the title's block of lines (above the boxes, or beside the top row).
    public var titleCenter: ChartPoint {
        guard let first = title.first, let last = title.last else { return ChartPoint(x: extent.width / 2, y: top / 2) }
        let top = first.baseline - first.size * Self.baseline
        let bottom = last.baseline - last.size * Self.baseline + last.size * BoxMetrics.lineHeight
        return ChartPoint(x: first.x, y: (top + bottom) / 2)
    }

    /// How far the drawing is moved so that its top-left corner comes inside the margin.
    public var offset: ChartPoint { ChartPoint(x: pad - origin.x, y: pad - origin.y) }

    /// Room for the title and subtitle above the boxes, in points.
    public static func titleHeight(_ chart: Chart, theme: Theme) -> Double {
        theme.titleSize * 1.4 + Double(chart.subtitleLines.count) * theme.titleSize * 0.7 * 1.4 + theme.titleSize
    }

    /// Where the title's first line starts: its lines centred in the room above the boxes.
    static func titleTop(_ chart: Chart, theme: Theme) -> Double {
        let block = ([theme.titleSize] + chart.subtitleLines.map { _ in theme.titleSize * 0.7 }).reduce(0) { $0 + $1 * BoxMetrics.lineHeight }
        return titleHeight(chart, theme: theme) / 2 - block / 2
    }

    /// The lines of text of box `index`, set centred in its frame: the heading in bold, then
    /// the details.
    public func lines(ofBox index: Int) -> [PlacedText] {
        let text = texts[index], frame = frames[index]
        var y = frame.center.y - BoxMetrics(theme: theme).textHeight(text) / 2
        var lines: [PlacedText] = []
        lines.reserveCapacity(text.heading.count + text.details.count)
        for (content, size, bold) in text.heading.map({ ($0, theme.headingSize, true) }) + text.detailLines.map({ ($0, theme.detailSize, false) }) {
            lines.append(PlacedText(text: content, x: frame.center.x, baseline: y + size * Self.baseline, size: size, bold: bold, anchor: .middle))
            y += size * BoxMetrics.lineHeight
        }
        return lines
    }

    /// The label of a group's frame, set in bold from its top-left corner.
    public func label(of frame: GroupFrame) -> [PlacedText] {
        frame.label.enumerated().map { number, line in
            PlacedText(text: line, x: frame.labelOrigin.x, baseline: frame.labelOrigin.y + Double(number) * frame.labelSize * BoxMetrics.lineHeight + frame.labelSize * Self.baseline,
                       size: frame.labelSize, bold: true, anchor: .start)
        }
    }
}

extension PlacedChart {
    /// The label of each line that has one, set over (or under, or beside) the middle of one
    /// of its stretches, on one line or wrapped to a narrower block, or where none finds room,
    /// a number `(n)` whose footnote (in `notes`, numbered from `firstNote`) gives the label:
    /// the first place, on the stretches no other line runs along before the shared ones, longest
    /// stretch first (its middle, then further along), where it covers
    /// no box, no other line and no arrowhead, else no box and no other line (the label, then
    /// its number), else the first where it covers no box (writers put a white
    /// ground under labels, so a line behind one is hidden, not struck through), else over the
    /// longest stretch. Labels are few; the search is linear in
    /// boxes and line segments for each.
    static func labels(chart: Chart, frames: [BoxFrame], connectors: [Connector], size: Double, font: String, firstNote: Int) -> (labels: [Int: [PlacedText]], notes: [String]) {
        var labels: [Int: [PlacedText]] = [:], notes: [String] = []
        let leading = size * BoxMetrics.lineHeight
        // Where each line's arrowhead lies: the last 12 points of its route before the end it
        // points to, 4 points to either side.
        let arrowheads = connectors.compactMap { connector -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? in
            let points = connector.points, upward = chart.lines[connector.line].ranksUpward
            guard points.count >= 2 else { return nil }
            let tip = upward ? points[0] : points[points.count - 1], before = upward ? points[1] : points[points.count - 2]
            let length = abs(tip.x - before.x) + abs(tip.y - before.y)
            guard length > 0 else { return nil }
            let back = ChartPoint(x: tip.x + (before.x - tip.x) * min(1, 12 / length), y: tip.y + (before.y - tip.y) * min(1, 12 / length))
            return (min(tip.x, back.x) - 4, min(tip.y, back.y) - 4, max(tip.x, back.x) + 4, max(tip.y, back.y) + 4)
        }
        for connector in connectors {
            guard let label = chart.lines[connector.line].label, connector.points.count >= 2 else { continue }
            let route = connector.points
            func length(_ k: Int) -> Double { abs(route[k].x - route[k - 1].x) + abs(route[k].y - route[k - 1].y) }
            /// True when another line runs along part of the stretch (lines of a bundle share a
            /// trunk): a label there could be read as the other line's.
            func shared(_ k: Int) -> Bool {
                let a = route[k - 1], b = route[k]
                return connectors.contains { other in
                    other.line != connector.line && zip(other.points, other.points.dropFirst()).contains { p, q in
                        a.x == b.x ? p.x == q.x && p.x == a.x && max(min(p.y, q.y), min(a.y, b.y)) < min(max(p.y, q.y), max(a.y, b.y))
                            : p.y == q.y && p.y == a.y && max(min(p.x, q.x), min(a.x, b.x)) < min(max(p.x, q.x), max(a.x, b.x))
                    }
                }
            }
            let own = route.indices.dropFirst().map { !shared($0) }
            let stretches = route.indices.dropFirst().sorted { (own[$1 - 1] ? 1 : 0, length($1), -$1) < (own[$0 - 1] ? 1 : 0, length($0), -$0) }
            let note = "(\(firstNote + notes.count))"
            let forms = [[label], BoxMetrics.wrap(label, width: 28), BoxMetrics.wrap(label, width: 16), [note]]
            /// A placed block: its lines and its rectangle.
            typealias Block = (lines: [PlacedText], minX: Double, minY: Double, maxX: Double, maxY: Double)
            var candidates: [Block] = []
            for form in forms {
                let width = form.map { TextMeasure.width($0, size: size, bold: false, font: font) }.max() ?? 0
                let height = Double(form.count - 1) * leading
                for stretch in stretches {
                    let a = route[stretch - 1], b = route[stretch]
                    var places: [(x: Double, firstBaseline: Double, anchor: TextAnchor)] = []
                    for along in Self.labelPlaces {
                        let point = ChartPoint(x: a.x + (b.x - a.x) * along, y: a.y + (b.y - a.y) * along)
                        if a.x != b.x {
                            places += [(point.x, point.y - 3 - height, .middle), (point.x, point.y + size + 1, .middle)]
                        } else {
                            places += [(point.x + 3, point.y + size / 3 - height / 2, .start), (point.x - 3, point.y + size / 3 - height / 2, .end)]
                        }
                    }
                    for place in places {
                        let left = place.anchor == .middle ? place.x - width / 2 : place.anchor == .start ? place.x : place.x - width
                        let lines = form.enumerated().map { PlacedText(text: $0.element, x: place.x, baseline: place.firstBaseline + Double($0.offset) * leading,
                                                                      size: size, bold: false, anchor: place.anchor) }
                        candidates.append((lines, left - 1, place.firstBaseline - size, left + width + 1, place.firstBaseline + height + 2))
                    }
                }
            }
            func clear(_ block: Block, ofLines: Bool, ofArrowheads: Bool = false) -> Bool {
                for frame in frames where frame.maxX > block.minX && frame.minX < block.maxX && frame.maxY > block.minY && frame.minY < block.maxY { return false }
                guard ofLines else { return true }
                for arrowhead in arrowheads where ofArrowheads && arrowhead.maxX > block.minX && arrowhead.minX < block.maxX && arrowhead.maxY > block.minY && arrowhead.minY < block.maxY {
                    return false
                }
                for other in connectors where other.line != connector.line {
                    for (p, q) in zip(other.points, other.points.dropFirst())
                    where max(p.x, q.x) > block.minX && min(p.x, q.x) < block.maxX && max(p.y, q.y) > block.minY && min(p.y, q.y) < block.maxY { return false }
                }
                return true
            }
            let text = candidates.filter { $0.lines.first?.text != note }
            let chosen = (text.first { clear($0, ofLines: true, ofArrowheads: true) } ?? text.first { clear($0, ofLines: true) }
                          ?? candidates.first { clear($0, ofLines: true, ofArrowheads: true) } ?? candidates.first { clear($0, ofLines: false) } ?? candidates.first)?.lines
            // Where only the note's number finds room, the label is a footnote.
            if chosen?.first?.text == note {
                let drawn = chart.lines[connector.line]
                let ends = [drawn.from, drawn.to].map { id in chart.boxes.first { $0.id == id }?.heading ?? id }
                notes.append("\(note)  \(ends[0]) → \(ends[1]): \(label)")
            }
            labels[connector.line] = chosen
        }
        return (labels, notes)
    }

    /// Where along a stretch of its route a label is tried, in order, as fractions of the stretch.
    static let labelPlaces = [0.5, 0.3, 0.7, 0.15, 0.85]

    /// The lines whose routes break a rule of a publishable chart (see `GeometryCheck`):
    /// through a box, along another kind of line, their arrowhead on another's. Lines across
    /// the tree are taken first; a tree line only when it is of another kind than most tree
    /// lines (a deputy's or an inferred line sharing its parent's bus with the main lines).
    /// Where two lines of one rank meet, the later one is taken; the check runs again without
    /// the lines taken until none is left to take.
    static func unclean(chart: Chart, frames: [BoxFrame], connectors: [Connector], theme: Theme) -> Set<Int> {
        var taken = Set<Int>()
        var treeStyles: [String: Int] = [:]
        for line in chart.lines where line.shapesLayout && line.isDrawn { treeStyles[line.style, default: 0] += 1 }
        let mainStyle = treeStyles.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        guard chart.lines.contains(where: { $0.isDrawn && (!$0.shapesLayout || $0.style != mainStyle) }) else { return taken }
        while true {
            let kept = connectors.filter { !taken.contains($0.line) }
            let check = GeometryCheck(chart: chart, frames: frames, texts: nil, connectors: kept, theme: theme)
            var more = Set<Int>()
            for problem in check.problems {
                if let line = problem.lines.last(where: { !chart.lines[$0].shapesLayout })
                    ?? problem.lines.last(where: { chart.lines[$0].style != mainStyle }) {
                    more.insert(line)
                }
            }
            if more.isEmpty { return taken }
            taken.formUnion(more)
        }
    }

    /// A marker for each of `lines`, numbered in order, and one badge per box holding the
    /// numbers of its markers, in the box's top-right corner in the footer's size.
    static func markers(of lines: [Int], chart: Chart, frames: [BoxFrame], theme: Theme) -> ([LineMarker], [Int: PlacedText]) {
        guard !lines.isEmpty else { return ([], [:]) }
        var index: [String: Int] = [:]
        for (i, box) in chart.boxes.enumerated() where index[box.id] == nil { index[box.id] = i }
        var markers: [LineMarker] = [], numbers: [Int: [Int]] = [:]
        for line in lines {
            let drawn = chart.lines[line]
            guard let box = index[drawn.from] ?? index[drawn.to] else { continue }
            let number = markers.count + 1
            let ends = [drawn.from, drawn.to].map { id in index[id].map { chart.boxes[$0].heading } ?? id }
            let meaning = (drawn.tooltip ?? chart.legend.first { $0.sample == .line && $0.style == drawn.style }?.label ?? drawn.style)
                .split(whereSeparator: \.isNewline).joined(separator: "; ")
            markers.append(LineMarker(line: line, number: number, box: box, note: "\(number)  \(ends[0]) → \(ends[1]): \(meaning)"))
            numbers[box, default: []].append(number)
        }
        let size = theme.footerSize
        var placed: [Int: PlacedText] = [:]
        for (box, list) in numbers {
            placed[box] = PlacedText(text: list.map(String.init).joined(separator: ","), x: frames[box].maxX - 3,
                                     baseline: frames[box].minY + 2 + size * Self.baseline, size: size, bold: true, anchor: .end)
        }
        return (markers, placed)
    }
}

/// A line across the tree drawn as a numbered mark in a box and a footnote, where it found
/// no clean route.
public struct LineMarker: Sendable, Equatable {
    /// The line (index in the chart's lines).
    public var line: Int
    /// Its number in the marks and the footnotes, from 1.
    public var number: Int
    /// The box whose badge carries the number (index in the chart's boxes): the line's start.
    public var box: Int
    /// The footnote: the number, both ends and what the line means, with its source.
    public var note: String
}

/// One line of text, set: where its baseline starts (or is centred), its size and weight.
public struct PlacedText: Sendable, Equatable {
    /// The text.
    public var text: String
    /// The x of its start, middle or end (see `anchor`) and the y of its baseline, in points.
    public var x: Double, baseline: Double
    /// Its size in points.
    public var size: Double
    /// True for bold text.
    public var bold: Bool
    /// Where the text sits relative to `x`.
    public var anchor: TextAnchor

    /// Creates a set line of text.
    public init(text: String, x: Double, baseline: Double, size: Double, bold: Bool, anchor: TextAnchor) {
        (self.text, self.x, self.baseline, self.size, self.bold, self.anchor) = (text, x, baseline, size, bold, anchor)
    }
}

extension PlacedText {
    /// The left and right ends of the text set in `font`, measured as the boxes' text is.
    public func span(font: String) -> (left: Double, right: Double) {
        let width = TextMeasure.width(text, size: size, bold: bold, font: font)
        let left = anchor == .middle ? x - width / 2 : anchor == .start ? x : x - width
        return (left, left + width)
    }
}

/// Where a line of text sits relative to its `x`.
public enum TextAnchor: String, Sendable {
    case start, middle, end
}

extension GeometryCheck {
    /// Checks a placed chart: its boxes, their text and the routes of its lines.
    public init(_ placed: PlacedChart) {
        self.init(chart: placed.chart, frames: placed.frames, texts: placed.texts, connectors: placed.connectors, theme: placed.theme)
    }
}
