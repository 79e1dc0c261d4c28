import BipartiteLayout
import ChartGraph
import OrgTemplates
import Placement
import SVGWriter
import TidyTree

/// Where a placed chart goes on a slide: scaled (never enlarged) to fit inside the margin and
/// centred, in EMU (12,700 to the point).
struct SlideFrame {
    /// Points to EMU.
    static let emuPerPoint = 12_700.0
    /// The scale of the drawing, and where its top-left corner lands, in points.
    let scale: Double, left: Double, top: Double
    /// The drawing's own shift (`PlacedChart.offset`).
    let offset: ChartPoint

    /// The frame of `placed` on a slide of `width` × `height` points with `margin` on every side.
    init(_ placed: PlacedChart, width: Double, height: Double, margin: Double) {
        scale = PPTXWriter.scale(of: placed, width: width, height: height, margin: margin)
        left = (width - placed.width * scale) / 2
        top = (height - placed.height * scale) / 2
        offset = placed.offset
    }

    /// A point of the chart on the slide, in EMU (not rounded).
    func point(_ point: ChartPoint) -> ChartPoint {
        ChartPoint(x: (left + (point.x + offset.x) * scale) * Self.emuPerPoint, y: (top + (point.y + offset.y) * scale) * Self.emuPerPoint)
    }

    /// A length of the chart on the slide, in EMU.
    func length(_ points: Double) -> Int { (points * scale * Self.emuPerPoint).whole }

    /// A font size of the chart on the slide, in hundredths of a point (at least 1 pt).
    func fontSize(_ points: Double) -> Int { max(100, (points * scale * 100).whole) }
}

/// One slide of a placed chart as PresentationML: every box a shape with its text (the heading
/// in bold, then the details) and its source in its alt text, every drawn line a connector glued
/// to the connection sites of its two boxes, the frames of groups, the title and the legend and
/// sources as text and shapes, the labels of lines and the marks of lines drawn as footnotes.
struct SlideDrawing {
    let placed: PlacedChart
    let frame: SlideFrame
    private var xml = XMLText()
    /// The next shape id; 1 is the slide's shape tree.
    private var nextID = 2
    /// The shape id of each box, by index in the chart's boxes.
    private var boxIDs: [Int] = []
    /// Where the connectors meet their boxes.
    private let sites: ConnectionSites
    /// The external links of the slide (boxes with a URL), in order: `rId2` … (`rId1` is the layout).
    private(set) var links: [String] = []

    var chart: Chart { placed.chart }
    var theme: Theme { placed.theme }

    init(placed: PlacedChart, width: Double, height: Double, margin: Double) {
        self.placed = placed
        frame = SlideFrame(placed, width: width, height: height, margin: margin)
        sites = ConnectionSites(placed)
    }

    /// The slide's XML and its external links.
    static func slide(_ placed: PlacedChart, width: Double, height: Double, margin: Double) -> (xml: String, links: [String]) {
        var drawing = SlideDrawing(placed: placed, width: width, height: height, margin: margin)
        drawing.drawAll()
        return (drawing.xml.text, drawing.links)
    }

