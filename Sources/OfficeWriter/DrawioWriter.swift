import BipartiteLayout
import ChartGraph
import Foundation
import OrgTemplates
import Placement
import SVGWriter
import TidyTree

/// Writes placed charts as a draw.io (diagrams.net) file: uncompressed mxGraph XML, one diagram
/// (a tab in draw.io) per placed chart. Every box is a vertex with its text as an HTML label (the
/// heading in bold), its source as its tooltip and its unit id as an attribute; every drawn line
/// an edge from the box it leaves to the box it enters, with the waypoints of its route, the
/// points where it leaves and enters the boxes, its dash pattern and arrowhead; the title, the
/// legend and the sources are text cells. Coordinates are points, as laid out.
public enum DrawioWriter {
    /// The draw.io file of `pages`; `title` names the file's first diagram when there is one page.
    public static func drawio(_ pages: [PlacedChart], title: String) -> [UInt8] {
        var xml = XMLText(capacity: 4096 + pages.reduce(0) { $0 + $1.chart.boxes.count * 700 + $1.chart.lines.count * 500 })
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile host=\"orgchart\" type=\"device\" compressed=\"false\">\n")
        for (number, placed) in pages.enumerated() {
            var page = DrawioPage(placed: placed, prefix: pages.count == 1 ? "" : "p\(number + 1)-")
            let name = pages.count == 1 ? title : "\(number + 1): \(placed.chart.title)"
            page.write(name: name, id: "page-\(number + 1)", into: &xml)
        }
        xml.raw("</mxfile>\n")
        return Array(xml.text.utf8)
    }
}

/// One diagram of a draw.io file: the cells of one placed chart.
struct DrawioPage {
    let placed: PlacedChart
    /// Put before every cell id, so that ids stay unique across the diagrams of a file.
    let prefix: String
    var chart: Chart { placed.chart }
    var theme: Theme { placed.theme }
    private var cell = 0

    init(placed: PlacedChart, prefix: String) {
        self.placed = placed
        self.prefix = prefix
    }

    private mutating func nextID(_ kind: String) -> String {
        cell += 1
        return "\(prefix)\(kind)-\(cell)"
    }

    mutating func write(name: String, id: String, into xml: inout XMLText) {
        xml.raw("<diagram")
        xml.attribute("id", id)
        xml.attribute("name", name)
        xml.raw("><mxGraphModel dx=\"0\" dy=\"0\" grid=\"0\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"1\" pageScale=\"1\"")
        xml.attribute("pageWidth", placed.width.rounded(.up).whole)
        xml.attribute("pageHeight", placed.height.rounded(.up).whole)
        xml.raw(" math=\"0\" shadow=\"0\"><root><mxCell id=\"\(prefix)0\"/><mxCell id=\"\(prefix)1\" parent=\"\(prefix)0\"/>\n")
        for group in placed.groupFrames {
            let shape = BoxShape(theme.group(chart.groups[group.group].style))
            let label = placed.label(of: group).map(\.text)
            object(id: nextID("group"), label: label.isEmpty ? "" : "<b>\(Self.html(label.joined(separator: "\n")))</b>", tooltip: chart.groups[group.group].label,
                   attributes: [("group", chart.groups[group.group].id)], into: &xml)
            xml.raw("<mxCell")
            xml.attribute("style", Self.boxStyle(shape, font: theme.font, size: group.labelSize) + "verticalAlign=top;align=left;spacingLeft=4;")
            vertex(group.frame, into: &xml)
        }
        var ids: [String] = [], first: [String: Int] = [:]
        for (index, box) in chart.boxes.enumerated() {
            let id = nextID("box")
            ids.append(id)
            if first[box.id] == nil { first[box.id] = index }
            let shape = BoxShape(theme.box(box.style))
            let text = placed.texts[index]
            var label = text.heading.isEmpty ? "" : "<b>\(Self.html(text.heading.joined(separator: "\n")))</b>"
            if !text.detailLines.isEmpty {
                label += (label.isEmpty ? "" : "<br>") + "<font style=\"font-size: \(XMLText.decimal(theme.detailSize))px\">\(Self.html(text.detailLines.joined(separator: "\n")))</font>"
            }
            if let badge = placed.badges[index] { label += "<br><font style=\"font-size: \(XMLText.decimal(badge.size))px\">(\(Self.html(badge.text)))</font>" }
            var attributes = [("unit", box.id), ("style-class", box.style)]
            if let url = box.url { attributes.append(("link", url)) }
            object(id: id, label: label, tooltip: box.tooltip ?? box.heading, attributes: attributes, into: &xml)
            xml.raw("<mxCell")
            xml.attribute("style", Self.boxStyle(shape, font: theme.font, size: theme.headingSize) + "whiteSpace=wrap;")
            vertex(placed.frames[index], into: &xml)
            standing(in: id, frame: placed.frames[index], shape: shape, inferred: box.isInferred, planned: box.isPlanned, into: &xml)
        }
        for (number, connector) in placed.connectors.enumerated() {
            let line = chart.lines[connector.line]
            guard line.isDrawn, connector.points.count >= 2 else { continue }
            edge(line, number: connector.line, route: connector.points, ids: ids, first: first, into: &xml)
            let stroke = Stroke(theme.line(line.style))
            for point in placed.junctions[number] ?? [] { junction(stroke.junction(at: point), color: stroke.color, into: &xml) }
        }
        if !placed.title.isEmpty { text(placed.title, kind: "title", into: &xml) }
        footer(into: &xml)
        xml.raw("</root></mxGraphModel></diagram>\n")
    }

