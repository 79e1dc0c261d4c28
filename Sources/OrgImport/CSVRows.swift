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

    /// Where the row is, as the report and the model's citations name it.
    var place: String { "\(file):\(line)" }
}

extension CSVPost {
    /// The posts of one file: its header mapped to roles, then one post per data row. Rows
    /// without an id are reported; a file without an id column gets ids from its name and row
    /// numbers (as junior-post files, whose rows roll up to a senior post, have none).
    static func read(_ bytes: [UInt8], file: String, named: [CSVColumns.Role: String], report: inout ImportReport) throws -> [CSVPost] {
        let records = try CSVReader.records(bytes, file: file)
        guard let header = records.first else {
            throw CSVError(file: file, line: 1, message: "the file is empty", hint: "export the sheet as CSV with a header row")
        }
        let columns = try CSVColumns(header: header.fields, named: named, file: file, line: header.line)
        let stem = Self.stem(of: file)
        var posts: [CSVPost] = []
        posts.reserveCapacity(records.count)
        for (offset, record) in records.dropFirst().enumerated() {
            let row = offset + 1
            let id: String
            if columns.index[.id] == nil {
                id = "\(stem)-\(row)"
            } else if let value = columns.value(.id, in: record) {
                id = value
            } else {
                report.items.append(.init(place: "\(file):\(record.line)", message: "row \(row) has no id; it was left out (give it a unique id)"))
                continue
            }
            posts.append(CSVPost(file: file, line: record.line, row: row, id: id, title: columns.value(.name, in: record),
                                 reportsTo: columns.value(.reportsTo, in: record), dottedLine: columns.value(.dottedLine, in: record),
                                 unit: columns.value(.unit, in: record), grade: columns.value(.grade, in: record),
                                 date: columns.value(.date, in: record)))
        }
        return posts
    }

    /// The file name without directory and extension, as a slug: `uk-organograms/mod.csv` → `mod`.
    static func stem(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let base = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        let slug = String(base.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let words = slug.split(separator: "-")
        return words.isEmpty ? "sheet" : words.joined(separator: "-")
    }
}
