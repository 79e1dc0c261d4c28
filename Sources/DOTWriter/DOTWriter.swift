import ChartGraph
import OrgTemplates
import TidyTree

/// Writes a chart as DOT text styled by a theme. The same chart and theme always give the same
/// bytes: elements are written in chart order, attributes in a fixed order.
public struct DOTWriter: Sendable {
    /// The theme giving fonts, colours and line styles.
    public var theme: Theme

    /// True to hold the legend below the boxes with invisible edges of weight 0, as dot needs;
    /// false for twopi, which takes edges of weight 0 for missing and then fails ("use of
    /// weight=0 creates disconnected component").
    public var tiesLegend = true

    /// True to draw every line straight (`splines=line`, whatever the theme says): for twopi, which
    /// aborts on a labelled line or on two lines between one pair of boxes when its polyline
    /// routing falls back to straight lines (Graphviz 2.43: the `polylineMidpoint` and
    /// `bezier_bb` assertions).
    public var straightLines = false

    /// Creates a writer for `theme`.
    public init(theme: Theme) { self.theme = theme }

    /// The DOT text of `chart`.
    public func write(_ chart: Chart) -> String {
        var out = DOTText()
        out.line("digraph \(Escape.quoted(chart.id)) {")
        out.indent += 1
        graphAttributes(chart, into: &out)
        let metrics = BoxMetrics(theme: theme)
        let texts = chart.boxes.map(metrics.text)
        let widths = metrics.levelWidths(chart, texts: texts)
        let boxes = zip(chart.boxes, texts).map { (box: $0, text: $1) }
        for box in boxes where box.box.group == nil { write(box.box, text: box.text, width: widths[box.box.level] ?? 1, into: &out) }
        for group in chart.groups { write(group, boxes: boxes.filter { $0.box.group == group.id }, widths: widths, into: &out) }
        switch chart.arrangement {
        case .tree:
            TreeShape(chart: chart, stackLeaves: theme.stackLeaves).write(into: &out) { line, start, segment in edge(line, from: start, segment: segment) }
        case .layered, .flow, .bipartite:
            for line in chart.lines where line.shapesLayout { out.line(edge(line)) }
        }
        for line in chart.lines where !line.shapesLayout { out.line(edge(line, extra: "constraint=false")) }
        legend(chart, into: &out)
        out.indent -= 1
        out.line("}")
        return out.text
    }

    private func graphAttributes(_ chart: Chart, into out: inout DOTText) {
        var graph = [
            "charset=\"UTF-8\"", "rankdir=\([.flow, .bipartite].contains(chart.arrangement) ? "LR" : "TB")", "newrank=true", "ordering=out", "outputorder=edgesfirst", "pad=0.25",
            "fontname=\(Escape.quoted(theme.font))", "fontsize=\(format(theme.footerSize))",
            "id=\(Escape.quoted(chart.id))", "tooltip=\(Escape.tooltip(chart.title))",
        ]
        graph += ["labelloc=t", "labeljust=c", "label=<\(titleLabel(chart))>"]
        if let size = pageSize(chart) { graph.append(size) }
        for key in theme.layout.keys.sorted() where !(straightLines && key == "splines") {
            graph.append("\(Escape.quoted(key))=\(Escape.quoted(theme.layout[key]!))")
        }
        if straightLines { graph.append("splines=line") }
        out.line("graph [\(graph.joined(separator: ", "))]")
        out.line("node [shape=box, style=filled, fontname=\(Escape.quoted(theme.font)), fontsize=\(format(theme.headingSize)), margin=\"0.10,0.05\", height=0.4]")
        out.line("edge [fontname=\(Escape.quoted(theme.font)), fontsize=\(format(theme.detailSize))]")
    }

    /// The `size` attribute that scales a chart down to fit its page, if it has one: the page
    /// less 0.25 in of padding and 0.25 in of device margin on each side.
    func pageSize(_ chart: Chart) -> String? {
        guard let page = chart.page else { return nil }
        let area = page.printable(margin: 0.51)
        return "size=\"\(format(area.width)),\(format(area.height))\""
    }

    /// The title and subtitle, as the graph's label above the chart.
    func titleLabel(_ chart: Chart) -> String {
        var title = "<font point-size=\"\(format(theme.titleSize))\"><b>\(Escape.html(chart.title))</b></font>"
        if let subtitle = chart.subtitle {
            title += "<br/><font point-size=\"\(format(theme.titleSize * 0.7))\">\(Escape.html(subtitle))</font>"
        }
        return title
    }

    /// The legend and sources, in a text node below (or, left to right, after) every box.
    private func legend(_ chart: Chart, into out: inout DOTText) {
        guard let table = footerTable(chart) else { return }
        out.line("\"orgchart:legend\" [id=\"orgchart:legend\", shape=plain, style=\"\", label=<\(table)>, tooltip=\"Legend and sources\"]")
        let parents = Set(chart.lines.filter(\.shapesLayout).map(\.upperEnd))
        for box in chart.boxes where tiesLegend && !parents.contains(box.id) {
            out.line("\(Escape.quoted(box.id)) -> \"orgchart:legend\" [style=invis, weight=0]")
        }
        out.line("{ rank=max; \"orgchart:legend\" }")
    }

