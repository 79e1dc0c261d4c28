import TidyTree

/// An arrowhead drawn at the end of a line, in Graphviz's shapes and sizes: `normal`, `onormal`
/// and `empty` (open), `vee`, `diamond`, `odot`; `none` draws nothing. Unknown names draw `normal`.
struct Arrowhead {
    /// The Graphviz arrow name.
    let name: String

    /// How far the line stops short of the box for this arrowhead, in points.
    var length: Double {
        switch name {
        case "none": return 0
        case "diamond", "odiamond": return 12
        case "odot", "dot": return 8
        default: return 10
        }
    }

    /// True when the shape is drawn in outline only.
    var isOpen: Bool { name.hasPrefix("o") || name == "empty" }

    /// Writes the arrowhead whose tip is at `tip`, pointing away from `from`.
    func write(tip: ChartPoint, from: ChartPoint, color: String, penWidth: Double, into out: inout SVGText) {
        guard name != "none" else { return }
        let dx = tip.x - from.x, dy = tip.y - from.y
        let distance = (dx * dx + dy * dy).squareRoot()
        guard distance > 0 else { return }
        let (ux, uy) = (dx / distance, dy / distance)
        /// A point `back` points behind the tip and `side` points to its left.
        func at(_ back: Double, _ side: Double) -> (x: Double, y: Double) {
            (tip.x - ux * back - uy * side, tip.y - uy * back + ux * side)
        }
        let fill = isOpen ? "none" : color
        if name == "odot" || name == "dot" {
            let center = at(4, 0)
            out.raw("<ellipse")
            out.attribute("fill", fill)
            out.attribute("stroke", color)
            if penWidth != 1 { out.attribute("stroke-width", penWidth) }
            out.attribute("cx", center.x)
            out.attribute("cy", center.y)
            out.raw(" rx=\"4\" ry=\"4\"/>\n")
            return
        }
        let outline: [(x: Double, y: Double)]
        switch name {
        case "vee", "ovee": outline = [at(0, 0), at(10, 4), at(6, 0), at(10, -4)]
        case "diamond", "odiamond": outline = [at(0, 0), at(6, 4), at(12, 0), at(6, -4)]
        default: outline = [at(0, 0), at(10, 3.5), at(10, -3.5)]
        }
        out.raw("<polygon")
        out.attribute("fill", fill)
        out.attribute("stroke", color)
        if penWidth != 1 { out.attribute("stroke-width", penWidth) }
        out.raw(" points=\"")
        out.points(outline + [outline[0]])
        out.raw("\"/>\n")
    }
}
