import OrgModel

/// Finds which unit of the new snapshot each unit of the old one became: first the matches a
/// mapping file pins, then equal ids, then the lineage the new model states, then similar names
/// and abbreviations under corresponding parents. Refused pairs are never matched.
struct Matcher {
    let old: Snapshot
    let new: Snapshot
    let mapping: Mapping

    /// Names must score at least this much (0 to 1) to be matched.
    static let threshold = 0.6

    private(set) var matches: [Match] = []
    private(set) var notes: [String] = []

    init(old: Snapshot, new: Snapshot, mapping: Mapping) {
        self.old = old
        self.new = new
        self.mapping = mapping
        let oldUnits = old.units, newUnits = new.units
        let oldScope = Set(oldUnits.map(\.id)), newScope = Set(newUnits.map(\.id))
        pin(oldScope: oldScope, newScope: newScope)
        for unit in oldUnits where newScope.contains(unit.id) && !isMatched(old: unit.id) && !isMatched(new: unit.id) {
            add(Match(old: unit.id, new: unit.id, basis: .id, confidence: 1, stated: true))
        }
        for unit in newUnits { follow(unit, oldScope: oldScope) }
        for _ in 0..<2 { matchNames(oldUnits, newUnits) }
        let oldOrder = oldUnits.placesByID, newOrder = newUnits.placesByID
        matches.sort { (oldOrder[$0.old] ?? 0, newOrder[$0.new] ?? 0) < (oldOrder[$1.old] ?? 0, newOrder[$1.new] ?? 0) }
    }

    private var matchedOld: Set<String> = [], matchedNew: Set<String> = []
    private var pairs: Set<[String]> = []

    func isMatched(old id: String) -> Bool { matchedOld.contains(id) }
    func isMatched(new id: String) -> Bool { matchedNew.contains(id) }

    private mutating func add(_ match: Match) {
        guard !mapping.refuses(match.old, match.new), pairs.insert([match.old, match.new]).inserted else { return }
        matches.append(match)
        matchedOld.insert(match.old)
        matchedNew.insert(match.new)
    }

    /// The matches the mapping file pins.
    private mutating func pin(oldScope: Set<String>, newScope: Set<String>) {
        for pin in mapping.pins {
            guard oldScope.contains(pin.old), newScope.contains(pin.new) else {
                notes.append("mapping: \(pin.old) → \(pin.new) lies outside the units compared; ignored")
                continue
            }
            add(Match(old: pin.old, new: pin.new, basis: .mapping, lineage: pin.kind.rawValue, confidence: 1,
                      source: new.cite(pin.source, extra: mapping.documents) ?? old.cite(pin.source, extra: mapping.documents),
                      stated: pin.source.map { !$0.inferred } ?? false, note: pin.note))
        }
    }

    /// The lineage entries of a new unit.
    private mutating func follow(_ unit: Unit, oldScope: Set<String>) {
        for lineage in unit.lineage {
            guard let ancestor = old.resolve(lineage.unit), oldScope.contains(ancestor.id) else {
                notes.append("lineage of '\(unit.id)' names '\(lineage.unit)', which is not among the units compared in '\(old.model.id)'")
                continue
            }
            let stated = lineage.source.map { !$0.inferred } ?? false
            let cited = new.cite(lineage.source)
            if let index = matches.firstIndex(where: { $0.old == ancestor.id && $0.new == unit.id }) {
                if matches[index].source == nil {
                    matches[index].lineage = lineage.kind.rawValue
                    matches[index].source = cited
                    matches[index].stated = stated
                }
                continue
            }
            if lineage.kind != .splitFrom, isMatched(old: ancestor.id) {
                notes.append("lineage of '\(unit.id)': '\(ancestor.id)' is already matched; the entry \(lineage.kind.rawValue) is not used")
                continue
            }
            add(Match(old: ancestor.id, new: unit.id, basis: .lineage, lineage: lineage.kind.rawValue, confidence: stated ? 0.95 : 0.75,
                      source: cited, stated: stated))
        }
    }

