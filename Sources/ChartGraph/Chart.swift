/// A chart as a neutral graph of boxes and lines, computed by a view from a model and drawn by
/// a writer. It knows nothing of organizations (only style classes) and nothing of DOT.
public struct Chart: Sendable, Equatable {
    /// Identifier used for the graph name and file names, e.g. `dpko-2010-organigramme`.
    public var id: String
    /// The heading printed above the chart.
    public var title: String
    /// A second heading line, e.g. the date of the snapshot; line breaks start further lines.
    public var subtitle: String?
    /// Lines printed below the chart, e.g. the source documents.
    public var footer: [String]
    /// Boxes in drawing order.
    public var boxes: [Box]
    /// Lines in drawing order.
    public var lines: [Line]
    /// Named groups of boxes drawn as frames.
    public var groups: [Group]
    /// The legend, listing the styles that appear in the chart.
    public var legend: [LegendEntry]
    /// How the boxes are arranged.
    public var arrangement: Arrangement = .tree
    /// The page the chart is fitted to, if any.
    public var page: PageSize?
    /// The page whose shape the tree layout aims at when the chart is drawn at its natural size
    /// and fitted to that page later (a page of a multi-page PDF); `page` when nil.
    public var shapedFor: PageSize?
    /// True to lay the chart out after a short search for its shape: a part measured while a
    /// chart is cut into pages (its final page is laid out with the whole search).
    public var quickShape = false
    /// For a short search: the scale on its page at which the search may stop, taking the
    /// first layout found to reach it (a part measured only to know whether it can be read).
    public var shapeGoal: Double?
    /// True when a chart too small to read on one page may be split across pages; false to
    /// always scale it onto one.
    public var splitsAcrossPages = true
    /// True when the chart's separate trees may stand in several rows, each row's trees side by
    /// side, when that fits its page better (the pieces of a chart packed onto one page); false
    /// to keep them in one row.
    public var treesInRows = false
    /// True for a page of a paged chart that holds the whole chart: its layout searches as
    /// widely as a chart drawn without pages (the other pages' searches are narrower).
    public var isWholeChart = false
    /// The grid the chart is drawn as instead of boxes and lines, if it is a matrix.
    public var matrix: Matrix?

    /// Creates a chart.
    public init(id: String, title: String, subtitle: String? = nil, footer: [String] = [], boxes: [Box] = [], lines: [Line] = [], groups: [Group] = [], legend: [LegendEntry] = []) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.footer = footer
        self.boxes = boxes
        self.lines = lines
        self.groups = groups
        self.legend = legend
    }
}

extension Chart {
    /// The chart drawn at its natural size (no page to scale it onto), its tree laid out for the
    /// shape of `page`: a page of a multi-page PDF, or a candidate orientation.
    public func shaped(for page: PageSize) -> Chart {
        var copy = self
        copy.page = nil
        copy.shapedFor = page
        return copy
    }

    /// The lines of the subtitle, none when there is none.
    public var subtitleLines: [String] {
        subtitle.map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) } ?? []
    }
}

/// How a chart's boxes are arranged.
public enum Arrangement: String, Sendable, Equatable {
    /// A top-down tree along the lines that shape the layout, with leaf stacking and asides.
    case tree
    /// Layered top-down along the lines that shape the layout, without tree idioms.
    case layered
    /// Layered left to right: sources of lines on the left, their targets on the right.
    case flow
    /// Two columns, boxes of level 0 on the left and of level 1 on the right, each framed by
    /// group; every line goes from a box on the left to one on the right.
    case bipartite
}

/// One box: a unit, a post or a body.
public struct Box: Sendable, Equatable {
    /// Stable id, unique in the chart (used as the SVG element id).
    public var id: String
    /// The main text, printed in bold.
    public var heading: String
    /// Smaller lines under the heading, e.g. the head's title.
    public var details: [String]
    /// The style class, e.g. `division`; the template maps it to colours and shapes.
    public var style: String
    /// Extra text shown on hover, e.g. the source citation.
    public var tooltip: String?
    /// A link, when the element has one: one that OrgModel's `LinkPolicy` allows, as it writes
    /// it (views set it so); writers escape it for their format and never vet it again.
    public var url: String?
    /// The id of the group the box belongs to.
    public var group: String?
    /// Depth below the chart's root, used to give boxes of one level one width.
    public var level: Int
    /// True for a box placed beside its parent rather than in the row of its parent's children
    /// (a front office, an adviser).
    public var isAside: Bool
    /// True when the unit is inferred from its source rather than stated in it; writers draw a
    /// dashed second outline with it.
    public var isInferred = false
    /// True when the unit is announced by its source but not yet established; writers draw a
    /// dotted second outline with it, and views say when it is expected among its details.
    public var isPlanned = false
    /// The core functions of the unit the box stands for (or whose head it is), in the order of
    /// the source; no drawing shows them, the interactive page lists them for the chosen box.
    public var functions: [String] = []

