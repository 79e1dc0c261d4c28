import OrgModel

/// Reading the names of units and officials as bulletins write them: determiners, head nouns
/// ("Division", "Section"), plurals, counts ("three … teams") and lists ("A, B and C") whose
/// names may themselves contain commas and "and".
enum Names {
    /// Head nouns of unit names and the kind each stands for.
    static let kindNouns: [String: UnitKind] = [
        "department": .department, "office": .office, "division": .division, "branch": .branch, "service": .service,
        "section": .section, "unit": .unit, "team": .team, "cell": .cell, "centre": .section, "center": .section,
        "capacity": .capacity, "component": .component, "cluster": .cluster, "secretariat": .office, "group": .team,
        "mission": .mission, "board": .body, "committee": .body, "council": .body,
        "commission": .body, "panel": .body, "mechanism": .mechanism, "fund": .fund, "directorate": .office,
        "bureau": .office, "desk": .unit, "pillar": .pillar,
    ]

    private static let determiners = ["each of the ", "all of the ", "each ", "the ", "a ", "an ", "its ", "their ", "both ", "all ",
                                      "his or her ", "this ", "that ", "these ", "those "]
    private static let numberWords: [String: Int] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                                     "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0,
                                                     "various": 0, "multiple": 0]
    private static let connectors: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "with", "de", "du", "des", "la", "le"]

    /// The phrase without a leading determiner ("the", "a", "each of the" …) and trailing punctuation.
    static func bare(_ phrase: String) -> String {
        var s = phrase.collapsingSpaces.trimming(" ,;:.\"'")
        var changed = true
        while changed {
            changed = false
            for d in determiners where s.lowercased().hasPrefix(d) && s.count > d.count {
                s = String(s.dropFirst(d.count))
                changed = true
            }
        }
        return s.trimming(" ,;:.\"'")
    }

    /// A count word at the start ("three geographically based teams" → 3 and the rest).
    static func count(_ phrase: String) -> (Int?, String) {
        let s = bare(phrase)
        guard let space = s.firstIndex(of: " ") else { return (nil, s) }
        let first = s[..<space].lowercased()
        if let n = numberWords[first] { return (n, String(s[s.index(after: space)...])) }
        if first.allSatisfy(\.isASCIIDigit), let n = Int(first), n < 100 { return (n, String(s[s.index(after: space)...])) }
        return (nil, s)
    }

    /// The name with a parenthesis at the end removed, and what was inside it.
    static func splittingParenthesis(_ name: String) -> (String, String?) {
        let s = name.trimmingSpaces
        guard s.hasSuffix(")"), let open = s.lastIndex(of: "(") else { return (s, nil) }
        let inside = s[s.index(after: open)..<s.index(before: s.endIndex)]
        return (s[..<open].trimmingSpaces, inside.trimmingSpaces)
    }

    /// The head noun, lower-case and singular: "Office of the Director" → office,
    /// "Policy, Evaluation and Training Division" → division, "Africa Division II" → division,
    /// "Ocean Affairs and Law of the Sea Service" → service, "United Nations Office at Nairobi" → office.
    static func headNoun(_ name: String) -> String? {
        let words = splittingParenthesis(bare(name)).0.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        func noun(endingAt end: Int) -> String {
            var candidate = words[end - 1]
            if end >= 2, isOrdinalMark(candidate) { candidate = words[end - 2] }
            return singular(candidate.lowercased().trimming(",;:.\"'"))
        }
        guard let cut = words.firstIndex(where: { ["of", "for", "on", "at"].contains($0) }), cut > 0 else { return noun(endingAt: words.count) }
        let before = noun(endingAt: cut)
        // "Office of …", "Division for …": the noun before the preposition; a title ("Director of the
        // Division") names no unit; else a unit noun at the end ("Law of the Sea Service").
        if kindNouns[before] == nil, words[cut] != "at", !Clauses.titleWords.contains(where: before.contains),
           kindNouns[noun(endingAt: words.count)] != nil {
            return noun(endingAt: words.count)
        }
        return before
    }

    /// The kind of unit a name stands for, from its head noun; nil when it names no unit.
    static func kind(of name: String) -> UnitKind? {
        guard looksLikeName(name), let noun = headNoun(name) else { return nil }
        if noun == "office", bare(name).lowercased().hasPrefix("front office") { return .frontOffice }
        if noun == "centre" || noun == "center", bare(name).lowercased().contains("service centre") { return .serviceCentre }
        return kindNouns[noun]
    }

    /// A unit's name is short and has no clause in it: at most 12 words, no verb such as "are" or "is",
    /// and, when it has a comma, capitals on its words ("Policy, Evaluation and Training Division").
    static func looksLikeName(_ name: String) -> Bool {
        let words = splittingParenthesis(bare(name)).0.split(separator: " ")
        guard !words.isEmpty, words.count <= 12 else { return false }
        let verbs: Set<Substring> = ["is", "are", "was", "were", "be", "shall", "will", "has", "have", "who", "which", "that", "by", "led", "as"]
        guard !words.contains(where: { verbs.contains($0) }) else { return false }
        if name.contains(",") {
            return words.allSatisfy { connectors.contains($0.lowercased()) || $0.first?.isUpperLetter == true || $0.first?.isASCIIDigit == true }
        }
        return true
    }

    /// True when the name is plural ("integrated operational teams").
    static func isPlural(_ name: String) -> Bool {
        guard let noun = headNoun(name) else { return false }
        let words = splittingParenthesis(bare(name)).0.split(separator: " ")
        let raw = words.first { singular($0.lowercased()) == noun && $0.lowercased() != noun }
        return raw != nil
    }

    /// `II`, `III`, `A`, `1`: a mark after a head noun ("Africa Division II").
    static func isOrdinalMark(_ word: String) -> Bool {
        if word.count <= 4, word.allSatisfy({ "IVX".contains($0) }) { return true }
        if word.count == 1, word.first?.isUpperLetter == true { return true }
        return word.count <= 2 && word.allSatisfy(\.isASCIIDigit)
    }

    /// A singular form good enough for comparing English plurals: teams → team, branches → branch.
    static func singular(_ word: String) -> String {
        let w = word.lowercased()
        if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("sses") || w.hasSuffix("xes") { return String(w.dropLast(2)) }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"), w.count > 3 { return String(w.dropLast()) }
        return w
    }

    /// The key names are compared by: lower-case, bare, single spaces.
    static func key(_ name: String) -> String { splittingParenthesis(bare(name)).0.lowercased().collapsingSpaces }

    /// The key with every word made singular, to match "integrated operational team" with its plural.
    static func singularKey(_ name: String) -> String {
        key(name).split(separator: " ").map { singular(String($0)) }.joined(separator: " ")
    }

    /// True when the phrase ends with a unit noun ("… planning team", "… Section").
    static func endsWithKindNoun(_ phrase: String) -> Bool {
        guard let last = phrase.split(separator: " ").last else { return false }
        return kindNouns[singular(String(last).trimming(",;:.)"))] != nil
    }

    /// What may separate the items of a list, longest first.
    private static let listSeparators: [[Character]] = [", as well as to ", " as well as to ", ", and to ", " and to ", ", and ",
                                                        " as well as ", ", ", " and "].map(Array.init)

    /// Splits "the A, the B, Disarmament, Demobilization and Reintegration Section and four C" into items.
    /// A comma or "and" separates items only before a determiner or a count, or after a head noun
    /// followed by a capital; separators inside parentheses or quotes never do.
    static func list(_ text: String) -> [String] {
        let chars = Array(text)
        var items: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        var i = 0
        func startsItem(at j: Int) -> Bool {
            let rest = String(chars[j..<min(chars.count, j + 24)]).lowercased()
            for d in determiners where rest.hasPrefix(d) { return true }
            if let word = rest.split(separator: " ").first, numberWords[String(word)] != nil { return true }
            guard chars.indices.contains(j), chars[j].isUpperLetter else { return false }
            let lastWord = current.split(separator: " ").last.map(String.init) ?? ""
            let noun = isOrdinalMark(lastWord) ? current.split(separator: " ").dropLast().last.map(String.init) ?? "" : lastWord
            // "the Capacity and Performance Planning Section": a unit noun alone is the start of a name.
            return (kindNouns[singular(noun.trimming(")"))] != nil && bare(current).contains(" ")) || current.hasSuffix(")")
        }
        /// ", operations led by …" after a capitalized name, or "… team and specialist planners", starts a new item.
        func startsLowerItem(at j: Int) -> Bool {
            guard chars.indices.contains(j), chars[j].isLowercase,
                  let first = bare(current).first, first.isUpperLetter || endsWithKindNoun(current) else { return false }
            let word = String(chars[j..<min(chars.count, j + 12)]).split(separator: " ").first.map(String.init) ?? ""
            return !connectors.contains(word) && !["which", "namely", "respectively", "as", "including", "inter"].contains(word)
        }
        func hasSeparator(_ separator: [Character], at i: Int) -> Bool {
            guard i + separator.count <= chars.count else { return false }
            for k in separator.indices where chars[i + k] != separator[k] { return false }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if c == "\"" { quoted.toggle() }
            if depth == 0, !quoted, c == "," || c == " " {
                for separatorCharacters in Self.listSeparators {
                    let n = separatorCharacters.count
                    guard hasSeparator(separatorCharacters, at: i) else { continue }
                    let separator = String(separatorCharacters)
                    if separator == ", and " || separator.hasSuffix(" to ") || startsItem(at: i + n) || (separator == ", " && startsLowerItem(at: i + n))
                        || (separator == " and " && endsWithKindNoun(current) && startsLowerItem(at: i + n)) {
                        items.append(current)
                        current = ""
                        i += n
                        break
                    }
                }
                if current.isEmpty, i < chars.count, items.count > 0, chars[i] != " " {
                    current.append(chars[i])
                    i += 1
                    continue
                }
            }
            if i < chars.count { current.append(chars[i]) }
            i += 1
        }
        items.append(current)
        return items.map { $0.trimming(" ,;:.") }.filter { !$0.isEmpty }
    }

    /// "the Under-Secretaries-General for Peacekeeping Operations and Field Support" →
    /// "Under-Secretary-General for Peacekeeping Operations", "Under-Secretary-General for Field Support";
    /// "the Departments of A and B" → "Department of A", "Department of B". Other phrases are returned alone.
    static func distributed(_ phrase: String) -> [String] {
        let s = bare(phrase)
        let words = s.split(separator: " ").map(String.init)
        guard let pivot = words.firstIndex(where: { ["for", "of"].contains($0) }), pivot > 0, pivot + 1 < words.count else { return [s] }
        let head = words[..<pivot]
        guard head.contains(where: isPluralTitleWord) else { return [s] }
        let singularHead = head.map { isPluralTitleWord($0) ? singularTitleWord($0) : $0 }.joined(separator: " ")
        let tail = words[(pivot + 1)...].joined(separator: " ")
        let parts = tail.replacing(", and ", with: ", ").replacing(" and ", with: ", ").split(separator: ", ")
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return [singularHead + " " + words[pivot] + " " + tail] }
        return parts.map { "\(singularHead) \(words[pivot]) \($0)" }
    }

    private static func isPluralTitleWord(_ word: String) -> Bool {
        word.contains("Secretaries-General") || ["Departments", "Offices", "Divisions", "Directors", "Assistants", "Advisers", "Chiefs", "Heads"].contains(word)
    }

    private static func singularTitleWord(_ word: String) -> String {
        if word.contains("Secretaries-General") { return word.replacing("Secretaries-General", with: "Secretary-General") }
        return String(word.dropLast())
    }

    /// Initials of the significant words: "Office of the Chief of Staff" → "ocos"; "Africa Division II" → "adii".
    static func initials(_ name: String) -> String {
        let words = splittingParenthesis(bare(name)).0.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" || $0 == "," })
        var out = ""
        for word in words where !connectors.contains(word.lowercased()) {
            let w = String(word)
            if isOrdinalMark(w), !out.isEmpty { out += w.lowercased(); continue }
            if let f = w.first(where: { $0.isLetter || $0.isASCIIDigit }), f.isASCII { out.append(Character(f.lowercased())) }
        }
        return String(out.prefix(10))
    }

    /// A lower-case slug of the whole phrase: "Deputy Police Adviser" → "deputy-police-adviser".
    static func slug(_ text: String) -> String {
        var out = ""
        let words = text.split(separator: " ").filter { !connectors.contains($0.lowercased()) }
        for c in words.joined(separator: " ").lowercased() {
            if (c.isLetter || c.isASCIIDigit) && c.isASCII { out.append(c) } else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        guard out.count > 60 else { return out.trimming("-") }
        let cut = out.prefix(61)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut.prefix(60)).trimming("-")
    }
}