    private func write(_ box: Box, text: BoxText, width: Double, into out: inout DOTText) {
        out.line("\(Escape.quoted(box.id)) [\(boxAttributes(box, text: text, width: width).joined(separator: ", "))]")
    }

    /// The HTML-like label of a box's text: the heading in bold, each detail in the detail size.
    func label(_ text: BoxText) -> String {
        var label = text.heading.map { "<b>\(Escape.html($0))</b>" }.joined(separator: "<br/>")
        for detail in text.details {
            label += "<br/><font point-size=\"\(format(theme.detailSize))\">\(detail.map(Escape.html).joined(separator: "<br/>"))</font>"
        }
        return label
    }

    /// The DOT attributes of a box: id, class, label and width, its look from the theme, tooltip and link.
    func boxAttributes(_ box: Box, text: BoxText, width: Double) -> [String] {
        let style = theme.box(box.style)
        let label = self.label(text)
        var attributes = ["id=\(Escape.quoted(box.id))", "class=\(Escape.quoted(box.style))", "label=<\(label)>", "width=\(format(width))"]
        if let shape = style.shape { attributes.append("shape=\(Escape.quoted(shape))") }
        if let look = Self.look(style.style, inferred: box.isInferred, planned: box.isPlanned) { attributes.append("style=\(Escape.quoted(look))") }
        if let fill = colour(style.fill) { attributes.append("fillcolor=\(Escape.quoted(fill))") }
        if let stroke = colour(style.stroke) { attributes.append("color=\(Escape.quoted(stroke))") }
        if let text = colour(style.text) { attributes.append("fontcolor=\(Escape.quoted(text))") }
        if let pen = style.penwidth { attributes.append("penwidth=\(format(pen))") }
        attributes.append("tooltip=\(Escape.tooltip(box.tooltip ?? box.heading))")
        if let url = box.url { attributes.append("URL=\(Escape.url(url))") }
        return attributes
    }

    /// The DOT style of a box: the theme's; for a box inferred from the text, its outline dashed
    /// and its corners cut (`diagonals`), for a planned one dotted and cut, so that the mark differs
    /// from a kind drawn dashed. (Graphviz draws no second outline inside a box, as orgchart's own
    /// drawing does, and its `peripheries` would draw one outside, over the gap between boxes.)
    static func look(_ themed: String?, inferred: Bool, planned: Bool) -> String? {
        guard inferred || planned else { return themed }
        let outline = planned ? "dotted" : "dashed"
        let kept = (themed ?? "filled").split(separator: ",").map { String($0.filter { $0 != " " }) }
            .filter { !["solid", "dashed", "dotted", "bold", "diagonals"].contains($0) }
        return (kept + [outline, "diagonals"]).joined(separator: ",")
    }

    /// A frame around the boxes of a group.
    private func write(_ group: Group, boxes: [(box: Box, text: BoxText)], widths: [Int: Double], into out: inout DOTText) {
        let style = theme.group(group.style)
        out.line("subgraph \(Escape.quoted("cluster:\(group.id)")) {")
        out.indent += 1
        var attributes = ["id=\(Escape.quoted("group:\(group.id)"))", "label=<<b>\(Escape.html(group.label))</b>>", "labeljust=l",
                          "fontsize=\(format(theme.headingSize))", "style=\(Escape.quoted(style.style ?? "filled,rounded"))"]
        if let fill = colour(style.fill) { attributes.append("fillcolor=\(Escape.quoted(fill))") }
        if let stroke = colour(style.stroke) { attributes.append("color=\(Escape.quoted(stroke))") }
        if let text = colour(style.text) { attributes.append("fontcolor=\(Escape.quoted(text))") }
        out.line("graph [\(attributes.joined(separator: ", "))]")
        for box in boxes { write(box.box, text: box.text, width: widths[box.box.level] ?? 1, into: &out) }
        out.indent -= 1
        out.line("}")
    }

    /// One DOT edge for `line`, drawn from its parent end to its child end; a segment of it ends
    /// at the bend point `joint` instead, with the id prefix `part` and no arrow.
    func edge(_ line: Line, from start: String? = nil, segment: (joint: String, part: String)? = nil, extra: String? = nil) -> String {
        let (tail, head) = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
        var attributes = self.attributes(of: line, segment: segment?.part)
        if let extra { attributes += ", " + extra }
        return "\(Escape.quoted(start ?? tail)) -> \(Escape.quoted(segment?.joint ?? head)) [\(attributes)]"
    }

