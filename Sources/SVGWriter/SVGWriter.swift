import BipartiteLayout
import ChartGraph
import MatrixLayout
import OrgTemplates
import Placement
import TidyTree

/// Draws a placed chart as SVG, without Graphviz: the layout stage (`PlacedChart`) already
/// fixed every box, text and route, so what remains is writing shapes and text, which takes a
/// fraction of a second even at 20,000 boxes. The document has the structure Graphviz's SVG has
/// (`<g class="node STYLE">` and `<g class="edge STYLE">` with ids, `<title>` children, tooltips
/// as `xlink:title`, links as `xlink:href`), so pages and scripts read both alike. Same placed
/// chart, same bytes.
public enum SVGWriter {
    /// The SVG of a placed chart; without `links`, boxes carry no link (for a page that must
    /// name no address outside itself).
    public static func svg(_ placed: PlacedChart, links: Bool = true) -> [UInt8] {
        let chart = placed.chart
        var out = SVGText(capacity: 4096 + chart.boxes.count * 800 + chart.lines.count * 300)
        header(chart, theme: placed.theme, width: placed.width, height: placed.height, offset: placed.offset, into: &out)
        var painter = ChartPainter(placed)
        painter.links = links
        painter.paint(on: &out)
        out.raw("</g>\n</svg>\n")
        return out.bytes
    }

    /// The SVG of one sheet of a matrix chart (see `MatrixLayout`).
    public static func svg(_ sheet: MatrixSheet, of chart: Chart, theme: Theme) -> [UInt8] {
        var out = SVGText(capacity: 4096 + sheet.shapes.count * 120)
        header(chart, theme: theme, width: sheet.width, height: sheet.height, offset: ChartPoint(x: 0, y: 0), into: &out)
        MatrixPainter(chart: chart, sheet: sheet, theme: theme).paint(on: &out)
        out.raw("</g>\n</svg>\n")
        return out.bytes
    }

    /// The XML declaration, the `<svg>` element (scaled down to its page, if it has one), its
    /// accessible name and description, the chart's group, moved by `offset` so that the
    /// drawing's top-left corner comes inside the padding, and a white background.
    private static func header(_ chart: Chart, theme: Theme, width: Double, height: Double, offset: ChartPoint, into out: inout SVGText) {
        var scale = 1.0
        if let page = chart.page {
            let area = page.printable(margin: 0.51)
            scale = min(1, area.width * 72 / width, area.height * 72 / height)
        }
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg width=\"")
        out.number(width * scale)
        out.raw("pt\" height=\"")
        out.number(height * scale)
        out.raw("pt\"\n viewBox=\"0 0 ")
        out.number(width)
        out.raw(" ")
        out.number(height)
        out.raw("\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<title>")
        out.escaped(chart.title, hyphens: false)
        out.raw("</title>\n<desc>")
        out.escaped(([chart.subtitle].compactMap { $0 } + chart.footer).joined(separator: ". "), hyphens: false)
        out.raw("</desc>\n<g")
        out.attribute("id", chart.id)
        out.attribute("font-family", fontFamily(theme), hyphens: false)
        out.raw(" class=\"graph\" transform=\"translate(")
        out.number(offset.x)
        out.raw(" ")
        out.number(offset.y)
        out.raw(")\">\n<rect")
        out.attribute("x", -offset.x)
        out.attribute("y", -offset.y)
        out.attribute("width", width)
        out.attribute("height", height)
        out.raw(" fill=\"white\"/>\n")
    }

    /// The theme's font, followed by the fonts that have its metrics and a generic family, for
    /// browsers on machines without it: Liberation Sans is drawn in Arial's widths, so the text
    /// still fits its boxes.
    static func fontFamily(_ theme: Theme) -> String {
        let fallbacks = ["Liberation Sans": "Arial,Helvetica,sans-serif", "Liberation Serif": "Times New Roman,Times,serif",
                         "Liberation Mono": "Courier New,Courier,monospace"]
        return [theme.font, fallbacks[theme.font] ?? "sans-serif"].joined(separator: ",")
    }
}

/// Paints a placed chart on any canvas: every frame, box, line, the title and the legend as
/// shapes and text, where the layout stage put them.
struct ChartPainter {
    let placed: PlacedChart
    /// False to draw boxes without their links.
    var links = true
    /// Only the boxes and lines that reach within these heights (a band of an image drawn in
    /// bands; a box or line a little outside is painted too); nil for all.
    var rows: ClosedRange<Double>?
    var chart: Chart { placed.chart }
    var theme: Theme { placed.theme }

    init(_ placed: PlacedChart) { self.placed = placed }

    /// How far outside `rows` a box or line may reach into them: its outline, arrowheads, labels
    /// and badges.
    static let bandMargin = 48.0

