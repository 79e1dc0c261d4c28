import OrgModel

/// Sentences that give containment: "The Division comprises A, B and C", "… the Office of the Chief
/// of Staff, which includes D and E", "four regional Divisions", "The regional Divisions, namely, F, G
/// and H, are composed of integrated operational teams".
extension BulletinDraft {
    static let comprises = [" comprises ", " comprise ", " is composed of ", " are composed of ", " consists of ", " consist of ",
                            " is made up of ", " are made up of ", " is divided into ", " are divided into ", " is organized into ",
                            " shall comprise ", " includes the following ", " is structured into ", " includes ",
                            " is also responsible for management of ", " is also responsible for the management of ",
                            " is responsible for management of ", " is responsible for the management of "]
    static let nestedLists = [", which includes ", ", which comprises ", ", which consists of ", ", which is composed of ", ", comprising ",
                              ", including "]

    /// Reads a containment sentence; false when it is not one.
    mutating func readComprises(_ sentence: String, _ context: inout ReadingContext) -> Bool {
        guard let (subjectText, verb, rest) = Clauses.split(sentence, at: Self.comprises) else { return false }
        var evidence = Evidence(place: context.place)
        if verb.contains("management") { evidence = evidence.weakened(to: 0.9, "the unit is said to manage it") }
        if verb == " includes " || verb.contains("management"), subjects(subjectText, in: context).isEmpty { return false }
        var containers: [Int]
        if let r = subjectText.firstRange(of: ", namely") {
            let group = collective(String(subjectText[..<r.lowerBound]), in: context)
            containers = members(String(subjectText[r.upperBound...]), of: group, evidence, context)
        } else {
            containers = subjects(subjectText, in: context)
            if containers.isEmpty, let kind = Names.kind(of: subjectText), !Names.isPlural(subjectText) {
                containers = [addUnit(subjectText, kind: kind, parent: nil, evidence: evidence, section: context.section)]
            }
        }
        guard !containers.isEmpty else {
            note(context.place, "the unit said to comprise others was not recognized", excerpt: sentence)
            return false
        }
        let object = Self.listObject(rest)
        let objectKey = Names.key(object)
        if verb.contains("management"), let first = Names.list(object).first, let kind = Names.kind(of: Names.bare(first)),
           kind == .fund || kind == .body {
            note(context.place, "'\(Names.bare(first))' is managed by \(units[containers[0]].name) but is not one of its units", excerpt: sentence)
            return true
        }
        if objectKey.hasPrefix("organizational units") || objectKey.hasPrefix("organizational entities") { return true }
        if objectKey.isEmpty || objectKey.hasPrefix("following") {
            // "The Division comprises the following organizational units:" — the items name them.
            listContainers = containers
            return true
        }
        if containers.count == 1 { context.topic = containers[0] }
        var placed: [Int] = []
        for container in containers {
            placed += place(list: object, in: container, evidence, sentence, context)
        }
        lastListed = placed.filter { units[$0].kind != .frontOffice && !units[$0].name.hasPrefix("Office of the ") }
        if let r = rest.firstRange(of: ", each headed by ") ?? rest.firstRange(of: " each headed by ")
            ?? rest.firstRange(of: ", each of which is headed by ") ?? rest.firstRange(of: " each of which is headed by ") {
            // "… the A Section and the B Section, each headed by a Chief, who is accountable to the Director."
            let saved = context.topic
            _ = head(lastListed, String(rest[r.upperBound...]), evidence.weakened(to: 0.9, "\"each headed by\" after a list"), sentence, &context)
            context.topic = saved
        }
        return true
    }

