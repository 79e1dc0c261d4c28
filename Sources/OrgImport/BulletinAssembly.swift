import OrgModel

/// Turns a finished draft into a model: stable slug ids, citations carrying confidence, units in
/// the order of the text with outside departments last.
struct BulletinAssembly {
    let draft: BulletinDraft
    let metadata: BulletinMetadata
    /// The id of the bulletin in the model's documents, e.g. `sgb-2010-1`.
    let documentID: String

    init(draft: BulletinDraft, metadata: BulletinMetadata) {
        self.draft = draft
        self.metadata = metadata
        documentID = metadata.symbol.map(Self.symbolSlug) ?? "bulletin"
    }

    /// `ST/SGB/2010/1` → `sgb-2010-1`.
    static func symbolSlug(_ symbol: String) -> String {
        let slug = Names.slug(symbol)
        return slug.hasPrefix("st-") ? String(slug.dropFirst(3)) : (slug.isEmpty ? "bulletin" : slug)
    }

    /// The model.
    func model() -> Model {
        let replaced = draft.replacedCollectives
        let order = draft.units.indices.filter { !replaced.contains($0) && !draft.units[$0].isExternal }
            + draft.units.indices.filter { !replaced.contains($0) && draft.units[$0].isExternal }
        let ids = unitIDs(order)
        var taken = TakenIDs(ids: Set(ids.values).union([documentID]))
        var postIDs: [Int: String] = [:]
        for p in draft.posts.indices where draft.posts[p].absorbedBy == nil {
            let base = Names.key(draft.posts[p].title) == "secretary-general" ? "sg" : Names.slug(draft.posts[p].title)
            postIDs[p] = Self.unique(base.isEmpty ? "post" : base, &taken)
        }
        func end(_ e: DraftEnd) -> String? {
            switch e {
            case .unit(let u): return ids[u]
            case .post(let p): return draft.posts[p].absorbedBy.flatMap { ids[$0] } ?? postIDs[p]
            }
        }
        let units = order.compactMap { u -> Unit? in
            guard let id = ids[u] else { return nil }
            return unit(draft.units[u], id: id, parent: draft.units[u].parent.flatMap { ids[$0] })
        }
        let posts = draft.posts.indices.compactMap { p -> Post? in
            guard let id = postIDs[p] else { return nil }
            return Post(id: id, title: draft.posts[p].title, grade: draft.posts[p].grade, source: citation(draft.posts[p].evidence))
        }
        let relationships = draft.relations.compactMap { r -> Relationship? in
            guard let from = end(r.from), let to = end(r.to), from != to else { return nil }
            return Relationship(kind: r.kind, from: from, to: to, source: citation(r.evidence), note: r.note)
        }
        let rootName = draft.root.map { draft.units[$0].name }
        let capitals = metadata.title.map { !$0.contains(where: \.isLowercase) } ?? true
        let title = capitals ? rootName.map { "Organization of the \($0)" } ?? metadata.title : metadata.title
        let document = Document(id: documentID, symbol: metadata.symbol, title: title ?? "Secretary-General's bulletin",
                                date: metadata.dateInForce, abolishes: metadata.abolishes)
        let modelID = metadata.symbol.map(Self.symbolSlug) ?? draft.root.flatMap { ids[$0] } ?? "bulletin"
        return Model(id: modelID, title: rootName ?? document.title, date: metadata.dateInForce, root: draft.root.flatMap { ids[$0] },
                     documents: [document], units: units, posts: posts, relationships: relationships)
    }

    private func unit(_ d: DraftUnit, id: String, parent: String?) -> Unit {
        let head = d.head.map { Post(id: id, title: $0.title, grade: $0.grade, unit: id, source: citation($0.evidence)) }
        var notes = d.notes
        if let place = d.functionsPlace, !d.functions.isEmpty { notes.append("Core functions from §\(place).") }
        if d.isCollective { notes.append("Stands for several units that the bulletin does not name one by one.") }
        var unique: [String] = []
        for n in notes where !unique.contains(n) { unique.append(n) }
        return Unit(id: id, name: d.name, abbreviation: d.abbreviation, kind: d.kind, parent: parent, head: head,
                    functions: d.functions, aliases: d.aliasNames, source: citation(d.parentEvidence ?? d.evidence),
                    note: unique.isEmpty ? nil : unique.joined(separator: " "))
    }

    /// A citation; facts not stated in so many words carry `inferred` and a note "confidence 0.7: why".
    func citation(_ e: Evidence) -> Citation {
        let section = e.place == "0" ? "" : e.place
        guard e.inferred || e.confidence < 1 else { return Citation(document: documentID, section: section) }
        let percent = Int((e.confidence * 100).rounded())
        let confidence = percent >= 100 ? "1.0" : "0.\(percent < 10 ? "0" : "")\(percent)"
        let text = "confidence \(confidence)" + (e.reason.map { ": \($0)" } ?? "")
        return Citation(document: documentID, section: section, inferred: e.inferred, note: text)
    }

    /// Slugs: the root's abbreviation or initials; below it `ROOT-INITIALS`, or `PARENT-INITIALS` when the
    /// name recurs or the short form is taken; `-2`, `-3` … as a last resort. Outside units use their own initials.
    private func unitIDs(_ order: [Int]) -> [Int: String] {
        var ids: [Int: String] = [:]
        var taken = TakenIDs(ids: [documentID])
        var nameCounts: [String: Int] = [:]
        for u in order { nameCounts[Names.key(draft.units[u].name), default: 0] += 1 }
        func base(_ u: Int) -> String {
            let d = draft.units[u]
            let b = d.abbreviation.map(Names.slug) ?? Names.initials(d.name)
            return b.isEmpty ? "unit" : b
        }
        if let root = draft.root { ids[root] = Self.unique(base(root), &taken) }
        let rootID = draft.root.flatMap { ids[$0] }
        for u in order where ids[u] == nil {
            let d = draft.units[u]
            if d.isExternal || rootID == nil { ids[u] = Self.unique(base(u), &taken); continue }
            let parentID = d.parent.flatMap { p in ids[p] ?? (draft.units.indices.contains(p) ? base(p) : nil) }
            let recurring = (nameCounts[Names.key(d.name)] ?? 0) > 1
            var candidate = "\(rootID ?? "")-\(base(u))"
            if recurring || taken.ids.contains(candidate), let parentID { candidate = "\(parentID)-\(base(u))" }
            ids[u] = Self.unique(candidate, &taken)
        }
        return ids
    }

    /// `base`, or `base-2`, `base-3` … the first not yet taken; records it.
    static func unique(_ base: String, _ taken: inout TakenIDs) -> String {
        var n = taken.next[base] ?? 2
        var candidate = taken.ids.contains(base) ? "\(base)-\(n)" : base
        while taken.ids.contains(candidate) { n += 1; candidate = "\(base)-\(n)" }
        taken.ids.insert(candidate)
        if candidate != base { taken.next[base] = n + 1 }
        return candidate
    }
}

/// Ids given so far, and for each base the suffix to try next, so that a thousand units of one
/// name are numbered without trying every number before theirs.
struct TakenIDs {
    var ids: Set<String>
    var next: [String: Int] = [:]
}
