import OrgModel

/// Short notes printed in a box of the merged chart under the head's title: "was Division A",
/// "moved from Division B", "merged from A, B".
struct ChangeBadges {
    let review: RestructuringReview

    /// One short line per class of change.
    func badges(_ change: UnitChange) -> [String] {
        let old = review.restructuring.old.model
        let olds = change.old.compactMap(old.unit)
        return change.kinds.compactMap { kind -> String? in
            switch kind {
            case .added: return "new unit"
            case .announced: return change.new.first.flatMap(review.restructuring.new.model.unit)?.planned.map { "announced, expected \($0)" } ?? "announced"
            case .removed: return "abolished"
            case .renamed: return olds.first.map { unit in "was: " + (unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name) }
            case .moved: return olds.first?.parent.flatMap(old.unit).map { parent in "moved from " + (parent.abbreviation.map { "\(parent.name) (\($0))" } ?? parent.name) }
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