    /// Where a line ends: its style, the point, and whether it is the tip or the tail.
    private struct End: Hashable { var style: String, x: Double, y: Double, tip: Bool }

    /// Paints the legend, the frames of groups, the lines, the title and the boxes, in that
    /// order (lines over frames, under boxes).
    func paint<C: Canvas>(on canvas: inout C) {
        placed.footer.paint(theme: theme, on: &canvas)
        for frame in placed.groupFrames { paint(frame, on: &canvas) }
        var strokes: [String: Stroke] = [:]
        // How many lines drawn alike end at each point, at their tail or at their tip.
        func end(_ line: Line, _ points: [ChartPoint], tip: Bool) -> End {
            let point = line.ranksUpward == tip ? points[0] : points[points.count - 1]
            return End(style: line.style, x: point.x, y: point.y, tip: tip)
        }
        // (Lines join into one arrowhead only where lines join at all: a chart without junctions
        // has none to count.)
        var ends: [End: Int] = [:]
        for connector in placed.connectors where !placed.junctions.isEmpty && chart.lines[connector.line].isDrawn && connector.points.count >= 2 {
            for tip in [true, false] { ends[end(chart.lines[connector.line], connector.points, tip: tip), default: 0] += 1 }
        }
        let shown = rows.map { $0.lowerBound - Self.bandMargin...$0.upperBound + Self.bandMargin }
        for (number, connector) in placed.connectors.enumerated() {
            let line = chart.lines[connector.line]
            guard line.isDrawn else { continue }
            if let shown, let low = connector.points.lazy.map(\.y).min(), let high = connector.points.lazy.map(\.y).max(),
               high < shown.lowerBound || low > shown.upperBound { continue }
            let stroke = strokes[line.style] ?? Stroke(theme.line(line.style))
            strokes[line.style] = stroke
            // A line that shares its tip with lines drawn alike, and not its tail (one of lines
            // joining into one arrowhead), is stroked from its tip, so that their shared
            // stretch has one dash pattern.
            let points = connector.points
            let fromTip = points.count >= 2 && ends[end(line, points, tip: true)] ?? 0 > 1 && ends[end(line, points, tip: false)] ?? 0 == 1
            paint(line, index: connector.line, route: points, gaps: placed.gaps[number] ?? [], junctions: placed.junctions[number] ?? [],
                  fromTip: fromTip, stroke: stroke, on: &canvas)
        }
        canvas.begin(.title)
        for line in placed.title { canvas.text(line, color: nil) }
        canvas.end(.title)
        var shapes: [String: BoxShape] = [:]
        for index in chart.boxes.indices {
            if let shown, !shown.overlaps(placed.frames[index].minY...placed.frames[index].maxY) { continue }
            let box = chart.boxes[index]
            let shape = shapes[box.style] ?? BoxShape(theme.box(box.style))
            shapes[box.style] = shape
            let element = ChartElement.node(id: box.id, style: box.style, tooltip: box.tooltip ?? box.heading, url: links ? box.url : nil)
            canvas.begin(element)
            shape.paint(placed.frames[index], on: &canvas)
            shape.paintStanding(placed.frames[index], inferred: box.isInferred, planned: box.isPlanned, on: &canvas)
            for line in placed.lines(ofBox: index) { canvas.text(line, color: shape.text) }
            if let badge = placed.badges[index] { canvas.text(badge, color: shape.text) }
            canvas.end(element)
        }
    }

    /// The frame of a group in the theme's look for groups of its style, its label in bold at
    /// its top-left corner.
    private func paint<C: Canvas>(_ frame: GroupFrame, on canvas: inout C) {
        let group = chart.groups[frame.group]
        let element = ChartElement.group(id: group.id, style: group.style, label: group.label)
        canvas.begin(element)
        let shape = BoxShape(theme.group(group.style))
        shape.paint(frame.frame, on: &canvas)
        for line in placed.label(of: frame) { canvas.text(line, color: shape.text) }
        canvas.end(element)
    }

