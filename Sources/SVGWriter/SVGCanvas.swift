import TidyTree

/// SVG markup for the painter's shapes, in the structure Graphviz's SVG has.
extension SVGText: Canvas {
    mutating func begin(_ element: ChartElement) {
        switch element {
        case let .node(id, style, tooltip, url):
            raw("<g")
            attribute("id", id)
            raw(" class=\"node ")
            escaped(style)
            raw("\">\n<title>")
            escaped(id)
            raw("</title>\n<g id=\"a_")
            escaped(id)
            raw("\"><a")
            if let url { attribute("xlink:href", url) }
            attribute("xlink:title", tooltip)
            raw(">\n")
        case let .edge(id, style, title, tooltip):
            raw("<g")
            attribute("id", id)
            raw(" class=\"edge ")
            escaped(style)
            raw("\">\n<title>")
            escaped(title)
            raw("</title>\n")
            if let tooltip {
                raw("<g id=\"a_")
                escaped(id)
                raw("\"><a")
                attribute("xlink:title", tooltip)
                raw(">\n")
            }
        case let .group(id, style, label):
            raw("<g")
            attribute("id", id)
            raw(" class=\"cluster ")
            escaped(style)
            raw("\">\n<title>")
            escaped(label, hyphens: false)
            raw("</title>\n")
        case .title:
            raw("<g id=\"orgchart:title\" class=\"node\">\n<title>orgchart:title</title>\n")
        case .legend:
            raw("<g id=\"orgchart:legend\" class=\"legend\">\n<title>Legend and sources</title>\n")
        case let .mark(id, style, tooltip):
            raw("<g")
            attribute("id", id)
            raw(" class=\"mark ")
            escaped(style)
            raw("\">\n<title>")
            escaped(tooltip, hyphens: false)
            raw("</title>\n")
        }
    }

    mutating func end(_ element: ChartElement) {
        switch element {
        case .node: raw("</a>\n</g>\n</g>\n")
        case let .edge(_, _, _, tooltip): raw(tooltip == nil ? "</g>\n" : "</a>\n</g>\n</g>\n")
        case .title, .legend, .mark, .group: raw("</g>\n")
        }
    }

    mutating func rect(_ frame: BoxFrame, radius: Double, paint: Paint) {
        raw("<rect")
        self.paint(paint)
        attribute("x", frame.minX)
        attribute("y", frame.minY)
        attribute("width", frame.width)
        attribute("height", frame.height)
        if radius > 0 {
            attribute("rx", radius)
            attribute("ry", radius)
        }
        raw("/>\n")
    }

    mutating func ellipse(_ frame: BoxFrame, paint: Paint) {
        raw("<ellipse")
        self.paint(paint)
        attribute("cx", frame.center.x)
        attribute("cy", frame.center.y)
        attribute("rx", frame.width / 2)
        attribute("ry", frame.height / 2)
        raw("/>\n")
    }

    mutating func path(_ points: [ChartPoint], closed: Bool, paint: Paint) {
        guard !points.isEmpty else { return }
        if closed {
            raw("<polygon")
            self.paint(paint)
            raw(" points=\"")
            for (index, point) in (points + [points[0]]).enumerated() {
                if index > 0 { raw(" ") }
                number(point.x)
                raw(",")
                number(point.y)
            }
        } else {
            raw("<path")
            self.paint(Paint(fill: nil, stroke: paint.stroke, width: paint.width, dashes: paint.dashes))
            raw(" d=\"M")
            for (index, point) in points.enumerated() {
                if index > 0 { raw(" L") }
                number(point.x)
                raw(",")
                number(point.y)
            }
        }
        raw("\"/>\n")
    }

    /// The fill and stroke attributes of `paint`.
    private mutating func paint(_ paint: Paint) {
        attribute("fill", paint.fill ?? "none")
        attribute("stroke", paint.stroke)
        if paint.width != 1 { attribute("stroke-width", paint.width) }
        if let dashes = paint.dashes { attribute("stroke-dasharray", dashes) }
    }
}