    private mutating func drawAll() {
        xml = XMLText(capacity: 4096 + chart.boxes.count * 1500 + chart.lines.count * 900)
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        xml.raw("<p:sld \(OfficeNamespaces.presentation)><p:cSld")
        xml.attribute("name", chart.title)
        xml.raw(">" + OfficeParts.treeStart + "\n")
        // Bottom to top, as the SVG paints them: frames, lines (under the boxes, as routes along a
        // column of stacked boxes run behind them), boxes, marks, title and legend. The boxes'
        // shape ids come first, so that connectors can name them before they are written.
        boxIDs = Array(nextID..<(nextID + chart.boxes.count))
        nextID += chart.boxes.count
        for group in placed.groupFrames { drawGroup(group) }
        var strokes: [String: Stroke] = [:]
        for (number, connector) in placed.connectors.enumerated() {
            let line = chart.lines[connector.line]
            guard line.isDrawn, connector.points.count >= 2 else { continue }
            let stroke = strokes[line.style] ?? Stroke(theme.line(line.style))
            strokes[line.style] = stroke
            drawConnector(number, line: line, route: connector.points, stroke: stroke)
            for point in placed.junctions[number] ?? [] { drawJunction(stroke.junction(at: point), color: stroke.color, name: "Junction: \(line.from) → \(line.to)") }
        }
        var shapes: [String: BoxShape] = [:]
        for index in chart.boxes.indices {
            let box = chart.boxes[index]
            let shape = shapes[box.style] ?? BoxShape(theme.box(box.style))
            shapes[box.style] = shape
            drawBox(index, shape: shape)
        }
        for (index, badge) in placed.badges.sorted(by: { $0.key < $1.key }) {
            let shape = shapes[chart.boxes[index].style] ?? BoxShape(theme.box(chart.boxes[index].style))
            textBox(name: "Marks: \(chart.boxes[index].id)", [badge], color: shape.text)
        }
        if !placed.title.isEmpty { textBox(name: "Title", placed.title, color: nil) }
        drawFooter()
        xml.raw("</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>\n")
    }

    private mutating func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    // MARK: Boxes

    /// A box: its shape, or, for an inferred or planned unit, a group of its shape and the
    /// second outline that marks it, so that the two move together.
    private mutating func drawBox(_ index: Int, shape: BoxShape) {
        let box = chart.boxes[index], boxFrame = placed.frames[index]
        guard box.isInferred || box.isPlanned else { return drawBoxShape(index, shape: shape) }
        let corner = frame.point(ChartPoint(x: boxFrame.minX, y: boxFrame.minY))
        let (x, y, width, height) = (corner.x.whole, corner.y.whole, frame.length(boxFrame.width), frame.length(boxFrame.height))
        let id = takeID()
        xml.raw("<p:grpSp><p:nvGrpSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", "\(box.isPlanned ? "Planned" : "Inferred"): \(box.id)")
        xml.raw("/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/>")
        xml.raw("<a:chOff x=\"\(x)\" y=\"\(y)\"/><a:chExt cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm></p:grpSpPr>\n")
        drawBoxShape(index, shape: shape)
        standing(boxFrame, shape: shape, inferred: box.isInferred, planned: box.isPlanned, name: "\(box.isPlanned ? "planned" : "inferred"): \(box.id)")
        xml.raw("</p:grpSp>\n")
    }

    /// The second outline inside a box that marks it inferred (dashed) or planned (dotted, which
    /// wins), in dark grey, as the SVG draws it.
    private mutating func standing(_ boxFrame: BoxFrame, shape: BoxShape, inferred: Bool, planned: Bool, name: String) {
        guard inferred || planned else { return }
        let gap = BoxShape.standingGap
        let inner = BoxFrame(center: boxFrame.center, width: boxFrame.width - 2 * gap, height: boxFrame.height - 2 * gap)
        let corner = frame.point(ChartPoint(x: inner.minX, y: inner.minY))
        let id = takeID()
        xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", name)
        xml.raw("/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>")
        transform(x: corner.x.whole, y: corner.y.whole, width: frame.length(inner.width), height: frame.length(inner.height))
        if shape.rounded {
            let share = (max(0, PlacedChart.cornerRadius - gap) / max(1, min(inner.width, inner.height)) * 100_000).whole
            xml.raw("<a:prstGeom prst=\"roundRect\"><a:avLst><a:gd name=\"adj\" fmla=\"val \(share)\"/></a:avLst></a:prstGeom>")
        } else {
            xml.raw("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>")
        }
        xml.raw("<a:noFill/>")
        outline(color: shape.standingColor, width: max(shape.width, 1), pattern: planned ? .dotted : .dashed)
        xml.raw("</a:ln></p:spPr></p:sp>\n")
    }

