/// How a unit descends from a unit of an earlier snapshot, as a text states it (or a person infers it).
public struct Lineage: Hashable, Sendable {
    /// The kinds of descent.
    public enum Kind: String, CaseIterable, Sendable {
        /// The unit is the same unit under a former name (`unit` is the former name or id).
        case formerly
        /// The unit takes over the role of `unit` of the earlier snapshot.
        case succeeds
        /// The earlier unit `unit` was merged into this one (with others).
        case mergedFrom = "merged-from"
        /// This unit was split off from the earlier unit `unit`.
        case splitFrom = "split-from"
    }

    /// What kind of descent.
    public var kind: Kind
    /// The id (or name) of the unit in the earlier snapshot.
    public var unit: String
    /// Where the descent is stated; `inferred` when it is not.
    public var source: Citation?

    /// Creates a lineage entry.
    public init(kind: Kind, unit: String, source: Citation? = nil) {
        self.kind = kind
        self.unit = unit
        self.source = source
    }
}
