import OrgModel

/// Where a fact was read and how sure the importer is of it.
struct Evidence: Sendable, Equatable {
    /// Paragraph or item, e.g. `4.3` or `2.4(b)`.
    var place: String
    /// 0…1; 1 means stated in so many words.
    var confidence: Double = 1
    /// True when the text implies the fact without stating it.
    var inferred = false
    /// Why the fact was inferred or is uncertain.
    var reason: String?

    /// The same evidence with a lower confidence and a reason.
    func weakened(to confidence: Double, _ reason: String, inferred: Bool = false) -> Evidence {
        Evidence(place: place, confidence: min(self.confidence, confidence), inferred: self.inferred || inferred,
                 reason: [self.reason, reason].compactMap { $0 }.joined(separator: "; "))
    }
}

/// The head of a unit as read so far.
struct DraftHead: Sendable {
    var title: String { didSet { key = Names.key(title) } }
    var grade: String?
    var evidence: Evidence
    /// The title as names are compared.
    private(set) var key: String

    init(title: String, grade: String?, evidence: Evidence) {
        self.title = title
        self.grade = grade
        self.evidence = evidence
        key = Names.key(title)
    }
}

/// A unit as read so far; ids are given at the end.
struct DraftUnit: Sendable {
    var name: String { didSet { key = Names.key(name); singularKey = Names.singularKey(name) } }
    /// The name as names are compared, and its singular form (kept, since they are compared often).
    private(set) var key: String
    private(set) var singularKey: String
    var abbreviation: String?
    var kind: UnitKind
    var parent: Int?
    var parentEvidence: Evidence?
    var head: DraftHead?
    var functions: [String] = []
    var functionsPlace: String?
    /// Other names of the unit as compared (keys), and as written (for the model).
    var aliases: [String] = []
    var aliasNames: [String] = []
    var notes: [String] = []
    var evidence: Evidence
    /// The section in which the unit was first named.
    var section: String
    /// A department or office outside the bulletin's organization, named only as an end of a line.
    var isExternal = false
    /// Stands for several units not named one by one ("four regional Divisions"), until members are named.
    var isCollective = false
    /// The named members of a collective unit.
    var members: [Int] = []

    /// Records another name of the unit ("Division of Codification" for the "Codification Division").
    mutating func addAlias(_ other: String) {
        let bare = Names.bare(other)
        let otherKey = Names.key(bare)
        guard !otherKey.isEmpty, otherKey != key, !aliases.contains(otherKey) else { return }
        aliases.append(otherKey)
        aliasNames.append(bare)
    }

    /// Gives the unit the name its body uses, keeping the old name as an alias.
    mutating func rename(_ newName: String) {
        let old = name
        name = Names.bare(newName)
        aliases.removeAll { $0 == key }
        aliasNames.removeAll { Names.key($0) == key }
        addAlias(old)
    }

    init(name: String, kind: UnitKind, parent: Int?, parentEvidence: Evidence?, evidence: Evidence, section: String) {
        self.name = name
        key = Names.key(name)
        singularKey = Names.singularKey(name)
        self.kind = kind
        self.parent = parent
        self.parentEvidence = parentEvidence
        self.evidence = evidence
        self.section = section
    }
}

/// An official who heads no unit read from the text ("the Deputy Police Adviser").
struct DraftPost: Sendable {
    var title: String { didSet { key = Names.key(title) } }
    /// The title as names are compared (kept, since posts are looked up by it often).
    private(set) var key: String
    var grade: String?
    var evidence: Evidence
    /// Set when a later paragraph shows the official heads a unit; the post is then not emitted.
    var absorbedBy: Int?

    init(title: String, grade: String?, evidence: Evidence) {
        self.title = title
        key = Names.key(title)
        self.grade = grade
        self.evidence = evidence
    }
}

/// One end of a relationship: a unit (meaning its head) or a post.
enum DraftEnd: Hashable, Sendable {
    case unit(Int)
    case post(Int)
}

/// A relationship as read so far.
struct DraftRelation: Sendable {
    var kind: RelationKind
    var from: DraftEnd
    var to: DraftEnd
    var evidence: Evidence
    var note: String?
}