    private mutating func drawBoxShape(_ index: Int, shape: BoxShape) {
        let box = chart.boxes[index], boxFrame = placed.frames[index]
        let id = boxIDs[index]
        xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", box.id)
        xml.attribute("descr", box.tooltip ?? box.heading)
        if let url = box.url {
            links.append(url)
            xml.raw("><a:hlinkClick r:id=\"rId\(links.count + 1)\"/></p:cNvPr>")
        } else {
            xml.raw("/>")
        }
        xml.raw("<p:cNvSpPr/><p:nvPr/></p:nvSpPr>")
        shapeProperties(boxFrame, shape: shape, sites: sites.extra[index] ?? [])
        xml.raw("<p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"ctr\"><a:noAutofit/></a:bodyPr><a:lstStyle/>")
        let text = placed.texts[index]
        paragraph(text.heading, size: theme.headingSize, bold: true, color: shape.text, align: "ctr")
        for detail in text.details { paragraph(detail, size: theme.detailSize, bold: false, color: shape.text, align: "ctr") }
        xml.raw("</p:txBody></p:sp>\n")
    }

    /// `spPr`: the frame, the geometry of `shape`, its fill and outline. A box with connection
    /// sites of its own besides the standard four is drawn in a custom geometry that has them.
    private mutating func shapeProperties(_ box: BoxFrame, shape: BoxShape, sites extra: [ConnectionSites.Site] = []) {
        let corner = frame.point(ChartPoint(x: box.minX, y: box.minY))
        let width = frame.length(box.width), height = frame.length(box.height)
        xml.raw("<p:spPr>")
        transform(x: corner.x.whole, y: corner.y.whole, width: width, height: height)
        if !extra.isEmpty, !shape.isEllipse {
            customGeometry(width: width, height: height, radius: shape.rounded && !shape.isPlain ? frame.length(PlacedChart.cornerRadius) : 0, sites: extra)
        } else if shape.isEllipse {
            xml.raw("<a:prstGeom prst=\"ellipse\"><a:avLst/></a:prstGeom>")
        } else if shape.rounded, !shape.isPlain {
            let share = (PlacedChart.cornerRadius / max(1, min(box.width, box.height)) * 100_000).whole
            xml.raw("<a:prstGeom prst=\"roundRect\"><a:avLst><a:gd name=\"adj\" fmla=\"val \(share)\"/></a:avLst></a:prstGeom>")
        } else {
            xml.raw("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>")
        }
        if shape.isPlain {
            xml.raw("<a:noFill/><a:ln><a:noFill/></a:ln>")
        } else {
            fill(shape.fill, unknown: "FFFFFF")
            outline(color: shape.stroke, width: shape.width, pattern: shape.pattern)
            xml.raw("</a:ln>")
        }
        xml.raw("</p:spPr>")
    }

    /// A rectangle (with corners rounded by `radius` EMU) with the four standard connection sites
    /// and `sites`, each placed by a guide as a share of the width and height, so that they stay
    /// on the outline when the box is resized.
    private mutating func customGeometry(width: Int, height: Int, radius: Int, sites: [ConnectionSites.Site]) {
        xml.raw("<a:custGeom><a:avLst/><a:gdLst>")
        for (number, site) in sites.enumerated() {
            xml.raw("<a:gd name=\"sx\(number)\" fmla=\"*/ w \((site.x * 100_000).whole) 100000\"/>")
            xml.raw("<a:gd name=\"sy\(number)\" fmla=\"*/ h \((site.y * 100_000).whole) 100000\"/>")
        }
        xml.raw("</a:gdLst><a:ahLst/><a:cxnLst>")
        let angles = [16_200_000, 10_800_000, 5_400_000, 0]
        for (side, (x, y)) in [("hc", "t"), ("l", "vc"), ("hc", "b"), ("r", "vc")].enumerated() {
            xml.raw("<a:cxn ang=\"\(angles[side])\"><a:pos x=\"\(x)\" y=\"\(y)\"/></a:cxn>")
        }
        for (number, site) in sites.enumerated() {
            xml.raw("<a:cxn ang=\"\(angles[site.side])\"><a:pos x=\"sx\(number)\" y=\"sy\(number)\"/></a:cxn>")
        }
        xml.raw("</a:cxnLst><a:rect l=\"l\" t=\"t\" r=\"r\" b=\"b\"/><a:pathLst><a:path w=\"\(width)\" h=\"\(height)\">")
        let r = min(radius, width / 2, height / 2)
        func point(_ x: Int, _ y: Int) -> String { "<a:pt x=\"\(x)\" y=\"\(y)\"/>" }
        func arc(_ start: Int) -> String { "<a:arcTo wR=\"\(r)\" hR=\"\(r)\" stAng=\"\(start)\" swAng=\"5400000\"/>" }
        xml.raw("<a:moveTo>\(point(0, r))</a:moveTo>")
        if r > 0 { xml.raw(arc(10_800_000)) }
        xml.raw("<a:lnTo>\(point(width - r, 0))</a:lnTo>")
        if r > 0 { xml.raw(arc(16_200_000)) }
        xml.raw("<a:lnTo>\(point(width, height - r))</a:lnTo>")
        if r > 0 { xml.raw(arc(0)) }
        xml.raw("<a:lnTo>\(point(r, height))</a:lnTo>")
        if r > 0 { xml.raw(arc(5_400_000)) }
        xml.raw("<a:close/></a:path></a:pathLst></a:custGeom>")
    }

