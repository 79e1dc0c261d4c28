/// The closed vocabulary of relationships between units and posts, besides containment
/// (which a unit states with `parent`). Each kind has a documented meaning and a legend entry;
/// the line style of each kind comes from the template.
public enum RelationKind: String, CaseIterable, Sendable, Comparable {
    /// The head of `from` is accountable to the head of `to` (the main line).
    case accountableTo = "accountable-to"
    /// A second line of accountability of the head of `from` (dual accountability).
    case alsoAccountableTo = "also-accountable-to"
    /// The head of `from` reports to and receives direction from the head of `to`, without being part of it.
    case reportsTo = "reports-to"
    /// A dual reporting line: `from` reports on part of its work to `to` as well as to its own head.
    case dualReporting = "dual-reporting"
    /// The head of `from` has direct access to the head of `to` when required.
    case directAccess = "direct-access"
    /// The head of `from` advises the head of `to`, without being accountable to them for it.
    case advises
    /// `from` oversees `to`.
    case oversees
    /// The head of `from` serves as deputy to the head of `to`.
    case deputizes
    /// `from` provides shared services to `to` (a shared resource of several departments).
    case providesServicesTo = "provides-services-to"
    /// `from` backstops `to` (headquarters support of a field mission).
    case backstops
    /// `from` supports `to` (logistics, guidance or other support that is neither a shared
    /// service nor the backstopping of a mission of its own).
    case supports
    /// `from` has a technical reporting link to `to` (e.g. a mission component to its headquarters office).
    case technicalReporting = "technical-reporting"
    /// `from` exercises command or operational control over `to`.
    case commands
    /// `from` delegates authority to `to`.
    case delegatesAuthority = "delegates-authority"
    /// `from` hosts `to` at its location; hosting is not ownership.
    case hosts
    /// The head of `from` chairs the body `to`.
    case chairs
    /// `from` serves as secretariat of the body `to`.
    case secretariatOf = "secretariat-of"
    /// `from` is the lead department for `to` (a mission).
    case leadDepartmentFor = "lead-department-for"
    /// `from` coordinates with `to`.
    case coordinatesWith = "coordinates-with"

    /// The legend text, e.g. "accountable to".
    public var label: String {
        switch self {
        case .accountableTo: return "accountable to"
        case .alsoAccountableTo: return "also accountable to (dual)"
        case .reportsTo: return "reports to and receives direction from"
        case .dualReporting: return "dual reporting"
        case .directAccess: return "direct access"
        case .advises: return "advises"
        case .oversees: return "oversees"
        case .deputizes: return "deputizes for"
        case .providesServicesTo: return "provides shared services to"
        case .backstops: return "backstops"
        case .supports: return "supports"
        case .technicalReporting: return "technical reporting link"
        case .commands: return "chain of command / operational control"
        case .delegatesAuthority: return "delegation of authority"
        case .hosts: return "hosts (location, not ownership)"
        case .chairs: return "chairs"
        case .secretariatOf: return "serves as secretariat of"
        case .leadDepartmentFor: return "lead department for"
        case .coordinatesWith: return "coordinates with"
        }
    }

    /// The relation read from its other end, for the box at the head of a line whose tail is
    /// not drawn: "← reports to it and receives its direction: DFS" (DFS reports to it).
    public var incomingLabel: String {
        switch self {
        case .accountableTo: return "accountable to it"
        case .alsoAccountableTo: return "also accountable to it (dual)"
        case .reportsTo: return "reports to it and receives its direction"
        case .dualReporting: return "dual reporting to it"
        case .directAccess: return "has direct access to it"
        case .advises: return "advises it"
        case .oversees: return "overseen by"
        case .deputizes: return "deputizes for it"
        case .providesServicesTo: return "receives shared services from"
        case .backstops: return "backstopped by"
        case .supports: return "supported by"
        case .technicalReporting: return "technical reporting link to it"
        case .commands: return "under the command / operational control of"
        case .delegatesAuthority: return "receives delegated authority from"
        case .hosts: return "hosted by"
        case .chairs: return "chaired by"
        case .secretariatOf: return "secretariat provided by"
        case .leadDepartmentFor: return "lead department"
        case .coordinatesWith: return "coordinates with"
        }
    }

    /// True for kinds that run between posts (their heads) rather than between units.
    public var isAccountability: Bool {
        switch self {
        case .accountableTo, .alsoAccountableTo, .reportsTo, .dualReporting, .directAccess, .advises,
             .deputizes, .technicalReporting, .commands:
            return true
        default:
            return false
        }
    }

    /// Order of declaration, used to order legends.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: RelationKind, b: RelationKind) -> Bool { a.rank < b.rank }
}
