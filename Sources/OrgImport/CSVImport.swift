/// Imports spreadsheets of posts (id, title, reports-to …) as a model: every placed post
/// becomes a unit of kind `post` under the post it reports to, in file order; dotted-line
/// reports become `dual-reporting` relationships, which never move a box. Rows that cannot be
/// placed are reported with their file and line, and the rest is imported.
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

    /// Imports `files` (path and bytes), read in order; later files may report to posts of earlier ones.
    public func run(_ files: [(path: String, bytes: [UInt8])]) throws -> Result {
        var report = ImportReport()
        var posts: [CSVPost] = []
        var index: [String: Int] = [:]
        var rows = 0
        for file in files {
            let before = report.items.count
            let read = try CSVPost.read(file.bytes, file: file.path, named: columns, report: &report)
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
