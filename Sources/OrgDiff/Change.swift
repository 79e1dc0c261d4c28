/// What happened to one unit, or to units that merged or split, between two snapshots.
public struct UnitChange: Sendable, Hashable, Codable {
    /// Every class of change that applies, in order of precedence; the first colours the box.
    public var kinds: [ChangeKind]
    /// Ids of the units in the old snapshot (none when added; several when merged).
    public var old: [String]
    /// Ids of the units in the new snapshot (none when removed; several when split).
    public var new: [String]
    /// Ids of the boxes in the merged chart that show the change (the SVG element ids).
    public var boxes: [String]
    /// The unit's name: the new name, or the old one when removed.
    public var name: String
    /// One line for people, e.g. "Renamed: Division A → Division of Alpha".
    public var summary: String
    /// Further lines: the former name, the former parent, lines added and removed.
    public var details: [String]
    /// Where each fact of the change is stated: "after: ST/SGB/2019/2 §5.1", "lineage: … (inferred)".
    public var sources: [String]
    /// How the old and new units were matched.
    public var matches: [Match]

    /// The class that colours the box.
    public var primary: ChangeKind { kinds.first ?? .unchanged }

    /// A stable id for the change, used by the review page: `change-` and its first box.
    public var id: String { "change-\(boxes.first ?? name)" }
}

/// A line (a relationship other than containment) that exists in only one of the snapshots.
public struct LineChange: Sendable, Hashable, Codable {
    /// `added`, `announced` (a planned line) or `removed`.
    public var change: ChangeKind
    /// The relationship kind, e.g. `also-accountable-to`.
    public var relation: String
    /// The box (or post) id the line starts from, in the merged chart.
    public var from: String
    /// The box (or post) id the line goes to.
    public var to: String
    /// "Office of the Chief of Staff also accountable to Department of Field Support".
    public var summary: String
    /// Where the relationship is stated, in the snapshot that has it.
    public var source: String?

    /// A stable id for the change, used by the review page.
    public var id: String { "line-\(change.rawValue)-\(relation)-\(from)-\(to)" }
}