    /// One line along `route` (from its upper end), broken at `gaps` where lines cross it, a
    /// dot at each of its `junctions`, with its arrowhead at the box it points to and its label
    /// where the layout stage set it;
    /// stroked from its tip when `fromTip` (where a dash pattern starts), else from its upper
    /// end; containment lines carry no tooltip (their source is the tooltip of the box below).
    private func paint<C: Canvas>(_ line: Line, index: Int, route: [ChartPoint], gaps: [LineGap], junctions: [ChartPoint], fromTip: Bool, stroke: Stroke, on canvas: inout C) {
        let linked = !(line.shapesLayout && line.style == "contains")
        let element = ChartElement.edge(id: "\(line.style):\(line.from)->\(line.to)", style: line.style,
                                        title: line.ranksUpward ? "\(line.to)->\(line.from)" : "\(line.from)->\(line.to)",
                                        tooltip: linked ? line.tooltip ?? line.style : nil)
        canvas.begin(element)
        let arrow = stroke.arrowhead
        var points = route
        let tipIndex = line.ranksUpward ? 0 : points.count - 1
        let before = line.ranksUpward ? 1 : points.count - 2
        var tip: ChartPoint?
        var from: ChartPoint?
        if arrow.length > 0, points.count >= 2 {
            let end = points[tipIndex], previous = points[before]
            let dx = end.x - previous.x, dy = end.y - previous.y
            let length = (dx * dx + dy * dy).squareRoot()
            if length > 0 {
                // The line stops where the arrowhead starts; on a last stretch shorter than the
                // arrowhead, at the bend before it, the arrowhead still pointing along the stretch.
                tip = end
                from = ChartPoint(x: end.x - dx / length * arrow.length, y: end.y - dy / length * arrow.length)
                if length > arrow.length { points[tipIndex] = from! } else { points.remove(at: tipIndex) }
            }
        }
        var pieces = Crossings.pieces(of: points, gaps: gaps)
        if fromTip, !line.ranksUpward { pieces = pieces.reversed().map { $0.reversed() } }
        for piece in pieces where piece.count >= 2 { canvas.path(piece, closed: false, paint: stroke.paint) }
        for point in junctions { stroke.paintJunction(at: point, on: &canvas) }
        if let tip, let from { arrow.paint(tip: tip, from: from, stroke: stroke, on: &canvas) }
        if line.isInferred, let tail = line.ranksUpward ? points.last : points.first { stroke.paintInferredMark(at: tail, on: &canvas) }
        for label in placed.labels[index] ?? [] {
            // A white ground under the label keeps it legible where a line runs behind it.
            let (left, right) = label.span(font: theme.font)
            let ground = BoxFrame(center: ChartPoint(x: (left + right) / 2, y: label.baseline - label.size * 0.35), width: right - left + 2, height: label.size * 1.2)
            canvas.rect(ground, radius: 0, paint: Paint(fill: "#ffffff", stroke: "#ffffff", width: 0))
            canvas.text(label, color: stroke.color)
        }
        canvas.end(element)
    }
}

/// How a line is stroked: colour, width, dash pattern and arrowhead from its style. Every
/// writer reads a theme's line styles through it, so that SVG, PDF, PowerPoint and draw.io draw
/// a kind of line alike.
public struct Stroke: Sendable {
    /// The colour, as the theme gives it (`#rrggbb`).
    public let color: String
    /// The width in points.
    public let width: Double
    /// Solid, dashed or dotted.
    public let pattern: LinePattern
    /// The arrowhead at the end the line points to.
    public let arrowhead: Arrowhead

    /// The stroke of lines of `style`.
    public init(_ style: LineStyle) {
        arrowhead = Arrowhead(name: style.arrowhead ?? "none")
        color = style.color ?? "#000000"
        let look = style.style ?? "solid"
        width = style.width
        pattern = LinePattern(look: [look])
    }

    /// SVG's `stroke-dasharray` of the pattern; nil for a solid line.
    var dashes: String? { pattern.dashes }

    /// The paint of the line itself (no fill).
    var paint: Paint { Paint(fill: nil, stroke: color, width: width, dashes: dashes) }

    /// Paints the dot where lines of this stroke join: a disc in the line's colour, about three
    /// times as wide as the line.
    func paintJunction<C: Canvas>(at point: ChartPoint, on canvas: inout C) {
        canvas.ellipse(junction(at: point), paint: Paint(fill: color, stroke: color, width: 0))
    }

    /// The disc where lines of this stroke join at `point` (see `paintJunction`).
    public func junction(at point: ChartPoint) -> BoxFrame {
        let size = max(4, 3 * width)
        return BoxFrame(center: point, width: size, height: size)
    }

    /// Paints the mark of an inferred line at its tail: a small hollow circle in the line's
    /// colour, which tells it from a stated line in grayscale whatever the line's dash.
    func paintInferredMark<C: Canvas>(at tail: ChartPoint, on canvas: inout C) {
        canvas.ellipse(BoxFrame(center: tail, width: 7, height: 7), paint: Paint(fill: "#ffffff", stroke: color, width: max(1, width)))
    }
}

/// Whether a line or an outline is solid, dashed or dotted.
public enum LinePattern: String, Sendable {
    case solid, dashed, dotted

    /// The pattern a theme's `style` words ask for: `dashed` or `dotted`, else solid.
    init(look: Set<String>) {
        self = look.contains("dashed") ? .dashed : look.contains("dotted") ? .dotted : .solid
    }

