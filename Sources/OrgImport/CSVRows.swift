/// One post read from a spreadsheet row, before it is placed in the tree.
struct CSVPost {
    /// The file and line the row starts on, and its number among the file's data rows.
    var file: String, line: Int, row: Int
    var id: String
    var title: String?
    var reportsTo: String?
    var dottedLine: String?
    var unit: String?
    var grade: String?
    var date: String?
    /// The person holding the post, when the sheet names one.
    var person: String?
    /// True when the sheet says the post is vacant.
    var vacant = false

    /// Where the row is, as the report and the model's citations name it.
    var place: String { "\(file):\(line)" }
}

/// A row of junior staff: no post of its own, a group of staff (title, grade, FTE) under the
/// senior post it names.
struct CSVStaffRow {
    var file: String, line: Int, row: Int
    var reportsTo: String
    var title: String?
    var grade: String?
    var fte: Double?

    var place: String { "\(file):\(line)" }
}

/// The rows of a table (a CSV file, a sheet, a JSON list), sorted into posts and staff groups.
struct CSVRows {
    var posts: [CSVPost] = []
    var staff: [CSVStaffRow] = []
    /// Data rows read, and rows skipped because `--where` did not select them.
    var rows = 0, skipped = 0

    /// Reads `records` (the header first) of `file`: rows not selected by `selection` are
    /// skipped; a row with an id is a post; a row without one that names its senior post and is
    /// marked junior (or gives an FTE) is a staff group; other rows without an id are reported.
    /// A table without an id column gets ids from its name and row numbers. Throws when the
    /// table is empty, a named column is missing, or it holds several snapshots and no selection.
    init(_ records: [CSVRecord], file: String, named: [CSVColumns.Role: String], selection: CSVSelection?, report: inout ImportReport) throws {
        guard let header = records.first else {
            throw CSVError(file: file, line: 1, message: "the file is empty", hint: "export the sheet as CSV with a header row")
        }
        let columns = try CSVColumns(header: header.fields, named: named, file: file, line: header.line)
        // Rows keep their number among all the data rows when a selection skips some.
        let all = Array(records.dropFirst())
        var data = Array(all.indices)
        if let selection {
            let chosen = try selection.rows(of: all, header: header, file: file)
            skipped = all.count - chosen.count
            data = chosen
        } else if let snapshots = CSVSnapshots(all, header: header.fields, columns: columns) {
            throw CSVError(file: file, line: header.line, message: snapshots.message, hint: snapshots.hint)
        }
        let stem = CSVPost.stem(of: file)
        posts.reserveCapacity(data.count)
        for offset in data {
            let record = all[offset], row = offset + 1
            var title = columns.value(.name, in: record), person = columns.value(.person, in: record)
            // A row without a title (an entry of a JSON tree, say) shows its holder's name as its title.
            if title == nil { swap(&title, &person) }
            let grade = columns.value(.grade, in: record)
            let boss = columns.value(.reportsTo, in: record)
            let fte = columns.value(.fte, in: record).flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            let id: String
            if columns.index[.id] == nil {
                id = "\(stem)-\(row)"
            } else if let value = columns.value(.id, in: record) {
                id = value
            } else if columns.value(.seniority, in: record)?.lowercased() == "junior" || fte != nil {
                guard let boss else {
                    report.items.append(.init(place: "\(file):\(record.line)", message: "row \(row) is junior staff naming no senior post; it was left out (give the post it reports to)"))
                    continue
                }
                staff.append(CSVStaffRow(file: file, line: record.line, row: row, reportsTo: boss, title: title, grade: grade, fte: fte))
                continue
            } else {
                report.items.append(.init(place: "\(file):\(record.line)", message: "row \(row) has no id; it was left out (give it a unique id)"))
                continue
            }
            let vacant = person.map { Self.vacancy.contains($0.lowercased()) } ?? false
            posts.append(CSVPost(file: file, line: record.line, row: row, id: id, title: title, reportsTo: boss,
                                 dottedLine: columns.value(.dottedLine, in: record), unit: columns.value(.unit, in: record), grade: grade,
                                 date: columns.value(.date, in: record),
                                 person: vacant || Self.noName.contains(person?.lowercased() ?? "") ? nil : person, vacant: vacant))
        }
        rows = data.count
    }

    /// What sheets write for a post nobody holds.
    static let vacancy: Set<String> = ["vacant", "vacancy", "vacant post", "post vacant", "(vacant)"]
    /// What sheets write in the name column that is not a name.
    static let noName: Set<String> = ["", "eliminated", "not disclosed", "withheld", "redacted"]
}

extension CSVPost {
    /// The file name without directory and extension, as a slug: `uk-organograms/mod.csv` → `mod`.
    static func stem(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let base = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let slug = String(base.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let words = slug.split(separator: "-")
        return words.isEmpty ? "sheet" : words.joined(separator: "-")
    }
}
