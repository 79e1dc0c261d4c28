/// Reads one sentence with each statement reader in turn, and reports a sentence that looks
/// structural but that none of them understood.
extension BulletinDraft {
    /// Words that make a sentence look structural.
    static let structuralWords = ["headed by", "accountable to", "comprises", "comprise ", "composed of", "consists of", "consist of",
                                  "reports to", "report to", "direct access", "shared resource", "services to", "serves as deputy",
                                  "under the direction of", "under the authority of", "supervis", "divided into", "organized into",
                                  "answerable to", "responsible to", "reporting line", "receives direction", "is led by",
                                  "oversees", "supported by", "assisted by", "inputs to", "management of the", "each of which", " advice to "]

    /// Reads a sentence; true when some fact was taken from it.
    @discardableResult
    mutating func read(sentence: String, _ context: inout ReadingContext) -> Bool {
        guard sentence.count <= 4000 else {
            note(context.place, "a sentence of \(sentence.count) characters was skipped", excerpt: sentence)
            return false
        }
        if (context.isGeneral && !isAboutTheRoot(sentence, context)) || Self.isDefinition(sentence) {
            // Terms defined ("'offices away from Headquarters' means …") and lists of places or bodies are not units.
            if Self.looksStructural(sentence) || sentence.contains(" means ") {
                note(context.place, Self.isDefinition(sentence) ? "a definition was not read as structure"
                                                                : "a sentence of the general section was not read as structure", excerpt: sentence)
            }
            return false
        }
        if let r = sentence.firstRange(of: ", which is headed by ") ?? sentence.firstRange(of: " which is headed by ")
            ?? sentence.firstRange(of: ", which are headed by "),
           !sentence[..<r.lowerBound].hasSuffix(" each of") {
            return readWhichIsHeaded(main: String(sentence[..<r.lowerBound]), clause: String(sentence[r.upperBound...]), sentence, &context)
        }
        let before = report.count
        if let r = sentence.firstRange(of: " and are supported by ") ?? sentence.firstRange(of: " and is supported by "),
           let (subject, _, _) = Clauses.split(String(sentence[..<r.lowerBound]), at: Self.comprises + Self.headedBy) {
            // "The teams consist of … and are supported by …": two sentences about one subject.
            let first = read(sentence: String(sentence[..<r.lowerBound]) + ".", &context)
            let verb = sentence[r.lowerBound...].hasPrefix(" and are") ? " are supported by " : " is supported by "
            return read(sentence: subject + verb + String(sentence[r.upperBound...]), &context) || first
        }
        let understood = readHeadedBy(sentence, &context) || readComprises(sentence, &context) || readSupportedBy(sentence, &context)
            || readAccountable(sentence, &context) || readServices(sentence, &context) || readLine(sentence, &context)
            || readAdvice(sentence, &context)
        if !understood, report.count == before, Self.looksStructural(sentence) {
            note(context.place, "a sentence that looks structural was not understood", excerpt: sentence)
        }
        return understood
    }

    /// True when the sentence says who heads the organization, what it comprises or to whom its head is
    /// accountable: read even in the general section.
    private mutating func isAboutTheRoot(_ sentence: String, _ context: ReadingContext) -> Bool {
        guard let root, let (subject, _, _) = Clauses.split(sentence, at: Self.headedBy + Self.comprises + Self.accountableTo) else { return false }
        let bare = Names.bare(subject)
        return bare.count <= 160 && (subjects(bare, in: context) == [root] || units[root].head.map { Names.key($0.title) == Names.key(bare) } == true)
    }

    /// True for a sentence that defines a term: "For the purposes of …, X means …", "the term X refers to …".
    static func isDefinition(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return lower.contains("\" means ") || lower.hasPrefix("for the purposes of") || lower.contains("the term \"")
            || lower.contains("hereinafter collectively referred to")
    }

    /// "The Division is also responsible for management of the X Unit, which is headed by a Y, who is accountable
    /// to Z": the main sentence introduces the unit, the clause gives its head and line.
    private mutating func readWhichIsHeaded(main: String, clause: String, _ sentence: String, _ context: inout ReadingContext) -> Bool {
        let understood = read(sentence: main + ".", &context)
        var from = main.startIndex
        var starts: [String.Index] = []
        while let r = main[from...].firstRange(of: " the ") {
            starts.append(r.upperBound)
            from = r.upperBound
        }
        // The unit named last: the text after one of the last few "the"s.
        let candidates = starts.suffix(12).map { String(main[$0...]) }
        var named: Int?
        for candidate in candidates.reversed() where named == nil { named = unit(named: candidate, in: context)?.0 }
        if named == nil, let last = candidates.last, let kind = Names.kind(of: last), last.first?.isUpperLetter == true, !Names.isPlural(last) {
            // A unit introduced in the sentence: a unit of the unit the sentence is about, else of the section.
            let words = main.split(separator: " ")
            let opening = words.prefix { $0.first?.isUpperLetter == true || ["of", "the", "and", "for", "on"].contains($0) }.joined(separator: " ")
            // "The Section is supported by the X Centre, which …": a unit that supports another is not part of it.
            let about = main.contains(" supported by ") ? nil : unit(named: opening, in: context)?.0
            let container = about ?? context.sectionUnit ?? root
            let u = addUnit(last, kind: kind, parent: nil, evidence: Evidence(place: context.place), section: context.section)
            if let container {
                contain(u, in: container, Evidence(place: context.place, confidence: 0.6, inferred: true,
                                                   reason: "introduced in a sentence about \(units[container].name)"))
            }
            named = u
        }
        guard let u = named else {
            note(context.place, "the unit said to be headed by someone was not recognized", excerpt: sentence)
            return understood
        }
        return head([u], clause, Evidence(place: context.place), sentence, &context) || understood
    }

    /// True when the sentence uses the words of structure ("headed by", "comprises", "accountable to" …).
    static func looksStructural(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return structuralWords.contains { lower.contains($0) }
    }

    /// Reads a paragraph: its sentences, then its items, unless they list functions.
    mutating func read(paragraph: BulletinParagraph, _ context: inout ReadingContext) {
        context.place = paragraph.number
        listContainers = []
        for sentence in Sentences.split(paragraph.text) where !isFull {
            read(sentence: sentence, &context)
        }
        if !listContainers.isEmpty, !paragraph.items.isEmpty {
            placeListedItems(paragraph, context)
            return
        }
        listContainers = []
        guard !paragraph.items.isEmpty, !readFunctions(paragraph, &context) else { return }
        for item in paragraph.items where !isFull {
            context.place = item.place(in: paragraph)
            for sentence in Sentences.split(item.text) where !isFull {
                read(sentence: sentence, &context)
            }
        }
        context.place = paragraph.number
    }
}
