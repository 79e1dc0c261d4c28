import ChartGraph
import OrgTemplates
import TidyTree

/// Where the legend and the numbered sources go: beside the grid or under it.
public enum LegendPlacement: Sendable, CaseIterable {
    case right, below
}

/// Places a matrix chart on sheets: the row headers in a column on the left, the column headers
/// above (turned upwards when that saves width), a band per group of rows and of columns, one
/// symbol per mark, totals per row and column, the numbers of each row's sources, and the
/// legend with the numbered sources. Fitted to a page, a matrix whose smallest text would
/// print under 6 pt is cut into page-sized blocks of rows and columns, each repeating its
/// headers. Text widths are estimated from character counts, like the boxes' (`BoxMetrics`).
public struct MatrixLayout: Sendable {
    /// The chart; its `matrix` is laid out.
    public let chart: Chart
    /// The theme giving the sizes.
    public let theme: Theme
    let matrix: Matrix

    /// Text smaller than this many points on the page is too small to read.
    public static let smallestReadable = 6.0
    /// Blank margin around a sheet and space between its parts, in points.
    static let pad = 18.0, gap = 8.0
    /// Where a text's baseline sits below the top of its line, in ems.
    static let ascent = 0.94
    /// Longest header line before wrapping, in characters; a longer column label gives way to
    /// its abbreviation.
    static let rowWrap = 40, columnWrap = 30, flatColumnWrap = 14
    /// The widest legend column, in points.
    static let legendWidth = 270.0

    let labelSize: Double, smallSize: Double
    let cell: Double
    let turned: Bool
    let columnLines: [[String]], rowLines: [[String]]
    let naturalColumnWidths: [Double], rowHeights: [Double]
    let rowLabelWidth: Double, headerHeight: Double, totalsWidth: Double, sourcesWidth: Double
    let bandLines: Int

    /// Prepares the layout of `chart`, which must have a matrix.
    public init(chart: Chart, theme: Theme) {
        self.chart = chart
        self.theme = theme
        let matrix = chart.matrix ?? Matrix(rowHeading: "", columnHeading: "", rows: [], columns: [], rowGroups: [], columnGroups: [], marks: [], sources: [])
        self.matrix = matrix
        // Every text of the grid in the theme's small print: a matrix is dense by nature.
        labelSize = min(theme.footerSize, theme.detailSize)
        smallSize = labelSize
        let lineHeight = labelSize * BoxMetrics.lineHeight
        cell = (lineHeight + 1.6).rounded()

        let rowLines = matrix.rows.map { row in
            BoxMetrics.wrap(row.shortLabel.map { "\(row.label) (\($0))" } ?? row.label, width: Self.rowWrap)
        }
        self.rowLines = rowLines
        let cell = cell, labelSize = labelSize
        rowHeights = rowLines.map { max(cell, Double($0.count) * lineHeight + 2) }
        func width(_ text: String, bold: Bool = false) -> Double {
            TextMeasure.width(text, size: labelSize, bold: bold, font: theme.font)
        }
        rowLabelWidth = max(rowLines.flatMap { $0 }.map { width($0) }.max() ?? 0, width(matrix.rowHeading, bold: true)) + 8

        let labels = matrix.columns.map { column in
            column.label.count > Self.columnWrap ? column.shortLabel ?? column.label : column.label
        }
        let turnedLines = labels.map { BoxMetrics.wrap($0, width: Self.columnWrap) }
        let flatLines = labels.map { BoxMetrics.wrap($0, width: Self.flatColumnWrap) }
        let turnedWidths = turnedLines.map { max(cell, Double($0.count) * lineHeight + 2) }
        let flatWidths = flatLines.map { lines in max(cell, (lines.map { width($0) }.max() ?? 0) + 6) }
        let turned = turnedWidths.reduce(0, +) < flatWidths.reduce(0, +)
        self.turned = turned
        let columnLines = turned ? turnedLines : flatLines
        self.columnLines = columnLines
        naturalColumnWidths = turned ? turnedWidths : flatWidths
        let longest = columnLines.flatMap { $0 }.map { width($0) }.max() ?? 0
        let lineCount = Double(columnLines.map(\.count).max() ?? 1)
        headerHeight = max(turned ? longest + 8 : lineCount * lineHeight + 4, lineHeight * 2 + 4)
        totalsWidth = max(cell * 1.8, width("Total", bold: true) + 6)
        let sourceTexts = matrix.rowSources.map { $0.map(String.init).joined(separator: ", ") }
        sourcesWidth = max(width("Sources", bold: true), sourceTexts.map { width($0) }.max() ?? 0) + 8
        // The band above the columns has as many lines as its most crowded group needs at the
        // natural widths, at most three; groups that need more are widened.
        let runs = Self.runs(Array(matrix.columns.indices), groupOf: { matrix.columns[$0].group })
        let widths = naturalColumnWidths
        let needed = runs.map { run in
            Self.wrap(matrix.columnGroups.first { $0.id == run.group }?.label ?? run.group, span: run.members.reduce(0) { $0 + widths[$1] }, size: labelSize).count
        }
        bandLines = min(3, max(2, needed.max() ?? 1))
    }