/// A line whose end is a unit or a group of units the text names later, kept until the whole text is read.
struct PendingLine: Sendable {
    var kind: RelationKind
    var from: [DraftEnd]
    /// The phrase, e.g. "the Staffing Service" or "the regional Divisions".
    var group: String
    var evidence: Evidence
    var sentence: String
    /// When set, the phrase is an official's title, found as in this context.
    var byTitle: ReadingContext? = nil
    /// When not empty, the lines run from the phrase's units (or official) to these, not from `from`.
    var to: [DraftEnd] = []
    /// The unit to place the phrase's unit in when the whole text names no unit so (a unit introduced by
    /// the sentence, "supported by the Security Information and Operations Centre").
    var introducedIn: Int? = nil
}

/// What the reader knows when it reads a sentence: where it is and which unit the text is about.
struct ReadingContext: Sendable {
    /// Paragraph or item being read.
    var place: String
    /// The section number.
    var section: String
    /// The unit named by the section heading, when there is one.
    var sectionUnit: Int?
    /// The unit the last structural sentence or subheading was about ("The Division" refers to it).
    var topic: Int?
    /// True in the general section ("General provisions", "Definitions"), which defines terms and names no units.
    var isGeneral = false
}

/// The model being built from a bulletin: units, posts and relationships with their evidence, and
/// the report of what was not understood.
struct BulletinDraft: Sendable {
    var units: [DraftUnit] = []
    var posts: [DraftPost] = []
    var relations: [DraftRelation] = []
    var report: [ImportReport.Item] = []
    /// The items of the report, to write each once without searching the report.
    private var reported: Set<ImportReport.Item> = []
    /// Short names introduced by "hereinafter referred to as": key → the official's end.
    var aliases: [String: DraftEnd] = [:]
    /// The unit the bulletin organizes.
    var root: Int?
    /// Units whose parts the lettered items of the current paragraph list ("comprises the following:").
    var listContainers: [Int] = []
    /// The units the last containment list named, without offices of their heads: "Both are headed by …",
    /// "Each of them is headed by …" are about them.
    var lastListed: [Int] = []
    /// Groups of units named by one plural ("the regional Divisions, namely, A, B and C") with no unit of their
    /// own: singular key → the units.
    var groups: [String: [Int]] = [:]
    /// Lines to a unit or a group of units the text names only later ("provides inputs to the regional Divisions").
    var pendingLines: [PendingLine] = []
    /// The departments and offices the text names, searched for outside departments.
    let mentions: DepartmentMentions

    /// Names the text says someone heads ("The Treasury is headed by a Treasurer"), as keys: units even
    /// without a unit noun, and never the first part of another name in a list.
    let headedNames: Set<String>

    init(text: String) {
        mentions = DepartmentMentions(text)
        headedNames = Self.headedNames(in: text)
    }

