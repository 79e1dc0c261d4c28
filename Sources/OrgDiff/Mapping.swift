import Foundation
import OrgModel
import Yams

/// What a person says about matching two snapshots: matches to pin (with the kind of descent and
/// its source, stated or inferred) and matches to refuse. Read from a small YAML file:
///
/// ```yaml
/// old: dpko-2010                 # optional: the old model's id, checked when given
/// new: dpo-2019                  # optional: the new model's id
/// documents:                     # optional: documents cited below that neither model declares
///   - {id: a-72-525, symbol: A/72/525, title: Restructuring of the peace and security pillar}
/// matches:
///   - old: dpko-oma              # a unit id of the old snapshot
///     new: dpo-oma               # a unit id of the new snapshot
///     kind: succeeds             # formerly | succeeds | merged-from | split-from
///     source: {document: a-72-525, section: "40", inferred: true}
///     note: why
/// refuse:
///   - {old: dpko-oo, new: dpo-osc, note: not the same office}
/// ```
public struct Mapping: Sendable {
    /// A pinned match.
    public struct Pin: Sendable, Hashable {
        /// Unit id in the old snapshot.
        public var old: String
        /// Unit id in the new snapshot.
        public var new: String
        /// The kind of descent.
        public var kind: Lineage.Kind
        /// Where it is stated; `inferred` when it is not.
        public var source: Citation?
        /// A remark.
        public var note: String?
        /// Where the entry is written.
        public var location: SourceLocation?

        /// Creates a pin.
        public init(old: String, new: String, kind: Lineage.Kind = .succeeds, source: Citation? = nil, note: String? = nil, location: SourceLocation? = nil) {
            self.old = old
            self.new = new
            self.kind = kind
            self.source = source
            self.note = note
            self.location = location
        }
    }

    /// A pair of units that must not be matched.
    public struct Refusal: Sendable, Hashable {
        /// Unit id in the old snapshot.
        public var old: String
        /// Unit id in the new snapshot.
        public var new: String
        /// Why.
        public var note: String?
        /// Where the entry is written.
        public var location: SourceLocation?

        /// Creates a refusal.
        public init(old: String, new: String, note: String? = nil, location: SourceLocation? = nil) {
            self.old = old
            self.new = new
            self.note = note
            self.location = location
        }
    }

    /// The old model's id the mapping is written for, when given.
    public var oldModel: String?
    /// The new model's id the mapping is written for, when given.
    public var newModel: String?
    /// Documents cited by the entries that neither model declares.
    public var documents: [Document]
    /// Matches to pin, in file order.
    public var pins: [Pin]
    /// Matches to refuse, in file order.
    public var refusals: [Refusal]
    /// The file the mapping was read from.
    public var file: String?

    /// Creates a mapping.
    public init(oldModel: String? = nil, newModel: String? = nil, documents: [Document] = [], pins: [Pin] = [], refusals: [Refusal] = [], file: String? = nil) {
        self.oldModel = oldModel
        self.newModel = newModel
        self.documents = documents
        self.pins = pins
        self.refusals = refusals
        self.file = file
    }

    /// True when `old` and `new` must not be matched.
    public func refuses(_ old: String, _ new: String) -> Bool {
        refusals.contains { $0.old == old && $0.new == new }
    }
}

extension Mapping {
    static let topKeys = ["old", "new", "documents", "matches", "refuse"]
    static let documentKeys = ["id", "symbol", "title", "date", "url"]
    static let pinKeys = ["old", "new", "kind", "source", "note"]
    static let refusalKeys = ["old", "new", "note"]
    static let citationKeys = ["document", "section", "inferred", "note"]

    /// Reads a mapping file; throws a `ModelError` listing every problem with its line and column.
    public static func load(file path: String) throws -> Mapping {
        let text: String
        do { text = try InputFile.text(path, what: "mapping file") } catch {
            guard case .invalid(let diagnostic) = error else {
                throw ModelError(diagnostics: [Diagnostic(.error, at: nil, subject: path, "cannot read the mapping file '\(path)'",
                                                          hint: "check the path given to --mapping")])
            }
            throw ModelError(diagnostics: [diagnostic])
        }
        return try parse(text, file: path)
    }

