/// Imports org-chart data as it travels in JSON: a nested tree (`{name, children: […]}`, as
/// d3-org-chart's and OrgChart.js's hierarchical data), or a flat list of entries naming their
/// parent (`[{id, parentId, name}, …]`, `{id, pid, name, title}`), or either under one key of a
/// wrapping object (`{"nodes": […]}`). Each entry becomes a row whose columns are its keys, read
/// as `import csv` reads a sheet (same detection, same options, same report); in a nested tree
/// an entry's parent is the entry whose `children` hold it, and entries without an id get one
/// from the file name and their order. Every problem names file:line:column.
public struct JSONImport: Sendable {
    /// How rows are read and the model named, as for CSV.
    public var table: CSVImport
    /// The key holding an entry's children; nil to detect `children`, `_children`,
    /// `subordinates`, `reports`, `items` or `nodes`.
    public var childrenKey: String?

    /// Keys tried, in order, for the children of an entry.
    static let childrenKeys = ["children", "_children", "subordinates", "directreports", "reports", "items", "nodes"]

    /// Creates an import.
    public init(table: CSVImport = CSVImport(), childrenKey: String? = nil) {
        self.table = table
        self.childrenKey = childrenKey
    }

    /// Imports one JSON file. Throws a located `CSVError` for a file that is not JSON, JSON of
    /// another shape, or entries none of which can be placed.
    public func run(path: String, bytes: [UInt8]) throws -> CSVImport.Result {
        if let found = ImportFormat.sniff(bytes), found != .json { try ImportFormat.expect(.json, in: bytes, file: path) }
        if ImportFormat.sniff(bytes) == nil {
            throw CSVError(file: path, line: 1, message: "this file is not JSON: it does not start with { or [", hint: "for a spreadsheet saved as CSV, use `orgchart import csv \(path)`", column: 1)
        }
        let root = try JSONReader.read(bytes, file: path)
        let entries = try self.entries(of: root, file: path)
        let data = try JSONTable(entries: entries, childrenKey: childrenKey(in: entries), idKey: table.columns[.id], file: path)
        var reading = table
        if data.nested {
            reading.columns[.id] = String(data.width + 1)
            reading.columns[.reportsTo] = String(data.width + 2)
        }
        return try reading.run(tables: [(path, data.records)], report: ImportReport(), importer: "import json")
    }

    /// The top entries: the items of a list, the object itself when it has values of its own, or
    /// else the list under the one key of an object that holds a list of objects.
    private func entries(of root: JSONNode, file: String) throws -> [JSONNode] {
        if let items = root.items { return items }
        let members = root.members ?? []
        let lists = members.filter { member in (member.value.items ?? []).contains { $0.members != nil } }
        if members.contains(where: { $0.value.text != nil }) || lists.count != 1 { return [root] }
        return lists[0].value.items ?? []
    }

    /// The children key: the one given, or the first known key of the top entries.
    private func childrenKey(in entries: [JSONNode]) -> String? {
        if let childrenKey { return childrenKey }
        var found = Set<String>()
        var stack = entries
        while let node = stack.popLast(), found.isEmpty {
            for member in node.members ?? [] where Self.childrenKeys.contains(CSVColumns.normalize(member.key)) {
                found.insert(member.key)
            }
        }
        return Self.childrenKeys.lazy.compactMap { key in found.first { CSVColumns.normalize($0) == key } }.first
    }
}

/// The entries of a JSON tree or list as a table: one column per key holding a value (in order
/// of first appearance), and for a nested tree two more, numbered, holding each entry's id and
/// its parent's id, which the import is told to use.
struct JSONTable {
    /// The header record, then one record per entry (at the entry's line).
    let records: [CSVRecord]

    /// Reads `entries`; `idKey` is the key of ids when the caller named one.
    init(entries: [JSONNode], childrenKey: String?, idKey: String?, file: String) throws {
        var records: [CSVRecord] = []
        var keys: [String] = []
        var column: [String: Int] = [:]
        var rows: [(node: JSONNode, parent: Int?)] = []
        var nested = false
        // Depth first, in file order, with an explicit stack: parents before children.
        var stack: [(node: JSONNode, parent: Int?)] = entries.reversed().map { ($0, nil) }
        while let (node, parent) = stack.popLast() {
            guard let members = node.members else {
                throw CSVError(file: file, line: node.line, message: "an entry is \(node.kind), not an object",
                               hint: "give each unit or post as an object, e.g. {\"id\": \"a\", \"name\": \"…\", \"parentId\": null}", column: node.column)
            }
            let row = rows.count
            rows.append((node, parent))
            for member in members {
                if member.key == childrenKey {
                    guard let children = member.value.items else {
                        throw CSVError(file: file, line: member.value.line, message: "'\(member.key)' is \(member.value.kind), not a list of entries",
                                       hint: "write \"\(member.key)\": [ {…}, {…} ]", column: member.value.column)
                    }
                    nested = nested || !children.isEmpty
                    stack += children.reversed().map { ($0, row) }
                } else if member.value.text != nil, column[member.key] == nil {
                    column[member.key] = keys.count
                    keys.append(member.key)
                }
            }
        }
        let stem = CSVPost.stem(of: file)
        let idColumn = idKey.map { CSVColumns.column($0, in: keys) } ?? keys.firstIndex { CSVColumns.known[.id]!.contains(CSVColumns.normalize($0)) }
        var ids: [String] = []
        records.append(CSVRecord(line: 1, fields: keys + (nested ? ["(entry id)", "(parent entry)"] : [])))
        for (offset, row) in rows.enumerated() {
            var fields = [String](repeating: "", count: keys.count)
            for member in row.node.members ?? [] {
                if let index = column[member.key], let text = member.value.text, fields[index].isEmpty { fields[index] = text }
            }
            if nested {
                let own = idColumn.map { fields[$0].trimmingBlanks() } ?? ""
                ids.append(own.isEmpty ? "\(stem)-\(offset + 1)" : own)
                fields += [ids[offset], row.parent.map { ids[$0] } ?? ""]
            }
            records.append(CSVRecord(line: row.node.line, fields: fields))
        }
        self.records = records
        self.nested = nested
        self.width = keys.count
    }

    /// True when the entries form a nested tree; then columns `width + 1` and `width + 2` hold
    /// each entry's id and its parent's.
    let nested: Bool
    /// The number of keys read as columns.
    let width: Int
}
