import OrgModel

/// The inferred and uncertain facts of an imported model, read back from its citations.
enum BulletinInferences {
    /// Every unit, head, post and relationship whose citation carries a confidence, in model order.
    static func list(_ model: Model) -> [BulletinInference] {
        var found: [BulletinInference] = []
        func add(_ citation: Citation?, _ fact: String) {
            guard let c = citation, let note = c.note, note.hasPrefix("confidence ") else { return }
            let rest = note.dropFirst("confidence ".count)
            let number = rest.prefix { $0.isASCIIDigit || $0 == "." }
            let reason = String(rest.dropFirst(number.count)).trimming(" :")
            found.append(BulletinInference(place: c.section, fact: fact, confidence: Double(number) ?? 0, reason: reason))
        }
        for u in model.units {
            add(u.source, u.parent.map { "unit \(u.id) (\(u.name)) in \($0)" } ?? "unit \(u.id) (\(u.name))")
            add(u.head?.source, "head of \(u.id): \(u.head?.title ?? "")")
        }
        for p in model.posts { add(p.source, "post \(p.id) (\(p.title))") }
        for r in model.relationships { add(r.source, "\(r.from) \(r.kind.rawValue) \(r.to)") }
        return found
    }
}

extension BulletinImport {
    /// The report as Markdown: what was not understood, then the inferred facts with their confidence.
    public func markdown(input: String) -> String {
        let reference = model.documents.first?.symbol ?? input
        var lines = ["# Import report: \(reference)", "",
                     "Imported from `\(input)`: \(model.units.count) units, \(model.posts.count) posts, "
                         + "\(model.relationships.count) relationships. \(report.items.count) items to check, "
                         + "\(inferences.count) inferred or uncertain facts.", ""]
        lines.append("## Not understood")
        lines.append("")
        if report.items.isEmpty { lines.append("Nothing: every sentence that looked structural was read.") }
        for item in report.items {
            lines.append("- **§\(item.place)** \(item.message)" + (item.excerpt.map { ": \"\(Self.escaped($0))\"" } ?? ""))
        }
        lines.append("")
        lines.append("## Inferred and uncertain facts")
        lines.append("")
        lines.append("| § | fact | confidence | why |")
        lines.append("|---|---|---|---|")
        for i in inferences {
            lines.append("| \(i.place) | \(Self.escaped(i.fact)) | \(i.confidence) | \(Self.escaped(i.reason)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per item, for standard error: `§6.9: not understood: …`.
    public var plainReport: String {
        report.items.map { item in "§\(item.place): \(item.message)" + (item.excerpt.map { "\n    \"\($0)\"" } ?? "") }
            .joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}