    /// The second outline inside a box that marks it inferred (dashed) or planned (dotted, which
    /// wins), in dark grey: a child of the box's vertex, so that it moves and resizes with it, and
    /// that can be neither chosen nor edited by itself.
    private mutating func standing(in box: String, frame: BoxFrame, shape: BoxShape, inferred: Bool, planned: Bool, into xml: inout XMLText) {
        guard inferred || planned else { return }
        let gap = BoxShape.standingGap
        var style = "rounded=\(shape.rounded ? 1 : 0);"
        if shape.rounded { style += "absoluteArcSize=1;arcSize=\(XMLText.decimal(max(0, PlacedChart.cornerRadius - gap) * 2));" }
        style += "fillColor=none;strokeColor=\(Self.color(shape.standingColor));strokeWidth=\(XMLText.decimal(max(shape.width, 1)));" + Self.dashStyle(planned ? .dotted : .dashed)
        style += "connectable=0;movable=0;resizable=0;rotatable=0;deletable=0;editable=0;selectable=0;pointerEvents=0;"
        xml.raw("<mxCell")
        xml.attribute("id", nextID(planned ? "planned" : "inferred"))
        xml.attribute("style", style)
        xml.raw(" vertex=\"1\"")
        xml.attribute("parent", box)
        xml.raw("><mxGeometry x=\"\(XMLText.decimal(gap))\" y=\"\(XMLText.decimal(gap))\" width=\"\(XMLText.decimal(frame.width - 2 * gap))\"")
        xml.raw(" height=\"\(XMLText.decimal(frame.height - 2 * gap))\" as=\"geometry\"/></mxCell>\n")
    }

    /// The dot where lines drawn alike join, a disc in the lines' colour filling `disc`: a
    /// vertex that cannot be connected to (an edge cannot be marked along its way).
    private mutating func junction(_ disc: BoxFrame, color: String, into xml: inout XMLText) {
        let offset = placed.offset
        xml.raw("<mxCell")
        xml.attribute("id", nextID("junction"))
        xml.attribute("style", "ellipse;fillColor=\(Self.color(color));strokeColor=none;connectable=0;")
        xml.raw(" vertex=\"1\" parent=\"\(prefix)1\"><mxGeometry")
        xml.raw(" x=\"\(XMLText.decimal(disc.minX + offset.x))\" y=\"\(XMLText.decimal(disc.minY + offset.y))\"")
        xml.raw(" width=\"\(XMLText.decimal(disc.width))\" height=\"\(XMLText.decimal(disc.height))\" as=\"geometry\"/></mxCell>\n")
    }

    /// Opens the `UserObject` wrapping a cell, which carries its label, tooltip and attributes.
    private func object(id: String, label: String, tooltip: String?, attributes: [(String, String)], into xml: inout XMLText) {
        xml.raw("<UserObject")
        xml.attribute("id", id)
        xml.attribute("label", label)
        if let tooltip { xml.attribute("tooltip", tooltip) }
        for (name, value) in attributes { xml.attribute(name, value) }
        xml.raw(">")
    }

    /// Ends an opened `mxCell` as a vertex filling `frame` (moved by the drawing's offset) and
    /// closes the `UserObject`.
    private func vertex(_ frame: BoxFrame, into xml: inout XMLText) {
        let offset = placed.offset
        xml.raw(" vertex=\"1\" parent=\"\(prefix)1\"><mxGeometry")
        xml.raw(" x=\"\(XMLText.decimal(frame.minX + offset.x))\" y=\"\(XMLText.decimal(frame.minY + offset.y))\"")
        xml.raw(" width=\"\(XMLText.decimal(frame.width))\" height=\"\(XMLText.decimal(frame.height))\" as=\"geometry\"/></mxCell></UserObject>\n")
    }

