import OrgModel

/// Finding the unit or official a phrase of the text means: by name, by a short name in context
/// ("the Division"), by the title of its head ("the Military Adviser", "the Director of the Mine
/// Action Service"), or for a collective ("each of the regional Divisions").
extension BulletinDraft {
    /// The unit a name refers to, and how sure the match is.
    func unit(named phrase: String, in context: ReadingContext) -> (Int, Double)? {
        let key = Names.key(phrase)
        guard !key.isEmpty, key.count <= 200 else { return nil }
        let exact = units.indices.filter { i in
            units[i].key == key || units[i].aliases.contains(key) || units[i].abbreviation?.lowercased() == key
        }
        if let best = choose(exact, in: context) { return (best, 1) }
        if !key.contains(" "), Names.kindNouns[key] != nil {
            for candidate in contextChain(context) where Names.headNoun(units[candidate].name) == key { return (candidate, 0.9) }
            return nil
        }
        guard key.split(separator: " ").count >= 2 else { return nil }
        let partial = units.indices.filter { i in
            let name = units[i].key
            return name.hasSuffix(" " + key) || name.hasPrefix(key + " ")
        }
        return choose(partial, in: context).map { ($0, 0.8) }
    }

    /// Every unit a collective phrase stands for: the named members of "the regional Divisions",
    /// or every unit called "integrated operational teams".
    func units(collectively phrase: String) -> [Int] {
        let key = Names.singularKey(phrase)
        guard !key.isEmpty else { return [] }
        var found: [Int] = []
        for i in units.indices where units[i].singularKey == key || units[i].aliases.contains(key) {
            if units[i].members.isEmpty { found.append(i) } else { found += units[i].members }
        }
        return found.isEmpty ? groups[key] ?? [] : found
    }

    /// The units a phrase is about, for the subject of a sentence: one unit, or the members of a collective.
    func subjects(_ phrase: String, in context: ReadingContext) -> [Int] {
        let lower = phrase.lowercased()
        if lower.hasPrefix("each "), let noun = Names.headNoun(phrase), Names.key(phrase) == noun, Names.kindNouns[noun] != nil {
            // "Each Branch is headed by …": every such unit in the unit the text is about.
            for anchor in [context.topic, context.sectionUnit, root].compactMap({ $0 }) {
                let inside = units.indices.filter { Names.headNoun(units[$0].name) == noun && ancestors(of: $0).contains(anchor) }
                if !inside.isEmpty { return inside }
            }
        }
        let plural = lower.hasPrefix("each ") || lower.hasPrefix("all ") || Names.isPlural(phrase)
        if let (one, _) = unit(named: phrase, in: context), !plural || units[one].members.isEmpty { return [one] }
        let many = units(collectively: phrase)
        if !many.isEmpty { return many }
        if let (one, _) = unit(named: phrase, in: context) { return [one] }
        return []
    }

    /// The candidate nearest the context: in the topic's or the section unit's subtree, else the latest.
    func choose(_ candidates: [Int], in context: ReadingContext) -> Int? {
        guard candidates.count > 1 else { return candidates.first }
        for anchor in [context.topic, context.sectionUnit].compactMap({ $0 }) {
            let inside = candidates.filter { $0 == anchor || ancestors(of: $0).contains(anchor) }
            if let last = inside.last { return last }
        }
        let chain = contextChain(context)
        if let near = candidates.first(where: { chain.contains($0) }) { return near }
        return candidates.last
    }

    /// The topic, the section unit, their ancestors and the root, nearest first.
    func contextChain(_ context: ReadingContext) -> [Int] {
        var chain: [Int] = []
        for start in [context.topic, context.sectionUnit, root].compactMap({ $0 }) {
            for u in [start] + ancestors(of: start) where !chain.contains(u) { chain.append(u) }
        }
        return chain
    }

