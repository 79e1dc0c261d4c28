import OrgModel

/// Sentences about heads and their lines: "The X is headed by a Y, who is accountable to Z",
/// "Y is accountable to A and B", "… as well as to C or his/her designee", "reports to and receives direction
/// from", "has direct access to", "serves as Deputy to", "works in close coordination with", "provides inputs
/// to", "oversees"; "A and B are each headed by …", "Both are headed by …".
extension BulletinDraft {
    static let headedBy = [" is headed by ", " are headed by ", " are each headed by ", " is each headed by ", " shall be headed by ",
                           " is led by ", " is directed by ", " is managed by ", " will be headed by "]
    static let accountableTo = [" is accountable to ", " are accountable to ", " shall be accountable to ", " is responsible to ",
                                " is answerable to ", " reports directly to "]

    /// "The X is headed by a Y[, appositive], who is accountable to Z …": head, accountability, coordination.
    mutating func readHeadedBy(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        guard let (subject, _, rest) = Clauses.split(sentence, at: Self.headedBy) else { return false }
        // "The Service consists of A, B and C, each of which is headed by …": a containment sentence.
        if subject.hasSuffix("each of which") || Clauses.split(subject, at: Self.comprises) != nil { return false }
        var targets = subjects(subject, in: context)
        let evidence = Evidence(place: context.place)
        let pronoun = Names.key(subject)
        if ["both", "both of them", "each of them", "they", "all of them"].contains(pronoun),
           !lastListed.isEmpty, pronoun.hasPrefix("both") ? lastListed.count == 2 : true {
            targets = lastListed  // "The Division comprises … A and B. Both are headed by a Chief …"
        }
        if targets.isEmpty {
            // "The Meetings Support Section and the Publishing Section are each headed by a Chief", "The regional
            // Divisions, namely, the Africa Division, …, are headed by Directors": every unit named.
            let listed = subject.components(after: ", namely").trimming(" ,:")
            let named = Self.joinedNames(Names.list(listed), in: listed).map { subjects($0, in: context) }
            if named.count > 1, named.allSatisfy({ $0.count == 1 }) {
                targets = named.flatMap { $0 }
                if let r = subject.firstRange(of: ", namely") { groups[Names.singularKey(String(subject[..<r.lowerBound]))] = targets }
            }
        }
        if targets.isEmpty {
            let name = Names.bare(Clauses.subjectCandidates(subject).first { Names.kind(of: $0) != nil } ?? subject)
            guard let kind = Names.kind(of: name), !Names.isPlural(name), name.first?.isUpperLetter == true || name.hasPrefix("front") else {
                note(context.place, "the unit said to be headed by someone was not recognized", excerpt: sentence)
                return false
            }
            targets = [addUnit(name, kind: kind, parent: nil, evidence: evidence, section: context.section)]
        }
        if targets.count == 1, let (second, firstRest, secondRest) = gapped(rest, context) {
            // "The A is headed by a Director and the B by a Chief, who are accountable to …": two heads, one line each.
            let first = head(targets, firstRest, evidence, sentence, &context)
            return head([second], secondRest, evidence, sentence, &context) || first
        }
        if targets.count == 1, units[targets[0]].abbreviation == nil, case (_, let inside?) = Names.splittingParenthesis(Names.bare(subject)),
           Self.isAbbreviation(inside) {
            units[targets[0]].abbreviation = inside
        }
        return head(targets, rest, evidence, sentence, &context)
    }

    /// "The Chief of each Service": the heads of the Services of the unit the text is about, each given that
    /// title when no sentence gave it a head.
    private mutating func headsOfEach(_ subject: String, _ context: ReadingContext) -> [DraftEnd]? {
        guard let r = subject.firstRange(of: " of each ") else { return nil }
        let title = Names.bare(String(subject[..<r.lowerBound]))
        let group = subjects("each " + subject[r.upperBound...], in: context)
        guard Self.looksLikeTitle(title), !group.isEmpty else { return nil }
        for u in group where units[u].head == nil {
            setHead(DraftHead(title: title, grade: Grades.grade(of: title),
                              evidence: Evidence(place: context.place, confidence: 0.8, inferred: true, reason: "the text names \"the \(title) of each\" such unit")),
                    of: u)
        }
        return group.map(DraftEnd.unit)
    }

