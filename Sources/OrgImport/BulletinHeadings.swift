/// Units given by headings: a section heading names a top-level unit of the organization
/// ("Section 6 / Office of Operations"); a subheading names a unit of the section ("Front office").
extension BulletinDraft {
    /// The unit a heading names: an existing one, or a new one when the heading ends in a unit noun.
    /// `following` is the text of the paragraphs under the heading, used to complete a shortened name.
    mutating func headingUnit(_ heading: String, following: String, topLevel: Bool, _ context: ReadingContext) -> Int? {
        let name = Names.bare(heading)
        guard !name.isEmpty, name.count <= 150 else { return nil }
        if let (u, _) = unit(named: name, in: context) { return u }
        if let u = units(collectively: name).first { return u }
        guard let kind = Names.kind(of: name), name.first?.isUpperLetter == true else { return nil }
        let full = Self.extendedName(name, in: following)
        if full != name, let (u, _) = unit(named: full, in: context) { return u }
        let parent = topLevel ? root : (context.sectionUnit ?? root)
        let reason = topLevel ? "a top-level unit: the heading of section \(context.section)"
            : "introduced by a subheading in section \(context.section)"
        let evidence = Evidence(place: context.place, confidence: topLevel ? 0.75 : 0.6, inferred: true, reason: reason)
        let u = addUnit(full, kind: kind, parent: nil, evidence: evidence, section: context.section)
        if full != name { units[u].aliases.append(Names.key(name)) }
        if let parent { contain(u, in: parent, evidence) }
        return u
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
