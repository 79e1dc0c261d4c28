import TidyTree

/// An arrowhead drawn at the end of a line, in Graphviz's shapes and sizes: `normal`, `onormal`
/// and `empty` (open), `vee`, `diamond`, `box`, `odot` (and their open `o` forms); `none` draws
/// nothing. Unknown names draw `normal`.
public struct Arrowhead: Sendable {
    /// The Graphviz arrow name.
    public let name: String

    /// The arrowhead called `name`.
    public init(name: String) { self.name = name }

    /// How far the line stops short of the box for this arrowhead, in points: Graphviz's
    /// lengths (`GeometryCheck.arrowheadLength`), but 7 for dots and boxes, drawn here 7 points
    /// wide as every other shape.
    public var length: Double { ["odot", "dot", "box", "obox"].contains(name) ? 7 : GeometryCheck.arrowheadLength(name) }

    /// True when the shape is drawn in outline only.
    public var isOpen: Bool { name.hasPrefix("o") || name == "empty" }

    /// Paints the arrowhead whose tip is at `tip`, pointing away from `from`, in the colour and
    /// width of `stroke` (always solid).
    func paint<C: Canvas>(tip: ChartPoint, from: ChartPoint, stroke: Stroke, on canvas: inout C) {
        guard name != "none" else { return }
        let dx = tip.x - from.x, dy = tip.y - from.y
        let distance = (dx * dx + dy * dy).squareRoot()
        guard distance > 0 else { return }
        let (ux, uy) = (dx / distance, dy / distance)
        /// A point `back` points behind the tip and `side` points to its left.
        func at(_ back: Double, _ side: Double) -> ChartPoint {
            ChartPoint(x: tip.x - ux * back - uy * side, y: tip.y - uy * back + ux * side)
        }
        let paint = Paint(fill: isOpen ? nil : stroke.color, stroke: stroke.color, width: stroke.width)
        switch name {
        // Every shape is 7 points wide across the line, so two arrowheads on ports 8 points
        // apart (see `LineRouter.arrowheadSpacing`) never touch.
        case "odot", "dot":
            let center = at(3.5, 0)
            canvas.ellipse(BoxFrame(center: center, width: 7, height: 7), paint: paint)
        case "vee", "ovee": canvas.path([at(0, 0), at(10, 3.5), at(6, 0), at(10, -3.5)], closed: true, paint: paint)
        case "diamond", "odiamond": canvas.path([at(0, 0), at(6, 3.5), at(12, 0), at(6, -3.5)], closed: true, paint: paint)
        case "box", "obox": canvas.path([at(0, 3.5), at(7, 3.5), at(7, -3.5), at(0, -3.5)], closed: true, paint: paint)
        default: canvas.path([at(0, 0), at(10, 3.5), at(10, -3.5)], closed: true, paint: paint)
        }
    }
}
