/// `--where COLUMN=VALUE`: the rows of one snapshot (or any other subset) of a sheet. The column
/// is a header (case, spaces and punctuation ignored) or a 1-based number; values are compared
/// trimmed and ignoring case.
public struct CSVSelection: Sendable, Equatable {
    /// The column, as the caller wrote it, and the value selected.
    public var column: String, value: String

    /// Reads `COLUMN=VALUE`; nil when there is no `=` or either side is empty.
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        column = text[..<equals].trimmingBlanks()
        value = text[text.index(after: equals)...].trimmingBlanks()
        if column.isEmpty || value.isEmpty { return nil }
    }

    /// The indices of the rows of `data` whose column holds the value. Throws when the header has
    /// no such column or no row holds the value, listing the values found.
    func rows(of data: [CSVRecord], header: CSVRecord, file: String) throws -> [Int] {
        guard let index = CSVColumns.column(column, in: header.fields) else {
            throw CSVError(file: file, line: header.line, message: "no column '\(column)' for --where",
                           hint: "the header has: \(CSVColumns.listing(header.fields)); give a header or a column number")
        }
        let wanted = value.lowercased()
        let chosen = data.indices.filter { index < data[$0].fields.count && data[$0].fields[index].trimmingBlanks().lowercased() == wanted }
        if chosen.isEmpty {
            let values = CSVSnapshots.distinct(data.map { index < $0.fields.count ? $0.fields[index].trimmingBlanks() : "" })
            throw CSVError(file: file, line: header.line, message: "no row has '\(value)' in column '\(header.fields[index])'",
                           hint: "values found: \(CSVSnapshots.listing(values))")
        }
        return chosen
    }
}

/// Several snapshots of one organization concatenated in one sheet, as UK organogram files keep
/// their half-yearly returns: post ids repeat, and one column tells the copies apart. Found as
/// the column with the fewest distinct values (at least two, with five rows each on average) in
/// which ids seldom repeat a value (in at most one row of five), when at least a quarter of the ids repeat.
struct CSVSnapshots {
    /// The header of the column, and its values in order of first appearance with their row counts.
    let column: String
    let values: [(value: String, rows: Int)]

    /// The snapshots of `data`, or nil when no id repeats or no column tells the repeats apart.
    init?(_ data: [CSVRecord], header: [String], columns: CSVColumns) {
        guard let idColumn = columns.index[.id] else { return nil }
        let keyed = data.filter { columns.value(.id, in: $0) != nil }
        let ids = keyed.map { $0.fields[idColumn].trimmingBlanks().lowercased() }
        // Copies of a whole organization, not a stray repeated id.
        let distinctIDs = Set(ids).count
        guard ids.count - distinctIDs >= max(2, distinctIDs / 4) else { return nil }
        var best: (column: Int, values: [String])?
        for column in header.indices where column != idColumn {
            let values = keyed.map { column < $0.fields.count ? $0.fields[column].trimmingBlanks() : "" }
            let distinct = Self.distinct(values)
            guard distinct.count >= 2, distinct.count * 5 <= keyed.count, distinct.count < best?.values.count ?? .max else { continue }
            // Within one snapshot an id may still repeat (a data error), but not in most rows.
            var seen = Set<String>()
            let repeats = zip(ids, values).filter { !seen.insert($0 + "\u{0}" + $1).inserted }.count
            guard repeats * 5 <= keyed.count else { continue }
            best = (column, distinct)
        }
        guard let best else { return nil }
        column = header[best.column]
        let all = data.map { best.column < $0.fields.count ? $0.fields[best.column].trimmingBlanks() : "" }
        var counts: [String: Int] = [:]
        for value in all { counts[value, default: 0] += 1 }
        values = Self.distinct(all).map { ($0, counts[$0]!) }
    }

    var message: String {
        "the file holds \(values.count) snapshots, told apart by column '\(column)' (\(Self.listing(values.map { "\($0.value): \($0.rows) rows" }))); "
            + "their post ids repeat, so they cannot be imported together"
    }

    var hint: String {
        let last = values.last?.value ?? ""
        return "pick one with --where '\(column)=\(last)'"
    }

    /// The values in order of first appearance, each once.
    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// At most 12 values, then how many more.
    static func listing(_ values: [String]) -> String {
        values.prefix(12).joined(separator: ", ") + (values.count > 12 ? " and \(values.count - 12) more" : "")
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    func trimmingBlanks() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
