extension Model {
    /// The model without what its sources only imply: units whose source is marked inferred
    /// (their subunits move up to the nearest stated ancestor, so a stated unit is never lost
    /// with an inferred container), relationships whose source is inferred or that end at a unit
    /// left out, and lineage entries inferred rather than stated. Units and relationships keep
    /// their order.
    public func statedOnly() -> Model {
        let inferred = Set(units.lazy.filter { $0.source?.inferred ?? false }.map(\.id))
        guard !inferred.isEmpty || relationships.contains(where: { $0.source?.inferred ?? false })
                || units.contains(where: { $0.lineage.contains { $0.source?.inferred ?? false } }) else { return self }
        /// The nearest ancestor of `id` (or nil) that is stated, within as many steps as there are units.
        func statedAncestor(_ id: String?) -> String? {
            var current = id, steps = 0
            while let candidate = current, inferred.contains(candidate), steps <= units.count {
                current = unit(candidate)?.parent
                steps += 1
            }
            return current
        }
        var copy = self
        copy.units = units.compactMap { unit in
            guard !inferred.contains(unit.id) else { return nil }
            var kept = unit
            kept.parent = statedAncestor(unit.parent)
            kept.lineage = unit.lineage.filter { !($0.source?.inferred ?? false) }
            return kept
        }
        copy.relationships = relationships.filter { relation in
            !(relation.source?.inferred ?? false) && !inferred.contains(relation.from) && !inferred.contains(relation.to)
        }
        return copy
    }
}