    /// An edge along `route` (of line `number` of the chart) from the box it leaves to the box it enters, leaving and entering
    /// where the route does, its bends as waypoints.
    private mutating func edge(_ line: Line, number: Int, route: [ChartPoint], ids: [String], first: [String: Int], into xml: inout XMLText) {
        let (startID, endID) = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
        let stroke = Stroke(theme.line(line.style))
        let arrow = Self.arrow(stroke.arrowhead)
        var style = "edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;" + Self.strokeStyle(stroke) + "fontFamily=\(Self.styleValue(theme.font));fontSize=\(XMLText.decimal(theme.detailSize));"
        // The arrowhead where the line points; an inferred line has a small open circle at its other end.
        let tail = line.isInferred ? (name: "oval", fill: 0) : (name: "none", fill: 0)
        let (start, end) = line.ranksUpward ? (arrow, tail) : (tail, arrow)
        style += "startArrow=\(start.name);startFill=\(start.fill);endArrow=\(end.name);endFill=\(end.fill);"
        for (id, point, name) in [(startID, route[0], "exit"), (endID, route[route.count - 1], "entry")] {
            guard let index = first[id] else { continue }
            let frame = placed.frames[index]
            let x = frame.width > 0 ? (point.x - frame.minX) / frame.width : 0.5, y = frame.height > 0 ? (point.y - frame.minY) / frame.height : 0.5
            style += "\(name)X=\(Self.fraction(x));\(name)Y=\(Self.fraction(y));\(name)Dx=0;\(name)Dy=0;\(name)Perimeter=0;"
        }
        let linked = !(line.shapesLayout && line.style == "contains")
        // The label as the layout stage set it (wrapped, or the number of its footnote).
        let label = placed.labels[number].map { $0.map(\.text).joined(separator: "\n") } ?? line.label
        object(id: nextID("line"), label: label.map(Self.html) ?? "", tooltip: linked ? line.tooltip ?? line.style : nil,
               attributes: [("line", "\(line.from) → \(line.to)"), ("style-class", line.style)], into: &xml)
        xml.raw("<mxCell")
        xml.attribute("style", style)
        xml.raw(" edge=\"1\" parent=\"\(prefix)1\"")
        if let source = first[startID].map({ ids[$0] }) { xml.attribute("source", source) }
        if let target = first[endID].map({ ids[$0] }) { xml.attribute("target", target) }
        xml.raw("><mxGeometry relative=\"1\" as=\"geometry\">")
        if first[startID] == nil { point(route[0], as: "sourcePoint", into: &xml) }
        if first[endID] == nil { point(route[route.count - 1], as: "targetPoint", into: &xml) }
        if route.count > 2 {
            xml.raw("<Array as=\"points\">")
            for bend in route.dropFirst().dropLast() { point(bend, as: nil, into: &xml) }
            xml.raw("</Array>")
        }
        xml.raw("</mxGeometry></mxCell></UserObject>\n")
    }

    private func point(_ point: ChartPoint, as role: String?, into xml: inout XMLText) {
        let offset = placed.offset
        xml.raw("<mxPoint x=\"\(XMLText.decimal(point.x + offset.x))\" y=\"\(XMLText.decimal(point.y + offset.y))\"")
        if let role { xml.attribute("as", role) }
        xml.raw("/>")
    }

