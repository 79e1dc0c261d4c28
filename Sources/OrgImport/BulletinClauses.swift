/// Small pieces of sentence grammar shared by the statement readers: splitting a sentence at its
/// verb, cutting trailing clauses off an object, and finding the official a subject names.
enum Clauses {
    /// The sentence split at the first of `verbs`: the subject, the verb found and the rest.
    static func split(_ sentence: String, at verbs: [String]) -> (subject: String, verb: String, rest: String)? {
        var best: (Range<String.Index>, String)?
        for verb in verbs {
            if let r = sentence.firstRange(of: verb), best.map({ r.lowerBound < $0.0.lowerBound }) ?? true { best = (r, verb) }
        }
        guard let (r, verb) = best else { return nil }
        return (String(sentence[..<r.lowerBound]).trimmingSpaces, verb, String(sentence[r.upperBound...]).trimmingSpaces)
    }

    /// Clauses that end the name of an official or a unit in an object.
    static let objectEnds = [" or his/her designee", " or his or her designee", " or her/his designee", " and serves ", " and provides ", " and works ",
                             " and oversees ", " and supervises ", " and reports ", " and maintains ", " and manages ", " and coordinates ",
                             " and supports ", " and advises ", " and chairs ", " and acts ", " and has ", " and who ", ", who ", " who ", " and is ", " and are ", "; ", ", through ", ", in ",
                             " in the ", ", when ", " when ", ", as required", ", as appropriate", ", as needed", " on all ",
                             " on matters", " on issues", " for all ", " for their ", " for its ", " in his or her capacity", ", for ", ", including ", ", with ", ", which ",
                             ", ensuring ", " in undertaking ", " in carrying out ", " in performing "]

    /// The object without trailing clauses and the final full stop.
    static func object(_ text: String) -> String {
        var end = text.endIndex
        for marker in objectEnds {
            if let r = text.firstRange(of: marker), r.lowerBound < end { end = r.lowerBound }
        }
        return String(text[..<end]).trimming(" ,;:.")
    }

    /// The subject without an opening clause: "In view of …, the Assistant Secretary-General" → candidates
    /// from the text after the last comma, the whole, then from each "the " on.
    static func subjectCandidates(_ subject: String) -> [String] {
        var candidates: [String] = []
        // "The Assistant Secretary-General for X supports … and": the title the subject opens with.
        let words = Names.bare(subject).split(separator: " ")
        let opening = words.prefix { $0.first?.isUpperLetter == true || ["of", "the", "and", "for", "on", "to"].contains($0) }
        if opening.count < words.count, let last = opening.last, last.first?.isUpperLetter == true,
           titleWords.contains(where: { opening.joined(separator: " ").lowercased().contains($0) }) {
            candidates.append(opening.joined(separator: " "))
        }
        if let comma = subject.lastIndex(of: ",") {
            candidates.append(String(subject[subject.index(after: comma)...]).trimmingSpaces)
        }
        candidates.append(subject)
        var from = subject.startIndex
        while let r = subject[from...].firstRange(of: " the ") {
            candidates.append(String(subject[subject.index(after: r.lowerBound)...]))
            from = r.upperBound
        }
        return candidates.filter { !$0.isEmpty }
    }

    /// The officials an object names: "the Under-Secretaries-General for A and B", "A as well as B", "A and the B".
    static func officials(_ object: String) -> [String] {
        let pieces = Names.list(object)
        // A piece without a title ("the Pacific, Europe and West Asia") belongs to the title before it.
        guard pieces.dropFirst().allSatisfy(namesAnOfficial) else { return Names.distributed(object) }
        return pieces.flatMap(Names.distributed)
    }

    /// Words that make a phrase a title of an official.
    static let titleWords = ["secretary-general", "secretaries-general", "director", "chief", "adviser", "advisor", "officer", "representative",
                             "coordinator", "head", "commissioner", "assistant", "leader", "manager", "envoy", "counsel", "controller",
                             "registrar", "president", "chair", "deputy", "executive", "principal", "special", "department", "office"]

    private static func namesAnOfficial(_ phrase: String) -> Bool {
        let key = Names.key(phrase)
        return titleWords.contains { key.contains($0) } || Names.kind(of: phrase) != nil
    }

    /// Removes ", hereinafter referred to as the "X"," from a subject; returns the subject and X.
    static func hereinafter(_ subject: String) -> (String, String?) {
        guard let r = subject.firstRange(of: "hereinafter referred to as") ?? subject.firstRange(of: "hereinafter called") else { return (subject, nil) }
        let before = String(subject[..<r.lowerBound]).trimming(" ,(")
        let after = subject[r.upperBound...]
        let alias = after.split(separator: "\"").dropFirst().first.map(String.init)
            ?? after.split(separator: ",").first.map(String.init)
        return (before, alias.map { Names.bare($0) })
    }
}

extension BulletinDraft {
    /// The official the subject of a sentence names, trying the subject without its opening clauses.
    mutating func officialSubject(_ subject: String, in context: ReadingContext) -> (DraftEnd, Double)? {
        for candidate in Clauses.subjectCandidates(subject) {
            if let found = official(candidate, in: context) { return found }
            if let (u, confidence) = unit(named: candidate, in: context) { return (.unit(u), confidence) }
        }
        return nil
    }
}