    /// SVG's `stroke-dasharray`; nil for a solid line.
    var dashes: String? {
        switch self {
        case .solid: return nil
        case .dashed: return "5,2"
        case .dotted: return "1,5"
        }
    }
}

/// How a box is outlined and filled, from its style: Graphviz's `box` (the default), `ellipse`
/// and `plain`, with the styles `filled`, `rounded`, `dashed`, `dotted`, `bold` and `diagonals`.
public struct BoxShape: Sendable {
    /// Graphviz's shape name: `box`, `ellipse`, `oval`, `plain` …
    public let shape: String
    /// The fill (`none` when unfilled), outline and text colours.
    public let fill: String, stroke: String, text: String
    /// The outline's width in points.
    public let width: Double
    /// Solid, dashed or dotted outline.
    public let pattern: LinePattern
    /// Rounded corners; Graphviz's cut corners.
    public let rounded: Bool, diagonals: Bool

    /// The shape of boxes of `style`.
    public init(_ style: BoxStyle) {
        let looks = Set((style.style ?? "filled").split(separator: ",").map { String($0.filter { $0 != " " }) })
        shape = style.shape ?? "box"
        fill = looks.contains("filled") ? style.fill ?? "#ffffff" : "none"
        stroke = style.stroke ?? "#000000"
        text = style.text ?? "#000000"
        width = looks.contains("bold") ? max(2, style.penwidth ?? 1) : style.penwidth ?? 1
        pattern = LinePattern(look: looks)
        rounded = looks.contains("rounded")
        diagonals = looks.contains("diagonals")
    }

    /// True for shapes drawn without outline or fill (Graphviz's `plain`, `plaintext`, `none`).
    public var isPlain: Bool { ["plain", "plaintext", "none"].contains(shape) }

    /// True for ellipses.
    public var isEllipse: Bool { shape == "ellipse" || shape == "oval" }

    /// SVG's `stroke-dasharray` of the outline; nil for a solid one.
    var dashes: String? { pattern.dashes }

    /// The colour of the second outline that marks an inferred or planned box: dark grey, or on a
    /// dark box (whose text is light) the text's colour, so that the mark shows on any fill.
    public var standingColor: String {
        var hex = text.lowercased() == "white" ? "ffffff" : String(text.drop { $0 == "#" })
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count >= 6, let value = Int(hex.prefix(6), radix: 16) else { return "#404040" }
        let (red, green, blue) = (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
        return (0.299 * red + 0.587 * green + 0.114 * blue) / 255 >= 0.6 ? text : "#404040"
    }

    /// Paints the second outline that marks an inferred box (dashed) or a planned one (dotted,
    /// which wins when a box is both), `standingGap` points inside the box's edge (within the
    /// padding around its text, so that it meets no neighbour however tightly boxes are packed),
    /// in dark grey (light on a dark box, see `standingColor`), so that the mark differs from
    /// every kind's own outline, dashed or not, in grayscale too.
    func paintStanding<C: Canvas>(_ frame: BoxFrame, inferred: Bool, planned: Bool, on canvas: inout C) {
        guard inferred || planned else { return }
        let gap = Self.standingGap
        let outline = BoxFrame(center: frame.center, width: frame.width - 2 * gap, height: frame.height - 2 * gap)
        canvas.rect(outline, radius: rounded ? max(0, PlacedChart.cornerRadius - gap) : 0,
                    paint: Paint(fill: nil, stroke: standingColor, width: max(width, 1), dashes: planned ? "1.5,2.5" : "5,3"))
    }

    /// Space between a box's edge and the outline inside it that marks it inferred or planned, in points.
    public static let standingGap = 2.0

    /// How the outline and the fill are painted.
    var paint: Paint { Paint(fill: fill == "none" ? nil : fill, stroke: stroke, width: width, dashes: dashes) }

    /// Paints the shape filling `frame`.
    func paint<C: Canvas>(_ frame: BoxFrame, on canvas: inout C) {
        if isPlain { return }
        if isEllipse {
            canvas.ellipse(frame, paint: paint)
        } else {
            canvas.rect(frame, radius: rounded ? PlacedChart.cornerRadius : 0, paint: paint)
            if diagonals {
                // Graphviz's `diagonals`: a short line cutting off each corner.
                let cut = min(8, frame.width / 4, frame.height / 4)
                let corners = [(frame.minX, frame.minY, 1.0, 1.0), (frame.maxX, frame.minY, -1.0, 1.0), (frame.maxX, frame.maxY, -1.0, -1.0), (frame.minX, frame.maxY, 1.0, -1.0)]
                for (x, y, sx, sy) in corners {
                    canvas.path([ChartPoint(x: x + sx * cut, y: y), ChartPoint(x: x, y: y + sy * cut)], closed: false, paint: Paint(fill: nil, stroke: stroke, width: width))
                }
            }
        }
    }
}
