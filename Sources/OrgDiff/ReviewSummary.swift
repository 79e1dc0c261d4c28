import OrgModel

/// Wording shared by the merged chart, the report and the review page.
public enum ReviewSummary {
    /// "2 added, 1 removed, 1 renamed" in class order, or "none".
    public static func counts(_ review: RestructuringReview) -> String {
        let counts = review.counts
        let parts = ChangeKind.allCases.filter { $0 != .unchanged }.compactMap { kind in counts[kind].map { "\($0) \(kind.label)" } }
        let lines = review.lineChanges.count
        var text = parts.isEmpty ? "none" : parts.joined(separator: ", ")
        if lines > 0 { text += "; \(lines) line\(lines == 1 ? "" : "s") added or removed" }
        return text + "; \(counts[.unchanged] ?? 0) unchanged"
    }

    /// "Before: ST/SGB/2010/1 — Title (date)" for each document of either snapshot.
    public static func sources(_ review: RestructuringReview) -> [String] {
        func lines(_ model: Model, _ side: String) -> [String] {
            model.documents.map { document in
                var line = "\(side): " + (document.symbol.map { "\($0) — \(document.title)" } ?? document.title)
                if let date = document.date { line += " (\(date))" }
                return line
            }
        }
        let mapping = review.restructuring.mapping.documents.map { "Mapping: " + ($0.symbol.map { symbol in "\(symbol) — " } ?? "") + $0.title }
        return lines(review.restructuring.old.model, "Before") + lines(review.restructuring.new.model, "After") + mapping
    }
}