    /// "a Director and the B Section by a Chief, both of whom are accountable to Z": the unit B and what
    /// follows "headed by" for each unit ("a Director, who are accountable to Z", "a Chief, who are …").
    private func gapped(_ rest: String, _ context: ReadingContext) -> (Int, String, String)? {
        guard let and = rest.firstRange(of: " and the "), let by = rest[and.upperBound...].firstRange(of: " by ") else { return nil }
        let secondName = String(rest[and.upperBound..<by.lowerBound])
        guard Names.kind(of: secondName) != nil || headedNames.contains(Names.key(secondName)),
              case let found = subjects(secondName, in: context), found.count == 1 else { return nil }
        let afterBy = String(rest[by.upperBound...])
        guard let clause = afterBy.firstRange(of: ", both of whom ") ?? afterBy.firstRange(of: ", who ") else { return nil }
        let relative = ", who " + afterBy[clause.upperBound...]
        return (found[0], String(rest[..<and.lowerBound]) + relative, String(afterBy[..<clause.lowerBound]) + relative)
    }

    /// Applies "[a] TITLE[, appositive], who is accountable to Z and works in close coordination with W" to each unit.
    mutating func head(_ targets: [Int], _ rest: String, _ evidence: Evidence, _ sentence: String, _ context: inout ReadingContext) -> Bool {
        var (title, appositive) = Self.headTitle(rest)
        guard !title.isEmpty, Self.looksLikeTitle(title) || title.first?.isLowercase == true else { return false }
        if targets.count > 1 || targets.contains(where: { units[$0].isCollective }), let last = title.split(separator: " ").last,
           ["ors", "ers", "efs", "ads", "ants", "ives"].contains(where: last.hasSuffix) {
            title = String(title.dropLast())  // "… are headed by Chiefs", "by Chief Resident Auditors": each by one
        }
        if targets.count == 1, let other = appositive, !other.hasPrefix("a "), !other.hasPrefix("an "), Self.looksLikeTitle(Names.bare(other)) {
            // "headed by the Under-Secretary-General for Legal Affairs, the Legal Counsel", "by the Assistant
            // Secretary-General, Controller": the Legal Counsel, the Controller is that head.
            aliases[Names.key(other)] = .unit(targets[0])
            appositive = nil
        }
        for unit in targets {
            if units[unit].head == nil || units[unit].head.map({ Names.key(title).hasPrefix(Names.key($0.title)) }) == true {
                let grade = Grades.grade(of: title) ?? Grades.grade(in: rest.components(before: "who ")) ?? appositive.flatMap { Grades.grade(in: $0) }
                setHead(DraftHead(title: title, grade: grade, evidence: evidence), of: unit)
            }
            if let appositive { units[unit].notes.append("The \(title) is \(appositive) (§\(context.place)).") }
        }
        if targets.count == 1 { context.topic = targets[0] }
        var relatives = ["who is accountable to ", "who are accountable to ", "who reports to ", "who is responsible to ", "who reports directly to "]
        if !relatives.contains(where: { rest.contains($0) }) { relatives = [" accountable to "] }  // "headed by Chiefs accountable to …"
        for marker in relatives {
            if let r = rest.firstRange(of: marker) {
                let reason = marker.contains("report") ? "\"reports to\" read as accountability" : nil
                accountability(of: targets, to: String(rest[r.upperBound...]), evidence: reason.map { evidence.weakened(to: 0.85, $0) } ?? evidence,
                               sentence: sentence, context: &context)
            }
        }
        if let r = rest.firstRange(of: "works in close coordination with ") ?? rest.firstRange(of: "works closely with ") {
            lines(.coordinatesWith, from: targets.map(DraftEnd.unit), to: String(rest[r.upperBound...]), evidence, sentence, context)
        }
        for (phrase, kind) in Self.clauseLines {
            if let r = rest.firstRange(of: phrase) {
                lines(kind, from: targets.map(DraftEnd.unit), to: Self.lineObject(String(rest[r.upperBound...])), evidence, sentence, context)
            }
        }
        return true
    }

    /// Lines given by a verb after the head's title or a subject: "provides inputs to", "oversees", "supervising".
    static let clauseLines: [(String, RelationKind)] = [
        ("provides inputs to ", .technicalReporting), ("provide inputs to ", .technicalReporting),
        ("oversees ", .oversees), ("oversee ", .oversees), ("supervises ", .oversees), ("supervising ", .oversees), ("overseeing ", .oversees),
    ]

