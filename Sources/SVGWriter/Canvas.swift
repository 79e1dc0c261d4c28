import Placement
import TidyTree

/// What a chart is drawn on: SVG text (`SVGText`) or cairo (`CairoCanvas`). The painter gives
/// the same shapes and text to either, so an SVG and a PDF of a chart look alike.
protocol Canvas {
    /// Starts one element of the chart; SVG writes it as a group with its id, class, title and
    /// link, other canvases ignore it.
    mutating func begin(_ element: ChartElement)
    /// Ends the element `begin` started.
    mutating func end(_ element: ChartElement)
    /// A rectangle with corners rounded by `radius` (0: square).
    mutating func rect(_ frame: BoxFrame, radius: Double, paint: Paint)
    /// An ellipse inside `frame`.
    mutating func ellipse(_ frame: BoxFrame, paint: Paint)
    /// A line through `points`; closed and filled (a polygon) when `closed`.
    mutating func path(_ points: [ChartPoint], closed: Bool, paint: Paint)
    /// One line of text whose baseline starts at (or is centred on) `x`.
    mutating func text(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?, anchor: TextAnchor)
    /// One line of text turned a quarter counter-clockwise, reading upwards from (`x`, `baseline`).
    mutating func turnedText(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?)
}

extension Canvas {
    /// A line of text the layout stage set, in `color` (the theme's text colour when nil).
    mutating func text(_ line: PlacedText, color: String?) {
        text(line.text, x: line.x, baseline: line.baseline, size: line.size, bold: line.bold, color: color, anchor: line.anchor)
    }
}

/// How a shape is filled and outlined.
struct Paint {
    /// The fill colour; nil leaves the shape unfilled.
    var fill: String?
    /// The outline's colour and width in points.
    var stroke: String
    var width: Double = 1
    /// SVG's `stroke-dasharray` (`5,2`); nil for a solid outline.
    var dashes: String?
}

/// One element of a chart, as SVG groups it.
enum ChartElement {
    /// A box: the unit's id, its style class, tooltip and link.
    case node(id: String, style: String, tooltip: String, url: String?)
    /// A line: its id and class, its `<title>` (`tail->head`) and, unless it is a containment
    /// line, its tooltip.
    case edge(id: String, style: String, title: String, tooltip: String?)
    /// The frame of a group of boxes: its id, style class and label.
    case group(id: String, style: String, label: String)
    /// The title and subtitle.
    case title
    /// The legend and sources.
    case legend
    /// A mark of a matrix: its id, style class and tooltip (the relation and its source).
    case mark(id: String, style: String, tooltip: String)
}
