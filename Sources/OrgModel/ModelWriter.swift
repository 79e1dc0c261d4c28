/// Writes a model in the YAML model format, deterministically: entries in model order, keys in a
/// fixed order, every string double-quoted and escaped, citations as `DOC §SECTION` or, when
/// inferred or annotated, as a mapping. `ModelLoader` reads the text back to the same model.
public enum ModelWriter {
    /// The YAML text of `model`, after a `#` comment line for each line of `comment`.
    public static func yaml(_ model: Model, comment: String? = nil) -> String {
        var out: [String] = (comment ?? "").split(separator: "\n").map { "# \($0)" }
        out.append("model: \(quoted(model.id))")
        out.append("title: \(quoted(model.title))")
        if let date = model.date { out.append("date: \(quoted(date))") }
        if let root = model.root { out.append("root: \(quoted(root))") }
        out.append("")
        out.append(model.documents.isEmpty ? "documents: []" : "documents:")
        for document in model.documents {
            out.append("  - id: \(quoted(document.id))")
            if let symbol = document.symbol { out.append("    symbol: \(quoted(symbol))") }
            out.append("    title: \(quoted(document.title))")
            if let date = document.date { out.append("    date: \(quoted(date))") }
            if !document.abolishes.isEmpty { out.append("    abolishes: \(list(document.abolishes))") }
            if let url = document.url { out.append("    url: \(quoted(url))") }
        }
        out.append("")
        out.append(model.posts.isEmpty ? "posts: []" : "posts:")
        for post in model.posts {
            out.append("  - id: \(quoted(post.id))")
            out += fields(of: post, indent: "    ")
            if let unit = post.unit { out.append("    unit: \(quoted(unit))") }
        }
        out.append("")
        out.append(model.units.isEmpty ? "units: []" : "units:")
        for unit in model.units { out += lines(of: unit) }
        out.append("")
        out.append(model.relationships.isEmpty ? "relationships: []" : "relationships:")
        for relation in model.relationships {
            out.append("  - kind: \(relation.kind.rawValue)")
            out.append("    from: \(quoted(relation.from))")
            out.append("    to: \(quoted(relation.to))")
            if let source = relation.source { out.append("    source: \(citation(source))") }
            if let note = relation.note { out.append("    note: \(quoted(note))") }
            if let scope = relation.scope { out.append("    scope: \(quoted(scope))") }
            if let planned = relation.planned { out += ["    status: planned", "    expected: \(quoted(planned))"] }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func lines(of unit: Unit) -> [String] {
        var out = ["  - id: \(quoted(unit.id))", "    name: \(quoted(unit.name))"]
        if let abbreviation = unit.abbreviation { out.append("    abbreviation: \(quoted(abbreviation))") }
        out.append("    kind: \(unit.kind.rawValue)")
        if let parent = unit.parent { out.append("    parent: \(quoted(parent))") }
        if let head = unit.head {
            out.append("    head:")
            out += fields(of: head, indent: "      ")
        }
        if !unit.functions.isEmpty {
            out.append("    functions:")
            out += unit.functions.map { "      - \(quoted($0))" }
        }
        if !unit.aliases.isEmpty { out.append("    aliases: \(list(unit.aliases))") }
        if !unit.staff.isEmpty {
            out.append("    staff:")
            out += unit.staff.map(staffLine)
        }
        if !unit.lineage.isEmpty {
            out.append("    lineage:")
            for lineage in unit.lineage {
                out.append("      - kind: \(lineage.kind.rawValue)")
                out.append("        unit: \(quoted(lineage.unit))")
                if let source = lineage.source { out.append("        source: \(citation(source))") }
            }
        }
        if let url = unit.url { out.append("    url: \(quoted(url))") }
        if let note = unit.note { out.append("    note: \(quoted(note))") }
        if let planned = unit.planned { out += ["    status: planned", "    expected: \(quoted(planned))"] }
        if let source = unit.source { out.append("    source: \(citation(source))") }
        return out
    }

    /// One staff group as a flow mapping: `- {title: "…", grade: "…", fte: 2.5, source: "…"}`.
    public static func staffLine(_ group: StaffGroup) -> String {
        var parts = ["title: \(quoted(group.title))"]
        if let grade = group.grade { parts.append("grade: \(quoted(grade))") }
        if let fte = group.fte { parts.append("fte: \(number(fte))") }
        if let source = group.source { parts.append("source: \(citation(source))") }
        return "      - {" + parts.joined(separator: ", ") + "}"
    }

    /// A number as plain decimal text, at most four decimals, no trailing zeros, whatever the locale.
    public static func number(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        let whole = Int(scaled) / 10_000, fraction = abs(Int(scaled) % 10_000)
        var digits = fraction == 0 ? "" : String(String(fraction + 10_000).dropFirst())
        while digits.hasSuffix("0") { digits.removeLast() }
        return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + (digits.isEmpty ? "" : "." + digits)
    }

    /// Title, name, vacancy, grade, roles and source of a post or head.
    private static func fields(of post: Post, indent: String) -> [String] {
        var out = ["\(indent)title: \(quoted(post.title))"]
        if let name = post.name { out.append("\(indent)name: \(quoted(name))") }
        if post.vacant { out.append("\(indent)vacant: true") }
        if let grade = post.grade { out.append("\(indent)grade: \(quoted(grade))") }
        if !post.roles.isEmpty { out.append("\(indent)roles: \(list(post.roles))") }
        if let source = post.source { out.append("\(indent)source: \(citation(source))") }
        return out
    }

    /// `"sgb-2010-1 §4.3"`, or `{document: …, section: "4.3", inferred: true, note: "…"}`.
    public static func citation(_ citation: Citation) -> String {
        guard citation.inferred || citation.note != nil else {
            return quoted(citation.section.isEmpty ? citation.document : "\(citation.document) §\(citation.section)")
        }
        var parts = ["document: \(quoted(citation.document))", "section: \(quoted(citation.section))"]
        if citation.inferred { parts.append("inferred: true") }
        if let note = citation.note { parts.append("note: \(quoted(note))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A double-quoted YAML scalar: backslashes, quotes and control characters escaped.
    public static func quoted(_ text: String) -> String {
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
}
