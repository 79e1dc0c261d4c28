import OrgModel
import OrgViews

/// A comparison to make: an old and a new snapshot of an organization, and what a person says
/// about matching them.
public struct Restructuring: Sendable {
    /// A heading for charts and reports, e.g. "DPKO 2010 → DPO 2019".
    public var title: String
    /// The earlier snapshot.
    public var old: Snapshot
    /// The later snapshot.
    public var new: Snapshot
    /// Pinned and refused matches.
    public var mapping: Mapping

    /// Creates a comparison; the title defaults to "OLD → NEW" by model id.
    public init(title: String? = nil, old: Snapshot, new: Snapshot, mapping: Mapping = Mapping()) {
        self.title = title ?? "Restructuring review: \(old.model.id) → \(new.model.id)"
        self.old = old
        self.new = new
        self.mapping = mapping
    }

    /// Matches the units, classifies every change and cites its sources. Throws a `ViewError`
    /// when a root is not a unit of its model, and a `ModelError` when the mapping names units
    /// that do not exist.
    public func review() throws -> RestructuringReview {
        for (side, snapshot) in [("old", old), ("new", new)] {
            if let root = snapshot.root, snapshot.model.unit(root) == nil {
                let near = Snapshot.closest(to: root, among: snapshot.model.units.map(\.id))
                throw ViewError("no unit '\(root)' in the \(side) model '\(snapshot.model.id)'",
                                hint: near.map { "did you mean '\($0)'?" } ?? "give a unit id of '\(snapshot.model.id)' as the \(side) snapshot's root",
                                reason: .unknownSnapshotRoot(side: side, model: snapshot.model.id, near: near))
            }
        }
        let problems = mapping.check(old: old, new: new)
        if !problems.isEmpty { throw ModelError(diagnostics: problems) }
        let matcher = Matcher(old: old, new: new, mapping: mapping)
        let classifier = Classifier(old: old, new: new, matches: matcher.matches, extraDocuments: mapping.documents)
        let (units, lines) = classifier.changes()
        return RestructuringReview(restructuring: self, matches: matcher.matches, changes: units, lineChanges: lines,
                                   notes: matcher.notes, removedBoxes: classifier.removedBoxes)
    }
}

/// The outcome of a comparison: every match, every change of units and lines, with sources.
public struct RestructuringReview: Sendable {
    /// What was compared.
    public var restructuring: Restructuring
    /// How units were matched, in the order of the old snapshot.
    public var matches: [Match]
    /// One entry per unit (or per group of merged or split units), unchanged ones included.
    public var changes: [UnitChange]
    /// Lines (relationships) found in only one snapshot.
    public var lineChanges: [LineChange]
    /// Remarks on the matching: lineage entries that could not be followed, ignored mapping entries.
    public var notes: [String]
    /// The box ids of removed units in the merged chart, by old unit id.
    public var removedBoxes: [String: String]

    /// The boxes of the merged chart an old unit id became: the units it was matched to, its own
    /// box when removed, or the id itself for posts and units outside the comparison.
    public func boxes(ofOld id: String) -> [String] { boxesOfOld()(id) }

    /// `boxes(ofOld:)` for many ids: the matches are grouped once, not searched for each id.
    public func boxesOfOld() -> (String) -> [String] {
        let targets = Dictionary(grouping: matches, by: \.old).mapValues { $0.map(\.new) }
        return { id in removedBoxes[id].map { [$0] } ?? targets[id] ?? [id] }
    }

    /// The changes other than `unchanged`.
    public var actualChanges: [UnitChange] { changes.filter { $0.primary != .unchanged } }

    /// How many changes fall in each class (a change counted once in every class that applies);
    /// lines count only through the units they start from (`accountability-changed`,
    /// `services-changed`).
    public var counts: [ChangeKind: Int] {
        var counts: [ChangeKind: Int] = [:]
        for change in changes { for kind in change.kinds { counts[kind, default: 0] += 1 } }
        return counts
    }

    /// The classes present among `kinds`, for `--fail-on`.
    public func present(_ kinds: Set<ChangeKind>) -> [ChangeKind] {
        counts.keys.filter(kinds.contains).sorted()
    }
}
