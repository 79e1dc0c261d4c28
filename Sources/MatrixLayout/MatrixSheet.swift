import ChartGraph
import TidyTree

/// One page-sized block of a matrix, placed: every header, band, rule, mark and line of text
/// with its position in points, the top-left corner at (0, 0). A writer draws it as it is.
public struct MatrixSheet: Sendable, Equatable {
    /// Width and height in points, margins included.
    public var width: Double, height: Double
    /// What to draw, in drawing order (bands, then rules, then text and marks).
    public var shapes: [MatrixShape]
    /// The indices of the matrix's rows and columns on this sheet.
    public var rows: [Int], columns: [Int]
    /// The scale at which the sheet is printed on its page (1 without a page).
    public var scale: Double
    /// The size in points of the smallest text, before scaling.
    public var smallestText: Double

    /// The size in points of the smallest text on the page.
    public var smallestPrintedText: Double { smallestText * scale }
}

/// Something drawn on a sheet.
public enum MatrixShape: Sendable, Equatable {
    /// The shaded frame of a group of rows or columns, in the theme's look for groups of `style`.
    case band(BoxFrame, style: String)
    /// A grid line; `strong` between groups.
    case rule(ChartPoint, ChartPoint, strong: Bool)
    /// A line of text.
    case text(PlacedText)
    /// Mark `index` of the matrix, a symbol of `size` points centred at `center`.
    case mark(Int, center: ChartPoint, size: Double)
    /// A legend sample: the symbol of `style`, hollow when `inferred`.
    case sample(style: String, inferred: Bool, center: ChartPoint, size: Double)
    /// The start or end of the title (`title: true`) or of the legend and sources, so that writers
    /// can group what lies between.
    case section(MatrixSection, begins: Bool)
}

/// Parts of a sheet that SVG groups under an id.
public enum MatrixSection: String, Sendable, Equatable {
    case title, legend
}

/// A line of text placed on a sheet.
public struct PlacedText: Sendable, Equatable {
    /// How a text sits relative to its `x`.
    public enum Anchor: String, Sendable { case start, middle, end }

    /// The text.
    public var text: String
    /// Where it is anchored: the baseline's start, middle or end. Turned text reads upwards
    /// from this point, the glyphs on the left of `x`.
    public var x: Double, baseline: Double
    /// Size in points.
    public var size: Double
    /// Bold or regular.
    public var bold: Bool
    /// The anchor.
    public var anchor: Anchor
    /// True for text turned a quarter counter-clockwise (a column header read upwards).
    public var turned: Bool

    /// Creates a placed text.
    public init(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool = false, anchor: Anchor = .start, turned: Bool = false) {
        self.text = text
        self.x = x
        self.baseline = baseline
        self.size = size
        self.bold = bold
        self.anchor = anchor
        self.turned = turned
    }
}
