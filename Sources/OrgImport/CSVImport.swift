/// Imports spreadsheets of posts (id, title, reports-to …) as a model: every placed post
/// becomes a unit of kind `post` under the post it reports to, in file order; dotted-line
/// reports become `dual-reporting` relationships, which never move a box. Rows that cannot be
/// placed are reported with their file and line, and the rest is imported; when no row can be
/// placed, the import fails. A file that is not UTF-8 is read as Windows-1252, with a notice.
public struct CSVImport: Sendable {
    /// Columns named by the caller (role → header or 1-based column number); others are detected.
    public var columns: [CSVColumns.Role: String]
    /// The model's id and title; by default taken from the first file's name.
    public var modelID: String?, title: String?

    /// Creates an import.
    public init(columns: [CSVColumns.Role: String] = [:], modelID: String? = nil, title: String? = nil) {
        self.columns = columns
        self.modelID = modelID
        self.title = title
    }

    /// What an import produced.
    public struct Result: Sendable {
        /// The model, as YAML text in the model format.
        public var yaml: String
        /// Rows left out or lines not drawn, with their place and reason.
        public var report: ImportReport
        /// Data rows read, and posts placed in the model.
        public var rows: Int, placed: Int
    }

    /// Imports `files` (path and bytes), read in order; later files may report to posts of earlier
    /// ones. Throws a `CSVError` when a file cannot be read as CSV or no row can be placed.
    public func run(_ files: [(path: String, bytes: [UInt8])]) throws -> Result {
        var report = ImportReport()
        var posts: [CSVPost] = []
        var index: [String: Int] = [:]
        var rows = 0
        for file in files {
            let (bytes, notUTF8) = CSVReader.utf8(file.bytes)
            if let at = notUTF8 {
                report.items.append(.init(place: "\(file.path):\(at.line)", message: "byte 0x\(String(at.byte, radix: 16, uppercase: true)) at column \(at.column) is not UTF-8; "
                    + "the file was read as Windows-1252 (Latin-1) — check accented names, or export the sheet as CSV UTF-8"))
            }
            let before = report.items.count
            let read = try CSVPost.read(bytes, file: file.path, named: columns, report: &report)
            rows += read.count + report.items.count - before
            for post in read {
                if let first = index[post.id] {
                    report.items.append(.init(place: post.place, message: "'\(post.id)' is already the id of \(posts[first].place); this row was left out — give each post its own id"))
                    continue
                }
                index[post.id] = posts.count
                posts.append(post)
            }
        }
        let stem = CSVPost.stem(of: files.first?.path ?? "sheet")
        let placement = CSVPlacement(posts: posts, index: index)
        report.items += placement.report.items
        let placedIDs = Set(placement.placed.map { posts[$0].id })
        var dotted: [(from: String, to: String, place: String)] = []
        for i in placement.placed {
            guard let target = posts[i].dottedLine else { continue }
            if target != posts[i].id, placedIDs.contains(target) {
                dotted.append((posts[i].id, target, posts[i].place))
            } else {
                report.items.append(.init(place: posts[i].place, message: "'\(posts[i].id)' has a dotted line to '\(target)', which is not a placed post; the line was not drawn"))
            }
        }
        report.items.sort { Self.order($0.place) < Self.order($1.place) }
        if placement.placed.isEmpty {
            let reasons = report.items.prefix(5).map { "\n    \($0.place): \($0.message)" }.joined()
            throw CSVError(file: files.first?.path ?? "sheet", line: 1, message: (rows == 0 ? "the files have no data rows" : "none of the \(rows) rows could be placed") + "; no model was written\(reasons)",
                           hint: "give each row an id, and one top post whose reports-to is empty; name the columns with --id and --reports-to if they were not found")
        }
        let text = CSVModelText(id: modelID ?? "\(stem)-organogram", title: title ?? "Organogram: \(files.first.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path } ?? stem)",
                                files: files.map(\.path), posts: posts, placed: placement.placed, root: placement.root, dotted: dotted)
        return Result(yaml: text.yaml, report: report, rows: rows, placed: placement.placed.count)
    }

    /// File order, then line order, for sorting report items by their `file:line` place.
    private static func order(_ place: String) -> (String, Int) {
        guard let colon = place.lastIndex(of: ":") else { return (place, 0) }
        return (String(place[..<colon]), Int(place[place.index(after: colon)...]) ?? 0)
    }
}
