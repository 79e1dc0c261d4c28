import OrgModel

/// Support and advice: "X is supported by a Deputy Y" (a deputy post); "X is supported by an Assistant
/// Secretary-General for Z, who is accountable to …" (a post that heads no unit); "X is assisted by the A,
/// the B and the C" (officials placed elsewhere, who advise X); "X is supported by the Y Centre" and "are
/// supported by specialized functional areas within A and B" (units that support X); "provides direct
/// advice to", "is responsible for providing advice … to" (advises).
extension BulletinDraft {
    static let supportedBy = [" is supported by ", " are supported by ", " is assisted by ", " are assisted by "]

    /// Reads a sentence saying who supports or assists whom; false when it is not one.
    mutating func readSupportedBy(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        guard let (subject, verb, rest) = Clauses.split(sentence, at: Self.supportedBy) else { return false }
        var many = subjects(subject, in: context)
        if Names.isPlural(subject), case let all = units(collectively: subject), all.count > many.count { many = all }
        let principals: [DraftEnd]
        if many.count > 1 || (verb.hasPrefix(" are") && !many.isEmpty) {
            principals = many.map(DraftEnd.unit)
        } else if let (principal, _) = officialSubject(subject, in: context) {
            principals = [principal]
        } else {
            return false
        }
        let evidence = Evidence(place: context.place)
        var object = Clauses.object(rest)
        if object.first?.isLowercase == true, let r = object.firstRange(of: " within ") {
            object = String(object[r.upperBound...])  // "specialized functional areas within the Office of …"
        }
        let listed = Self.joinedNames(Names.list(object), in: object).map { Names.bare($0) }
        if !listed.isEmpty, listed.allSatisfy({ Names.kind(of: $0) != nil && $0.first?.isUpperLetter == true && !Names.isPlural($0) }) {
            for name in listed {
                if let (supporting, _) = unit(named: name, in: context) {
                    for principal in principals where principal != .unit(supporting) { relate(.supports, .unit(supporting), principal, evidence) }
                } else if pendingLines.count < Self.maximumNames {
                    // Named later in the text, or introduced here: a unit of the section if no other sentence names it.
                    pendingLines.append(PendingLine(kind: .supports, from: [], group: name, evidence: evidence, sentence: sentence,
                                                    to: principals, introducedIn: listed.count == 1 ? context.sectionUnit ?? root : nil))
                }
            }
            return true
        }
        guard principals.count == 1, let principal = principals.first else { return false }
        var (title, appositive) = Self.headTitle(object)
        title = Names.count(title).1  // "two Assistant Secretaries-General"
        // "supported by an Assistant Secretary-General …" introduces an official; "assisted by the Assistant
        // Secretary-General for Operations, the Military Adviser, …" names officials the text places elsewhere.
        let introduced = rest.hasPrefix("a ") || rest.hasPrefix("an ") || title.hasPrefix("Deputy ") || Names.count(rest).0 != nil
        guard introduced else {
            for name in Clauses.officials(object) where pendingLines.count < Self.maximumNames {
                pendingLines.append(PendingLine(kind: .advises, from: [], group: name, evidence: evidence, sentence: sentence,
                                                byTitle: context, to: [principal]))
            }
            return true
        }
        guard Self.looksLikeTitle(title) else { return false }
        let assistant = post(titled: title, evidence: evidence)
        if title.hasPrefix("Deputy ") {
            relate(.deputizes, .post(assistant), principal, Evidence(place: context.place, confidence: 0.8, inferred: true,
                                                                     reason: "the text says: \(Names.bare(subject)) is supported by a \(title)"))
        } else if rest.firstRange(of: "who is accountable to ") == nil, rest.firstRange(of: "who are accountable to ") == nil {
            relate(.accountableTo, .post(assistant), principal, Evidence(place: context.place, confidence: 0.8, inferred: true,
                                                                         reason: "the \(title) supports the \(Names.bare(subject)) and heads no unit"))
        }
        if let r = rest.firstRange(of: "who is accountable to ") ?? rest.firstRange(of: "who are accountable to ") {
            lines(.accountableTo, from: [.post(assistant)], to: String(rest[r.upperBound...]), evidence, sentence, context)
        }
        if let r = rest.firstRange(of: "serves as Deputy to ") ?? rest.firstRange(of: "serves as deputy to ") {
            lines(.deputizes, from: [.post(assistant)], to: String(rest[r.upperBound...]), evidence, sentence, context)
        }
        for (phrase, kind) in Self.clauseLines {
            if let r = (appositive ?? rest).firstRange(of: phrase) {
                lines(kind, from: [.post(assistant)], to: Self.lineObject(String((appositive ?? rest)[r.upperBound...])), evidence, sentence, context)
            }
        }
        return true
    }

    /// "The Senior Media Relations Officer provides direct advice to the Under-Secretaries-General on …", "The
    /// Police Adviser is responsible for providing advice and support on all policing issues to A and B": lines
    /// of advice. Advice given "through" another official ("to A, B and C through D") is not drawn.
    mutating func readAdvice(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        guard let advice = sentence.firstRange(of: " advice") else { return false }
        let before = String(sentence[..<advice.lowerBound])
        let verbs = [" provides", " provide", " providing", " gives", " giving"]
        guard verbs.contains(where: { before.hasSuffix($0) || before.hasSuffix($0 + " direct") || before.hasSuffix($0 + " military")
                                      || before.hasSuffix($0 + " legal") || before.hasSuffix($0 + " technical") }),
              sentence[advice.upperBound...].first == " ", let to = sentence[advice.upperBound...].firstRange(of: " to "),
              sentence[advice.upperBound..<to.lowerBound].split(separator: " ").count <= 8,
              let (adviser, _) = officialSubject(before, in: context) else { return false }
        var object = String(sentence[to.upperBound...])
        if let through = object.firstRange(of: " through ") {
            // "to A and, when requested, through him or her to B": A directly; "to A, B and C through D": none directly.
            let direct = object[..<through.lowerBound]
            guard let cut = direct.firstRange(of: " and, ") ?? direct.firstRange(of: ", when ") else {
                note(context.place, "advice given through another official is not drawn as a line", excerpt: sentence)
                return true
            }
            object = String(direct[..<cut.lowerBound])
        }
        object = Self.lineObject(object)
        if let first = Clauses.officials(Clauses.object(object)).first, Names.bare(first).first?.isLowercase == true {
            // "advice and support to heads of offices and divisions within …": to people, not to officials or units.
            note(context.place, "advice to '\(Names.bare(first))' is not drawn as a line", excerpt: sentence)
            return true
        }
        lines(.advises, from: [adviser], to: object, Evidence(place: context.place), sentence, context)
        return true
    }
}