    private mutating func transform(x: Int, y: Int, width: Int, height: Int, turned: Bool = false, flipH: Bool = false, flipV: Bool = false) {
        xml.raw("<a:xfrm")
        if turned { xml.raw(" rot=\"5400000\"") }
        if flipH { xml.raw(" flipH=\"1\"") }
        if flipV { xml.raw(" flipV=\"1\"") }
        xml.raw("><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(max(0, width))\" cy=\"\(max(0, height))\"/></a:xfrm>")
    }

    /// A solid fill of `color`, or none for `none`; a colour name not known here is drawn as
    /// `unknown` (six hex digits).
    private mutating func fill(_ color: String, unknown: String = "000000") {
        guard color.lowercased() != "none" else { return xml.raw("<a:noFill/>") }
        let alpha = HexColor.alpha(color).map { "<a:alpha val=\"\($0)\"/>" } ?? ""
        xml.raw("<a:solidFill><a:srgbClr val=\"\(HexColor.digits(color) ?? unknown)\"\(alpha.isEmpty ? "/>" : ">\(alpha)</a:srgbClr>")</a:solidFill>")
    }

    /// Opens `a:ln` with its width, colour and dash pattern; the caller closes it (after the
    /// arrowheads of a connector).
    private mutating func outline(color: String, width: Double, pattern: LinePattern) {
        xml.raw("<a:ln w=\"\(frame.length(width))\">")
        fill(color)
        switch pattern {
        case .solid: xml.raw("<a:prstDash val=\"solid\"/>")
        case .dashed: xml.raw("<a:prstDash val=\"dash\"/>")
        case .dotted: xml.raw("<a:prstDash val=\"sysDot\"/>")
        }
    }

    /// One paragraph of `lines` (a wrapped heading or detail), the lines kept apart by breaks so
    /// that they wrap where the layout wrapped them.
    private mutating func paragraph(_ lines: [String], size: Double, bold: Bool, color: String?, align: String) {
        guard !lines.isEmpty else { return }
        xml.raw("<a:p><a:pPr algn=\"\(align)\"/>")
        for (number, line) in lines.enumerated() {
            if number > 0 { xml.raw("<a:br>"); runProperties(size: size, bold: bold, color: color); xml.raw("</a:br>") }
            xml.raw("<a:r>")
            runProperties(size: size, bold: bold, color: color)
            xml.raw("<a:t>")
            xml.escaped(line)
            xml.raw("</a:t></a:r>")
        }
        xml.raw("</a:p>")
    }

