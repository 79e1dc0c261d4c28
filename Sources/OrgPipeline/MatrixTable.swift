import ChartGraph

/// A matrix chart as text for reports: CSV (RFC 4180) with the meaning of each relation in its
/// cell, or a Markdown table with one letter per relation and its legend and sources below.
public enum MatrixTable {
    /// The CSV text: a row of column groups, a row of column names, one row per row of the
    /// matrix (its group and name, the relations in each cell with their source numbers, its
    /// total and sources), a row of totals, then one row per numbered source; every row has
    /// the same number of fields and ends with CRLF.
    public static func csv(_ chart: Chart) -> String {
        guard let matrix = chart.matrix else { return "" }
        let meaning = Dictionary(chart.legend.map { ($0.style, $0.label) }, uniquingKeysWith: { first, _ in first })
        let groupLabel = Dictionary((matrix.rowGroups + matrix.columnGroups).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        var rows: [[String]] = []
        rows.append(["", "\(matrix.columnHeading) group"] + matrix.columns.map { groupLabel[$0.group] ?? $0.group } + ["", ""])
        rows.append(["\(matrix.rowHeading) group", matrix.rowHeading] + matrix.columns.map(\.label) + ["Total", "Sources"])
        let totals = matrix.rowTotals, sources = matrix.rowSources
        for (index, row) in matrix.rows.enumerated() {
            let cells = matrix.columns.indices.map { column in
                matrix.marks(row: index, column: column).map { mark in
                    (meaning[mark.style] ?? mark.style) + (mark.inferred ? " (inferred)" : "") + (mark.source.map { " [\($0)]" } ?? "")
                }.joined(separator: "; ")
            }
            rows.append([groupLabel[row.group] ?? row.group, row.label] + cells + [String(totals[index]), sources[index].map(String.init).joined(separator: " ")])
        }
        rows.append(["", "Total"] + matrix.columnTotals.map(String.init) + [String(matrix.marks.count), ""])
        rows += matrix.sources.map { ["", "[\($0.number)] \(source($0))"] + Array(repeating: "", count: matrix.columns.count + 2) }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The Markdown text: a heading, a table with a bold row per group of rows and one letter
    /// per relation (lower case when inferred), the key to the letters and the numbered sources.
    public static func markdown(_ chart: Chart) -> String {
        guard let matrix = chart.matrix else { return "" }
        let kinds = chart.legend.filter { $0.sample == .mark && $0.style != Mark.inferredStyle }
        let letters = self.letters(for: kinds.map(\.style))
        var out = "## \(markdownText(chart.title))\n\n"
        if let subtitle = chart.subtitle { out += "\(markdownText(subtitle))\n\n" }
        out += "| \(markdownText(matrix.rowHeading)) | " + matrix.columns.map { markdownText($0.shortLabel ?? $0.label) }.joined(separator: " | ") + " | Total | Sources |\n"
        out += "|---|" + String(repeating: ":-:|", count: matrix.columns.count) + "--:|---|\n"
        let totals = matrix.rowTotals, sources = matrix.rowSources
        let groupLabel = Dictionary(matrix.rowGroups.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        var group: String?
        for (index, row) in matrix.rows.enumerated() {
            if row.group != group {
                group = row.group
                out += "| **\(markdownText(groupLabel[row.group] ?? row.group))** |" + String(repeating: " |", count: matrix.columns.count + 2) + "\n"
            }
            let cells = matrix.columns.indices.map { column in
                matrix.marks(row: index, column: column).map { mark in
                    let letter = letters[mark.style] ?? "?"
                    return mark.inferred ? letter.lowercased() : letter
                }.joined(separator: " ")
            }
            out += "| \(markdownText(row.shortLabel.map { "\(row.label) (\($0))" } ?? row.label)) | " + cells.joined(separator: " | ")
                + " | \(totals[index]) | \(sources[index].map(String.init).joined(separator: ", ")) |\n"
        }
        out += "| **Total** | " + matrix.columnTotals.map(String.init).joined(separator: " | ") + " | **\(matrix.marks.count)** | |\n\n"
        for entry in kinds {
            if let letter = letters[entry.style] { out += "- **\(letter)**: \(markdownText(entry.label))\n" }
        }
        if matrix.marks.contains(where: \.inferred) { out += "- lower case: inferred from the source, not stated\n" }
        for note in matrix.notes { out += "- \(markdownText(note))\n" }
        if !matrix.sources.isEmpty { out += "\nSources:\n\n" }
        for source in matrix.sources { out += "\(source.number). \(markdownText(self.source(source)))\n" }
        return out
    }

    /// A source as one line: `Document §1.2 (inferred): meaning`.
    static func source(_ source: MatrixSource) -> String {
        [source.document, source.section].filter { !$0.isEmpty }.joined(separator: " ") + (source.inferred ? " (inferred)" : "") + ": \(source.meaning)"
    }

    /// One capital letter per mark style, from its first letter, the next free letter of it
    /// when two styles share one.
    static func letters(for styles: [String]) -> [String: String] {
        var taken = Set<String>(), result: [String: String] = [:]
        for style in styles {
            let candidates = style.uppercased().filter(\.isLetter).map(String.init) + (65...90).map { String(UnicodeScalar($0)!) }
            if let letter = candidates.first(where: { !taken.contains($0) }) {
                taken.insert(letter)
                result[style] = letter
            }
        }
        return result
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text safe in a Markdown table cell: backslashes and pipes escaped, line breaks as spaces,
    /// characters that start emphasis, code or links escaped.
    static func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">": out += "\\\(character)"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
