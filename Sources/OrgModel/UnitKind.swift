/// The closed vocabulary of unit kinds. Templates give each kind its look; views use the kind
/// to tell departments from divisions from sections.
public enum UnitKind: String, CaseIterable, Sendable, Comparable {
    case organization, pillar, department, office
    case frontOffice = "front-office"
    case division, branch, service, section, unit, team, cell, cluster, component, capacity
    case mission
    case serviceCentre = "service-centre"
    case body, mechanism, fund
    case post

    /// A singular, lower-case English name for legends ("service centre").
    public var label: String {
        switch self {
        case .frontOffice: return "front office"
        case .serviceCentre: return "service centre"
        default: return rawValue
        }
    }

    /// Rank from the largest kind of unit to the smallest, used to order legends.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: UnitKind, b: UnitKind) -> Bool { a.rank < b.rank }
}