    /// The object of a line verb without what it is about: "the Office of the Legal Counsel on questions of …",
    /// "the work of the General Legal Division".
    static func lineObject(_ text: String) -> String {
        var object = text
        for marker in [" on ", " regarding ", " concerning "] {
            if let r = object.firstRange(of: marker) { object = String(object[..<r.lowerBound]) }
        }
        for prefix in ["the work of ", "the activities of "] where object.hasPrefix(prefix) { object = String(object.dropFirst(prefix.count)) }
        return object
    }

    /// "Y is accountable to Z", "The Under-Secretary-General for X, hereinafter referred to as …, is accountable to …".
    mutating func readAccountable(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        guard let (rawSubject, _, rest) = Clauses.split(sentence, at: Self.accountableTo) else { return false }
        let (subject, alias) = Clauses.hereinafter(rawSubject)
        var ends: [DraftEnd] = []
        let collective = subjects(subject, in: context)
        if collective.count > 1 || (Names.kind(of: Names.bare(subject)) != nil && !collective.isEmpty) {
            ends = collective.map(DraftEnd.unit)
        } else if let (end, _) = officialSubject(subject, in: context) {
            ends = [end]
        }
        guard !ends.isEmpty else {
            note(context.place, "the official who is accountable was not recognized", excerpt: sentence)
            return false
        }
        if let alias, ends.count == 1 { aliases[Names.key(alias)] = ends[0] }
        let units = ends.compactMap { if case .unit(let u) = $0 { return u } else { return nil } }
        if units.count == ends.count {
            accountability(of: units, to: rest, evidence: Evidence(place: context.place), sentence: sentence, context: &context)
        } else {
            lines(.accountableTo, from: ends, to: rest, Evidence(place: context.place), sentence, context)
        }
        return true
    }

    /// Accountability to each official of `object`: "accountable to A as well as to B" is a main line to A and
    /// a dual line (also accountable to) to B; "accountable to the Under-Secretaries-General for A and B", or
    /// to "A and B", is a line to each alike, the text giving neither precedence.
    private mutating func accountability(of subjects: [Int], to object: String, evidence: Evidence, sentence: String, context: inout ReadingContext) {
        let saved = context.topic
        defer { context.topic = saved }
        let officials = Clauses.object(object)
        let dual = officials.contains(" as well as ")
        for unit in subjects {
            context.topic = unit
            var first = true
            for name in Clauses.officials(officials) {
                guard let (end, confidence) = official(name, in: context) else {
                    note(context.place, "the official '\(name)' to whom the head is accountable was not recognized", excerpt: sentence)
                    continue
                }
                let e = confidence < 1 ? evidence.weakened(to: confidence, "'\(name)' matched by title") : evidence
                relate(first || !dual ? .accountableTo : .alsoAccountableTo, .unit(unit), end, e)
                first = false
            }
        }
    }

    /// Lines of one kind from each of `from` to each official named in `object`.
    mutating func lines(_ kind: RelationKind, from: [DraftEnd], to object: String, _ evidence: Evidence, _ sentence: String, _ context: ReadingContext) {
        if Clauses.object(object).lowercased().hasPrefix("both "), lastListed.count == 2 {
            // "supervises both sections": the two units the last list named.
            for f in from { for u in lastListed { relate(kind, f, .unit(u), evidence) } }
            return
        }
        for name in Clauses.officials(Clauses.object(object)) {
            // "the Under-Secretaries-General" (after "… for A and B"), "the regional Divisions": each of them.
            let heads = headsTitled(plural: name)
            let found = heads.isEmpty ? official(name, in: context) ?? namedUnit(name, context) : nil
            let group = found != nil ? [] : heads.isEmpty ? units(collectively: name) : heads
            if !group.isEmpty {
                for f in from { for u in group { relate(kind, f, .unit(u), evidence) } }
                continue
            }
            guard let (end, confidence) = found else {
                if Names.kind(of: Names.bare(name)) != nil, Names.bare(name).first?.isUpperLetter == true || Names.isPlural(name),
                          pendingLines.count < Self.maximumNames {
                    // "the Staffing Service" or "the regional Divisions", named later in the text: tried again at the end.
                    pendingLines.append(PendingLine(kind: kind, from: from, group: name, evidence: evidence, sentence: sentence))
                } else {
                    note(context.place, "'\(name)' (\(kind.label)) was not recognized", excerpt: sentence)
                }
                continue
            }
            for f in from { relate(kind, f, end, confidence < 1 ? evidence.weakened(to: confidence, "'\(name)' matched by title") : evidence) }
        }
    }

