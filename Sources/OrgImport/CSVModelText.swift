import OrgModel

/// The YAML text of an imported spreadsheet model: every value double-quoted, keys in a fixed
/// order, posts in file order, so the same files always give the same bytes.
struct CSVModelText {
    let id: String
    let title: String
    let files: [String]
    let posts: [CSVPost]
    let placed: [Int]
    let root: Int?
    let dotted: [(from: String, to: String, place: String)]

    var yaml: String {
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        var out = "# Imported by `orgchart import csv` from \(names.joined(separator: ", ")).\n"
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
        out += "units:\n"
        out.reserveCapacity(out.utf8.count + placed.count * 180)
        for i in placed {
            let post = posts[i]
            out += "  - id: \(Self.quoted(post.id))\n"
            out += "    name: \(Self.quoted(post.title ?? (i == root ? title : post.id)))\n"
            out += "    kind: post\n"
            if i != root, let parent = post.reportsTo { out += "    parent: \(Self.quoted(parent))\n" }
            if let line = post.unit ?? post.grade {
                out += "    head: {title: \(Self.quoted(line))\(post.unit != nil ? post.grade.map { ", grade: \(Self.quoted($0))" } ?? "" : "")}\n"
            }
            let document = documents[files.firstIndex(of: post.file) ?? 0]
            out += "    source: {document: \(Self.quoted(document)), section: \(Self.quoted("row \(post.row)"))}\n"
        }
        if !dotted.isEmpty {
            out += "relationships:\n"
            for line in dotted {
                out += "  - kind: dual-reporting\n    from: \(Self.quoted(line.from))\n    to: \(Self.quoted(line.to))\n    note: \(Self.quoted("dotted line, \(line.place)"))\n"
            }
        }
        return out
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