    /// A text cell holding `lines` (one paragraph each), where the layout stage set them.
    private mutating func text(_ lines: [PlacedText], kind: String, color: String? = nil, into xml: inout XMLText) {
        guard let first = lines.first, let extent = TextExtent(lines) else { return }
        let label = lines.map { line in
            let content = "<font style=\"font-size: \(XMLText.decimal(line.size))px\">\(Self.html(line.text))</font>"
            return line.bold ? "<b>\(content)</b>" : content
        }.joined(separator: "<br>")
        object(id: nextID(kind), label: label, tooltip: nil, attributes: [], into: &xml)
        xml.raw("<mxCell")
        let align = first.anchor == .start ? "left" : first.anchor == .middle ? "center" : "right"
        xml.attribute("style", "text;html=1;strokeColor=none;fillColor=none;whiteSpace=nowrap;spacing=0;verticalAlign=top;align=\(align);"
                      + "fontFamily=\(Self.styleValue(theme.font));fontColor=\(Self.color(color ?? "#000000"));")
        vertex(extent.frame, into: &xml)
    }

    /// The legend and sources: sample boxes as vertices, line samples as loose edges, text cells.
    private mutating func footer(into xml: inout XMLText) {
        for row in placed.footer.rows {
            switch row {
            case .boxes(let heading, let samples):
                if let heading { text([heading], kind: "legend", into: &xml) }
                for sample in samples {
                    let shape = BoxShape(theme.box(sample.entry.style))
                    let id = nextID("legend")
                    object(id: id, label: Self.html(sample.label.text), tooltip: nil, attributes: [("legend", sample.entry.style)], into: &xml)
                    xml.raw("<mxCell")
                    xml.attribute("style", Self.boxStyle(shape, font: theme.font, size: sample.label.size) + "whiteSpace=nowrap;")
                    vertex(sample.frame, into: &xml)
                    standing(in: id, frame: sample.frame, shape: shape, inferred: sample.entry.style == LegendEntry.inferredStyle,
                             planned: sample.entry.style == LegendEntry.plannedStyle, into: &xml)
                }
            case .line(let entry, let start, let tip, let label):
                let stroke = Stroke(theme.line(entry.style))
                let arrow = Self.arrow(stroke.arrowhead)
                object(id: nextID("legend"), label: "", tooltip: nil, attributes: [("legend", entry.style)], into: &xml)
                xml.raw("<mxCell")
                let tail = entry.style == LegendEntry.inferredStyle ? "oval" : "none"
                xml.attribute("style", "html=1;" + Self.strokeStyle(stroke) + "endArrow=\(arrow.name);endFill=\(arrow.fill);startArrow=\(tail);startFill=0;")
                xml.raw(" edge=\"1\" parent=\"\(prefix)1\"><mxGeometry relative=\"1\" as=\"geometry\">")
                point(start, as: "sourcePoint", into: &xml)
                point(tip, as: "targetPoint", into: &xml)
                xml.raw("</mxGeometry></mxCell></UserObject>\n")
                text([label], kind: "legend", into: &xml)
            case .note(let line):
                text([line], kind: "note", into: &xml)
            case .source(let line):
                text([line], kind: "source", into: &xml)
            }
        }
    }

    // MARK: Styles

    /// The style of a vertex in `shape`'s look, its text in `font` at `size`.
    static func boxStyle(_ shape: BoxShape, font: String, size: Double) -> String {
        var style = shape.isEllipse ? "ellipse;" : shape.isPlain ? "text;" : "rounded=\(shape.rounded ? 1 : 0);"
        if shape.rounded, !shape.isEllipse { style += "absoluteArcSize=1;arcSize=\(XMLText.decimal(PlacedChart.cornerRadius * 2));" }
        style += "html=1;"
        if shape.isPlain {
            style += "fillColor=none;strokeColor=none;"
        } else {
            style += "fillColor=\(color(shape.fill));strokeColor=\(color(shape.stroke));"
            style += "strokeWidth=\(XMLText.decimal(shape.width));" + dashStyle(shape.pattern)
        }
        style += "fontColor=\(color(shape.text));fontFamily=\(styleValue(font));fontSize=\(XMLText.decimal(size));"
        return style + "spacing=2;"
    }

    /// The colour, width and dash pattern of a line.
    static func strokeStyle(_ stroke: Stroke) -> String {
        "strokeColor=\(color(stroke.color));strokeWidth=\(XMLText.decimal(stroke.width));" + dashStyle(stroke.pattern)
    }

    /// A colour for a style: `#rrggbb`, or a colour name (letters only), which draw.io draws as
    /// the browser does; `none` stays `none`.
    static func color(_ value: String) -> String {
        HexColor.digits(value).map { "#" + $0 } ?? String(value.filter { $0.isASCII && $0.isLetter })
    }

    static func dashStyle(_ pattern: LinePattern) -> String {
        switch pattern {
        case .solid: return ""
        case .dashed: return "dashed=1;dashPattern=5 2;"
        case .dotted: return "dashed=1;dashPattern=1 4;"
        }
    }

    /// draw.io's arrow for a Graphviz arrowhead, and whether it is filled.
    static func arrow(_ arrowhead: Arrowhead) -> (name: String, fill: Int) {
        switch arrowhead.name {
        case "none": return ("none", 0)
        case "vee", "ovee": return ("classic", arrowhead.isOpen ? 0 : 1)
        case "diamond", "odiamond": return ("diamond", arrowhead.isOpen ? 0 : 1)
        case "dot", "odot": return ("oval", arrowhead.isOpen ? 0 : 1)
        case "box", "obox": return ("box", arrowhead.isOpen ? 0 : 1)
        default: return ("block", arrowhead.isOpen ? 0 : 1)
        }
    }

    /// A fraction for an exit or entry point, to four decimals.
    static func fraction(_ value: Double) -> String {
        let tenThousandths = value.isFinite ? (min(1, max(0, value)) * 10_000).whole : 0
        if tenThousandths == 10_000 { return "1" }
        if tenThousandths == 0 { return "0" }
        var digits = String(tenThousandths)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    /// A value inside a style string, where `;` ends a value and `=` separates a key.
    static func styleValue(_ value: String) -> String {
        String(value.filter { $0 != ";" && $0 != "=" && !$0.isNewline })
    }

    /// `text` as HTML for a label: markup characters as entities, line breaks as `<br>`.
    static func html(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "&#10;", with: "<br>")
    }
}
