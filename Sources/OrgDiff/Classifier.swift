import OrgModel

/// Sorts matched units into classes of change: groups units joined by matches (one to one,
/// several to one for a merge, one to several for a split), compares names, parents, heads and
/// lines, and cites where each fact is stated.
struct Classifier {
    let old: Snapshot
    let new: Snapshot
    let matches: [Match]
    let extraDocuments: [Document]

    /// Ids of the merged chart's boxes for units of the old snapshot that have no counterpart.
    let removedBoxes: [String: String]
    private let oldUnits: [Unit]
    private let newUnits: [Unit]

    init(old: Snapshot, new: Snapshot, matches: [Match], extraDocuments: [Document]) {
        self.old = old
        self.new = new
        self.matches = matches
        self.extraDocuments = extraDocuments
        oldUnits = old.units
        newUnits = new.units
        let matchedOld = Set(matches.map(\.old)), newIDs = Set(new.model.units.map(\.id))
        var boxes: [String: String] = [:]
        for unit in oldUnits where !matchedOld.contains(unit.id) {
            boxes[unit.id] = newIDs.contains(unit.id) ? "was:\(unit.id)" : unit.id
        }
        removedBoxes = boxes
    }

    /// The ids in the merged chart of an id of the old snapshot: the units it became, its box
    /// when removed, or the id itself for posts and units outside the comparison.
    func translate(_ id: String) -> [String] {
        if let box = removedBoxes[id] { return [box] }
        let targets = matches.filter { $0.old == id }.map(\.new)
        return targets.isEmpty ? [id] : targets
    }

    /// A name for an id of the merged chart.
    func name(_ id: String) -> String {
        if let unit = new.model.unit(id) { return unit.name }
        if let old = removedBoxes.first(where: { $0.value == id })?.key, let unit = self.old.model.unit(old) { return unit.name }
        return new.model.post(id)?.title ?? old.model.post(id)?.title ?? id
    }

    /// A name for an id of the old snapshot.
    func formerName(_ id: String) -> String {
        old.model.unit(id)?.name ?? old.model.post(id)?.title ?? name(id)
    }

    /// Every change, units in the order of the new snapshot and removed units after them, and the lines.
    func changes() -> (units: [UnitChange], lines: [LineChange]) {
        let lines = LineComparison(old: old, new: new, translate: translate)
        var units: [UnitChange] = []
        var seen = Set<String>()
        for unit in newUnits where !seen.contains(unit.id) {
            let group = component(of: unit.id)
            seen.formUnion(group.new)
            units.append(change(old: group.old, new: group.new, lines: lines))
        }
        for unit in oldUnits where removedBoxes[unit.id] != nil {
            units.append(change(old: [unit.id], new: [], lines: lines))
        }
        let lineChanges = lines.added.map { line(.added, $0, lines.new[$0] ?? nil) }
            + lines.removed.map { line(.removed, $0, lines.old[$0] ?? nil, origin: lines.origin[$0]) }
        return (units, lineChanges)
    }

    /// The old and new units linked to `newID` through matches, in snapshot order.
    private func component(of newID: String) -> (old: [String], new: [String]) {
        var olds = Set<String>(), news: Set<String> = [newID]
        var grew = true
        while grew {
            grew = false
            for match in matches where news.contains(match.new) || olds.contains(match.old) {
                if olds.insert(match.old).inserted { grew = true }
                if news.insert(match.new).inserted { grew = true }
            }
        }
        return (oldUnits.map(\.id).filter(olds.contains), newUnits.map(\.id).filter(news.contains))
    }

    private func line(_ change: ChangeKind, _ key: LineKey, _ source: Citation?, origin: Relationship? = nil) -> LineChange {
        let summary = origin.map { "\(formerName($0.from)) \(key.kind.label) \(formerName($0.to))" } ?? "\(name(key.from)) \(key.kind.label) \(name(key.to))"
        return LineChange(change: change, relation: key.kind.rawValue, from: key.from, to: key.to, summary: summary,
                          source: self.source(source, before: change == .removed))
    }

    /// The change of one group of units.
    private func change(old oldIDs: [String], new newIDs: [String], lines: LineComparison) -> UnitChange {
        let olds = oldIDs.compactMap(old.model.unit), news = newIDs.compactMap(new.model.unit)
        let groupMatches = matches.filter { oldIDs.contains($0.old) && newIDs.contains($0.new) }
        var notes = ChangeNotes()
        for match in groupMatches where match.basis != .id || match.source != nil {
            notes.sources += match.source.map { ["\(match.basis == .mapping ? "mapping" : "lineage"): \($0)"] } ?? []
            if match.basis != .id { notes.details.append("matched \(old.model.unit(match.old)?.name ?? match.old) by \(match.explanation)") }
        }
        switch (olds.count, news.count) {
        case (_, 0):
            let unit = olds[0]
            notes.add(.removed, "Removed: \(unit.name)")
            if let parent = unit.parent.flatMap(old.model.unit) { notes.details.append("was under \(parent.name)") }
            notes.cite(source(unit.source, before: true))
            for document in new.model.documents where !document.abolishes.isEmpty {
                if let cited = unit.source.flatMap({ old.model.document($0.document) }), let symbol = cited.symbol, document.abolishes.contains(symbol) {
                    notes.sources.append("after: \(document.reference) abolishes \(symbol)")
                }
            }
            return notes.change(old: oldIDs, new: [], boxes: oldIDs.compactMap { removedBoxes[$0] }, name: unit.name, matches: groupMatches)
        case (0, _):
            let unit = news[0]
            notes.add(.added, "Added: \(unit.name)")
            if let parent = unit.parent.flatMap(new.model.unit) { notes.details.append("under \(parent.name)") }
            notes.cite(source(unit.source, before: false))
        case (1, 1):
            compare(olds[0], news[0], into: &notes)
        default:
            if olds.count > 1 { notes.add(.merged, "Merged: \(olds.map(\.name).joined(separator: ", ")) → \(news.map(\.name).joined(separator: ", "))") }
            if news.count > 1 { notes.add(.split, "Split: \(olds.map(\.name).joined(separator: ", ")) → \(news.map(\.name).joined(separator: ", "))") }
            for unit in news { notes.cite(source(unit.source, before: false)) }
        }
        if !olds.isEmpty {
            for unit in news { compareLines(of: unit.id, lines: lines, into: &notes) }
        }
        if notes.kinds.isEmpty { notes.add(.unchanged, "Unchanged: \(news[0].name)") }
        return notes.change(old: oldIDs, new: newIDs, boxes: newIDs, name: news[0].name, matches: groupMatches)
    }