    /// "the Under-Secretaries-General" after "the Under-Secretaries-General for A and B": the units headed by an
    /// Under-Secretary-General (the organization and the departments outside it).
    func headsTitled(plural phrase: String) -> [Int] {
        let title = Names.bare(phrase)
        guard title.hasSuffix("Secretaries-General"), title.split(separator: " ").count <= 2 else { return [] }
        let singular = Names.key(title.replacing("Secretaries-General", with: "Secretary-General"))
        return units.indices.filter { units[$0].head.map { $0.key == singular || $0.key.hasPrefix(singular + " for ") } ?? false }
    }

    /// A unit named in full as the end of a line ("the Department of Management Strategy, Policy and Compliance").
    mutating func namedUnit(_ phrase: String, _ context: ReadingContext) -> (DraftEnd, Double)? {
        if let (u, confidence) = unit(named: phrase, in: context) { return (.unit(u), confidence) }
        let name = Names.bare(phrase)
        guard DepartmentMentions.forms.contains(where: name.hasPrefix) else { return nil }
        return outsideUnit(named: name, head: nil, context).map { (.unit($0), 0.8) }
    }

    /// "A reports to and receives direction from B", "A has direct access to B", "A serves as Deputy to B",
    /// "A works in close coordination with B", "A is supported by a Deputy C".
    mutating func readLine(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        let patterns: [(String, RelationKind)] = [
            (" reports to and receives direction from ", .reportsTo), (" receives direction from ", .reportsTo),
            (" has direct access to ", .directAccess), (" have direct access to ", .directAccess),
            (" serves as Deputy to ", .deputizes), (" serves as deputy to ", .deputizes), (" is the Deputy to ", .deputizes),
            (" works in close coordination with ", .coordinatesWith), (" reports to ", .reportsTo),
            (" provides inputs to ", .technicalReporting), (" provide inputs to ", .technicalReporting),
            (" oversees ", .oversees), (" oversee ", .oversees), (" supervises ", .oversees), (" supervise ", .oversees),
        ]
        for (verb, kind) in patterns {
            guard let (subject, _, rest) = Clauses.split(sentence, at: [verb]) else { continue }
            if let each = headsOfEach(subject, context) {
                lines(kind, from: each, to: rest, Evidence(place: context.place).weakened(to: 0.8, "\"reports to\" without \"receives direction\""), sentence, context)
                return true
            }
            guard let (from, confidence) = officialSubject(subject, in: context) else {
                note(context.place, "the official who \(verb.trimmingSpaces) someone was not recognized", excerpt: sentence)
                return false
            }
            var evidence = Evidence(place: context.place)
            if confidence < 1 { evidence = evidence.weakened(to: confidence, "the subject matched by title") }
            if verb == " reports to " { evidence = evidence.weakened(to: 0.8, "\"reports to\" without \"receives direction\"") }
            lines(kind, from: [from], to: kind == .reportsTo || kind == .directAccess ? rest : Self.lineObject(rest), evidence, sentence, context)
            return true
        }
        return false
    }

    /// The title of a head and an appositive: "the Military Adviser, a serving Lieutenant General …, who …".
    static func headTitle(_ rest: String) -> (String, String?) {
        var end = rest.endIndex
        for marker in [", who ", " who ", ", and ", " and works ", ", with ", " in the ", " jointly ", " at the ", " (", " of the rank", " at level ",
                       " accountable to "] {
            if let r = rest.firstRange(of: marker), r.lowerBound < end { end = r.lowerBound }
        }
        let phrase = String(rest[..<end]).trimming(" ,;:.")
        guard let comma = phrase.firstIndex(of: ",") else { return (Names.bare(phrase), nil) }
        let appositive = String(phrase[phrase.index(after: comma)...]).trimming(" ,")
        return (Names.bare(String(phrase[..<comma])), appositive.isEmpty ? nil : appositive)
    }
}

extension String {
    /// The text before the first `marker`, or the whole text.
    func components(before marker: String) -> String {
        guard let r = firstRange(of: marker) else { return self }
        return String(self[..<r.lowerBound])
    }

    /// The text after the first `marker`, or the whole text.
    func components(after marker: String) -> String {
        guard let r = firstRange(of: marker) else { return self }
        return String(self[r.upperBound...])
    }
}
