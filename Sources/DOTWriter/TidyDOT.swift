import ChartGraph
import Placement
import TidyTree

extension DOTWriter {
    /// The DOT text of a placed chart (see `PlacedChart`): every box has its position
    /// (`pos="x,y!"`) and every line its route (`pos` spline points on straight segments), so
    /// Graphviz's `nop2` engine only draws. Same placed chart, same bytes.
    public func writePlaced(_ placed: PlacedChart) -> String {
        let chart = placed.chart
        let (width, height) = placed.extent
        var out = DOTText()
        out.line("digraph \(Escape.quoted(chart.id)) {")
        out.indent += 1
        // A white background first: cairo then keeps its region of drawn extents one rectangle (see
        // orgchart_cairo.h), which keeps large PDFs linear.
        var graph = ["charset=\"UTF-8\"", "bgcolor=\"white\"", "outputorder=edgesfirst", "pad=0.25", "fontname=\(Escape.quoted(theme.font))",
                     "fontsize=\(format(theme.footerSize))", "id=\(Escape.quoted(chart.id))", "tooltip=\(Escape.tooltip(chart.title))",
                     "bb=\"0,0,\(format(width)),\(format(height))\""]
        if let footer = footerTable(chart, notes: placed.markers.map(\.note)) { graph += ["labelloc=b", "labeljust=l", "label=<\(footer)>"] }
        if let size = pageSize(chart) { graph.append(size) }
        out.line("graph [\(graph.joined(separator: ", "))]")
        out.line("node [shape=box, style=filled, fontname=\(Escape.quoted(theme.font)), fontsize=\(format(theme.headingSize)), margin=\"0.10,0.05\"]")
        out.line("edge [fontname=\(Escape.quoted(theme.font)), fontsize=\(format(theme.detailSize))]")
        out.line("\"orgchart:title\" [id=\"orgchart:title\", shape=plain, style=\"\", label=<\(titleLabel(chart))>, tooltip=\(Escape.tooltip(chart.title)), pos=\"\(format(placed.titleCenter.x)),\(format(height - placed.titleCenter.y))!\"]")
        for (index, box) in chart.boxes.enumerated() {
            let frame = placed.frames[index]
            var attributes = boxAttributes(box, text: placed.texts[index], width: frame.width / 72)
            attributes.append("height=\(format(frame.height / 72))")
            attributes.append("pos=\"\(format(frame.center.x)),\(format(height - frame.center.y))!\"")
            out.line("\(Escape.quoted(box.id)) [\(attributes.joined(separator: ", "))]")
            if let badge = placed.badges[index] {
                // The numbers of the box's line markers, in its top-right corner.
                let width = badge.span(font: theme.font).right - badge.span(font: theme.font).left
                out.line("\(Escape.quoted("orgchart:mark:" + box.id)) [shape=plain, style=\"\", label=<<b><font point-size=\"\(format(badge.size))\">\(Escape.html(badge.text))</font></b>>, pos=\"\(format(badge.x - width / 2)),\(format(height - (badge.baseline - badge.size * 0.35)))!\"]")
            }
        }
        for (number, connector) in placed.connectors.enumerated() {
            let line = chart.lines[connector.line]
            guard line.isDrawn else { continue }
            let (tail, head) = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
            let route = self.route(connector.points, gaps: placed.gaps[number] ?? [], arrow: theme.line(line.style).arrowhead ?? "none",
                                   atTail: line.ranksUpward, marked: line.isInferred, height: height)
            // A containment line's source is the tooltip of the box below it; repeating it on
            // the line costs Graphviz more than a third of the drawing time at 20,000 boxes.
            let tooltip = !(line.shapesLayout && line.style == "contains")
            out.line("\(Escape.quoted(tail)) -> \(Escape.quoted(head)) [\(attributes(of: line, tooltip: tooltip)), pos=\"\(route)\"]")
            // The dots where lines drawn alike join, as points.
            let style = theme.line(line.style), color = Escape.quoted(colour(style.color) ?? "#000000")
            for (k, point) in (placed.junctions[number] ?? []).enumerated() {
                let id = Escape.quoted("orgchart:junction:\(line.style):\(line.from)->\(line.to):\(k)")
                out.line("\(id) [id=\(id), shape=point, width=\(format(max(4, 3 * style.width) / 72)), style=filled, color=\(color), fillcolor=\(color), pos=\"\(format(point.x)),\(format(height - point.y))!\"]")
            }
        }
        out.indent -= 1
        out.line("}")
        return out.text
    }

    /// A Graphviz edge position for a route of straight segments: each segment is a cubic
    /// Bézier whose control points lie on its ends. With an arrowhead, the route stops an
    /// arrow's length (at most its last stretch) short of the box and the tip is given as `e,x,y` (or `s,x,y` at the tail);
    /// a `marked` (inferred) line stops short at its other end too, for the circle there. A route
    /// broken at `gaps` is several splines, separated by semicolons, the one with a tip last.
    private func route(_ points: [ChartPoint], gaps: [LineGap], arrow: String, atTail: Bool, marked: Bool, height: Double) -> String {
        var points = points
        var ends: [String: String] = [:]
        /// Stops the route `length` short of its point `end`, given to Graphviz as `key`.
        func stop(at end: Int, from before: Int, length: Double, as key: String) {
            let dx = points[end].x - points[before].x, dy = points[end].y - points[before].y
            let distance = (dx * dx + dy * dy).squareRoot()
            guard distance > 0 else { return }
            // On a stretch shorter than the arrowhead, the route stops at the bend before it.
            let cut = min(length, distance)
            ends[key] = "\(key),\(format(points[end].x)),\(format(height - points[end].y))"
            points[end] = ChartPoint(x: points[end].x - dx / distance * cut, y: points[end].y - dy / distance * cut)
        }
        let last = points.count - 1
        if arrow != "none", points.count >= 2 {
            stop(at: atTail ? 0 : last, from: atTail ? 1 : last - 1, length: Self.arrowLength, as: atTail ? "s" : "e")
        }
        if marked, points.count >= 2 {
            stop(at: atTail ? last : 0, from: atTail ? last - 1 : 1, length: Self.markLength, as: atTail ? "e" : "s")
        }
        func text(_ point: ChartPoint) -> String { "\(format(point.x)),\(format(height - point.y))" }
        // Graphviz 2.43 gives every spline after one with a tip that tip too, so the spline
        // with the start's tip comes last; a route with tips at both ends is not broken.
        var pieces = ends.count == 2 ? [points] : Crossings.pieces(of: points, gaps: gaps)
        if ends["s"] != nil { pieces.reverse() }
        return pieces.enumerated().map { number, piece in
            var parts = number == pieces.count - 1 ? ["s", "e"].compactMap { ends[$0] } : []  // Graphviz reads the start point before the end point
            parts.append(text(piece[0]))
            for index in piece.indices.dropFirst() {
                parts += [text(piece[index - 1]), text(piece[index]), text(piece[index])]
            }
            return parts.joined(separator: " ")
        }.joined(separator: ";")
    }

    /// Graphviz's arrowhead length in points.
    private static let arrowLength = 10.0
    /// The length of Graphviz's `odot` arrow, the mark of an inferred line, in points.
    private static let markLength = 8.0
}