    /// The DOT attributes of a line: its look from the theme, id, class and (unless `tooltip` is
    /// false) tooltip; for a segment of it, the id prefixed with `part` and no arrow.
    func attributes(of line: Line, tooltip: Bool = true, segment part: String? = nil) -> String {
        let style = theme.line(line.style)
        let id = (part.map { "\($0):" } ?? "") + "\(line.style):\(line.from)->\(line.to)"
        var attributes = ["id=\(Escape.quoted(id))", "class=\(Escape.quoted(line.style))"]
        if let color = colour(style.color) { attributes.append("color=\(Escape.quoted(color))") }
        if !line.isDrawn {
            attributes.append("style=invis")
        } else if let look = style.style {
            attributes.append("style=\(Escape.quoted(look))")
        }
        let arrow = Escape.quoted(part == nil ? style.arrowhead ?? "none" : "none")
        // An inferred line carries a hollow circle at its tail, as orgchart's own drawing marks it.
        let mark = line.isInferred && part == nil ? "\"odot\"" : nil
        if line.ranksUpward {
            attributes.append(mark.map { "dir=both, arrowtail=\(arrow), arrowhead=\($0)" } ?? "dir=back, arrowtail=\(arrow)")
        } else {
            attributes.append(mark.map { "dir=both, arrowhead=\(arrow), arrowtail=\($0)" } ?? "arrowhead=\(arrow)")
        }
        if let pen = style.penwidth { attributes.append("penwidth=\(format(pen))") }
        if let label = line.label { attributes.append("xlabel=<\(Escape.html(label))>") }
        if tooltip { attributes.append("tooltip=\(Escape.tooltip(line.tooltip ?? line.style))") }
        return attributes.joined(separator: ", ")
    }

    /// A colour of the theme when it is one (see `Theme.isColour`); nil for anything else, which
    /// only a theme made in code can hold.
    func colour(_ value: String?) -> String? {
        value.flatMap { Theme.isColour($0) ? $0 : nil }
    }

    /// The legend, the footnotes `notes` (of lines drawn as markers) and the sources, as one
    /// HTML table for the label under the chart.
    func footerTable(_ chart: Chart, notes: [String] = []) -> String? {
        guard !chart.legend.isEmpty || !chart.footer.isEmpty || !notes.isEmpty else { return nil }
        let size = format(theme.footerSize)
        var rows: [String] = []
        let boxes = chart.legend.filter { $0.sample == .box }
        if !boxes.isEmpty {
            let cells = boxes.map { entry -> String in
                let style = theme.box(entry.style)
                let outline = [LegendEntry.inferredStyle: " (dashed outline, cut corners)", LegendEntry.plannedStyle: " (dotted outline, cut corners)"][entry.style] ?? ""
                return "<td bgcolor=\"\(colour(style.fill) ?? "#ffffff")\" border=\"1\" color=\"\(colour(style.stroke) ?? "#000000")\"><font color=\"\(colour(style.text) ?? "#000000")\" point-size=\"\(size)\">\(Escape.html(entry.label + outline))</font></td>"
            }
            rows.append("<tr><td align=\"left\"><font point-size=\"\(size)\"><b>Boxes</b></font></td>\(cells.joined())</tr>")
        }
        for entry in chart.legend where entry.sample == .line {
            let style = theme.line(entry.style)
            let stroke: String
            switch style.style ?? "solid" {
            case "dashed": stroke = "– – – – ▸"
            case "dotted": stroke = "· · · · · · ▸"
            case "bold": stroke = "━━━━▸"
            default: stroke = "────▸"
            }
            let sample = entry.style == LegendEntry.inferredStyle ? "○" + stroke : style.arrowhead == "none" ? String(stroke.dropLast()) : stroke
            rows.append("<tr><td align=\"left\"><font color=\"\(colour(style.color) ?? "#000000")\" point-size=\"\(size)\">\(Escape.html(sample))</font></td><td align=\"left\" colspan=\"\(max(boxes.count, 1))\"><font point-size=\"\(size)\">\(Escape.html(entry.label))</font></td></tr>")
        }
        for line in notes + chart.footer {
            rows.append("<tr><td align=\"left\" colspan=\"\(max(boxes.count, 1) + 1)\"><font point-size=\"\(size)\">\(Escape.html(line))</font></td></tr>")
        }
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">\(rows.joined())</table>"
    }
}

/// DOT text being written, one indented line at a time.
struct DOTText {
    var text = ""
    var indent = 0

    mutating func line(_ line: String) {
        for _ in 0..<indent { text += "  " }
        text += line
        text += "\n"
    }
}

/// A number as Graphviz reads it, without a trailing `.0` and with at most two decimals; NaN and
/// infinities as 0, and values beyond ±10¹⁵ as ±10¹⁵, so that no value traps.
func format(_ value: Double) -> String {
    let rounded = value.isFinite ? (min(max(value, -1e15), 1e15) * 100).rounded() / 100 : 0
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