    /// Parses mapping text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws -> Mapping {
        let sink = DiagnosticSink()
        var mapping = Mapping(file: file)
        if let root = ModelLoader.parse(text, file: file, sink: sink),
           let fields = YAMLFields(root, what: "a mapping file", known: topKeys, file: file, reporter: sink) {
            mapping.oldModel = fields.string("old")
            mapping.newModel = fields.string("new")
            for node in fields.list("documents") {
                guard let f = YAMLFields(node, what: "a document", known: documentKeys, file: file, reporter: sink),
                      let id = f.required("id", of: "a document") else { continue }
                mapping.documents.append(Document(id: id, symbol: f.string("symbol"), title: f.required("title", of: "document '\(id)'") ?? id,
                                                  date: f.string("date"), url: f.link("url"), location: f.location()))
            }
            for node in fields.list("matches") {
                guard let f = YAMLFields(node, what: "a match", known: pinKeys, file: file, reporter: sink),
                      let old = f.required("old", of: "a match"), let new = f.required("new", of: "a match") else { continue }
                var kind = Lineage.Kind.succeeds
                if let text = f.string("kind") {
                    if let parsed = Lineage.Kind(rawValue: text) { kind = parsed } else {
                        sink.error(at: f.location("kind"), "unknown kind '\(text)' in a match",
                                   hint: "kinds: \(Lineage.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
                mapping.pins.append(Pin(old: old, new: new, kind: kind, source: citation(f, sink: sink), note: f.string("note"), location: f.location()))
            }
            for node in fields.list("refuse") {
                guard let f = YAMLFields(node, what: "a refusal", known: refusalKeys, file: file, reporter: sink),
                      let old = f.required("old", of: "a refusal"), let new = f.required("new", of: "a refusal") else { continue }
                mapping.refusals.append(Refusal(old: old, new: new, note: f.string("note"), location: f.location()))
            }
        }
        if !sink.diagnostics.isEmpty { throw ModelError(diagnostics: sink.diagnostics.sortedByPlace()) }
        return mapping
    }

    private static func citation(_ f: YAMLFields, sink: DiagnosticSink) -> Citation? {
        guard let node = f.node("source") else { return nil }
        if case .scalar(let scalar) = node { return Citation(parsing: scalar.string) }
        guard let c = YAMLFields(node, what: "a source", known: citationKeys, file: f.file, reporter: sink),
              let document = c.required("document", of: "a source") else { return nil }
        return Citation(document: document, section: c.string("section") ?? "", inferred: c.node("inferred")?.bool ?? false, note: c.string("note"))
    }

    /// Problems of this mapping against the two snapshots: ids that name no unit, documents that
    /// no model or the mapping declares, model ids that do not match.
    func check(old: Snapshot, new: Snapshot) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let oldIDs = old.model.units.map(\.id), newIDs = new.model.units.map(\.id)
        func unknown(_ id: String, in ids: [String], side: String, model: String, at location: SourceLocation?) {
            guard !ids.contains(id) else { return }
            let near = Snapshot.closest(to: id, among: ids)
            problems.append(Diagnostic(.error, at: location, subject: id, "no unit '\(id)' in the \(side) model '\(model)'",
                                       hint: near.map { "did you mean '\($0)'?" } ?? "use a unit id of '\(model)'"))
        }
        if let oldModel, oldModel != old.model.id {
            problems.append(Diagnostic(.error, at: nil, subject: file, "the mapping is written for old model '\(oldModel)', not '\(old.model.id)'",
                                       hint: "pass the mapping written for these models, or correct `old:`"))
        }
        if let newModel, newModel != new.model.id {
            problems.append(Diagnostic(.error, at: nil, subject: file, "the mapping is written for new model '\(newModel)', not '\(new.model.id)'",
                                       hint: "pass the mapping written for these models, or correct `new:`"))
        }
        for pin in pins {
            unknown(pin.old, in: oldIDs, side: "old", model: old.model.id, at: pin.location)
            unknown(pin.new, in: newIDs, side: "new", model: new.model.id, at: pin.location)
            if let document = pin.source?.document, !documents.contains(where: { $0.id == document }),
               old.model.document(document) == nil, new.model.document(document) == nil {
                problems.append(Diagnostic(.error, at: pin.location, subject: pin.new, "the match \(pin.old) → \(pin.new) cites document '\(document)', which is declared nowhere",
                                           hint: "declare it under `documents:` in the mapping file"))
            }
        }
        for refusal in refusals {
            unknown(refusal.old, in: oldIDs, side: "old", model: old.model.id, at: refusal.location)
            unknown(refusal.new, in: newIDs, side: "new", model: new.model.id, at: refusal.location)
        }
        return problems
    }
}
