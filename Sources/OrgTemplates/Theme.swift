import Foundation
import OrgModel

/// A look for charts, read from a theme file: fonts and sizes, a style per box kind and per line
/// kind, and layout spacing. Built-in themes live in `Sources/OrgTemplates/themes/`.
public struct Theme: Sendable, Equatable {
    /// The theme's name.
    public var name: String
    /// Font family for all text; one the setup installs, so charts lay out alike everywhere.
    public var font: String
    /// Point sizes of the title, box headings, box details and the footer.
    public var titleSize: Double, headingSize: Double, detailSize: Double, footerSize: Double
    /// Leaf children are stacked in a column from this many siblings on; 0 never stacks.
    public var stackLeaves: Int
    /// Graph attributes for the layout (`nodesep`, `ranksep`, `splines` …), written as given.
    public var layout: [String: String]
    /// Box styles by style class; `default` applies to every class not listed.
    public var boxes: [String: BoxStyle]
    /// Line styles by style class; `default` applies to every class not listed.
    public var lines: [String: LineStyle]
    /// Frame styles of groups by style class; `default` applies to every class not listed.
    public var groups: [String: BoxStyle] = [:]
    /// Children of a box this many levels or more below the top hang in one indented column
    /// under it (recursively) instead of spreading in a row; 0 lets the layout choose
    /// (`hang-below`).
    public var hangBelow: Int = 0
    /// True (the default) when, without `hang-below`, the layout chooses which subtrees hang to
    /// give the chart its page's shape; false keeps every child in a row (`tree-shape: wide`).
    public var pageShaped = true
    /// Symbols of the marks of matrices by style class (`marks`); `default` applies to every
    /// class not listed.
    public var marks: [String: MarkStyle] = [:]

    /// The style of a box class, falling back to `default`.
    public func box(_ style: String) -> BoxStyle {
        (boxes["default"] ?? BoxStyle()).overlaid(by: boxes[style])
    }

    /// The style of a group frame, falling back to `default`.
    public func group(_ style: String) -> BoxStyle {
        (groups["default"] ?? BoxStyle(fill: "#f7f9fc", stroke: "#9dc3e6")).overlaid(by: groups[style])
    }

    /// The style of a matrix mark's class, falling back to `default`.
    public func mark(_ style: String) -> MarkStyle {
        (marks["default"] ?? MarkStyle()).overlaid(by: marks[style])
    }

    /// The style of a line class, falling back to `default`.
    public func line(_ style: String) -> LineStyle {
        (lines["default"] ?? LineStyle()).overlaid(by: lines[style])
    }
}

/// How a box looks.
public struct BoxStyle: Sendable, Equatable {
    /// Fill, border and text colours (`#rrggbb`).
    public var fill: String?, stroke: String?, text: String?
    /// Graphviz shape and style, e.g. `box` and `rounded,filled`.
    public var shape: String?, style: String?
    /// Border width in points.
    public var penwidth: Double?

    /// Creates a style; unset fields fall back to the theme's default.
    public init(fill: String? = nil, stroke: String? = nil, text: String? = nil, shape: String? = nil, style: String? = nil, penwidth: Double? = nil) {
        self.fill = fill
        self.stroke = stroke
        self.text = text
        self.shape = shape
        self.style = style
        self.penwidth = penwidth
    }

    func overlaid(by other: BoxStyle?) -> BoxStyle {
        guard let other else { return self }
        return BoxStyle(fill: other.fill ?? fill, stroke: other.stroke ?? stroke, text: other.text ?? text,
                        shape: other.shape ?? shape, style: other.style ?? style, penwidth: other.penwidth ?? penwidth)
    }
}

/// How a line looks.
public struct LineStyle: Sendable, Equatable {
    /// Colour (`#rrggbb`), Graphviz style (`solid`, `dashed`, `dotted`, `bold`) and arrowhead.
    public var color: String?, style: String?, arrowhead: String?
    /// Width in points.
    public var penwidth: Double?

    /// Creates a style; unset fields fall back to the theme's default.
    public init(color: String? = nil, style: String? = nil, arrowhead: String? = nil, penwidth: Double? = nil) {
        self.color = color
        self.style = style
        self.arrowhead = arrowhead
        self.penwidth = penwidth
    }

    /// The width the line is drawn with, in points: its pen width (1 when unset), at least 2
    /// when bold.
    public var width: Double { style == "bold" ? max(2, penwidth ?? 1) : penwidth ?? 1 }

    func overlaid(by other: LineStyle?) -> LineStyle {
        guard let other else { return self }
        return LineStyle(color: other.color ?? color, style: other.style ?? style, arrowhead: other.arrowhead ?? arrowhead, penwidth: other.penwidth ?? penwidth)
    }
}

/// How a mark of a matrix looks: a symbol in a colour. Stated relations are filled, inferred
/// ones hollow.
public struct MarkStyle: Sendable, Equatable {
    /// `circle`, `square`, `triangle`, `diamond` or `cross`.
    public var symbol: String?
    /// Colour (`#rrggbb`).
    public var color: String?

    /// Creates a style; unset fields fall back to the theme's default.
    public init(symbol: String? = nil, color: String? = nil) {
        self.symbol = symbol
        self.color = color
    }

    func overlaid(by other: MarkStyle?) -> MarkStyle {
        guard let other else { return self }
        return MarkStyle(symbol: other.symbol ?? symbol, color: other.color ?? color)
    }
}

/// A theme that cannot be found, read or used: every problem, located in the file that holds it.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by place; each with `file:line:column` when it is in a file, and a hint.
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