    /// Creates a box.
    public init(id: String, heading: String, details: [String] = [], style: String, tooltip: String? = nil, url: String? = nil, group: String? = nil, level: Int = 0, isAside: Bool = false) {
        self.id = id
        self.heading = heading
        self.details = details
        self.style = style
        self.tooltip = tooltip
        self.url = url
        self.group = group
        self.level = level
        self.isAside = isAside
    }
}

/// One line between two boxes.
public struct Line: Sendable, Equatable {
    /// Id of the box the line starts from (the parent, for containment; the subordinate, for accountability).
    public var from: String
    /// Id of the box the line goes to.
    public var to: String
    /// The style class, e.g. `contains` or `accountable-to`.
    public var style: String
    /// Short text on the line, if any.
    public var label: String?
    /// Extra text shown on hover, e.g. the source citation.
    public var tooltip: String?
    /// True when the line shapes the layout (a tree edge); false for lines drawn across it.
    public var shapesLayout: Bool
    /// True when `to` is placed above `from` (a subordinate's line up to a superior): the layout
    /// ranks the line from `to` down to `from` and the arrow still points at `to`.
    public var ranksUpward: Bool = false
    /// False for a line that only places its lower end, drawn by no writer: an outside head set
    /// beside the head it parallels, a unit accountable to two superiors alike placed under the
    /// first while both lines are drawn across the tree.
    public var isDrawn: Bool = true
    /// True when the line is inferred from its source rather than stated in it; writers draw a
    /// small hollow circle at its tail (the end without the arrowhead), whatever its kind's dash.
    public var isInferred = false
    /// True when the line is announced by its source but not yet in force; views label it with
    /// the date or condition expected.
    public var isPlanned = false

    /// Creates a line.
    public init(from: String, to: String, style: String, label: String? = nil, tooltip: String? = nil, shapesLayout: Bool = true, ranksUpward: Bool = false) {
        self.from = from
        self.to = to
        self.style = style
        self.label = label
        self.tooltip = tooltip
        self.shapesLayout = shapesLayout
        self.ranksUpward = ranksUpward
    }

    /// A line that places `box` under `parent` in a tree and is not drawn.
    public static func placement(of box: String, under parent: String) -> Line {
        var line = Line(from: parent, to: box, style: "placement")
        line.isDrawn = false
        return line
    }
}

/// A frame around boxes that belong together (a department, a region).
public struct Group: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// The label of the frame.
    public var label: String
    /// The style class.
    public var style: String
    /// A shorter label (an abbreviation) for where the label does not fit, if any.
    public var shortLabel: String?

    /// Creates a group.
    public init(id: String, label: String, style: String, shortLabel: String? = nil) {
        self.id = id
        self.label = label
        self.style = style
        self.shortLabel = shortLabel
    }
}

/// One legend entry: a sample box or line with its meaning.
public struct LegendEntry: Sendable, Equatable {
    /// The style of the entries explaining how inferred boxes and lines are drawn: writers draw
    /// the sample with the inferred mark over their default look.
    public static let inferredStyle = "inferred"
    /// The style of the entry explaining how planned boxes and lines are drawn.
    public static let plannedStyle = "planned"

    /// Whether the entry explains a box style or a line style.
    public enum Sample: String, Sendable { case box, line, mark }
    /// Box, line or matrix mark.
    public var sample: Sample
    /// The style class it explains.
    public var style: String
    /// The explanation, e.g. "also accountable to (dual)".
    public var label: String
    /// For a line, the explanation read from its head, e.g. "also accountable to it (dual)":
    /// what a box says of a line coming in from a box on another page; nil to say `label`.
    public var incomingLabel: String?

    /// Creates an entry.
    public init(_ sample: Sample, style: String, label: String, incomingLabel: String? = nil) {
        self.sample = sample
        self.style = style
        self.label = label
        self.incomingLabel = incomingLabel
    }
}
