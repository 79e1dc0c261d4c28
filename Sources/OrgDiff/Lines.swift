import OrgModel

/// A relationship of one snapshot, with its ends translated into the ids of the merged chart.
struct LineKey: Hashable, Comparable {
    var kind: RelationKind
    var from: String
    var to: String

    static func < (a: LineKey, b: LineKey) -> Bool { (a.kind, a.from, a.to) < (b.kind, b.from, b.to) }
}

/// The relationships of both snapshots in the ids of the merged chart, and which exist in only one.
struct LineComparison {
    /// Each relationship of the old snapshot (translated) with where it is stated.
    private(set) var old: [LineKey: Citation?] = [:]
    /// Each relationship of the new snapshot with where it is stated.
    private(set) var new: [LineKey: Citation?] = [:]
    /// The relationship of the old snapshot each translated line comes from.
    private(set) var origin: [LineKey: Relationship] = [:]

    /// Kinds that are lines of accountability between heads.
    static let accountability: Set<RelationKind> = Set(RelationKind.allCases.filter(\.isAccountability))
    /// Kinds that are shared-service relationships.
    static let services: Set<RelationKind> = [.providesServicesTo, .backstops]

    init(old: Snapshot, new: Snapshot, translate: (String) -> [String]) {
        let oldScope = Set(old.units.map(\.id)), newScope = Set(new.units.map(\.id))
        for relation in old.model.relationships where Self.inScope(relation, of: old.model, oldScope) {
            for from in translate(relation.from) {
                for to in translate(relation.to) where from != to {
                    let key = LineKey(kind: relation.kind, from: from, to: to)
                    self.old[key] = relation.source
                    origin[key] = relation
                }
            }
        }
        for relation in new.model.relationships where Self.inScope(relation, of: new.model, newScope) {
            self.new[LineKey(kind: relation.kind, from: relation.from, to: relation.to)] = relation.source
        }
    }

    /// True when one end is a compared unit and the line says more than containment does
    /// (a unit accountable to its own parent is implied by the tree).
    private static func inScope(_ relation: Relationship, of model: Model, _ scope: Set<String>) -> Bool {
        guard scope.contains(relation.from) || scope.contains(relation.to) else { return false }
        return !(relation.kind == .accountableTo && model.unit(relation.from)?.parent == relation.to)
    }

    /// Lines of the new snapshot only, sorted.
    var added: [LineKey] { new.keys.filter { old.index(forKey: $0) == nil }.sorted() }
    /// Lines of the old snapshot only, sorted.
    var removed: [LineKey] { old.keys.filter { new.index(forKey: $0) == nil }.sorted() }
    /// Lines of both snapshots, sorted.
    var kept: [LineKey] { new.keys.filter { old.index(forKey: $0) != nil }.sorted() }
}
