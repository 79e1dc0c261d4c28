import OrgModel

/// Short notes printed in a box of the merged chart under the head's title: "was Division A",
/// "moved from Division B", "merged from A, B".
struct ChangeBadges {
    let review: RestructuringReview

    /// The boxes of the merged chart an old unit id became (its own box when removed).
    func boxes(ofOld id: String) -> [String] {
        if let box = review.removedBoxes[id] { return [box] }
        let targets = review.matches.filter { $0.old == id }.map(\.new)
        return targets.isEmpty ? [id] : targets
    }

    /// One short line per class of change.
    func badges(_ change: UnitChange) -> [String] {
        let old = review.restructuring.old.model
        let olds = change.old.compactMap(old.unit)
        return change.kinds.compactMap { kind -> String? in
            switch kind {
            case .added: return "new unit"
            case .removed: return "abolished"
            case .renamed: return olds.first.map { unit in "was: " + (unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name) }
            case .moved: return olds.first?.parent.flatMap(old.unit).map { "moved from: \($0.name)" }
            case .merged: return "merged from: \(olds.map { $0.abbreviation ?? $0.name }.joined(separator: ", "))"
            case .split: return "split from: \(olds.map { $0.abbreviation ?? $0.name }.joined(separator: ", "))"
            case .headChanged: return olds.first?.head.map { "head was: \(Classifier.describe($0))" }
            case .accountabilityChanged: return "accountability lines changed"
            case .servicesChanged: return "shared-service lines changed"
            case .unchanged: return nil
            }
        }
    }
}

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