    /// The list after "comprises", without a following clause (" and are supported by …", ", as needed").
    static func listObject(_ rest: String) -> String {
        var rest = rest
        let parts = rest.split(separator: "; ")
        if parts.count > 1, parts.dropFirst().allSatisfy({ part in
            let item = part.hasPrefix("and ") ? part.dropFirst(4) : part
            return item.hasPrefix("the ") && item.dropFirst(4).first?.isUpperLetter == true
        }) {
            // "the Office of A; the Office of B; and the Office of C": items separated by semicolons.
            rest = parts.map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: ", ")
        }
        var end = rest.endIndex
        for marker in [" and are ", " and is ", " and shall ", " and will ", ", as ", "; ", " in accordance with ", ", each of which ",
                       ", which are ", ", which is ",
                       ", each headed ", " headed by ", " under the "] {
            if let r = rest.firstRange(of: marker), r.lowerBound < end { end = r.lowerBound }
        }
        var object = String(rest[..<end]).trimming(" .;:")
        if let colon = object.firstIndex(of: ":") {
            // "two units: the A Unit and the B Unit"
            let after = String(object[object.index(after: colon)...]).trimming(" ")
            if !after.isEmpty { object = after }
        }
        return object
    }

    /// Places the lettered items of a paragraph in the units that "comprise the following".
    mutating func placeListedItems(_ paragraph: BulletinParagraph, _ context: ReadingContext) {
        let containers = listContainers
        listContainers = []
        for item in paragraph.items where item.text.count <= 1000 && !isFull {
            var itemContext = context
            itemContext.place = item.place(in: paragraph)
            let text = BulletinDraft.function(item.text)
            var end = text.endIndex
            for marker in [", which is ", ", which are ", ", responsible ", ", headed by ", ": ", " - ", " \u{2013} "] {
                if let r = text.firstRange(of: marker), r.lowerBound < end { end = r.lowerBound }
            }
            for container in containers {
                place(list: String(text[..<end]), in: container, Evidence(place: itemContext.place), text, itemContext)
            }
        }
    }

    /// Places each item of a list in `container`; a ", which includes …" tail goes into the item before it,
    /// and ", namely, …" names the members of the item before it.
    @discardableResult
    private mutating func place(list text: String, in container: Int, _ evidence: Evidence, _ sentence: String, _ context: ReadingContext) -> [Int] {
        var main = text
        var nested: String?
        for marker in Self.nestedLists {
            if let r = main.firstRange(of: marker) {
                nested = String(main[r.upperBound...])
                main = String(main[..<r.lowerBound])
                break
            }
        }
        var namely: String?
        if let r = main.firstRange(of: ", namely") {
            namely = String(main[r.upperBound...])
            main = String(main[..<r.lowerBound])
        }
        var last: Int?
        var placed: [Int] = []
        let listed = Names.list(main)
        if let first = Self.joinedNames(Array(listed.prefix(2)), in: main, units: headedNames).first, unitKind(of: Names.count(first).1) == nil {
            // "comprises staff at Headquarters and at the United Nations Office at Geneva, …": not a list of units.
            note(context.place, "'\(Names.bare(first))' is not a unit; the list it opens was not read as units", excerpt: sentence)
            return []
        }
        let items = Self.joinedNames(listed, in: main, units: headedNames)
        for item in items {
            if let unit = place(item: item, in: container, evidence, sentence, context) { last = unit; placed.append(unit) }
        }
        if let namely, let group = last {
            placed += members(namely, of: group, evidence, context)
        }
        if let nested, let inner = last {
            place(list: nested, in: inner, evidence, sentence, context)
        }
        return placed
    }

    /// One item of a containment list: reuses a unit of that name without a parent, or adds one.
    @discardableResult
    private mutating func place(item: String, in container: Int, _ evidence: Evidence, _ sentence: String, _ context: ReadingContext) -> Int? {
        let (count, counted) = Names.count(item)
        let (name, inside) = Names.splittingParenthesis(counted)
        guard let kind = unitKind(of: name) else {
            note(context.place, "'\(Names.bare(item))' is listed as part of \(units[container].name) but is not recognized as a unit", excerpt: sentence)
            return nil
        }
        if Self.isOutsideEntity(name) {
            note(context.place, "'\(name)' is a place or a body outside \(units[container].name), not one of its units", excerpt: sentence)
            return nil
        }
        let key = Names.key(name)
        let unit: Int
        if let existing = units.indices.first(where: { units[$0].key == key && (units[$0].parent == container || (units[$0].parent == nil && $0 != root && !units[$0].isExternal)) }) {
            unit = existing
        } else if let existing = units.indices.first(where: { units[$0].key == key && units[$0].parentEvidence?.inferred == true && !ancestors(of: container).contains($0) }) {
            unit = existing
        } else {
            unit = addUnit(name, kind: kind, parent: nil, evidence: evidence, section: context.section)
        }
        contain(unit, in: container, evidence)
        if let count, count > 1 { units[unit].isCollective = true; units[unit].notes.append("The text counts \(count) of them (§\(context.place)).") }
        if let inside { describe(unit, inside: inside, evidence, context) }
        return unit
    }

    /// Items of a list split inside a name ("the Division for Ocean Affairs" and "the Law of the Sea") joined
    /// again: an item that names no unit joins the one before it when the text has them joined by " and ".
    static func joinedNames(_ items: [String], in text: String, units named: Set<String> = []) -> [String] {
        // "the Asia" and "the Pacific Division" are "the Asia and the Pacific Division".
        var joined: [String] = []
        var previousIsUnit = false
        var from = text.startIndex  // items come in the order of the text, so it is searched forward only
        for item in items {
            let isUnit = Names.kind(of: item) != nil
            guard let previous = joined.last, !isUnit || !previousIsUnit, item.hasPrefix("the ") || item.hasPrefix("The "),
                  !named.contains(Names.key(previous)),
                  Names.kind(of: previous + " and " + item) != nil,
                  let found = text[from...].firstRange(of: item) else {
                joined.append(item)
                previousIsUnit = isUnit
                continue
            }
            from = found.upperBound
            if text[..<found.lowerBound].hasSuffix(previous + " and ") {
                joined[joined.count - 1] = previous + " and " + item
                previousIsUnit = true
            } else {
                joined.append(item)
                previousIsUnit = isUnit
            }
        }
        return joined
    }

    /// The kind of unit a listed name stands for: from its unit noun, or a unit of no particular kind when
    /// the text says someone heads it ("the Treasury").
    func unitKind(of name: String) -> UnitKind? {
        Names.kind(of: name) ?? (headedNames.contains(Names.key(name)) && Names.bare(name).first?.isUpperLetter == true ? .unit : nil)
    }

    /// Offices away from Headquarters, regional commissions, tribunals, programmes and agencies: named in
    /// bulletins as places served or bodies supported, never as parts of a department.
    static func isOutsideEntity(_ name: String) -> Bool {
        let key = Names.key(name)
        let prefixes = ["united nations office at ", "united nations office in ", "economic commission for ", "economic and social commission for ",
                        "international tribunal", "international residual mechanism", "united nations environment programme",
                        "united nations development programme", "regional commission"]
        return prefixes.contains { key.hasPrefix($0) }
    }

    /// What a parenthesis after a name says: an abbreviation, units within it, or a remark.
    private mutating func describe(_ unit: Int, inside: String, _ evidence: Evidence, _ context: ReadingContext) {
        if Self.isAbbreviation(inside) { units[unit].abbreviation = inside; return }
        var remarks: [String] = []
        for part in Names.list(inside) {
            let bare = Names.bare(part)
            if part.lowercased().hasPrefix("the "), let kind = Names.kind(of: bare), bare.first?.isUpperLetter == true {
                let child = units.firstIndex { $0.key == Names.key(bare) }
                    ?? addUnit(bare, kind: kind, parent: nil, evidence: evidence, section: context.section)
                contain(child, in: unit, evidence.weakened(to: 0.6, "named in brackets after \(units[unit].name)", inferred: true))
            } else {
                remarks.append(bare)
            }
        }
        if !remarks.isEmpty { units[unit].notes.append("\(remarks.joined(separator: "; ")) (§\(context.place)).") }
    }

    /// The collective unit a phrase names ("The regional Divisions"), if there is one.
    private func collective(_ phrase: String, in context: ReadingContext) -> Int? {
        let key = Names.singularKey(phrase)
        let found = units.indices.filter { units[$0].singularKey == key && units[$0].isCollective }
        return choose(found, in: context)
    }

    /// Names the members of a collective: "namely, the Africa Division I (…), …, and the Europe and Latin America Division".
    private mutating func members(_ text: String, of group: Int?, _ evidence: Evidence, _ context: ReadingContext) -> [Int] {
        var found: [Int] = []
        let list = text.trimming(" ,:")
        for item in Self.joinedNames(Names.list(list), in: list) {
            let (name, inside) = Names.splittingParenthesis(Names.bare(item))
            guard let kind = Names.kind(of: name) else { continue }
            let member = units.firstIndex { $0.key == Names.key(name) }
                ?? addUnit(name, kind: kind, parent: nil, evidence: evidence, section: context.section)
            if let group, let parent = units[group].parent {
                contain(member, in: parent, evidence)
                if !units[group].members.contains(member) { units[group].members.append(member) }
            }
            if let inside { describe(member, inside: inside, evidence, context) }
            found.append(member)
        }
        return found
    }
}
