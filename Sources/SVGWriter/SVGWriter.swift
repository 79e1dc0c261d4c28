import BipartiteLayout
import ChartGraph
import MatrixLayout
import OrgTemplates
import TidyTree

/// Draws a tree chart as SVG straight from orgchart's tidy-tree layout, without Graphviz: the
/// layout already fixes every box and route, so what remains is writing shapes and text, which
/// takes a fraction of a second even at 20,000 boxes. The document has the structure Graphviz's
/// SVG has (`<g class="node STYLE">` and `<g class="edge STYLE">` with ids, `<title>` children,
/// tooltips as `xlink:title`, links as `xlink:href`), so pages and scripts read both alike.
/// Same chart and theme, same bytes.
public struct SVGWriter: Sendable {
    /// The theme giving fonts, colours and line styles.
    public var theme: Theme

    /// Creates a writer for `theme`.
    public init(theme: Theme) { self.theme = theme }

    /// The SVG of `chart`, laid out as a tidy tree, or of its matrix on one sheet.
    public func write(_ chart: Chart) -> [UInt8] {
        if chart.matrix != nil {
            let sheet = MatrixLayout(chart: chart, theme: theme).sheets(page: nil, margin: 0)[0]
            let painter = MatrixPainter(chart: chart, sheet: sheet, theme: theme)
            var out = SVGText(capacity: 4096 + sheet.shapes.count * 120)
            header(chart, width: sheet.width, height: sheet.height, offset: ChartPoint(x: 0, y: 0), into: &out)
            painter.paint(on: &out)
            out.raw("</g>\n</svg>\n")
            return out.bytes
        }
        let painter = ChartPainter(chart: chart, theme: theme)
        var out = SVGText(capacity: 4096 + chart.boxes.count * 800 + chart.lines.count * 300)
        header(chart, width: painter.width, height: painter.height, offset: painter.offset, into: &out)
        painter.paint(on: &out)
        out.raw("</g>\n</svg>\n")
        return out.bytes
    }

    /// The XML declaration, the `<svg>` element (scaled down to its page, if it has one), its
    /// accessible name and description, the chart's group, moved by `offset` so that the
    /// drawing's top-left corner comes inside the padding, and a white background.
    private func header(_ chart: Chart, width: Double, height: Double, offset: ChartPoint, into out: inout SVGText) {
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
        out.attribute("font-family", fontFamily, hyphens: false)
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
    var fontFamily: String {
        let fallbacks = ["Liberation Sans": "Arial,Helvetica,sans-serif", "Liberation Serif": "Times New Roman,Times,serif",
                         "Liberation Mono": "Courier New,Courier,monospace"]
        return [theme.font, fallbacks[theme.font] ?? "sans-serif"].joined(separator: ",")
    }
}

/// A chart laid out as a tidy tree (or, for a two-column chart, by `BipartiteLayout`), ready to
/// paint on any canvas: its size, cropped to what is drawn (as Graphviz crops to its bounding
/// box) plus a margin, and every frame, box, line, the title and the legend as shapes and text.
struct ChartPainter {
    let chart: Chart
    let theme: Theme
    /// Where the layout put the boxes, their text, the lines and the frames of groups.
    let frames: [BoxFrame]
    let texts: [BoxText]
    let connectors: [Connector]
    let groupFrames: [GroupFrame]
    let footer: Footer
    /// The title and subtitle with their sizes, the centre of their block and its height.
    let title: [(text: String, size: Double, bold: Bool)]
    let titleCentre: ChartPoint
    let titleBlock: Double
    /// The top-left corner of what is drawn, and the bottom of the boxes.
    let origin: ChartPoint
    let bottom: Double
    /// Width and height in points, margins included.
    let width: Double, height: Double

    /// Blank margin around the drawing, in points (as Graphviz's `pad=0.25`).
    static let pad = 18.0
    /// Where a text's baseline sits below the top of its line, in ems.
    static let baseline = 0.94
    /// Corner radius of rounded boxes, in points.
    static let cornerRadius = 5.0