    private mutating func runProperties(size: Double, bold: Bool, color: String?) {
        xml.raw("<a:rPr lang=\"en-GB\" sz=\"\(frame.fontSize(size))\"\(bold ? " b=\"1\"" : "") dirty=\"0\">")
        fill(color ?? "#000000")
        xml.raw("<a:latin")
        xml.attribute("typeface", theme.font)
        xml.raw("/><a:cs")
        xml.attribute("typeface", theme.font)
        xml.raw("/></a:rPr>")
    }

    // MARK: Lines

    /// A connector along `route`, glued to the boxes at its ends, its arrowhead at the box the
    /// line points to; its label as a text box.
    private mutating func drawConnector(_ number: Int, line: Line, route: [ChartPoint], stroke: Stroke) {
        let geometry = ConnectorGeometry(route: route.map(frame.point))
        let id = takeID()
        xml.raw("<p:cxnSp><p:nvCxnSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", "\(line.style): \(line.from) → \(line.to)")
        if line.shapesLayout && line.style == "contains" {
            xml.raw("/>")
        } else {
            xml.attribute("descr", line.tooltip ?? line.style)
            xml.raw("/>")
        }
        xml.raw("<p:cNvCxnSpPr>")
        if let start = sites.starts[number] { xml.raw("<a:stCxn id=\"\(boxIDs[start.box])\" idx=\"\(start.site)\"/>") }
        if let end = sites.ends[number] { xml.raw("<a:endCxn id=\"\(boxIDs[end.box])\" idx=\"\(end.site)\"/>") }
        xml.raw("</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>")
        transform(x: geometry.x, y: geometry.y, width: geometry.width, height: geometry.height, turned: geometry.turned, flipH: geometry.flipH, flipV: geometry.flipV)
        xml.raw("<a:prstGeom prst=\"\(geometry.preset)\"><a:avLst>")
        for (number, value) in geometry.adjustments.enumerated() { xml.raw("<a:gd name=\"adj\(number + 1)\" fmla=\"val \(value)\"/>") }
        xml.raw("</a:avLst></a:prstGeom>")
        outline(color: stroke.color, width: stroke.width, pattern: stroke.pattern)
        // DrawingML's head end is the start of the path, its tail end the end; the arrowhead goes
        // where the line points, and an inferred line has a small circle at its other end.
        let arrow = Self.arrowEnd(stroke.arrowhead), tail = line.isInferred ? "oval" : nil
        lineEnds(start: line.ranksUpward ? arrow : tail, end: line.ranksUpward ? tail : arrow)
        xml.raw("</a:ln></p:spPr></p:cxnSp>\n")
        // The label where the layout stage set it, on a white ground as the SVG has it.
        if let label = placed.labels[placed.connectors[number].line] {
            textBox(name: "Label: \(line.from) → \(line.to)", label, color: stroke.color, ground: true)
        }
    }

    /// The dot where lines drawn alike join, a disc in the lines' colour filling `disc` (a
    /// connector cannot be broken or marked along its way, so the dot is a shape of its own).
    private mutating func drawJunction(_ disc: BoxFrame, color: String, name: String) {
        let corner = frame.point(ChartPoint(x: disc.minX, y: disc.minY))
        xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
        xml.attribute("id", takeID())
        xml.attribute("name", name)
        xml.raw("/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>")
        transform(x: corner.x.whole, y: corner.y.whole, width: frame.length(disc.width), height: frame.length(disc.height))
        xml.raw("<a:prstGeom prst=\"ellipse\"><a:avLst/></a:prstGeom>")
        fill(color)
        xml.raw("<a:ln><a:noFill/></a:ln></p:spPr></p:sp>\n")
    }

    /// The shapes at the start and the end of a line (`a:headEnd`, `a:tailEnd`); nil for none.
    private mutating func lineEnds(start: String?, end: String?) {
        if let start { xml.raw("<a:headEnd type=\"\(start)\" w=\"\(start == "oval" ? "sm" : "med")\" len=\"\(start == "oval" ? "sm" : "med")\"/>") }
        if let end { xml.raw("<a:tailEnd type=\"\(end)\" w=\"med\" len=\"med\"/>") }
    }

    /// DrawingML's line end for a Graphviz arrowhead (always filled: DrawingML has no open
    /// ends but `arrow`); nil for none.
    static func arrowEnd(_ arrowhead: Arrowhead) -> String? {
        switch arrowhead.name {
        case "none": return nil
        case "vee", "ovee": return "stealth"
        // DrawingML has no square end: a box is drawn as the diamond, a square turned.
        case "diamond", "odiamond", "box", "obox": return "diamond"
        case "dot", "odot": return "oval"
        case "onormal", "empty": return "arrow"
        default: return "triangle"
        }
    }

    // MARK: Frames, text and the legend

    private mutating func drawGroup(_ group: GroupFrame) {
        let shape = BoxShape(theme.group(chart.groups[group.group].style))
        let id = takeID()
        xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", "Group: \(chart.groups[group.group].id)")
        xml.attribute("descr", chart.groups[group.group].label)
        xml.raw("/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>")
        shapeProperties(group.frame, shape: shape)
        xml.raw("</p:sp>\n")
        textBox(name: "Group label: \(chart.groups[group.group].id)", placed.label(of: group), color: shape.text)
    }

    /// A text box holding `lines` (set by the layout stage), one paragraph each, unwrapped,
    /// aligned as the first line is anchored; on a white `ground` when asked.
    private mutating func textBox(name: String, _ lines: [PlacedText], color: String?, ground: Bool = false) {
        guard let first = lines.first, let extent = TextExtent(lines) else { return }
        let corner = frame.point(ChartPoint(x: extent.frame.minX, y: extent.frame.minY))
        let id = takeID()
        xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
        xml.attribute("id", id)
        xml.attribute("name", name)
        xml.raw("/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>")
        transform(x: corner.x.whole, y: corner.y.whole, width: frame.length(extent.frame.width), height: frame.length(extent.frame.height))
        xml.raw("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>\(ground ? "<a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill>" : "<a:noFill/>")</p:spPr>")
        xml.raw("<p:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:noAutofit/></a:bodyPr><a:lstStyle/>")
        let align = first.anchor == .start ? "l" : first.anchor == .middle ? "ctr" : "r"
        for line in lines { paragraph([line.text], size: line.size, bold: line.bold, color: color, align: align) }
        xml.raw("</p:txBody></p:sp>\n")
    }

    /// The legend and sources: sample boxes as shapes, line samples as connectors, text boxes.
    private mutating func drawFooter() {
        for row in placed.footer.rows {
            switch row {
            case .boxes(let heading, let samples):
                if let heading { textBox(name: "Legend", [heading], color: nil) }
                for sample in samples {
                    let shape = BoxShape(theme.box(sample.entry.style))
                    let id = takeID()
                    xml.raw("<p:sp><p:nvSpPr><p:cNvPr")
                    xml.attribute("id", id)
                    xml.attribute("name", "Legend: \(sample.entry.style)")
                    xml.raw("/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>")
                    shapeProperties(sample.frame, shape: shape)
                    xml.raw("<p:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"ctr\"><a:noAutofit/></a:bodyPr><a:lstStyle/>")
                    paragraph([sample.label.text], size: sample.label.size, bold: false, color: shape.text, align: "ctr")
                    xml.raw("</p:txBody></p:sp>\n")
                    standing(sample.frame, shape: shape, inferred: sample.entry.style == LegendEntry.inferredStyle,
                             planned: sample.entry.style == LegendEntry.plannedStyle, name: "Legend: \(sample.entry.style) mark")
                }
            case .line(let entry, let start, let tip, let label):
                let stroke = Stroke(theme.line(entry.style))
                let geometry = ConnectorGeometry(route: [frame.point(start), frame.point(tip)])
                let id = takeID()
                xml.raw("<p:cxnSp><p:nvCxnSpPr><p:cNvPr")
                xml.attribute("id", id)
                xml.attribute("name", "Legend: \(entry.style)")
                xml.raw("/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>")
                transform(x: geometry.x, y: geometry.y, width: geometry.width, height: geometry.height)
                xml.raw("<a:prstGeom prst=\"straightConnector1\"><a:avLst/></a:prstGeom>")
                outline(color: stroke.color, width: stroke.width, pattern: stroke.pattern)
                lineEnds(start: entry.style == LegendEntry.inferredStyle ? "oval" : nil, end: Self.arrowEnd(stroke.arrowhead))
                xml.raw("</a:ln></p:spPr></p:cxnSp>\n")
                textBox(name: "Legend: \(entry.label)", [label], color: nil)
            case .note(let text):
                textBox(name: "Note", [text], color: nil)
            case .source(let text):
                textBox(name: "Source", [text], color: nil)
            }
        }
    }
}
