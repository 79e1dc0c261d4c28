/// A chart drawn as a grid rather than boxes and lines: rows (e.g. providers of services)
/// against columns (their clients), each grouped under a heading, with one mark per relation
/// where a row meets a column. Many-to-many relations read far better this way than as lines.
/// Like `Chart`, it knows nothing of organizations (style classes only) and nothing of geometry.
public struct Matrix: Sendable, Equatable {
    /// What the rows are, e.g. "Providers".
    public var rowHeading: String
    /// What the columns are, e.g. "Clients".
    public var columnHeading: String
    /// The rows, in order; each names its group.
    public var rows: [MatrixHeader]
    /// The columns, in order; each names its group.
    public var columns: [MatrixHeader]
    /// The groups of the rows, in order of first use.
    public var rowGroups: [Group]
    /// The groups of the columns, in order of first use.
    public var columnGroups: [Group]
    /// One mark per relation, in row then column order.
    public var marks: [Mark]
    /// The numbered sources the marks cite, in number order.
    public var sources: [MatrixSource]
    /// Remarks printed with the legend, e.g. how columns are grouped.
    public var notes: [String]

    /// Creates a matrix.
    public init(rowHeading: String, columnHeading: String, rows: [MatrixHeader], columns: [MatrixHeader], rowGroups: [Group], columnGroups: [Group],
                marks: [Mark], sources: [MatrixSource], notes: [String] = []) {
        self.rowHeading = rowHeading
        self.columnHeading = columnHeading
        self.rows = rows
        self.columns = columns
        self.rowGroups = rowGroups
        self.columnGroups = columnGroups
        self.marks = marks
        self.sources = sources
        self.notes = notes
    }

    /// The number of marks in each row, in row order.
    public var rowTotals: [Int] {
        var totals = [Int](repeating: 0, count: rows.count)
        for mark in marks { totals[mark.row] += 1 }
        return totals
    }

    /// The number of marks in each column, in column order.
    public var columnTotals: [Int] {
        var totals = [Int](repeating: 0, count: columns.count)
        for mark in marks { totals[mark.column] += 1 }
        return totals
    }

    /// The numbers of the sources cited by the marks of each row, ascending, in row order.
    public var rowSources: [[Int]] {
        var cited = [Set<Int>](repeating: [], count: rows.count)
        for mark in marks { if let source = mark.source { cited[mark.row].insert(source) } }
        return cited.map { $0.sorted() }
    }

    /// The marks where `row` meets `column`, in order.
    public func marks(row: Int, column: Int) -> [Mark] {
        marks.filter { $0.row == row && $0.column == column }
    }
}

/// A row or a column of a matrix.
public struct MatrixHeader: Sendable, Equatable {
    /// Stable id, e.g. the unit's id.
    public var id: String
    /// The text printed in the header, e.g. the unit's name.
    public var label: String
    /// A shorter text for tight headers (an abbreviation), if any.
    public var shortLabel: String?
    /// The id of its group.
    public var group: String
    /// Extra text shown on hover.
    public var tooltip: String?

    /// Creates a header.
    public init(id: String, label: String, shortLabel: String? = nil, group: String, tooltip: String? = nil) {
        self.id = id
        self.label = label
        self.shortLabel = shortLabel
        self.group = group
        self.tooltip = tooltip
    }
}

/// One relation where a row meets a column.
public struct Mark: Sendable, Equatable {
    /// The row's index.
    public var row: Int
    /// The column's index.
    public var column: Int
    /// The style class, e.g. `backstops`; the theme maps it to a symbol.
    public var style: String
    /// True when the relation is inferred rather than stated by its source.
    public var inferred: Bool
    /// The number of the source it cites (see `Matrix.sources`), if any.
    public var source: Int?
    /// Text shown on hover: the relation and its source.
    public var tooltip: String

    /// The style of the legend entry explaining that hollow (inferred) marks are inferred.
    public static let inferredStyle = "inferred"

    /// Creates a mark.
    public init(row: Int, column: Int, style: String, inferred: Bool = false, source: Int? = nil, tooltip: String) {
        self.row = row
        self.column = column
        self.style = style
        self.inferred = inferred
        self.source = source
        self.tooltip = tooltip
    }
}

/// A numbered source cited by marks: a document and the paragraph in it.
public struct MatrixSource: Sendable, Equatable {
    /// The number printed for it, from 1.
    public var number: Int
    /// The document, e.g. `ST/SGB/2010/1` or its title.
    public var document: String
    /// The paragraph, e.g. `§4.10`; empty for the whole document.
    public var section: String
    /// True when the marks citing it are inferred from the paragraph rather than stated.
    public var inferred: Bool
    /// What the marks citing it establish, e.g. "backstops".
    public var meaning: String

    /// Creates a source.
    public init(number: Int, document: String, section: String, inferred: Bool, meaning: String) {
        self.number = number
        self.document = document
        self.section = section
        self.inferred = inferred
        self.meaning = meaning
    }
}