    /// The official a phrase names, as a unit (its head) or a post, creating a post or an outside
    /// department when the text names an official who heads no unit of the bulletin.
    mutating func official(_ phrase: String, in context: ReadingContext) -> (DraftEnd, Double)? {
        var title = Names.bare(phrase)
        if let slash = title.firstIndex(of: "/"), !title.hasPrefix("ST/") {
            // "the Director/Deputy Director of the Division": the first title, with the rest of the phrase.
            let afterSlash = title[title.index(after: slash)...]
            let tail = afterSlash.firstRange(of: " of ").map { String(afterSlash[$0.lowerBound...]) } ?? ""
            title = String(title[..<slash]) + tail
        }
        let key = Names.key(title)
        guard !key.isEmpty, key.count <= 160 else { return nil }
        if let end = aliases[key] { return (end, 1) }
        if key == "secretary-general" {
            return (.post(post(titled: "Secretary-General", evidence: Evidence(place: context.place))), 1)
        }
        let heads = units.indices.filter { units[$0].head.map { $0.key == key } ?? false }
        let chain = contextChain(context).filter { $0 != context.topic }
        if !heads.contains(where: chain.contains),
           let near = chain.first(where: { units[$0].head.map { $0.key.hasPrefix(key + " ") } ?? false }) {
            // "the Assistant Secretary-General" in the Office headed by the "Assistant Secretary-General for Human
            // Resources Management": the official of that title above the unit, before one elsewhere.
            return (.unit(near), 0.85)
        }
        if !heads.isEmpty {
            guard let best = choose(heads, in: context), heads.count == 1 || contextChain(context).contains(best) else { return nil }
            return (.unit(best), 1)
        }
        if let p = posts.firstIndex(where: { $0.key == key && $0.absorbedBy == nil }) { return (.post(p), 1) }
        if let match = headByUnitName(title, in: context) { return match }
        if let match = headOfGeneric(title, in: context) { return match }
        let prefixed = units.indices.filter { units[$0].head.map { $0.key.hasPrefix(key + " ") } ?? false }
        if let best = choose(prefixed, in: context), prefixed.count == 1 || contextChain(context).contains(best) { return (.unit(best), 0.85) }
        // "the Assistant Secretary-General" for the one "Assistant Secretary-General for Legal Affairs" who heads no unit.
        let posted = posts.indices.filter { posts[$0].absorbedBy == nil && posts[$0].key.hasPrefix(key + " ") }
        if posted.count == 1, prefixed.isEmpty { return (.post(posted[0]), 0.85) }
        guard Self.looksLikeTitle(title) else { return nil }
        return (.post(post(titled: title, evidence: Evidence(place: context.place, confidence: 0.7, inferred: true,
                                                                 reason: "an official who heads no unit of the bulletin"))), 0.7)
    }

    /// "the Director of the Mine Action Service", "the Special Assistant to the Under-Secretary-General for …",
    /// "the Assistant Secretary-General for Rule of Law and Security Institutions".
    private mutating func headByUnitName(_ title: String, in context: ReadingContext) -> (DraftEnd, Double)? {
        let forFirst = (title.firstRange(of: " for ")?.lowerBound ?? title.endIndex) < (title.firstRange(of: " of ")?.lowerBound ?? title.endIndex)
        for connector in forFirst ? [] : [" of the ", " of "] {
            var searchFrom = title.startIndex
            while let r = title[searchFrom...].firstRange(of: connector) {
                // "Director of the X Division of the Department of Y" heads the Division, not the Department.
                let own = String(title[..<r.lowerBound])
                if Self.looksLikeTitle(own), !own.contains(" of the "), let (u, confidence) = unit(named: String(title[r.upperBound...]), in: context) {
                    return (.unit(u), min(confidence, 0.95))
                }
                searchFrom = r.upperBound
            }
        }
        if let r = title.firstRange(of: " to the "), r.lowerBound > title.startIndex, Self.looksLikeTitle(String(title[..<r.lowerBound])) {
            let own = Names.key(String(title[..<r.lowerBound]))
            if let (superior, confidence) = official(String(title[r.upperBound...]), in: context), case .unit(let top) = superior {
                let subtree = units.indices.filter { $0 == top || ancestors(of: $0).contains(top) }
                if let assistant = subtree.first(where: { units[$0].head.map { Names.key($0.title) == own } ?? false }) {
                    return (.unit(assistant), min(confidence, 0.8))
                }
            }
            return nil
        }
        guard let r = title.firstRange(of: " for "), Self.looksLikeTitle(String(title[..<r.lowerBound])) else { return nil }
        let domain = Names.key(String(title[r.upperBound...]))
        guard domain.count >= 4 else { return nil }
        let rank = Names.key(String(title[..<r.lowerBound]))
        let matches = units.indices.filter { i in
            let name = units[i].key
            // "Office of the Under-Secretary-General for X" is not headed by the Assistant Secretary-General for X.
            let officeOfAnother = name.hasPrefix("office of the ") && !name.hasPrefix("office of the " + rank + " ")
                && Self.looksLikeTitle(units[i].name.components(after: "Office of the ").components(before: " for "))
            return (name.hasSuffix(" of " + domain) || name.hasSuffix(" for " + domain) || name == domain) && headRank(of: i, is: rank) && !officeOfAnother
        }
        if let best = choose(matches, in: context) {
            if units[best].head == nil {
                let evidence = Evidence(place: context.place, confidence: 0.8, inferred: true, reason: "the title names the unit")
                setHead(DraftHead(title: Names.bare(title), grade: Grades.grade(of: title), evidence: evidence), of: best)
            }
            adoptFullTitle(title, for: best, at: context.place)
            return (.unit(best), 0.85)
        }
        guard let outside = outsideDepartment(domain: String(title[r.upperBound...]), head: title, in: context),
              case .unit(let u) = outside.0, headRank(of: u, is: rank) else { return nil }
        return outside
    }

