import OrgModel

/// The YAML text of an imported spreadsheet model: every value double-quoted, keys in a fixed
/// order, posts in file order, so the same files always give the same bytes.
struct CSVModelText {
    let id: String
    let title: String
    /// The command that imported it, e.g. `import csv`, for the comment line.
    let importer: String
    let files: [String]
    let posts: [CSVPost]
    let placed: [Int]
    let root: Int?
    /// The post each post reports to.
    let parent: [Int?]
    /// The staff groups of each placed post that has some.
    let staff: [Int: [CSVStaffRow]]
    let dotted: [(from: String, to: String, place: String)]

    var yaml: String {
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        var out = "# Imported by `orgchart \(importer)` from \(names.joined(separator: ", ")).\n"
        out += "model: \(Self.quoted(id))\ntitle: \(Self.quoted(title))\n"
        let dates = Set(placed.compactMap { posts[$0].date })
        if dates.count == 1, let date = dates.first { out += "date: \(Self.quoted(date))\n" }
        if let root { out += "root: \(Self.quoted(posts[root].id))\n" }
        let taken = Set(posts.map(\.id))
        let documents = files.enumerated().map { offset, _ in Self.documentID(offset, avoiding: taken) }
        out += "documents:\n"
        for (offset, name) in names.enumerated() {
            out += "  - id: \(Self.quoted(documents[offset]))\n    title: \(Self.quoted(name))\n"
        }
        func source(_ file: String, row: Int) -> Citation {
            Citation(document: documents[files.firstIndex(of: file) ?? 0], section: "row \(row)")
        }
        out += "units:\n"
        out.reserveCapacity(out.utf8.count + placed.count * 180)
        for i in placed {
            let post = posts[i]
            out += "  - id: \(Self.quoted(post.id))\n"
            out += "    name: \(Self.quoted(post.title ?? (i == root ? title : post.id)))\n"
            out += "    kind: post\n"
            if i != root, let parent = parent[i] { out += "    parent: \(Self.quoted(posts[parent].id))\n" }
            if let head = head(of: post) { out += "    head: {\(head)}\n" }
            if let groups = staff[i] {
                out += "    staff:\n"
                for group in groups {
                    out += ModelWriter.staffLine(StaffGroup(title: group.title ?? "Staff", grade: group.grade, fte: group.fte,
                                                            source: source(group.file, row: group.row))) + "\n"
                }
            }
            out += "    source: \(ModelWriter.citation(source(post.file, row: post.row)))\n"
        }
        if !dotted.isEmpty {
            out += "relationships:\n"
            for line in dotted {
                out += "  - kind: dual-reporting\n    from: \(Self.quoted(line.from))\n    to: \(Self.quoted(line.to))\n    note: \(Self.quoted("dotted line, \(line.place)"))\n"
            }
        }
        return out
    }

    /// The head's fields: the unit (or else the grade) as title, the grade, who holds the post;
    /// nil when the row gives none of them.
    private func head(of post: CSVPost) -> String? {
        var fields: [String] = []
        if let line = post.unit ?? post.grade { fields.append("title: \(Self.quoted(line))") }
        if post.unit != nil, let grade = post.grade { fields.append("grade: \(Self.quoted(grade))") }
        if let person = post.person { fields.append("name: \(Self.quoted(person))") }
        if post.vacant {
            if fields.isEmpty { fields.append("title: \(Self.quoted(post.title ?? post.id))") }
            fields.append("vacant: true")
        }
        return fields.isEmpty ? nil : fields.joined(separator: ", ")
    }

    /// `sheet`, `sheet-2` … for the files, skipping ids that posts already use.
    private static func documentID(_ offset: Int, avoiding taken: Set<String>) -> String {
        var id = offset == 0 ? "sheet" : "sheet-\(offset + 1)"
        while taken.contains(id) { id += "-file" }
        return id
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String { ModelWriter.quoted(text) }
}
