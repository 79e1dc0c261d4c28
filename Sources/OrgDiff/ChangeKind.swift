/// The classes of change between two snapshots of an organization.
public enum ChangeKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// A unit of the new snapshot with no counterpart in the old one.
    case added
    /// A unit of the new snapshot that its document announces but does not establish
    /// (`status: planned`), whether new or a change to an old unit.
    case announced
    /// A unit of the old snapshot with no counterpart in the new one (abolished).
    case removed
    /// The same unit under a new name or abbreviation.
    case renamed
    /// The same unit under a new parent.
    case moved
    /// Several units of the old snapshot folded into one.
    case merged
    /// One unit of the old snapshot divided into several.
    case split
    /// The head's title or grade changed.
    case headChanged = "head-changed"
    /// A line of accountability from the unit's head was added or removed.
    case accountabilityChanged = "accountability-changed"
    /// A shared-service relationship the unit provides was added or removed.
    case servicesChanged = "services-changed"
    /// Nothing the comparison looks at changed.
    case unchanged

    /// Words for people: "head changed".
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// The theme's box style class for units with this change, e.g. `diff-renamed`.
    public var style: String { "diff-\(rawValue)" }

    /// Order of precedence: the first kind of a unit's kinds colours its box.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: ChangeKind, b: ChangeKind) -> Bool { a.rank < b.rank }
}
