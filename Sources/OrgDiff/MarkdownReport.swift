/// The review as Markdown, fit for a pull-request comment: counts by class, then every change
/// with what it was matched by and where it is stated, then the lines added and removed.
public enum MarkdownReport {
    /// The report text.
    public static func text(_ review: RestructuringReview) -> String {
        let restructuring = review.restructuring
        var out = "## \(cell(restructuring.title))\n\n"
        out += "**Before:** \(cell(restructuring.old.caption)) — **After:** \(cell(restructuring.new.caption))\n\n"
        out += "| change | units |\n|---|---:|\n"
        let counts = review.counts
        for kind in ChangeKind.allCases { if let count = counts[kind] { out += "| \(kind.label) | \(count) |\n" } }
        if !review.lineChanges.isEmpty { out += "| lines added or removed | \(review.lineChanges.count) |\n" }
        let changes = review.actualChanges
        if changes.isEmpty {
            out += "\nNo structural change.\n"
        } else {
            out += "\n### Changes\n\n| change | unit | what changed | matched by | sources |\n|---|---|---|---|---|\n"
            for change in changes.sorted(by: { $0.primary < $1.primary }) {
                let matched = change.matches.filter { $0.basis != .id }.map(\.explanation)
                out += "| \(change.kinds.map(\.label).joined(separator: ", ")) | \(cell(change.name)) | \(cell(change.summary)) | "
                    + "\(cell(matched.isEmpty ? (change.old.isEmpty || change.new.isEmpty ? "—" : "same id") : matched.joined(separator: "; "))) | "
                    + "\(cell(change.sources.isEmpty ? "—" : change.sources.joined(separator: "; "))) |\n"
            }
        }
        if !review.lineChanges.isEmpty {
            out += "\n### Lines\n\n| change | line | source |\n|---|---|---|\n"
            for line in review.lineChanges {
                out += "| \(line.change.label) | \(cell(line.summary)) | \(cell(line.source ?? "—")) |\n"
            }
        }
        if !review.notes.isEmpty {
            out += "\n### Notes on matching\n\n" + review.notes.map { "- \(cell($0))\n" }.joined()
        }
        return out
    }

    /// Text shown as it is, in a table cell or a list item: `&`, `<` and `>` as character
    /// references (no HTML gets through); the characters of Markdown's emphasis, code, links,
    /// strikethrough and tables (backslash, backquote, `*`, `_`, `[`, `]`, `~`, `|`) escaped with
    /// a backslash, so that a name never becomes a link; line breaks as spaces.
    static func cell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "~", "|":
                out.append("\\")
                out.append(character)
            case _ where character.isNewline: out.append(" ")
            default: out.append(character)
            }
        }
        return out
    }
}
