import OrgModel

/// The last steps once every sentence is read: collectives replaced by their named members, a parent
/// for every unit left without one, and front offices told from other offices.
extension BulletinDraft {
    /// Units that stand for named members and are therefore not emitted.
    var replacedCollectives: Set<Int> {
        Set(units.indices.filter { !units[$0].members.isEmpty })
    }

    /// Completes the draft; `sectionUnits` maps section numbers to the unit each section is about.
    mutating func finish(sectionUnits: [String: Int]) {
        for line in pendingLines {
            var ends: [DraftEnd] = []
            var evidence = line.evidence
            if let context = line.byTitle {
                // "assisted by the Assistant Secretary-General for Operations": found once every head is known.
                if let (end, confidence) = official(line.group, in: context) {
                    ends = [end]
                    if confidence < 1 { evidence = evidence.weakened(to: confidence, "'\(Names.bare(line.group))' matched by title") }
                }
            } else {
                ends = units(collectively: line.group).map(DraftEnd.unit)
                let key = Names.key(line.group)
                let named = units.indices.filter { units[$0].key == key || units[$0].aliases.contains(key) }
                if ends.isEmpty, named.count == 1 { ends = [.unit(named[0])] }  // one unit of that name, else reported
                if ends.isEmpty, named.isEmpty, let container = line.introducedIn, let kind = Names.kind(of: Names.bare(line.group)) {
                    let u = addUnit(line.group, kind: kind, parent: nil, evidence: line.evidence, section: units[container].section)
                    contain(u, in: container, line.evidence.weakened(to: 0.6, "introduced in a sentence about \(units[container].name)", inferred: true))
                    ends = [.unit(u)]
                }
            }
            guard !ends.isEmpty else {
                note(line.evidence.place, "'\(Names.bare(line.group))' (\(line.kind.label)) was not recognized", excerpt: line.sentence)
                continue
            }
            for end in ends {
                if line.to.isEmpty {
                    for f in line.from { relate(line.kind, f, end, evidence) }
                } else {
                    for t in line.to where t != end { relate(line.kind, end, t, evidence) }
                }
            }
        }
        pendingLines = []
        reportUnitsNamedOnlyInFunctions()
        let replaced = replacedCollectives
        for u in units.indices where units[u].parent.map(replaced.contains) == true {
            let group = units[u].parent ?? u
            units[u].parent = units[group].parent
            units[u].parentEvidence = units[u].evidence.weakened(to: 0.6, "placed with \(units[group].name)", inferred: true)
        }
        for u in units.indices where units[u].parent == nil && u != root && !units[u].isExternal && !replaced.contains(u) {
            adoptParent(u, sectionUnits: sectionUnits)
        }
        for u in units.indices { classifyOffice(u) }
    }

    /// Names of units ("the Conduct and Discipline Unit") that appear only in lists of core functions are
    /// not imported: the report names each once, with the paragraph of the list.
    private mutating func reportUnitsNamedOnlyInFunctions() {
        let nouns: Set<String> = ["Section", "Unit", "Service", "Division", "Branch", "Team", "Cell", "Capacity"]
        var reported: Set<String> = []
        let known = Set(units.flatMap { [$0.key] + $0.aliases })
        for u in units.indices {
            for function in units[u].functions where reported.count < 200 {
                let words = function.split(separator: " ")
                for (i, word) in words.enumerated() where nouns.contains(String(word).trimming(",;:.)")) {
                    var start = i
                    while start > 0, i - start < 12, words[start - 1].first?.isUpperLetter == true
                            || (["and", "of", "for"].contains(words[start - 1]) && start > 1 && words[start - 2].first?.isUpperLetter == true) {
                        start -= 1
                    }
                    guard i - start >= 1, start == 0 || words[start - 1] == "the" else { continue }
                    let name = words[start...i].joined(separator: " ").trimming(",;:.)")
                    let key = Names.key(name)
                    guard !reported.contains(key), !known.contains(key) else { continue }
                    reported.insert(key)
                    note(units[u].functionsPlace ?? units[u].evidence.place,
                         "'\(name)' is named only in the functions of \(units[u].name); not imported as a unit")
                }
            }
        }
    }

    /// A parent for a unit no sentence placed: the unit of its section, the unit its head is accountable to, or the root.
    private mutating func adoptParent(_ u: Int, sectionUnits: [String: Int]) {
        if let s = sectionUnits[units[u].section], s != u, !ancestors(of: s).contains(u) {
            contain(u, in: s, units[u].evidence.weakened(to: 0.6, "placed in \(units[s].name), the unit section \(units[u].section) is about", inferred: true))
            return
        }
        let line = relations.first { $0.from == .unit(u) && $0.kind == .accountableTo }
        if case .unit(let superior)? = line?.to, !units[superior].isExternal, superior != u, !ancestors(of: superior).contains(u) {
            contain(u, in: superior, units[u].evidence.weakened(to: 0.6, "placed under \(units[superior].name), to whose head its head is accountable", inferred: true))
            return
        }
        if let root, root != u {
            contain(u, in: root, units[u].evidence.weakened(to: 0.5, "no containing unit is stated; placed under \(units[root].name)", inferred: true))
        }
    }

    /// "Office of the Director" in a Division headed by a Director is the Division's front office.
    private mutating func classifyOffice(_ u: Int) {
        let name = units[u].name
        guard units[u].kind == .office, name.hasPrefix("Office of the "), let parent = units[u].parent, parent != root,
              let head = units[parent].head else { return }
        let holder = Names.key(String(name.dropFirst("Office of the ".count)))
        let title = Names.key(head.title)
        if title.hasPrefix(holder) || holder.hasPrefix(title) { units[u].kind = .frontOffice }
    }
}