    /// The subjects of "X is headed by …" in the whole text; each found by looking back at most 120
    /// characters from its verb, to the start of the sentence.
    static func headedNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        for r in text.ranges(of: " is headed by ") where names.count < maximumNames {
            var start = r.lowerBound
            var steps = 0
            while start > text.startIndex, steps < 120 {
                let previous = text.index(before: start)
                if ".;:\n".contains(text[previous]) { break }
                start = previous
                steps += 1
            }
            let subject = Names.bare(String(text[start..<r.lowerBound]))
            if subject.first?.isUpperLetter == true, subject.split(separator: " ").count <= 8, Names.looksLikeName(subject) {
                names.insert(Names.key(subject))
            }
        }
        return names
    }

    /// More units and officials than any bulletin names (they name tens, a few hundred at most).
    /// Reading stops once there are this many, since finding a unit or an official by name looks
    /// through all of them: a text naming them by the thousand would otherwise take time growing
    /// with its length squared.
    static let maximumNames = 1_000

    /// True when `maximumNames` units and officials have been read.
    var isFull: Bool { units.count + posts.count >= Self.maximumNames }

    /// Adds a unit and returns its index.
    mutating func addUnit(_ name: String, kind: UnitKind, parent: Int?, evidence: Evidence, section: String) -> Int {
        let (bareName, inside) = Names.splittingParenthesis(Names.bare(name))
        var unit = DraftUnit(name: bareName, kind: kind, parent: parent, parentEvidence: parent == nil ? nil : evidence,
                             evidence: evidence, section: section)
        if let inside, Self.isAbbreviation(inside) { unit.abbreviation = inside }
        unit.isCollective = Names.isPlural(bareName)
        units.append(unit)
        return units.count - 1
    }

    /// The post with this title, added if new.
    mutating func post(titled title: String, evidence: Evidence) -> Int {
        let key = Names.key(title)
        if let i = posts.firstIndex(where: { $0.key == key && $0.absorbedBy == nil }) { return i }
        let grade = key == "secretary-general" ? "SG" : Grades.grade(of: title)
        posts.append(DraftPost(title: Names.bare(title), grade: grade, evidence: evidence))
        return posts.count - 1
    }

    /// Sets the head of a unit; a post of the same title read earlier becomes that head.
    mutating func setHead(_ head: DraftHead, of unit: Int) {
        units[unit].head = head
        let key = Names.key(head.title)
        for p in posts.indices where posts[p].absorbedBy == nil && posts[p].key == key {
            posts[p].absorbedBy = unit
            let old = DraftEnd.post(p), new = DraftEnd.unit(unit)
            let moved = relations.map { r -> DraftRelation in
                var r = r
                if r.from == old { r.from = new }
                if r.to == old { r.to = new }
                return r
            }
            relations = []
            for r in moved { relate(r.kind, r.from, r.to, r.evidence, note: r.note) }
            for (alias, end) in aliases where end == old { aliases[alias] = new }
        }
    }

    /// Records a relationship, once per kind and ends.
    mutating func relate(_ kind: RelationKind, _ from: DraftEnd, _ to: DraftEnd, _ evidence: Evidence, note: String? = nil) {
        guard from != to, !relations.contains(where: { $0.kind == kind && $0.from == from && $0.to == to }) else { return }
        if kind == .alsoAccountableTo, relations.contains(where: { $0.kind == .accountableTo && $0.from == from && $0.to == to }) { return }
        relations.append(DraftRelation(kind: kind, from: from, to: to, evidence: evidence, note: note))
    }

    /// Sets the parent of `child` unless it would make a cycle or it already has one.
    @discardableResult
    mutating func contain(_ child: Int, in parent: Int, _ evidence: Evidence) -> Bool {
        guard child != parent, units[child].parent == nil || units[child].parentEvidence?.inferred == true,
              !ancestors(of: parent).contains(child) else { return units[child].parent == parent }
        units[child].parent = parent
        units[child].parentEvidence = evidence
        return true
    }

    /// The unit's ancestors, nearest first (bounded, so a corrupted chain cannot loop).
    func ancestors(of unit: Int) -> [Int] {
        var chain: [Int] = []
        var current = units[unit].parent
        while let c = current, chain.count <= units.count, c != unit, !chain.contains(c) {
            chain.append(c)
            current = units[c].parent
        }
        return chain
    }

    /// Notes something a person should look at.
    mutating func note(_ place: String, _ message: String, excerpt: String? = nil) {
        var item = ImportReport.Item(place: place, message: message)
        item.excerpt = excerpt.map { String($0.prefix(300)) }
        if reported.insert(item).inserted { report.append(item) }
    }

    /// `DPKO`, `UNMAS`, `OROLSI`: capitals, perhaps with a slash or digit.
    static func isAbbreviation(_ text: String) -> Bool {
        text.count >= 2 && text.count <= 10 && text.contains(where: \.isUpperLetter)
            && text.allSatisfy { ($0.isUpperLetter && $0.isASCII) || $0 == "/" || $0.isASCIIDigit || $0 == "-" }
    }
}

/// Grades read from titles: Under-Secretary-General → USG, Assistant Secretary-General → ASG.
enum Grades {
    static func grade(of title: String) -> String? {
        let lower = title.lowercased()
        if lower.hasPrefix("under-secretary-general") || lower.hasPrefix("the under-secretary-general") { return "USG" }
        if lower.hasPrefix("assistant secretary-general") || lower.hasPrefix("the assistant secretary-general") { return "ASG" }
        if lower.hasPrefix("deputy secretary-general") { return "DSG" }
        return nil
    }

    /// A grade stated in a phrase: "at the D-2 level", "(P-5)", "at the level of Assistant Secretary-General".
    static func grade(in phrase: String) -> String? {
        if let r = phrase.firstRange(of: "level of ") { return grade(of: String(phrase[r.upperBound...])) }
        for token in phrase.split(whereSeparator: { " (),;".contains($0) }) {
            let t = String(token)
            if ["USG", "ASG", "DSG"].contains(t) { return t }
            if t.count == 3, let f = t.first, "DPG".contains(f), t.dropFirst().first == "-", t.last?.isASCIIDigit == true { return t }
        }
        return nil
    }
}
