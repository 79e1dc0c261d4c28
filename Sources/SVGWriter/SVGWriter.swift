import ChartGraph
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

    /// Blank margin around the drawing, in points (as Graphviz's `pad=0.25`).
    static let pad = 18.0
    /// Where a text's baseline sits below the top of its line, in ems.
    static let baseline = 0.94
    /// Corner radius of rounded boxes, in points.
    static let cornerRadius = 5.0

    /// The SVG of `chart`, laid out as a tidy tree.
    public func write(_ chart: Chart) -> [UInt8] {
        let top = TidyLayout.titleHeight(chart, theme: theme)
        let layout = TidyLayout(chart: chart, theme: theme, top: top)
        let title = titleLines(chart)
        let titleCentre = ChartPoint(x: layout.width / 2, y: top / 2)
        let titleBlock = title.reduce(0) { $0 + $1.size * BoxMetrics.lineHeight }
        let titleWidth = title.map { Double($0.text.count) * $0.size * BoxMetrics.headingAdvance }.max() ?? 0
        // The drawing is cropped to what is drawn, as Graphviz crops to its bounding box.
        var minX = titleCentre.x - titleWidth / 2, maxX = titleCentre.x + titleWidth / 2
        let minY = titleCentre.y - titleBlock / 2
        var maxY = titleCentre.y + titleBlock / 2
        for frame in layout.frames {
            minX = min(minX, frame.minX)
            maxX = max(maxX, frame.maxX)
            maxY = max(maxY, frame.maxY)
        }
        let footer = Footer(chart: chart, theme: theme)
        let width = max(maxX - minX, footer.width)
        let height = maxY - minY + (footer.isEmpty ? 0 : Footer.inset + footer.height)
        var out = SVGText(capacity: 4096 + chart.boxes.count * 800 + chart.lines.count * 300)
        header(chart, origin: ChartPoint(x: minX, y: minY), width: width, height: height, into: &out)
        footer.write(at: ChartPoint(x: minX, y: maxY + Footer.inset), into: &out)
        var strokes: [String: Stroke] = [:]
        for connector in layout.connectors {
            let line = chart.lines[connector.line]
            let stroke = strokes[line.style] ?? Stroke(theme.line(line.style))
            strokes[line.style] = stroke
            write(line, route: connector.points, stroke: stroke, into: &out)
        }
        self.title(title, centre: titleCentre, block: titleBlock, into: &out)
        var shapes: [String: BoxShape] = [:]
        for index in chart.boxes.indices {
            let box = chart.boxes[index]
            let shape = shapes[box.style] ?? BoxShape(theme.box(box.style))
            shapes[box.style] = shape
            write(box, text: layout.texts[index], frame: layout.frames[index], shape: shape, into: &out)
        }
        out.raw("</g>\n</svg>\n")
        return out.bytes
    }

    /// The XML declaration, the `<svg>` element (scaled down to its page, if it has one), its
    /// accessible name and description, the chart's group, moved so that the drawing's top-left
    /// corner `origin` comes inside the padding, and a white background.
    private func header(_ chart: Chart, origin: ChartPoint, width: Double, height: Double, into out: inout SVGText) {
        let width = width + 2 * Self.pad, height = height + 2 * Self.pad
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
        out.number(Self.pad - origin.x)
        out.raw(" ")
        out.number(Self.pad - origin.y)
        out.raw(")\">\n<rect")
        out.attribute("x", origin.x - Self.pad)
        out.attribute("y", origin.y - Self.pad)
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

    /// The title and the subtitle, with their sizes.
    private func titleLines(_ chart: Chart) -> [(text: String, size: Double, bold: Bool)] {
        var lines = [(text: chart.title, size: theme.titleSize, bold: true)]
        if let subtitle = chart.subtitle { lines.append((subtitle, theme.titleSize * 0.7, false)) }
        return lines
    }

    /// The title and subtitle, centred on `centre`, as the node `orgchart:title`.
    private func title(_ lines: [(text: String, size: Double, bold: Bool)], centre: ChartPoint, block: Double, into out: inout SVGText) {
        out.raw("<g id=\"orgchart:title\" class=\"node\">\n<title>orgchart:title</title>\n")
        var y = centre.y - block / 2
        for line in lines {
            out.text(line.text, x: centre.x, baseline: y + line.size * Self.baseline, size: line.size, bold: line.bold, color: nil)
            y += line.size * BoxMetrics.lineHeight
        }
        out.raw("</g>\n")
    }

    /// One box: its shape in the theme's look and its lines of text, centred, inside a link
    /// carrying its tooltip (and its URL, when it has one).
    private func write(_ box: Box, text: BoxText, frame: BoxFrame, shape: BoxShape, into out: inout SVGText) {
        out.raw("<g")
        out.attribute("id", box.id)
        out.raw(" class=\"node ")
        out.escaped(box.style)
        out.raw("\">\n<title>")
        out.escaped(box.id)
        out.raw("</title>\n<g id=\"a_")
        out.escaped(box.id)
        out.raw("\"><a")
        if let url = box.url { out.attribute("xlink:href", url) }
        out.attribute("xlink:title", box.tooltip ?? box.heading)
        out.raw(">\n")
        shape.write(frame, into: &out)
        let color = shape.text
        var y = frame.center.y - BoxMetrics(theme: theme).textHeight(text) / 2
        for line in text.heading {
            out.text(line, x: frame.center.x, baseline: y + theme.headingSize * Self.baseline, size: theme.headingSize, bold: true, color: color)
            y += theme.headingSize * BoxMetrics.lineHeight
        }
        for line in text.detailLines {
            out.text(line, x: frame.center.x, baseline: y + theme.detailSize * Self.baseline, size: theme.detailSize, bold: false, color: color)
            y += theme.detailSize * BoxMetrics.lineHeight
        }
        out.raw("</a>\n</g>\n</g>\n")
    }

    /// One line along `route` (from its upper end), with its arrowhead at the box it points
    /// to and its label at the middle of its longest segment; inside a link carrying its
    /// tooltip, except for containment lines, whose source is the tooltip of the box below.
    private func write(_ line: Line, route: [ChartPoint], stroke: Stroke, into out: inout SVGText) {
        let id = "\(line.style):\(line.from)->\(line.to)"
        out.raw("<g")
        out.attribute("id", id)
        out.raw(" class=\"edge ")
        out.escaped(line.style)
        out.raw("\"")
        out.raw(">\n<title>")
        out.escaped(line.ranksUpward ? "\(line.to)->\(line.from)" : "\(line.from)->\(line.to)")
        out.raw("</title>\n")
        let linked = !(line.shapesLayout && line.style == "contains")
        if linked {
            out.raw("<g id=\"a_")
            out.escaped(id)
            out.raw("\"><a")
            out.attribute("xlink:title", line.tooltip ?? line.style)
            out.raw(">\n")
        }
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
        out.raw("<path fill=\"none\"")
        stroke.write(into: &out)
        out.raw(" d=\"M")
        for (index, point) in points.enumerated() {
            if index > 0 { out.raw(" L") }
            out.number(point.x)
            out.raw(",")
            out.number(point.y)
        }
        out.raw("\"/>\n")
        if let tip { arrow.write(tip: tip, from: points[tipIndex], color: stroke.color, penWidth: stroke.width, into: &out) }
        if let label = line.label, points.count >= 2 {
            let segment = points.indices.dropFirst().max { a, b in
                Self.length(points[a - 1], points[a]) < Self.length(points[b - 1], points[b])
            } ?? 1
            let middle = ChartPoint(x: (points[segment - 1].x + points[segment].x) / 2, y: (points[segment - 1].y + points[segment].y) / 2)
            out.text(label, x: middle.x, baseline: middle.y - 3, size: theme.detailSize, bold: false, color: stroke.color)
        }
        if linked { out.raw("</a>\n</g>\n") }
        out.raw("</g>\n")
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

    /// Writes the `stroke` attributes.
    func write(into out: inout SVGText) {
        out.attribute("stroke", color)
        if width != 1 { out.attribute("stroke-width", width) }
        if let dashes { out.attribute("stroke-dasharray", dashes) }
    }
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

    /// Writes the shape filling `frame`.
    func write(_ frame: BoxFrame, into out: inout SVGText) {
        switch shape {
        case "plain", "plaintext", "none":
            return
        case "ellipse", "oval":
            out.raw("<ellipse")
            paint(into: &out)
            out.attribute("cx", frame.center.x)
            out.attribute("cy", frame.center.y)
            out.attribute("rx", frame.width / 2)
            out.attribute("ry", frame.height / 2)
            out.raw("/>\n")
        default:
            out.raw("<rect")
            paint(into: &out)
            out.attribute("x", frame.minX)
            out.attribute("y", frame.minY)
            out.attribute("width", frame.width)
            out.attribute("height", frame.height)
            if rounded {
                out.attribute("rx", SVGWriter.cornerRadius)
                out.attribute("ry", SVGWriter.cornerRadius)
            }
            out.raw("/>\n")
            if diagonals { corners(frame, into: &out) }
        }
    }

    private func paint(into out: inout SVGText) {
        out.attribute("fill", fill)
        out.attribute("stroke", stroke)
        if width != 1 { out.attribute("stroke-width", width) }
        if let dashes { out.attribute("stroke-dasharray", dashes) }
    }

    /// Graphviz's `diagonals`: a short line cutting off each corner.
    private func corners(_ frame: BoxFrame, into out: inout SVGText) {
        let cut = min(8, frame.width / 4, frame.height / 4)
        out.raw("<path fill=\"none\"")
        out.attribute("stroke", stroke)
        if width != 1 { out.attribute("stroke-width", width) }
        out.raw(" d=\"")
        let corners = [(frame.minX, frame.minY, 1.0, 1.0), (frame.maxX, frame.minY, -1.0, 1.0), (frame.maxX, frame.maxY, -1.0, -1.0), (frame.minX, frame.maxY, 1.0, -1.0)]
        for (index, (x, y, sx, sy)) in corners.enumerated() {
            out.raw(index == 0 ? "M" : " M")
            out.points([(x + sx * cut, y), (x, y + sy * cut)])
        }
        out.raw("\"/>\n")
    }
}