    /// True when the unit has no head yet, or a head of this rank: "Assistant Secretary-General for Political
    /// Affairs" is not the head of a Department headed by an Under-Secretary-General.
    private func headRank(of unit: Int, is rank: String) -> Bool {
        guard let head = units[unit].head else { return true }
        return head.key.components(before: " for ") == rank
    }

    /// "the respective regional Director": the nearest ancestor of the topic headed by a Director.
    private func headOfGeneric(_ title: String, in context: ReadingContext) -> (DraftEnd, Double)? {
        let words = Names.key(title).split(separator: " ")
        guard words.first == "respective", let last = words.last, let topic = context.topic else { return nil }
        for a in ancestors(of: topic) where units[a].head.map({ Names.key($0.title).hasSuffix(String(last)) }) ?? false {
            return (.unit(a), 0.8)
        }
        return nil
    }

    /// A department or office outside the bulletin, created when the text names it (as "Department of Field
    /// Support") and its head is an end of a line ("the Under-Secretary-General for Field Support").
    private mutating func outsideDepartment(domain: String, head: String, in context: ReadingContext) -> (DraftEnd, Double)? {
        let domainName = Names.bare(domain)
        for form in DepartmentMentions.forms where mentions.mentions(form, domainName) {
            let key = Names.key(form + domainName)
            if let existing = units.firstIndex(where: { $0.key == key }) { return (.unit(existing), 0.8) }
            return outsideUnit(named: form + domainName, head: head, context).map { (.unit($0), 0.8) }
        }
        return nil
    }

    /// The unit of this name, added as an outside unit (no parent) when it is new.
    mutating func outsideUnit(named name: String, head: String?, _ context: ReadingContext) -> Int? {
        if let existing = units.firstIndex(where: { $0.key == Names.key(name) }) {
            if units[existing].head == nil, let head { units[existing].head = DraftHead(title: Names.bare(head), grade: Grades.grade(of: head), evidence: units[existing].evidence) }
            return existing
        }
        guard let kind = Names.kind(of: name) else { return nil }
        let evidence = Evidence(place: context.place, confidence: 0.7, inferred: true,
                                reason: "named as the end of a line; outside the organization of the bulletin")
        let u = addUnit(name, kind: kind, parent: nil, evidence: evidence, section: context.section)
        units[u].isExternal = true
        if let head { units[u].head = DraftHead(title: Names.bare(head), grade: Grades.grade(of: head), evidence: evidence) }
        return u
    }

    /// When a head was called "an Assistant Secretary-General" and a later paragraph gives the full title.
    private mutating func adoptFullTitle(_ title: String, for unit: Int, at place: String) {
        guard var head = units[unit].head else { return }
        let full = Names.bare(title)
        guard Names.key(full).hasPrefix(Names.key(head.title) + " ") else { return }
        units[unit].notes.append("The head is called \"\(head.title)\" in §\(head.evidence.place) and \"\(full)\" in §\(place).")
        head.title = full
        units[unit].head = head
    }

    /// A title is a short phrase in capitals: "Deputy Police Adviser", "Special Assistant to the …".
    static func looksLikeTitle(_ title: String) -> Bool {
        let words = title.split(separator: " ")
        guard let first = words.first?.first, first.isUpperLetter, words.count <= 16, Names.kind(of: title) == nil else { return false }
        if title.contains(",") {
            // "Assistant Secretary-General for the Americas, Asia and the Pacific": capitals after every comma.
            let afterCommas = title.split(separator: ",").dropFirst()
            guard afterCommas.allSatisfy({ $0.trimmingSpaces.first?.isUpperLetter == true }) else { return false }
        }
        let lowerWords = words.filter { $0.first?.isLowercase == true && !["of", "the", "and", "for", "to", "on", "in", "at"].contains($0) }
        return lowerWords.isEmpty
    }
}