    /// Name, parent and head of a unit matched one to one.
    private func compare(_ o: Unit, _ n: Unit, into notes: inout ChangeNotes) {
        if Similarity.normalized(o.name) != Similarity.normalized(n.name) || (o.abbreviation != nil && n.abbreviation != nil && o.abbreviation != n.abbreviation) {
            let before = o.abbreviation.map { "\(o.name) (\($0))" } ?? o.name
            let after = n.abbreviation.map { "\(n.name) (\($0))" } ?? n.name
            notes.add(.renamed, "Renamed: \(before) → \(after)")
        }
        if o.id != old.root, n.id != new.root, !(o.parent.map(translate)?.contains { $0 == n.parent } ?? (n.parent == nil)) {
            let from = o.parent.flatMap(old.model.unit)?.name ?? "the top"
            let to = n.parent.flatMap(new.model.unit)?.name ?? "the top"
            notes.add(.moved, "Moved: \(n.name), from \(from) to \(to)")
        }
        if let a = o.head, let b = n.head, Self.describe(a).lowercased() != Self.describe(b).lowercased() {
            notes.add(.headChanged, "Head changed: \(Self.describe(a)) → \(Self.describe(b))")
            if let cited = old.cite(a.source, extra: extraDocuments) { notes.sources.append("before: head, \(cited)") }
            if let cited = new.cite(b.source, extra: extraDocuments) { notes.sources.append("after: head, \(cited)") }
        }
        notes.cite(source(o.source, before: true))
        notes.cite(source(n.source, before: false))
    }

    /// Lines of accountability and shared services from the unit that exist in only one snapshot.
    private func compareLines(of id: String, lines: LineComparison, into notes: inout ChangeNotes) {
        for (group, kind) in [(LineComparison.accountability, ChangeKind.accountabilityChanged), (LineComparison.services, .servicesChanged)] {
            let added = lines.added.filter { $0.from == id && group.contains($0.kind) }
            let removed = lines.removed.filter { $0.from == id && group.contains($0.kind) }
            guard !added.isEmpty || !removed.isEmpty else { continue }
            var parts: [String] = []
            for key in added {
                parts.append("now \(key.kind.label) \(name(key.to))")
                if let cited = new.cite(lines.new[key] ?? nil, extra: extraDocuments) { notes.sources.append("after: \(key.kind.label) \(name(key.to)), \(cited)") }
            }
            for key in removed {
                let target = lines.origin[key].map { formerName($0.to) } ?? name(key.to)
                parts.append("no longer \(key.kind.label) \(target)")
                if let cited = old.cite(lines.old[key] ?? nil, extra: extraDocuments) { notes.sources.append("before: \(key.kind.label) \(target), \(cited)") }
            }
            notes.add(kind, "\(kind == .servicesChanged ? "Shared services" : "Accountability") changed: \(parts.joined(separator: "; "))")
        }
    }

    /// "before: ST/SGB/2010/1 §3.1" — a citation of the old (`before`) or new snapshot.
    func source(_ citation: Citation?, before: Bool) -> String? {
        (before ? old : new).cite(citation, extra: extraDocuments).map { "\(before ? "before" : "after"): \($0)" }
    }

    /// "Director (D-2)".
    static func describe(_ head: Post) -> String {
        head.grade.map { "\(head.title) (\($0))" } ?? head.title
    }
}

/// The kinds, summary lines, details and sources of one change being worked out.
struct ChangeNotes {
    var kinds: [ChangeKind] = []
    var lines: [String] = []
    var details: [String] = []
    var sources: [String] = []

    mutating func add(_ kind: ChangeKind, _ line: String) {
        kinds.append(kind)
        lines.append(line)
    }

    mutating func cite(_ text: String?) {
        if let text, !sources.contains(text) { sources.append(text) }
    }

    func change(old: [String], new: [String], boxes: [String], name: String, matches: [Match]) -> UnitChange {
        let order = kinds.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
        var unique: [String] = []
        for source in sources where !unique.contains(source) { unique.append(source) }
        return UnitChange(kinds: order.map(\.element), old: old, new: new, boxes: boxes, name: name,
                          summary: order.map { lines[$0.offset] }.joined(separator: "; "),
                          details: details, sources: unique, matches: matches)
    }
}
