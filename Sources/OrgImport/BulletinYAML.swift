import OrgModel

/// Writes a model in the project's YAML format, deterministically: keys in a fixed order, every
/// string double-quoted and escaped, citations as `DOC §SECTION` or as a mapping when inferred.
enum BulletinYAML {
    /// The YAML text of `model`; `source` names the input file in the opening comment.
    static func text(_ model: Model, source: String) -> String {
        var out: [String] = []
        let origin = model.documents.first?.symbol ?? (source as String)
        out.append("# Imported from \(oneLine(origin)) by `orgchart import bulletin`; check the import report before use.")
        out.append("model: \(quoted(model.id))")
        out.append("title: \(quoted(model.title))")
        if let date = model.date { out.append("date: \(quoted(date))") }
        if let root = model.root { out.append("root: \(quoted(root))") }
        out.append("")
        out.append("documents:")
        for d in model.documents {
            out.append("  - id: \(quoted(d.id))")
            if let symbol = d.symbol { out.append("    symbol: \(quoted(symbol))") }
            out.append("    title: \(quoted(d.title))")
            if let date = d.date { out.append("    date: \(quoted(date))") }
            if !d.abolishes.isEmpty { out.append("    abolishes: [\(d.abolishes.map(quoted).joined(separator: ", "))]") }
        }
        out.append("")
        out.append(model.posts.isEmpty ? "posts: []" : "posts:")
        for p in model.posts {
            out.append("  - id: \(quoted(p.id))")
            out.append("    title: \(quoted(p.title))")
            if let grade = p.grade { out.append("    grade: \(quoted(grade))") }
            if let source = p.source { out.append("    source: \(citation(source))") }
        }
        out.append("")
        out.append(model.units.isEmpty ? "units: []" : "units:")
        for u in model.units {
            out.append("  - id: \(quoted(u.id))")
            out.append("    name: \(quoted(u.name))")
            if let abbreviation = u.abbreviation { out.append("    abbreviation: \(quoted(abbreviation))") }
            out.append("    kind: \(u.kind.rawValue)")
            if let parent = u.parent { out.append("    parent: \(quoted(parent))") }
            if let head = u.head {
                out.append("    head:")
                out.append("      title: \(quoted(head.title))")
                if let grade = head.grade { out.append("      grade: \(quoted(grade))") }
                if let source = head.source { out.append("      source: \(citation(source))") }
            }
            if !u.functions.isEmpty {
                out.append("    functions:")
                for f in u.functions { out.append("      - \(quoted(f))") }
            }
            if let note = u.note { out.append("    note: \(quoted(note))") }
            if let source = u.source { out.append("    source: \(citation(source))") }
        }
        out.append("")
        out.append(model.relationships.isEmpty ? "relationships: []" : "relationships:")
        for r in model.relationships {
            out.append("  - kind: \(r.kind.rawValue)")
            out.append("    from: \(quoted(r.from))")
            out.append("    to: \(quoted(r.to))")
            if let source = r.source { out.append("    source: \(citation(source))") }
            if let note = r.note { out.append("    note: \(quoted(note))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `"sgb-2010-1 §4.3"`, or `{document: …, section: "4.3", inferred: true, note: "confidence 0.7: …"}`.
    static func citation(_ c: Citation) -> String {
        guard c.inferred || c.note != nil else { return quoted(c.section.isEmpty ? c.document : "\(c.document) §\(c.section)") }
        var parts = ["document: \(quoted(c.document))", "section: \(quoted(c.section))"]
        if c.inferred { parts.append("inferred: true") }
        if let note = c.note { parts.append("note: \(quoted(note))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// A double-quoted YAML scalar: backslashes, quotes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 }.prefix(200))
    }
}