    init(chart: Chart, theme: Theme) {
        self.chart = chart
        self.theme = theme
        let top = TidyLayout.titleHeight(chart, theme: theme)
        let layoutWidth: Double
        if chart.arrangement == .bipartite {
            let layout = BipartiteLayout(chart: chart, theme: theme, top: top)
            (frames, texts, connectors, groupFrames, layoutWidth) = (layout.frames, layout.texts, layout.connectors, layout.groupFrames, layout.width)
        } else {
            let layout = TidyLayout(chart: chart, theme: theme, top: top)
            (frames, texts, connectors, groupFrames, layoutWidth) = (layout.frames, layout.texts, layout.connectors, [], layout.width)
        }
        var title = [(text: chart.title, size: theme.titleSize, bold: true)]
        for line in chart.subtitleLines { title.append((line, theme.titleSize * 0.7, false)) }
        self.title = title
        titleCentre = ChartPoint(x: layoutWidth / 2, y: top / 2)
        titleBlock = title.reduce(0) { $0 + $1.size * BoxMetrics.lineHeight }
        let titleWidth = title.map { Double($0.text.count) * $0.size * BoxMetrics.headingAdvance }.max() ?? 0
        var minX = titleCentre.x - titleWidth / 2, maxX = titleCentre.x + titleWidth / 2
        var maxY = titleCentre.y + titleBlock / 2
        for frame in frames + groupFrames.map(\.frame) {
            minX = min(minX, frame.minX)
            maxX = max(maxX, frame.maxX)
            maxY = max(maxY, frame.maxY)
        }
        // Lines routed in the gutters around the boxes.
        for point in connectors.lazy.flatMap(\.points) {
            minX = min(minX, point.x)
            maxX = max(maxX, point.x)
            maxY = max(maxY, point.y)
        }
        origin = ChartPoint(x: minX, y: titleCentre.y - titleBlock / 2)
        bottom = maxY
        footer = Footer(chart: chart, theme: theme)
        width = max(maxX - minX, footer.width) + 2 * Self.pad
        height = maxY - origin.y + (footer.isEmpty ? 0 : Footer.inset + footer.height) + 2 * Self.pad
    }

    /// How far the drawing is moved so that its top-left corner comes inside the margin.
    var offset: ChartPoint { ChartPoint(x: Self.pad - origin.x, y: Self.pad - origin.y) }

    /// Paints the legend, the frames of groups, the lines, the title and the boxes, in that
    /// order (lines over frames, under boxes).
    func paint<C: Canvas>(on canvas: inout C) {
        footer.paint(at: ChartPoint(x: origin.x, y: bottom + Footer.inset), on: &canvas)
        for placed in groupFrames { paint(placed, on: &canvas) }
        var strokes: [String: Stroke] = [:]
        for connector in connectors {
            let line = chart.lines[connector.line]
            guard line.isDrawn else { continue }
            let stroke = strokes[line.style] ?? Stroke(theme.line(line.style))
            strokes[line.style] = stroke
            paint(line, route: connector.points, stroke: stroke, on: &canvas)
        }
        canvas.begin(.title)
        var y = titleCentre.y - titleBlock / 2
        for line in title {
            canvas.text(line.text, x: titleCentre.x, baseline: y + line.size * Self.baseline, size: line.size, bold: line.bold, color: nil, anchor: .middle)
            y += line.size * BoxMetrics.lineHeight
        }
        canvas.end(.title)
        var shapes: [String: BoxShape] = [:]
        for index in chart.boxes.indices {
            let box = chart.boxes[index]
            let shape = shapes[box.style] ?? BoxShape(theme.box(box.style))
            shapes[box.style] = shape
            paint(box, text: texts[index], frame: frames[index], shape: shape, on: &canvas)
        }
    }

    /// The frame of a group in the theme's look for groups of its style, its label in bold at
    /// its top-left corner.
    private func paint<C: Canvas>(_ placed: GroupFrame, on canvas: inout C) {
        let group = chart.groups[placed.group]
        let element = ChartElement.group(id: group.id, style: group.style, label: group.label)
        canvas.begin(element)
        let shape = BoxShape(theme.group(group.style))
        shape.paint(placed.frame, on: &canvas)
        for (number, line) in placed.label.enumerated() {
            let baseline = placed.labelOrigin.y + Double(number) * placed.labelSize * BoxMetrics.lineHeight + placed.labelSize * Self.baseline
            canvas.text(line, x: placed.labelOrigin.x, baseline: baseline, size: placed.labelSize, bold: true, color: shape.text, anchor: .start)
        }
        canvas.end(element)
    }

