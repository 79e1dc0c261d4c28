/// A document that establishes facts of the model (a bulletin, a report, a guide).
public struct Document: Hashable, Sendable {
    /// Short id used in citations, e.g. `sgb-2010-1`.
    public var id: String
    /// The document symbol, e.g. `ST/SGB/2010/1`, when it has one.
    public var symbol: String?
    /// The title.
    public var title: String
    /// Date in force or of issue (ISO `YYYY-MM-DD`, or a year).
    public var date: String?
    /// Symbols of documents this one abolishes or supersedes.
    public var abolishes: [String]
    /// A link to the document, when known.
    public var url: String?
    /// Where the document is declared.
    public var location: SourceLocation?

    /// Creates a document.
    public init(id: String, symbol: String? = nil, title: String, date: String? = nil, abolishes: [String] = [], url: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.symbol = symbol
        self.title = title
        self.date = date
        self.abolishes = abolishes
        self.url = url
        self.location = location
    }

    /// The symbol if there is one, otherwise the title.
    public var reference: String { symbol ?? title }
}

/// A post: the title and grade of an official, the head of a unit or a stand-alone official.
public struct Post: Hashable, Sendable {
    /// For stand-alone posts, their id; for heads of units, the unit's id.
    public var id: String
    /// The title, e.g. "Assistant Secretary-General for Rule of Law and Security Institutions";
    /// may be empty for a head known only by name.
    public var title: String
    /// The person holding the post, when known; never set on a vacant post.
    public var name: String?
    /// True when nobody holds the post.
    public var vacant: Bool = false

    /// The line boxes show for the holder: the person's name, "Vacant", or nil when unknown.
    public var holder: String? { vacant ? "Vacant" : name }
    /// Grade or level, e.g. "ASG", "D-2".
    public var grade: String?
    /// Further roles held by the same post (several hats), e.g. "Resident Coordinator".
    public var roles: [String]
    /// The unit the post belongs to without heading it (e.g. a deputy), if any.
    public var unit: String?
    /// Where the fact is stated.
    public var source: Citation?
    /// Where the post is declared.
    public var location: SourceLocation?

    /// Creates a post.
    public init(id: String, title: String, grade: String? = nil, roles: [String] = [], unit: String? = nil, source: Citation? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.grade = grade
        self.roles = roles
        self.unit = unit
        self.source = source
        self.location = location
    }
}

/// An organizational unit: a department, office, division, section, mission …
public struct Unit: Hashable, Sendable {
    /// Stable slug, unique in the model.
    public var id: String
    /// The full name as written in the source text.
    public var name: String
    /// The abbreviation, e.g. "OMA".
    public var abbreviation: String?
    /// What kind of unit it is.
    public var kind: UnitKind
    /// The containing unit's id; nil for a top unit.
    public var parent: String?
    /// The post that heads the unit.
    public var head: Post?
    /// Core functions, in the order of the source text.
    public var functions: [String]
    /// Other names: former names, names in other texts.
    public var aliases: [String]
    /// Descent from units of an earlier snapshot (renamed, succeeded, merged, split).
    public var lineage: [Lineage] = []
    /// Where the unit is established.
    public var source: Citation?
    /// A link for the unit, when known.
    public var url: String?
    /// Free-text remark, e.g. a choice between texts that disagree.
    public var note: String?
    /// Groups of staff in the unit below its head (e.g. junior posts of an organogram).
    public var staff: [StaffGroup] = []
    /// The date or condition a document gives for a unit it announces but does not establish
    /// (`status: planned` in model files); nil for a unit in being.
    public var planned: String?
    /// Where the unit is declared.
    public var location: SourceLocation?

    /// Creates a unit.
    public init(id: String, name: String, abbreviation: String? = nil, kind: UnitKind, parent: String? = nil, head: Post? = nil, functions: [String] = [], aliases: [String] = [], source: Citation? = nil, url: String? = nil, note: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.kind = kind
        self.parent = parent
        self.head = head
        self.functions = functions
        self.aliases = aliases
        self.source = source
        self.url = url
        self.note = note
        self.location = location
    }
}

/// A group of staff of one title and grade, counted rather than drawn one box each: the junior
/// posts under a senior post of an organogram.
public struct StaffGroup: Hashable, Sendable {
    /// The job title the staff share.
    public var title: String
    /// Their grade, e.g. "HEO".
    public var grade: String?
    /// Full-time equivalents, when known (e.g. 7.5); never negative.
    public var fte: Double?
    /// Where the group is stated.
    public var source: Citation?
    /// Where the group is declared.
    public var location: SourceLocation?