    /// Keys shared by more new units than this (a word such as "policy" in a large model) say
    /// too little to find a unit by: they are not looked up, so that the pairs scored grow with
    /// the number of units, not with its square.
    static let commonKey = 64

    /// Greedy matching of the units left by similarity of names, best pairs first. Only pairs
    /// that share a word, an abbreviation or a name (other than a common one) are scored, so
    /// large models stay fast.
    private mutating func matchNames(_ oldUnits: [Unit], _ newUnits: [Unit]) {
        let parents = Dictionary(grouping: matches, by: \.old).mapValues { Set($0.map(\.new)) }
        var index: [String: [Int]] = [:]
        var newNames: [Int: [Similarity.Name]] = [:]
        for (j, n) in newUnits.enumerated() where !matchedNew.contains(n.id) {
            newNames[j] = Self.names(n)
            for key in Self.keys(newNames[j]!, n) { index[key, default: []].append(j) }
        }
        var candidates: [(score: Double, old: Int, new: Int, alias: Bool)] = []
        for (i, o) in oldUnits.enumerated() where !matchedOld.contains(o.id) {
            let oldNames = Self.names(o)
            let near = Set(Self.keys(oldNames, o).flatMap { key in index[key].flatMap { $0.count <= Self.commonKey ? $0 : nil } ?? [] })
            for j in near.sorted() {
                let n = newUnits[j]
                guard !mapping.refuses(o.id, n.id), let names = newNames[j] else { continue }
                let (score, alias) = self.score(o, oldNames, n, names, parents: parents)
                if score >= Self.threshold { candidates.append((score, i, j, alias)) }
            }
        }
        candidates.sort { ($1.score, $0.old, $0.new) < ($0.score, $1.old, $1.new) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        for candidate in candidates where !usedOld.contains(candidate.old) && !usedNew.contains(candidate.new) {
            usedOld.insert(candidate.old)
            usedNew.insert(candidate.new)
            add(Match(old: oldUnits[candidate.old].id, new: newUnits[candidate.new].id, basis: candidate.alias ? .alias : .name,
                      confidence: (min(candidate.score, 0.99) * 100).rounded() / 100, stated: false))
        }
    }

    /// The unit's name, then its aliases, prepared for comparison.
    private static func names(_ unit: Unit) -> [Similarity.Name] {
        ([unit.name] + unit.aliases).map(Similarity.Name.init)
    }

    /// What a unit can be found by: the words of its names and aliases (`names`), the names
    /// themselves, and its abbreviation.
    private static func keys(_ names: [Similarity.Name], _ unit: Unit) -> Set<String> {
        var keys = Set(names.flatMap { $0.words.map { "word:\($0)" } + ["name:\($0.normalized)"] })
        if let abbreviation = unit.abbreviation { keys.insert("abbreviation:\(abbreviation.lowercased())") }
        return keys
    }

    /// How likely `o` became `n`: names (`oNames`, `nNames`: name then aliases), aliases,
    /// abbreviations, kinds and parents (`parents`: the new ids each matched old id became).
    private func score(_ o: Unit, _ oNames: [Similarity.Name], _ n: Unit, _ nNames: [Similarity.Name], parents: [String: Set<String>]) -> (Double, Bool) {
        var score = Similarity.names(oNames[0], nNames[0])
        let alias = score < 1 && (nNames.dropFirst().contains { Similarity.names($0, oNames[0]) == 1 } || oNames.dropFirst().contains { Similarity.names($0, nNames[0]) == 1 })
        if alias { score = max(score, 0.9) }
        if let a = o.abbreviation, let b = n.abbreviation, a.lowercased() == b.lowercased() { score += 0.2 }
        score += o.kind == n.kind ? 0.05 : -0.1
        if o.id == old.root || n.id == new.root {
            score += o.id == old.root && n.id == new.root ? 0.2 : -0.2
        } else {
            let counterparts = o.parent.flatMap { parents[$0] } ?? []
            score += n.parent.map(counterparts.contains) == true ? 0.15 : -0.2
        }
        return (min(max(score, 0), 1), alias)
    }
}