    /// One box: its shape in the theme's look and its lines of text, centred.
    private func paint<C: Canvas>(_ box: Box, text: BoxText, frame: BoxFrame, shape: BoxShape, on canvas: inout C) {
        let element = ChartElement.node(id: box.id, style: box.style, tooltip: box.tooltip ?? box.heading, url: box.url)
        canvas.begin(element)
        shape.paint(frame, on: &canvas)
        var y = frame.center.y - BoxMetrics(theme: theme).textHeight(text) / 2
        for line in text.heading {
            canvas.text(line, x: frame.center.x, baseline: y + theme.headingSize * Self.baseline, size: theme.headingSize, bold: true, color: shape.text, anchor: .middle)
            y += theme.headingSize * BoxMetrics.lineHeight
        }
        for line in text.detailLines {
            canvas.text(line, x: frame.center.x, baseline: y + theme.detailSize * Self.baseline, size: theme.detailSize, bold: false, color: shape.text, anchor: .middle)
            y += theme.detailSize * BoxMetrics.lineHeight
        }
        canvas.end(element)
    }

    /// One line along `route` (from its upper end), with its arrowhead at the box it points
    /// to and its label at the middle of its longest segment; containment lines carry no
    /// tooltip (their source is the tooltip of the box below).
    private func paint<C: Canvas>(_ line: Line, route: [ChartPoint], stroke: Stroke, on canvas: inout C) {
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
        if arrow.length > 0, points.count >= 2 {
            let end = points[tipIndex], previous = points[before]
            let dx = end.x - previous.x, dy = end.y - previous.y
            let length = (dx * dx + dy * dy).squareRoot()
            if length > arrow.length {
                tip = end
                points[tipIndex] = ChartPoint(x: end.x - dx / length * arrow.length, y: end.y - dy / length * arrow.length)
            }
        }
        canvas.path(points, closed: false, paint: stroke.paint)
        if let tip { arrow.paint(tip: tip, from: points[tipIndex], stroke: stroke, on: &canvas) }
        if let label = line.label, points.count >= 2 {
            let segment = points.indices.dropFirst().max { a, b in
                Self.length(points[a - 1], points[a]) < Self.length(points[b - 1], points[b])
            } ?? 1
            let middle = ChartPoint(x: (points[segment - 1].x + points[segment].x) / 2, y: (points[segment - 1].y + points[segment].y) / 2)
            canvas.text(label, x: middle.x, baseline: middle.y - 3, size: theme.detailSize, bold: false, color: stroke.color, anchor: .middle)
        }
        canvas.end(element)
    }

    private static func length(_ a: ChartPoint, _ b: ChartPoint) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }
}

/// How a line is stroked: colour, width, dash pattern and arrowhead from its style.
struct Stroke {
    let color: String
    let width: Double
    let dashes: String?
    let arrowhead: Arrowhead

    init(_ style: LineStyle) {
        arrowhead = Arrowhead(name: style.arrowhead ?? "none")
        color = style.color ?? "#000000"
        let look = style.style ?? "solid"
        width = look == "bold" ? max(2, style.penwidth ?? 1) : style.penwidth ?? 1
        dashes = look == "dashed" ? "5,2" : look == "dotted" ? "1,5" : nil
    }

    /// The paint of the line itself (no fill).
    var paint: Paint { Paint(fill: nil, stroke: color, width: width, dashes: dashes) }
}

/// How a box is outlined and filled, from its style: Graphviz's `box` (the default), `ellipse`
/// and `plain`, with the styles `filled`, `rounded`, `dashed`, `dotted`, `bold` and `diagonals`.
struct BoxShape {
    let shape: String
    let fill: String, stroke: String, text: String
    let width: Double
    let dashes: String?
    let rounded: Bool, diagonals: Bool

    init(_ style: BoxStyle) {
        let looks = Set((style.style ?? "filled").split(separator: ",").map { String($0.filter { $0 != " " }) })
        shape = style.shape ?? "box"
        fill = looks.contains("filled") ? style.fill ?? "#ffffff" : "none"
        stroke = style.stroke ?? "#000000"
        text = style.text ?? "#000000"
        width = looks.contains("bold") ? max(2, style.penwidth ?? 1) : style.penwidth ?? 1
        dashes = looks.contains("dashed") ? "5,2" : looks.contains("dotted") ? "1,5" : nil
        rounded = looks.contains("rounded")
        diagonals = looks.contains("diagonals")
    }

    /// How the outline and the fill are painted.
    var paint: Paint { Paint(fill: fill == "none" ? nil : fill, stroke: stroke, width: width, dashes: dashes) }

    /// Paints the shape filling `frame`.
    func paint<C: Canvas>(_ frame: BoxFrame, on canvas: inout C) {
        switch shape {
        case "plain", "plaintext", "none":
            return
        case "ellipse", "oval":
            canvas.ellipse(frame, paint: paint)
        default:
            canvas.rect(frame, radius: rounded ? ChartPainter.cornerRadius : 0, paint: paint)
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