    // MARK: Sheets

    /// The sheets of the matrix: one sheet at its natural size without a page; on a page, one
    /// sheet scaled to fit when its text stays readable, otherwise page-sized blocks of rows and
    /// columns at the smallest readable scale, each with its headers, totals and legend.
    public func sheets(page: PageSize?, margin: Double) -> [MatrixSheet] {
        let everyRow = Array(matrix.rows.indices), everyColumn = Array(matrix.columns.indices)
        let target = page ?? PageSize.a3.landscape
        let area = (width: target.width * 72 - 2 * margin, height: target.height * 72 - 2 * margin)
        func scale(_ size: (width: Double, height: Double)) -> Double { min(1, area.width / size.width, area.height / size.height) }
        let whole = LegendPlacement.allCases.map { placement in (placement, scale(measure(rows: everyRow, columns: everyColumn, legend: placement))) }
        let best = whole.max { $0.1 < $1.1 }!
        guard let page, best.1 * smallestText < Self.smallestReadable else {
            var sheet = self.sheet(rows: everyRow, columns: everyColumn, legend: best.0, caption: nil)
            if page != nil { sheet.scale = best.1 }
            return [sheet]
        }
        _ = page
        let readable = Self.smallestReadable / smallestText
        let room = (width: area.width / readable, height: area.height / readable)
        let plans = LegendPlacement.allCases.map { placement -> (LegendPlacement, [[Int]], [[Int]]) in
            let columnBlocks = blocks(of: everyColumn, groupOf: { matrix.columns[$0].group }) { measure(rows: [everyRow[0]], columns: $0, legend: placement, captioned: true).width <= room.width }
            // Rows are cut to fit under the tallest block of columns (the longest turned-up headers),
            // so that every sheet of a row block stays readable, not only the first.
            let tallest = columnBlocks.max { a, b in
                measure(rows: [everyRow[0]], columns: a, legend: placement, captioned: true).height
                    < measure(rows: [everyRow[0]], columns: b, legend: placement, captioned: true).height
            }!
            let rowBlocks = blocks(of: everyRow, groupOf: { matrix.rows[$0].group }) { measure(rows: $0, columns: tallest, legend: placement, captioned: true).height <= room.height }
            return (placement, rowBlocks, columnBlocks)
        }
        let plan = plans.min { $0.1.count * $0.2.count < $1.1.count * $1.2.count }!
        var sheets: [MatrixSheet] = []
        let count = plan.1.count * plan.2.count
        for rows in plan.1 {
            for columns in plan.2 {
                let caption = "Page \(sheets.count + 1) of \(count): \(matrix.rowHeading.lowercased()) \(rows.first! + 1)–\(rows.last! + 1) of \(matrix.rows.count), "
                    + "\(matrix.columnHeading.lowercased()) \(columns.first! + 1)–\(columns.last! + 1) of \(matrix.columns.count)"
                var sheet = self.sheet(rows: rows, columns: columns, legend: plan.0, caption: caption)
                sheet.scale = min(1, area.width / sheet.width, area.height / sheet.height)
                sheets.append(sheet)
            }
        }
        return sheets
    }

