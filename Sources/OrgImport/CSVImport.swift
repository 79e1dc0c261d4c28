/// Imports spreadsheets of posts (id, title, reports-to …) as a model: every placed post
/// becomes a unit of kind `post` under the post it reports to, in file order; dotted-line
/// reports become `dual-reporting` relationships, which never move a box. Junior rows (no id of
/// their own, naming their senior post) become staff groups of that post. A reports-to names a
/// post by id, or else by the name of the person holding it, or else by its title. Rows that
/// cannot be placed are reported with their file and line, and the rest is imported; when no row
/// can be placed, the import fails. A file that is not UTF-8 is read as Windows-1252, with a notice.
public struct CSVImport: Sendable {
    /// Columns named by the caller (role → header or 1-based column number); others are detected.
    public var columns: [CSVColumns.Role: String]
    /// The rows to import (`--where COLUMN=VALUE`), e.g. one snapshot of several; nil for all.
    public var selection: CSVSelection?
    /// The model's id and title; by default taken from the first file's name.
    public var modelID: String?, title: String?

    /// Creates an import.
    public init(columns: [CSVColumns.Role: String] = [:], selection: CSVSelection? = nil, modelID: String? = nil, title: String? = nil) {
        self.columns = columns
        self.selection = selection
        self.modelID = modelID
        self.title = title
    }

    /// What an import produced.
    public struct Result: Sendable {
        /// The model, as YAML text in the model format.
        public var yaml: String
        /// Rows left out or lines not drawn, with their place and reason.
        public var report: ImportReport
        /// Data rows read (those `selection` skipped not counted), posts placed in the model, and
        /// rows placed as staff groups of a post.
        public var rows: Int, placed: Int, staffGroups: Int = 0
        /// Rows skipped because the selection did not pick them.
        public var skipped = 0
        /// Rows neither placed as posts nor as staff groups.
        public var unplaced: Int { rows - placed - staffGroups }
        /// One line for people: "imported 130 posts and 200 staff groups from 333 rows; 3 not placed".
        public var summary: String {
            func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
            return "imported \(count(placed, "post"))" + (staffGroups > 0 ? " and \(count(staffGroups, "staff group"))" : "") + " from \(count(rows, "row"))"
                + (skipped > 0 ? " (\(count(skipped, "row")) not selected by --where skipped)" : "") + "; \(unplaced) not placed"
        }
    }

    /// Imports `files` (path and bytes), read in order; later files may report to posts of earlier
    /// ones. Throws a `CSVError` when a file is not CSV, cannot be read as CSV, or no row can be placed.
    public func run(_ files: [(path: String, bytes: [UInt8])]) throws -> Result {
        var report = ImportReport()
        var tables: [(path: String, records: [CSVRecord])] = []
        for file in files {
            try ImportFormat.expect(.csv, in: file.bytes, file: file.path)
            let (bytes, notUTF8) = CSVReader.utf8(file.bytes)
            if let at = notUTF8 {
                report.items.append(.init(place: "\(file.path):\(at.line)", message: "byte 0x\(String(at.byte, radix: 16, uppercase: true)) at column \(at.column) is not UTF-8; "
                    + "the file was read as Windows-1252 (Latin-1) — check accented names, or export the sheet as CSV UTF-8"))
            }
            tables.append((file.path, try CSVReader.records(bytes, file: file.path)))
        }
        return try run(tables: tables, report: report, importer: "import csv")
    }

