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
    /// The date or condition of each line of the new snapshot that is only planned.
    private(set) var planned: [LineKey: String] = [:]

    /// Kinds that are lines of accountability between heads.
    static let accountability: Set<RelationKind> = Set(RelationKind.allCases.filter(\.isAccountability))
    /// Kinds that are shared-service relationships.
    static let services: Set<RelationKind> = [.providesServicesTo, .backstops]

    init(old: Snapshot, new: Snapshot, translate: (String) -> [String]) {
        let oldScope = Set(old.units.map(\.id)), newScope = Set(new.units.map(\.id))
        for relation in new.model.relationships where Self.inScope(relation, of: new.model, newScope) {
            let key = LineKey(kind: relation.kind, from: relation.from, to: relation.to)
            self.new[key] = relation.source
            if let expected = relation.planned { planned[key] = expected }
        }
        // A line of a unit that was split could have gone to any of its successors: it is kept
        // when one of them has it, and otherwise counts once, for the first successor.
        for relation in old.model.relationships where Self.inScope(relation, of: old.model, oldScope) {
            let variants = translate(relation.from).flatMap { from in
                translate(relation.to).filter { $0 != from }.map { LineKey(kind: relation.kind, from: from, to: $0) }
            }
            let present = variants.filter { self.new.index(forKey: $0) != nil }
            for key in present.isEmpty ? Array(variants.prefix(1)) : present {
                self.old[key] = relation.source
                origin[key] = relation
            }
        }
        added = self.new.keys.filter { self.old.index(forKey: $0) == nil }.sorted()
        removed = self.old.keys.filter { self.new.index(forKey: $0) == nil }.sorted()
        kept = self.new.keys.filter { self.old.index(forKey: $0) != nil }.sorted()
        addedFrom = Dictionary(grouping: added, by: \.from)
        removedFrom = Dictionary(grouping: removed, by: \.from)
    }

    /// True when one end is a compared unit and the line says more than containment does
    /// (a unit accountable to its own parent is implied by the tree).
    private static func inScope(_ relation: Relationship, of model: Model, _ scope: Set<String>) -> Bool {
        guard scope.contains(relation.from) || scope.contains(relation.to) else { return false }
        return !(relation.kind == .accountableTo && model.unit(relation.from)?.parent == relation.to)
    }

    /// Lines of the new snapshot only, sorted.
    private(set) var added: [LineKey] = []
    /// Lines of the old snapshot only, sorted.
    private(set) var removed: [LineKey] = []
    /// Lines of both snapshots, sorted.
    private(set) var kept: [LineKey] = []
    /// Lines added and removed, by the id they start from.
    private(set) var addedFrom: [String: [LineKey]] = [:], removedFrom: [String: [LineKey]] = [:]
}