    /// The size of the smallest text of a sheet, in points.
    var smallestText: Double { min(labelSize, smallSize) }

    /// Consecutive blocks of `items`, as few as `fits` allows, each ending at a group's end when
    /// that keeps the block at least half full, and evened out: no block longer than it must be
    /// for that many, so that the last sheet is not a stub of a few rows after full ones.
    private func blocks(of items: [Int], groupOf: (Int) -> String, fits: ([Int]) -> Bool) -> [[Int]] {
        let fullest = blocks(of: items, groupOf: groupOf, most: items.count, fits: fits)
        guard fullest.count > 1, let longest = fullest.map(\.count).max() else { return fullest }
        for most in (items.count + fullest.count - 1) / fullest.count..<longest {
            let even = blocks(of: items, groupOf: groupOf, most: most, fits: fits)
            if even.count == fullest.count { return even }
        }
        return fullest
    }

    /// Consecutive blocks of `items`, each as long as `fits` allows up to `most` items, ending at
    /// a group's end when that keeps the block at least half full.
    private func blocks(of items: [Int], groupOf: (Int) -> String, most: Int, fits: ([Int]) -> Bool) -> [[Int]] {
        var result: [[Int]] = []
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count, end - start < most, fits(Array(items[start...end])) { end += 1 }
            if end < items.count {
                let boundary = (start + 1..<end).last { groupOf(items[$0]) != groupOf(items[$0 - 1]) }
                if let boundary, boundary - start >= (end - start) / 2 { end = boundary }
            }
            result.append(Array(items[start..<end]))
            start = end
        }
        return result
    }

    // MARK: Geometry of one sheet

    var lineHeight: Double { labelSize * BoxMetrics.lineHeight }
    var smallLineHeight: Double { smallSize * BoxMetrics.lineHeight + 1 }
    var bandHeight: Double { Double(bandLines) * lineHeight + 4 }
    var rowBandHeight: Double { lineHeight + 4 }
    /// The height of the title, the subtitle and, on a block of a split matrix, its caption.
    func titleHeight(captioned: Bool) -> Double {
        let lines = (chart.subtitle == nil ? 0 : 1) + (captioned ? 1 : 0)
        return theme.titleSize * BoxMetrics.lineHeight * (1 + 0.7 * Double(lines))
    }

    private func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        TextMeasure.width(text, size: size, bold: bold, font: theme.font)
    }

    /// The widths of `columns`, those of a group widened so that its label fits its band.
    func columnWidths(_ columns: [Int]) -> [Double] {
        var widths = columns.map { naturalColumnWidths[$0] }
        var offset = 0
        for run in Self.runs(columns, groupOf: { matrix.columns[$0].group }) {
            let range = offset..<offset + run.members.count
            var span = range.reduce(0) { $0 + widths[$1] }
            let natural = span
            while labelLines(for: run.group, span: span).count > bandLines || widestWord(labelLines(for: run.group, span: span)) > span - 4 { span += 2 }
            for index in range { widths[index] += (span - natural) / Double(run.members.count) }
            offset += run.members.count
        }
        return widths
    }

    private func label(of group: String) -> String {
        matrix.columnGroups.first { $0.id == group }?.label ?? matrix.rowGroups.first { $0.id == group }?.label ?? group
    }

    private func widestWord(_ lines: [String]) -> Double {
        lines.flatMap { $0.split(separator: " ") }.map { width(String($0), size: labelSize, bold: true) }.max() ?? 0
    }

    /// The label of a column group wrapped to `span` points: its short label when the whole
    /// one would need more lines than the band has, or a word wider than the span.
    func labelLines(for group: String, span: Double) -> [String] {
        let lines = Self.wrap(label(of: group), span: span, size: labelSize)
        guard lines.count > bandLines || widestWord(lines) > span - 4,
              let short = (matrix.columnGroups.first { $0.id == group } ?? matrix.rowGroups.first { $0.id == group })?.shortLabel else { return lines }
        return Self.wrap(short, span: span, size: labelSize)
    }

    /// Bold text of `size` wrapped to `span` points.
    static func wrap(_ text: String, span: Double, size: Double) -> [String] {
        BoxMetrics.wrap(text, width: max(1, Int((span - 4) / (size * TextMeasure.boldAdvance))))
    }

    /// Consecutive members sharing a group.
    static func runs(_ items: [Int], groupOf: (Int) -> String) -> [(group: String, members: [Int])] {
        var runs: [(group: String, members: [Int])] = []
        for item in items {
            let group = groupOf(item)
            if runs.last?.group == group { runs[runs.count - 1].members.append(item) } else { runs.append((group, [item])) }
        }
        return runs
    }

    /// The legend and sources as lines of a column `columnWidth` points wide, in blocks that a
    /// column never breaks: an entry with its wrapped lines, a heading with the entry after it.
    private func notes(columnWidth: Double) -> [[Note]] {
        let chars = max(10, Int((columnWidth - 14) / (smallSize * TextMeasure.regularAdvance)))
        var blocks: [[Note]] = [[.heading("Legend")]]
        /// Adds a block, joined to a heading that would otherwise end a column.
        func add(_ block: [Note]) {
            if case .heading = blocks.last?.last { blocks[blocks.count - 1] += block } else { blocks.append(block) }
        }
        let kinds = chart.legend.filter { $0.sample == .mark }
        let firstKind = kinds.first { $0.style != Mark.inferredStyle }?.style ?? "default"
        for entry in kinds {
            let inferred = entry.style == Mark.inferredStyle
            add(BoxMetrics.wrap(entry.label, width: chars).enumerated().map { index, line in
                .sample(index == 0 ? (inferred ? firstKind : entry.style) : nil, inferred: inferred, text: line)
            })
        }
        for remark in matrix.notes {
            add(BoxMetrics.wrap(remark, width: chars + 2).map { .text($0, indent: false) })
        }
        guard !matrix.sources.isEmpty else { return blocks }
        blocks.append([.heading("Sources (numbered in the Sources column)")])
        var document: String?
        for source in matrix.sources {
            if source.document != document {
                document = source.document
                add(BoxMetrics.wrap(source.document, width: chars + 2).map { .text($0, indent: false) })
            }
            let text = "\(source.number)  \(source.section.isEmpty ? "whole document" : source.section)\(source.inferred ? " (inferred)" : ""): \(source.meaning)"
            add(BoxMetrics.wrap(text, width: chars).enumerated().map { .text($0.element, indent: $0.offset > 0) })
        }
        return blocks
    }

    /// A line of the legend.
    enum Note {
        case heading(String)
        case sample(String?, inferred: Bool, text: String)
        case text(String, indent: Bool)

        var text: String {
            switch self {
            case .heading(let text), .sample(_, _, let text), .text(let text, _): return text
            }
        }
    }

    /// The legend's blocks split into `count` columns of about equal length; a column ends
    /// before a block that would mostly run past that length.
    private func noteColumns(_ blocks: [[Note]], count: Int) -> [[Note]] {
        guard count > 1 else { return [Array(blocks.joined())] }
        let perColumn = (blocks.reduce(0) { $0 + $1.count } + count - 1) / count
        var columns: [[Note]] = []
        var current: [Note] = []
        for block in blocks {
            if !current.isEmpty, current.count + block.count / 2 >= perColumn, columns.count < count - 1 {
                columns.append(current)
                current = []
            }
            current += block
        }
        columns.append(current)
        return columns
    }

    /// The grid's width without the legend.
    private func gridWidth(_ columns: [Int]) -> Double {
        rowLabelWidth + columnWidths(columns).reduce(0, +) + totalsWidth + sourcesWidth
    }

    private func gridHeight(_ rows: [Int]) -> Double {
        let bands = Self.runs(rows, groupOf: { matrix.rows[$0].group }).count
        return bandHeight + headerHeight + Double(bands) * rowBandHeight + rows.reduce(0) { $0 + rowHeights[$1] } + cell
    }

    /// How the legend is laid out for a grid `gridWidth` wide: its columns and their width.
    private func legendColumns(_ placement: LegendPlacement, gridWidth: Double, gridHeight: Double) -> (columns: [[Note]], width: Double) {
        let all = notes(columnWidth: Self.legendWidth)
        let natural = min(Self.legendWidth, (all.joined().map { width($0.text, size: smallSize) }.max() ?? 0) + 16)
        switch placement {
        case .right:
            let count = max(1, Int((Double(all.reduce(0) { $0 + $1.count }) * smallLineHeight / max(gridHeight, 1)).rounded(.up)))
            return (noteColumns(all, count: count), natural)
        case .below:
            let count = max(1, min(4, Int((gridWidth + Self.gap) / (Self.legendWidth + Self.gap))))
            return (noteColumns(all, count: count), count == 1 ? natural : Self.legendWidth)
        }
    }

    /// Width and height of the sheet of `rows` × `columns`.
    func measure(rows: [Int], columns: [Int], legend placement: LegendPlacement, captioned: Bool = false) -> (width: Double, height: Double) {
        let gridW = gridWidth(columns), gridH = gridHeight(rows)
        let legend = legendColumns(placement, gridWidth: gridW, gridHeight: gridH)
        let legendW = Double(legend.columns.count) * (legend.width + Self.gap)
        let legendH = Double(legend.columns.map(\.count).max() ?? 0) * smallLineHeight
        let top = Self.pad + titleHeight(captioned: captioned) + Self.gap
        switch placement {
        case .right: return (gridW + Self.gap + legendW + 2 * Self.pad, top + max(gridH, legendH) + Self.pad)
        case .below: return (max(gridW, legendW) + 2 * Self.pad, top + gridH + Self.gap + legendH + Self.pad)
        }
    }

    /// The sheet of `rows` × `columns`, with its legend placed as asked and `caption` under the title.
    public func sheet(rows: [Int], columns: [Int], legend placement: LegendPlacement, caption: String?) -> MatrixSheet {
        var shapes: [MatrixShape] = []
        var texts: [MatrixShape] = []
        var rules: [MatrixShape] = []
        let size = measure(rows: rows, columns: columns, legend: placement, captioned: caption != nil)
        let widths = columnWidths(columns)
        let gridW = gridWidth(columns), gridH = gridHeight(rows)
        let left = Self.pad, top = Self.pad + titleHeight(captioned: caption != nil) + Self.gap
        let lh = lineHeight
        func text(_ string: String, x: Double, top: Double, size: Double? = nil, bold: Bool = false, anchor: PlacedText.Anchor = .start) {
            let size = size ?? labelSize
            texts.append(.text(PlacedText(string, x: x, baseline: top + size * Self.ascent, size: size, bold: bold, anchor: anchor)))
        }

        // Title.
        shapes.append(.section(.title, begins: true))
        var y = Self.pad
        let centre = left + gridW / 2
        text(chart.title, x: centre, top: y, size: theme.titleSize, bold: true, anchor: .middle)
        y += theme.titleSize * BoxMetrics.lineHeight
        for line in [chart.subtitle, caption].compactMap({ $0 }) {
            text(line, x: centre, top: y, size: theme.titleSize * 0.7, anchor: .middle)
            y += theme.titleSize * 0.7 * BoxMetrics.lineHeight
        }
        shapes += texts
        texts = []
        shapes.append(.section(.title, begins: false))

        // Column x positions.
        let columnsLeft = left + rowLabelWidth
        var xs: [Double] = []
        var x = columnsLeft
        for width in widths {
            xs.append(x)
            x += width
        }
        let totalsLeft = x, sourcesLeft = x + totalsWidth, gridRight = left + gridW
        let headerTop = top + bandHeight, bodyTop = headerTop + headerHeight, bottom = top + gridH

        // Column groups: bands and labels; the headings in the corner.
        text(matrix.columnHeading + " →", x: left + 4, top: top + (bandHeight - lh) / 2, bold: true)
        text(matrix.rowHeading + " ↓", x: left + 4, top: bodyTop - lh - 2, bold: true)
        var offset = 0
        for run in Self.runs(columns, groupOf: { matrix.columns[$0].group }) {
            let start = xs[offset], span = widths[offset..<offset + run.members.count].reduce(0, +)
            let style = matrix.columnGroups.first { $0.id == run.group }?.style ?? "default"
            shapes.append(.band(BoxFrame(center: ChartPoint(x: start + span / 2, y: top + bandHeight / 2), width: span - 1, height: bandHeight - 1), style: style))
            let lines = labelLines(for: run.group, span: span)
            var lineTop = top + (bandHeight - Double(lines.count) * lh) / 2
            for line in lines {
                text(line, x: start + span / 2, top: lineTop, bold: true, anchor: .middle)
                lineTop += lh
            }
            if offset > 0 { rules.append(.rule(ChartPoint(x: start, y: top), ChartPoint(x: start, y: bottom), strong: true)) }
            offset += run.members.count
        }

        // Column headers.
        for (position, column) in columns.enumerated() {
            let lines = columnLines[column], width = widths[position]
            if turned {
                var lineLeft = xs[position] + (width - Double(lines.count) * lh) / 2
                for line in lines {
                    texts.append(.text(PlacedText(line, x: lineLeft + labelSize * Self.ascent, baseline: bodyTop - 4, size: labelSize, turned: true)))
                    lineLeft += lh
                }
            } else {
                var lineTop = bodyTop - Double(lines.count) * lh - 2
                for line in lines {
                    text(line, x: xs[position] + width / 2, top: lineTop, anchor: .middle)
                    lineTop += lh
                }
            }
            if position > 0 { rules.append(.rule(ChartPoint(x: xs[position], y: headerTop), ChartPoint(x: xs[position], y: bottom), strong: false)) }
        }
        text("Total", x: totalsLeft + totalsWidth / 2, top: bodyTop - lh - 2, bold: true, anchor: .middle)
        text("Sources", x: sourcesLeft + 4, top: bodyTop - lh - 2, bold: true)
        for edge in [columnsLeft, totalsLeft, sourcesLeft] {
            rules.append(.rule(ChartPoint(x: edge, y: headerTop), ChartPoint(x: edge, y: bottom), strong: true))
        }
        rules.append(.rule(ChartPoint(x: left, y: bodyTop), ChartPoint(x: gridRight, y: bodyTop), strong: true))

        // Rows, under a band per group.
        let rowTotals = matrix.rowTotals, rowSources = matrix.rowSources
        var rowTops: [Int: Double] = [:]
        y = bodyTop
        for run in Self.runs(rows, groupOf: { matrix.rows[$0].group }) {
            let style = matrix.rowGroups.first { $0.id == run.group }?.style ?? "default"
            shapes.append(.band(BoxFrame(center: ChartPoint(x: left + gridW / 2, y: y + rowBandHeight / 2), width: gridW, height: rowBandHeight), style: style))
            let continued = run.members.first.map { first in rows.first == first && matrix.rows.indices.contains(first - 1) && matrix.rows[first - 1].group == run.group } ?? false
            text(label(of: run.group) + (continued ? " (continued)" : ""), x: left + 4, top: y + 2, bold: true)
            y += rowBandHeight
            for row in run.members {
                rowTops[row] = y
                let height = rowHeights[row]
                var lineTop = y + (height - Double(rowLines[row].count) * lh) / 2
                for line in rowLines[row] {
                    text(line, x: left + 8, top: lineTop)
                    lineTop += lh
                }
                text(String(rowTotals[row]), x: totalsLeft + totalsWidth / 2, top: y + (height - lh) / 2, anchor: .middle)
                text(rowSources[row].map(String.init).joined(separator: ", "), x: sourcesLeft + 4, top: y + (height - lh) / 2)
                y += height
                rules.append(.rule(ChartPoint(x: left, y: y), ChartPoint(x: gridRight, y: y), strong: false))
            }
        }

        // Totals row.
        rules.append(.rule(ChartPoint(x: left, y: y), ChartPoint(x: gridRight, y: y), strong: true))
        text("Total", x: left + 4, top: y + (cell - lh) / 2, bold: true)
        let columnTotals = matrix.columnTotals
        for (position, column) in columns.enumerated() {
            text(String(columnTotals[column]), x: xs[position] + widths[position] / 2, top: y + (cell - lh) / 2, anchor: .middle)
        }
        text(String(matrix.marks.count), x: totalsLeft + totalsWidth / 2, top: y + (cell - lh) / 2, bold: true, anchor: .middle)

        // Marks: several in one cell stand side by side.
        var marks: [MatrixShape] = []
        let shown = Set(rows), position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })
        var byCell: [[Int]: [Int]] = [:]
        for (index, mark) in matrix.marks.enumerated() where shown.contains(mark.row) && position[mark.column] != nil {
            byCell[[mark.row, mark.column], default: []].append(index)
        }
        for key in byCell.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let indices = byCell[key]!, column = position[key[1]]!
            let width = widths[column], height = rowHeights[key[0]]
            let symbol = min(cell * 0.62, width * 0.8 / Double(indices.count))
            for (n, index) in indices.enumerated() {
                let cx = xs[column] + width * (Double(n) + 0.5) / Double(indices.count)
                marks.append(.mark(index, center: ChartPoint(x: cx, y: rowTops[key[0]]! + height / 2), size: symbol))
            }
        }

        // Legend and sources.
        let legend = legendColumns(placement, gridWidth: gridW, gridHeight: gridH)
        var legendShapes: [MatrixShape] = [.section(.legend, begins: true)]
        var columnLeft = placement == .right ? gridRight + Self.gap * 2 : left
        let legendTop = placement == .right ? top : bottom + Self.gap
        let sample = smallSize * 0.9
        for notes in legend.columns {
            var lineTop = legendTop
            for note in notes {
                let baseline = lineTop + smallSize * Self.ascent
                switch note {
                case .heading(let string):
                    legendShapes.append(.text(PlacedText(string, x: columnLeft, baseline: baseline, size: smallSize, bold: true)))
                case let .sample(style, inferred, string):
                    if let style {
                        legendShapes.append(.sample(style: style, inferred: inferred, center: ChartPoint(x: columnLeft + 5, y: lineTop + smallLineHeight / 2), size: sample))
                    }
                    legendShapes.append(.text(PlacedText(string, x: columnLeft + 14, baseline: baseline, size: smallSize)))
                case let .text(string, indent):
                    legendShapes.append(.text(PlacedText(string, x: columnLeft + (indent ? 14 : 0), baseline: baseline, size: smallSize)))
                }
                lineTop += smallLineHeight
            }
            columnLeft += legend.width + Self.gap
        }
        legendShapes.append(.section(.legend, begins: false))

        // Bands over the rules, so that no rule crosses a group's label.
        let bands = shapes.filter { if case .band = $0 { return true } else { return false } }
        shapes.removeAll { if case .band = $0 { return true } else { return false } }
        shapes += rules + bands + texts + marks + legendShapes
        return MatrixSheet(width: size.width, height: size.height, shapes: shapes, rows: rows, columns: columns, scale: 1, smallestText: smallestText)
    }
}
