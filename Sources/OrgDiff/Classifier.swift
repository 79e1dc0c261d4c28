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
    /// The new ids of each matched old id, and the old ids of each matched new id, in match order.
    private let newOf: [String: [String]], oldOf: [String: [String]]
    /// Positions in `matches` by old id.
    private let matchIndex: [String: [Int]]
    /// Old unit ids by the box that shows them when removed.
    private let removedByBox: [String: String]
    /// The place of each unit id in the order of its snapshot.
    private let oldOrder: [String: Int], newOrder: [String: Int]

    init(old: Snapshot, new: Snapshot, matches: [Match], extraDocuments: [Document]) {
        self.old = old
        self.new = new
        self.matches = matches
        self.extraDocuments = extraDocuments
        oldUnits = old.units
        newUnits = new.units
        oldOrder = oldUnits.placesByID
        newOrder = newUnits.placesByID
        newOf = Dictionary(grouping: matches, by: \.old).mapValues { $0.map(\.new) }
        oldOf = Dictionary(grouping: matches, by: \.new).mapValues { $0.map(\.old) }
        let matchedOld = Set(matches.map(\.old)), newIDs = Set(new.model.units.map(\.id))
        var boxes: [String: String] = [:]
        for unit in oldUnits where !matchedOld.contains(unit.id) {
            boxes[unit.id] = newIDs.contains(unit.id) ? "was:\(unit.id)" : unit.id
        }
        removedBoxes = boxes
        removedByBox = Dictionary(boxes.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        matchIndex = Dictionary(grouping: matches.indices, by: { matches[$0].old })
    }

    /// The ids in the merged chart of an id of the old snapshot: the units it became, its box
    /// when removed, or the id itself for posts and units outside the comparison.
    func translate(_ id: String) -> [String] {
        if let box = removedBoxes[id] { return [box] }
        return newOf[id] ?? [id]
    }

    /// The matches of an old id.
    private func matches(of old: String) -> [Match] {
        (matchIndex[old] ?? []).map { matches[$0] }
    }

    /// A name for an id of the merged chart.
    func name(_ id: String) -> String {
        if let unit = new.model.unit(id) { return unit.name }
        if let old = removedByBox[id], let unit = self.old.model.unit(old) { return unit.name }
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
        let lineChanges = lines.added.map { line(lines.planned[$0] == nil ? .added : .announced, $0, lines.new[$0] ?? nil) }
            + lines.removed.map { line(.removed, $0, lines.old[$0] ?? nil, origin: lines.origin[$0]) }
        return (units, lineChanges)
    }

    /// The old and new units linked to `newID` through matches, in snapshot order.
    private func component(of newID: String) -> (old: [String], new: [String]) {
        var olds = Set<String>(), news: Set<String> = [newID]
        var queue = [newID]
        while let id = queue.popLast() {
            for old in oldOf[id] ?? [] where olds.insert(old).inserted {
                for new in newOf[old] ?? [] where news.insert(new).inserted { queue.append(new) }
            }
        }
        // Most groups are one unit on each side.
        func ordered(_ ids: Set<String>, _ order: [String: Int]) -> [String] {
            ids.count < 2 ? Array(ids) : ids.sorted { order[$0, default: 0] < order[$1, default: 0] }
        }
        return (ordered(olds, oldOrder), ordered(news, newOrder))
    }

    private func line(_ change: ChangeKind, _ key: LineKey, _ source: Citation?, origin: Relationship? = nil) -> LineChange {
        let summary = origin.map { "\(formerName($0.from)) \(key.kind.label) \(formerName($0.to))" } ?? "\(name(key.from)) \(key.kind.label) \(name(key.to))"
        return LineChange(change: change, relation: key.kind.rawValue, from: key.from, to: key.to, summary: summary,
                          source: self.source(source, before: change == .removed))
    }

    /// The change of one group of units.
    private func change(old oldIDs: [String], new newIDs: [String], lines: LineComparison) -> UnitChange {
        let olds = oldIDs.compactMap(old.model.unit), news = newIDs.compactMap(new.model.unit)
        let groupMatches = oldIDs.flatMap { old in matches(of: old).filter { newIDs.contains($0.new) } }
        var notes = ChangeNotes()
        for match in groupMatches where match.basis != .id || match.source != nil {
            notes.sources += match.source.map { ["\(match.basis == .mapping ? "mapping" : "lineage"): \($0)"] } ?? []
            let detail = "matched \(old.model.unit(match.old)?.name ?? match.old) by \(match.explanation)"
            if match.basis != .id, !notes.details.contains(detail) { notes.details.append(detail) }
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
            if let planned = unit.planned {
                notes.add(.announced, "Announced: \(unit.name) (expected \(planned))")
            } else {
                notes.add(.added, "Added: \(unit.name)")
            }
            if let parent = unit.parent.flatMap(new.model.unit) { notes.details.append("under \(parent.name)") }
            notes.cite(source(unit.source, before: false))
        case (1, 1):
            compare(olds[0], news[0], into: &notes)
        default:
            let names = "\(olds.map(\.name).joined(separator: ", ")) → \(news.map(\.name).joined(separator: ", "))"
            switch (olds.count > 1, news.count > 1) {
            case (true, true):
                notes.add(.merged, "Merged and split: \(names)")
                notes.add(.split, "")
            case (true, false): notes.add(.merged, "Merged: \(names)")
            default: notes.add(.split, "Split: \(names)")
            }
            for unit in news { notes.cite(source(unit.source, before: false)) }
        }
        if !olds.isEmpty {
            for unit in news { compareLines(of: unit.id, olds: olds, news: news, lines: lines, into: &notes) }
            // A change the text announces is not yet done: it is reported as announced first.
            for unit in news { if let planned = unit.planned { notes.add(.announced, "Announced: \(unit.name) (expected \(planned))") } }
        }
        if notes.kinds.isEmpty { notes.add(.unchanged, "Unchanged: \(news[0].name)") }
        return notes.change(old: oldIDs, new: newIDs, boxes: newIDs, name: news.map(\.name).joined(separator: ", "), matches: groupMatches)
    }

    /// Name, parent and head of a unit matched one to one.
    private func compare(_ o: Unit, _ n: Unit, into notes: inout ChangeNotes) {
        if (o.name != n.name && Similarity.normalized(o.name) != Similarity.normalized(n.name)) || (o.abbreviation != nil && n.abbreviation != nil && o.abbreviation != n.abbreviation) {
            let before = o.abbreviation.map { "\(o.name) (\($0))" } ?? o.name
            let after = n.abbreviation.map { "\(n.name) (\($0))" } ?? n.name
            notes.add(.renamed, "Renamed: \(before) → \(after)")
        }
        if o.id != old.root, n.id != new.root, !(o.parent.map(translate)?.contains { $0 == n.parent } ?? (n.parent == nil)) {
            let from = o.parent.flatMap(old.model.unit)?.name ?? "the top"
            let to = n.parent.flatMap(new.model.unit)?.name ?? "the top"
            notes.add(.moved, "Moved: \(n.name), from \(from) to \(to)")
        }
        if let a = o.head, let b = n.head, Self.differ(a, b) {
            notes.add(.headChanged, "Head changed: \(Self.describe(a)) → \(Self.describe(b))")
            if let cited = old.cite(a.source, extra: extraDocuments) { notes.sources.append("before: head, \(cited)") }
            if let cited = new.cite(b.source, extra: extraDocuments) { notes.sources.append("after: head, \(cited)") }
        }
        notes.cite(source(o.source, before: true))
        notes.cite(source(n.source, before: false))
    }

    /// Lines of accountability and shared services from the unit that exist in only one snapshot.
    private func compareLines(of id: String, olds: [Unit], news: [Unit], lines: LineComparison, into notes: inout ChangeNotes) {
        for (group, kind) in [(LineComparison.accountability, ChangeKind.accountabilityChanged), (LineComparison.services, .servicesChanged)] {
            let added = (lines.addedFrom[id] ?? []).filter { group.contains($0.kind) }
            let removed = (lines.removedFrom[id] ?? []).filter { group.contains($0.kind) }
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
            let subject = olds.count > 1 || news.count > 1 ? "\(name(id)) " : ""
            notes.add(kind, "\(kind == .servicesChanged ? "Shared services" : "Accountability") changed: \(subject)\(parts.joined(separator: "; "))")
        }
    }

    /// "before: ST/SGB/2010/1 §3.1" — a citation of the old (`before`) or new snapshot.
    func source(_ citation: Citation?, before: Bool) -> String? {
        (before ? old : new).cite(citation, extra: extraDocuments).map { "\(before ? "before" : "after"): \($0)" }
    }

    /// True when two heads differ in grade, or in title by more than a spelling variant
    /// ("Adviser" and "Advisor" are one title).
    static func differ(_ a: Post, _ b: Post) -> Bool {
        if let x = a.grade, let y = b.grade, x.lowercased() != y.lowercased() { return true }
        if a.title == b.title { return false }
        return Similarity.editDistance(Similarity.normalized(a.title), Similarity.normalized(b.title)) > 1
    }

    /// "Director (D-2)".
    static func describe(_ head: Post) -> String {
        head.grade.map { "\(head.title) (\($0))" } ?? head.title
    }
}