    /// Creates a staff group.
    public init(title: String, grade: String? = nil, fte: Double? = nil, source: Citation? = nil, location: SourceLocation? = nil) {
        self.title = title
        self.grade = grade
        self.fte = fte
        self.source = source
        self.location = location
    }
}

/// A typed relationship between two units or posts (besides containment).
public struct Relationship: Hashable, Sendable {
    /// What the line means.
    public var kind: RelationKind
    /// A unit id (meaning its head, for accountability kinds) or a post id.
    public var from: String
    /// A unit id or a post id.
    public var to: String
    /// Where the fact is stated.
    public var source: Citation?
    /// Free-text remark.
    public var note: String?
    /// The part of the work the line covers, when the text limits it (e.g. "operations under the
    /// direction of DPKO"); drawn as the line's label.
    public var scope: String?
    /// The date or condition a document gives for a line it announces but does not establish
    /// (`status: planned` in model files); nil for a line in force.
    public var planned: String?
    /// Where the relationship is declared.
    public var location: SourceLocation?

    /// Creates a relationship.
    public init(kind: RelationKind, from: String, to: String, source: Citation? = nil, note: String? = nil, scope: String? = nil, planned: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
        self.source = source
        self.note = note
        self.scope = scope
        self.planned = planned
        self.location = location
    }
}

/// A snapshot of an organization at a date: its units, posts and relationships, with sources.
public struct Model: Sendable {
    /// The model's id, e.g. `dpko-2010`.
    public var id: String
    /// The organization's name as shown in chart titles.
    public var title: String
    /// The date of the snapshot.
    public var date: String?
    /// The unit charts start from when no root is asked for; nil to start from every top unit.
    public var root: String?
    /// Source documents, in declaration order.
    public var documents: [Document]
    /// Units, in declaration order (which is the order of the source text).
    public var units: [Unit] { didSet { index = UnitIndex(units) } }
    /// Stand-alone posts (officials who head no unit of the model).
    public var posts: [Post]
    /// Relationships, in declaration order.
    public var relationships: [Relationship]

    /// Creates a model.
    public init(id: String, title: String, date: String? = nil, root: String? = nil, documents: [Document] = [], units: [Unit] = [], posts: [Post] = [], relationships: [Relationship] = []) {
        self.id = id
        self.title = title
        self.date = date
        self.root = root
        self.documents = documents
        self.units = units
        self.posts = posts
        self.relationships = relationships
        self.index = UnitIndex(units)
    }

    private var index: UnitIndex

    /// The unit with this id.
    public func unit(_ id: String) -> Unit? { index.position[id].map { units[$0] } }

    /// The position in `units` of the unit with this id.
    func position(of id: String) -> Int? { index.position[id] }

    /// The document with this id.
    public func document(_ id: String) -> Document? { documents.first { $0.id == id } }

    /// The children of a unit (or the top units, for nil), in declaration order.
    public func children(of id: String?) -> [Unit] { (index.children[id] ?? []).map { units[$0] } }

    /// The post a relationship end refers to: a stand-alone post, or the head of a unit.
    public func post(_ id: String) -> Post? {
        if let post = posts.first(where: { $0.id == id }) { return post }
        return unit(id)?.head.map { head in var p = head; p.id = id; return p }
    }

    /// The units at and below `root`, in depth-first source order, at most `depth` levels below it.
    public func subtree(of root: String?, depth: Int? = nil) -> [Unit] {
        var result: [Unit] = []
        let tops = root.map { unit($0).map { [$0] } ?? [] } ?? children(of: nil)
        // Depth-first in source order, with an explicit stack so that deep trees cannot exhaust
        // the call stack.
        var stack: [(unit: Unit, level: Int)] = tops.reversed().map { ($0, 0) }
        while let (unit, level) = stack.popLast() {
            result.append(unit)
            if let depth, level >= depth { continue }
            stack += children(of: unit.id).reversed().map { ($0, level + 1) }
        }
        return result
    }

    /// Citation rendered for people: `ST/SGB/2010/1 §4.3`.
    public func cite(_ citation: Citation?) -> String? {
        guard let citation else { return nil }
        let reference = document(citation.document)?.reference ?? citation.document
        var text = citation.section.isEmpty ? reference : "\(reference) §\(citation.section)"
        if citation.inferred { text += " (inferred)" }
        return text
    }
}

/// Positions of units by id and by parent, rebuilt whenever the units change.
private struct UnitIndex: Sendable {
    var position: [String: Int] = [:]
    var children: [String?: [Int]] = [:]

    init(_ units: [Unit]) {
        for i in units.indices {
            if position[units[i].id] == nil { position[units[i].id] = i }
            children[units[i].parent, default: []].append(i)
        }
    }
}
