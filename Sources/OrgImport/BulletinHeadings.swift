/// Units given by headings: a section heading names a top-level unit of the organization
/// ("Section 6 / Office of Operations"); a subheading names a unit of the section ("Front office").
extension BulletinDraft {
    /// The unit a heading names: an existing one, or a new one when the heading ends in a unit noun.
    /// `following` is the text of the paragraphs under the heading, used to complete a shortened name.
    mutating func headingUnit(_ heading: String, following: String, topLevel: Bool, _ context: ReadingContext) -> Int? {
        let name = Names.bare(heading)
        guard !name.isEmpty, name.count <= 150 else { return nil }
        let body = topLevel ? Self.firstSubject(following) : nil
        if let (u, _) = unit(named: name, in: context) {
            if let body { adoptBodyName(body, for: u, context) }
            return u
        }
        if let u = units(collectively: name).first { return u }
        // A heading naming a group ("Regional Divisions") that no sentence introduced is not a unit.
        guard let kind = Names.kind(of: name), name.first?.isUpperLetter == true, !(topLevel && Names.isPlural(name)) else { return nil }
        if let body, let (u, _) = unit(named: body.name, in: context), u != root, !units[u].isExternal {
            // "Section 6 / Division of Codification", then "The Codification Division is headed by …": one unit.
            units[u].addAlias(name)
            return u
        }
        var full = Self.extendedName(name, in: following)
        if full != name, let (u, _) = unit(named: full, in: context) { return u }
        if let body, body.headed, Names.key(body.name) != Names.key(full) { full = body.name }
        let parent = topLevel ? root : (context.sectionUnit ?? root)
        let reason = topLevel ? "a top-level unit: the heading of section \(context.section)"
            : "introduced by a subheading in section \(context.section)"
        let evidence = Evidence(place: context.place, confidence: topLevel ? 0.75 : 0.6, inferred: true, reason: reason)
        let u = addUnit(full, kind: Names.kind(of: full) ?? kind, parent: nil, evidence: evidence, section: context.section)
        if full != name { units[u].addAlias(name) }
        if let parent { contain(u, in: parent, evidence) }
        return u
    }

    /// The unit the first sentence under a section heading is about, when it is named in full:
    /// "The Codification Division is headed by …" → "Codification Division", and whether it says "headed by".
    static func firstSubject(_ text: String) -> (name: String, headed: Bool)? {
        guard let sentence = Sentences.split(String(text.prefix(2000))).first,
              let (subject, verb, _) = Clauses.split(sentence, at: headedBy + comprises) else { return nil }
        let name = Names.bare(subject)
        guard name.contains(" "), name.first?.isUpperLetter == true, Names.kind(of: name) != nil, !Names.isPlural(name),
              !name.contains(",") || Names.looksLikeName(name) else { return nil }
        return (name, headedBy.contains(verb))
    }

    /// A section whose heading names a unit the text named before, and whose first sentence names it
    /// otherwise: the fuller name ("Office of the Under-Secretary-General for Safety and Security"), or
    /// the body's name when it says who heads the unit ("The Headquarters Security and Safety Service is
    /// headed by …" under "Division of Headquarters Security and Safety Services"), becomes the unit's
    /// name, and the heading's an alias.
    private mutating func adoptBodyName(_ body: (name: String, headed: Bool), for u: Int, _ context: ReadingContext) {
        let bodyKey = Names.key(body.name)
        guard bodyKey != units[u].key, !units[u].aliases.contains(bodyKey), unit(named: body.name, in: context) == nil,
              u != root, !units[u].isExternal else { return }
        let extends = bodyKey.hasPrefix(units[u].key + " ")
        guard extends || (body.headed && units[u].head == nil) else { return }
        units[u].rename(body.name)
        units[u].notes.append("Named \"\(units[u].aliasNames.last ?? "")\" in the heading of section \(context.section) and \"\(units[u].name)\" in §\(context.place).")
    }

    /// The heading completed by the words that follow it where the text first uses it:
    /// "Office of the Under-Secretary-General" → "Office of the Under-Secretary-General for Peacekeeping Operations".
    static func extendedName(_ name: String, in text: String) -> String {
        let lower = text.lowercased()
        guard lower.count == text.count, let r = lower.firstRange(of: name.lowercased()) else { return name }
        let tail = text.dropFirst(lower.distance(from: lower.startIndex, to: r.upperBound))
        guard tail.first == " " else { return name }
        var added: [Substring] = []
        var pending: [Substring] = []
        for word in tail.split(separator: " ").prefix(12) {
            if ["for", "of", "the", "and", "on"].contains(word) { pending.append(word); continue }
            guard word.first?.isUpperLetter == true else { break }
            let bare = String(word).trimming(",.;:")
            added += pending + [Substring(bare)]
            pending = []
            if bare.count != word.count { break }
        }
        guard let first = added.first, ["for", "of", "on"].contains(first) else { return name }
        return name + " " + added.joined(separator: " ")
    }
}