    /// Imports tables of records (a header record, then data records), as read from CSV files,
    /// workbook sheets or JSON, after the problems already in `report`.
    func run(tables: [(path: String, records: [CSVRecord])], report: ImportReport, importer: String) throws -> Result {
        var report = report
        var posts: [CSVPost] = []
        var staff: [CSVStaffRow] = []
        var index: [String: Int] = [:]
        var rows = 0, skipped = 0
        for table in tables {
            let read = try CSVRows(table.records, file: table.path, named: columns, selection: selection, report: &report)
            rows += read.rows
            skipped += read.skipped
            staff += read.staff
            for post in read.posts {
                if let first = index[post.id] {
                    report.items.append(.init(place: post.place, message: "'\(post.id)' is already the id of \(posts[first].place); this row was left out — give each post its own id"))
                    continue
                }
                index[post.id] = posts.count
                posts.append(post)
            }
        }
        let files = tables.map(\.path)
        let stem = CSVPost.stem(of: files.first ?? "sheet")
        let managers = CSVManagers(posts: posts, index: index)
        for i in posts.indices where posts[i].reportsTo.flatMap(managers.post) == i {
            report.items.append(.init(place: posts[i].place, message: "'\(posts[i].id)' reports to itself; it was taken as a top post"))
            posts[i].reportsTo = nil
        }
        let placement = CSVPlacement(posts: posts, parent: posts.map { $0.reportsTo.flatMap(managers.post) })
        report.items += placement.report.items
        let placedSet = Set(placement.placed)
        var dotted: [(from: String, to: String, place: String)] = []
        for i in placement.placed {
            guard let target = posts[i].dottedLine else { continue }
            if let to = managers.post(target), to != i, placedSet.contains(to) {
                dotted.append((posts[i].id, posts[to].id, posts[i].place))
            } else {
                report.items.append(.init(place: posts[i].place, message: "'\(posts[i].id)' has a dotted line to '\(target)', which is not a placed post; the line was not drawn"))
            }
        }
        var groups: [Int: [CSVStaffRow]] = [:]
        for group in staff {
            if let post = managers.post(group.reportsTo), placedSet.contains(post) {
                groups[post, default: []].append(group)
            } else {
                let why = managers.post(group.reportsTo) == nil ? "which is not a post of the file" : "which could not be placed"
                report.items.append(.init(place: group.place, message: "junior staff (\(group.title ?? "no title")) report to '\(group.reportsTo)', \(why); the row was left out"))
            }
        }
        report.items.sort { Self.order($0.place) < Self.order($1.place) }
        if placement.placed.isEmpty {
            let reasons = report.items.prefix(5).map { "\n    \($0.place): \($0.message)" }.joined()
            throw CSVError(file: files.first ?? "sheet", line: 1, message: (rows == 0 ? "the files have no data rows" : "none of the \(rows) rows could be placed") + "; no model was written\(reasons)",
                           hint: "give each row an id, and one top post whose reports-to is empty; name the columns with --id and --reports-to if they were not found")
        }
        let text = CSVModelText(id: modelID ?? "\(stem)-organogram", title: title ?? "Organogram: \(files.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? stem)",
                                importer: importer, files: files, posts: posts, placed: placement.placed, root: placement.root, parent: placement.parent,
                                staff: groups, dotted: dotted)
        return Result(yaml: text.yaml, report: report, rows: rows, placed: placement.placed.count,
                      staffGroups: groups.values.reduce(0) { $0 + $1.count }, skipped: skipped)
    }

    /// File order, then line order, for sorting report items by their `file:line` place.
    private static func order(_ place: String) -> (String, Int) {
        guard let colon = place.lastIndex(of: ":") else { return (place, 0) }
        return (String(place[..<colon]), Int(place[place.index(after: colon)...]) ?? 0)
    }
}

/// Finds the post a reports-to names: by id as written, by id ignoring case, by the name of the
/// person holding it, or by its title — the last two only when a single post matches.
struct CSVManagers {
    private let ids: [String: Int]
    private let folded: [String: Int]
    private let people: [String: Int]
    private let titles: [String: Int]

    init(posts: [CSVPost], index: [String: Int]) {
        ids = index
        folded = Self.unique(index.keys.sorted().map { ($0.lowercased(), index[$0]!) })
        people = Self.unique(posts.indices.compactMap { i in posts[i].person.map { ($0.lowercased(), i) } })
        titles = Self.unique(posts.indices.compactMap { i in posts[i].title.map { ($0.lowercased(), i) } })
    }

    /// The index of the post `reference` names, or nil.
    func post(_ reference: String) -> Int? {
        if let i = ids[reference] { return i }
        let key = reference.lowercased()
        return folded[key] ?? people[key] ?? titles[key]
    }

    /// The keys that name exactly one post.
    private static func unique(_ pairs: [(String, Int)]) -> [String: Int] {
        var found: [String: Int?] = [:]
        for (key, i) in pairs { found[key] = found[key] == nil ? i : .some(nil) }
        return found.compactMapValues { $0 }
    }
}
