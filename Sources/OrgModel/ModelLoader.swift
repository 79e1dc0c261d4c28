import Foundation
import Yams

/// The outcome of loading a model: the model when it could be read, and every problem found.
public struct LoadedModel: Sendable {
    /// The model; nil when a file could not be read or parsed at all.
    public var model: Model?
    /// Errors and warnings, sorted by place.
    public var diagnostics: [Diagnostic]
    /// Every file read, the model file first, then its includes.
    public var files: [String]

    /// Creates a load outcome.
    public init(model: Model?, diagnostics: [Diagnostic], files: [String]) {
        self.model = model
        self.diagnostics = diagnostics
        self.files = files
    }

    /// True when there is no error (warnings allowed).
    public var isValid: Bool { model != nil && !diagnostics.contains { $0.severity == .error } }

    /// The model, or a `ModelError` with every error when it is not valid.
    public func valid() throws -> Model {
        guard let model, isValid else { throw ModelError(diagnostics: diagnostics) }
        return model
    }
}

/// The fields of a mapping of a model file.
typealias ModelFields = LocatedFields<YAMLNode>

/// Reads model files written in the YAML model format (see the README) and validates them.
public enum ModelLoader {
    /// Keys of the top-level mapping.
    static let modelKeys = ["model", "title", "date", "root", "description", "include", "documents", "posts", "units", "relationships"]
    static let documentKeys = ["id", "symbol", "title", "date", "abolishes", "url"]
    static let postKeys = ["id", "title", "name", "vacant", "grade", "roles", "unit", "source"]
    static let headKeys = ["title", "name", "vacant", "grade", "roles", "source"]
    static let unitKeys = ["id", "name", "abbreviation", "kind", "parent", "head", "functions", "aliases", "lineage", "staff", "source", "url", "note", "status", "expected"]
    static let staffKeys = ["title", "grade", "fte", "source"]
    static let lineageKeys = ["kind", "unit", "source"]
    static let relationshipKeys = ["kind", "from", "to", "source", "note", "scope", "status", "expected"]
    static let citationKeys = ["document", "section", "inferred", "note"]

    /// Loads and validates the model file at `path`, following its `include` entries.
    /// Each file is read through `InputFile`: at most `InputFile.maximumBytes`, UTF-8.
    /// `lint` adds the warnings of `ModelLint` to the diagnostics of a valid model (false when
    /// no one reads them, as when a chart is drawn: they take a pass over the whole model).
    public static func load(file path: String, lint: Bool = true) -> LoadedModel {
        load(file: path, lint: lint) { try InputFile.text($0, what: "model file") }
    }

    /// Loads and validates a model whose files are read by `read` (a path in, the text out).
    /// `path` names the main file in diagnostics; includes are resolved relative to it. `lint`
    /// as for `load(file:lint:)`.
    public static func load(file path: String, lint: Bool = true, read: (String) throws -> String) -> LoadedModel {
        let sink = DiagnosticSink()
        var parts = Parts()
        var files: [String] = []
        var header: (id: String, title: String, date: String?, root: String?)?
        var failed = false

        func visit(_ file: String, from includer: SourceLocation?) {
            guard !files.contains(file) else { return }
            files.append(file)
            let text: String
            do { text = try read(file) } catch InputError.invalid(let diagnostic) {
                sink.append([diagnostic])
                failed = true
                return
            } catch {
                let exists = FileManager.default.fileExists(atPath: file)
                sink.error(at: includer, "cannot read model file '\(file)'",
                           hint: exists ? "check that it is a readable file, not a directory" : "check the path, or run `orgchart models` to list the built-in models")
                failed = true
                return
            }
            // Diagnostics name standard input `<stdin>`.
            let named = InputFile.name(of: file)
            guard let root = parseModel(text, file: named, sink: sink) else { failed = true; return }
            guard let fields = ModelFields(root, what: "a model file", known: modelKeys, file: named, reporter: sink) else { failed = true; return }
            if header == nil {
                let id = fields.required("model", of: "the model") ?? "model"
                let title = fields.required("title", of: "the model") ?? id
                header = (id, title, fields.string("date"), fields.string("root"))
            }
            collect(fields, file: named, into: &parts, sink: sink)
            let directory = InputFile.directory(of: file)
            for include in fields.strings("include") {
                let target = include.hasPrefix("/") ? include : (directory as NSString).appendingPathComponent(include)
                visit((target as NSString).standardizingPath, from: fields.location("include"))
            }
        }

        visit(path, from: nil)
        guard !failed, let header else {
            return LoadedModel(model: nil, diagnostics: sink.diagnostics.sortedByPlace(), files: files)
        }
        let model = Model(id: header.id, title: header.title, date: header.date, root: header.root, documents: parts.documents,
                          units: parts.units, posts: parts.posts, relationships: parts.relationships)
        sink.append(Validation.check(model))
        if lint, !sink.diagnostics.contains(where: { $0.severity == .error }) { sink.append(ModelLint.warnings(model)) }
        return LoadedModel(model: model, diagnostics: sink.diagnostics.sortedByPlace(), files: files)
    }

    /// Parses a model file's text: straight from libyaml's events when it is plain YAML, through
    /// `parse` (Yams' composer, which gives the same nodes) for anchors, aliases, tags and errors.
    static func parseModel(_ text: String, file: String, sink: DiagnosticSink) -> YAMLNode? {
        let text = withoutByteOrderMark(text)
        return YAMLNode.read(text) ?? parse(text, file: file, sink: sink).map(YAMLNode.init)
    }

    /// Parses YAML text, turning syntax errors into located diagnostics. Refuses a text whose
    /// aliases would make it more than 4 times its size (at least 1 MiB) when written out in full.
    /// `what` and `emptyHint` name the file and say how to start it when it holds nothing.
    public static func parse(_ text: String, file: String, sink: DiagnosticSink, what: String = "model file",
                             emptyHint: String = "start with `model: ID` and `title: NAME`; see the README's model format") -> Node? {
        let text = withoutByteOrderMark(text)
        let limit = YAMLNode.expansionLimit(of: text)
        if text.utf8.contains(UInt8(ascii: "*")), let place = YAMLNode.aliasExpansionExceeds(limit, in: text) {
            sink.error(at: SourceLocation(file: file, line: place.line, column: place.column),
                       "with its aliases written out, this file would pass \(InputFile.describe(bytes: limit)), the most orgchart expands it to (4 times its size, at least 1 MB)",
                       hint: "an alias `*NAME` repeats the whole value marked `&NAME`: write repeated values out, or alias smaller values")
            return nil
        }
        do {
            // Every value is read as text and converted where a key needs it, so no tag resolution
            // (a regular expression per scalar) is needed.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                sink.error(at: SourceLocation(file: file, line: 1, column: 1), "the \(what) is empty", hint: emptyHint)
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, in: text, file: file, sink: sink)
            return nil
        } catch {
            sink.error(at: SourceLocation(file: file, line: 1, column: 1), "cannot parse YAML: \(error)", hint: nil)
            return nil
        }
    }

    /// `text` without a leading byte order mark, which Foundation drops when it reads a file but
    /// libyaml, told the text is UTF-8, counts as the first column of the first line.
    static func withoutByteOrderMark(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// Records Yams' error for `text` as short located diagnostics; never the text itself, which
    /// some of Yams' descriptions hold.
    static func report(_ error: YamlError, in text: String, file: String, sink: DiagnosticSink) {
        let syntaxHint = "check the indentation and quote values that contain ': ' or start with '[', '{', '&', '*' or '#'"
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            let repeated = YAMLNode.repeatedKeys(in: text)
            guard !repeated.isEmpty else {
                // Keys that are lists or mappings: only the first one's place is known, and Yams
                // names them "<uncovertable>".
                let names = duplicates.filter { $0 != "<uncovertable>" }.sorted()
                sink.error(at: at(context.mark.line, context.mark.column),
                           names.count == duplicates.count && names.count == 1 ? "key '\(shortened(names[0]))' appears more than once in this mapping"
                               : "a key that is a list or a mapping appears more than once in this mapping",
                           hint: "keep one of each key")
                return
            }
            for key in repeated {
                let first = key.firstLine == key.line ? "line \(key.firstLine), column \(key.firstColumn)" : "line \(key.firstLine)"
                sink.error(at: at(key.line, key.column),
                           "key '\(shortened(key.key))' appears \(key.count == 2 ? "twice" : "\(key.count) times") in this mapping",
                           hint: "\(key.count == 2 ? "remove one of them" : "keep one of them") (the first is at \(first))")
            }
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            sink.error(at: at(mark.line, mark.column), "YAML syntax error: \(context.map { "\(problem) (\($0.text))" } ?? problem)", hint: syntaxHint)
        case let .composer(context, problem, mark, _):
            sink.error(at: at(mark.line, mark.column), "YAML syntax error: \(context.map { "\(problem) (\($0.text))" } ?? problem)",
                       hint: problem.contains("undefined alias")
                           ? "an alias `*NAME` repeats a value marked `&NAME` earlier in the file; quote a value that starts with '*'"
                           : syntaxHint)
        case let .reader(problem, offset, value, _):
            let place = offset.map { Self.place(ofCharacter: $0, in: text) } ?? (line: 1, column: 1)
            let character = problem.hasPrefix("control characters") && value >= 0 ? " (\(String(format: "U+%04X", value)))" : ""
            sink.error(at: at(place.line, place.column), "YAML syntax error: \(problem)\(character)",
                       hint: "remove the character, or write it as an escape in a double-quoted value, such as \"\\t\"")
        default:
            sink.error(at: at(1, 1), "cannot parse YAML: \(shortened(String(describing: error)))", hint: nil)
        }
    }

    /// The 1-based line and column of the character at `offset` (counted in characters, as Yams
    /// gives a reader error's place); columns are counted in Unicode scalars, as libyaml does.
    static func place(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        var line = 1, lineStart = text.startIndex, index = text.startIndex
        while index < end {
            let next = text.index(after: index)
            if text[index].isNewline { line += 1; lineStart = next }
            index = next
        }
        return (line, text.unicodeScalars[lineStart..<end].count + 1)
    }

    /// The first line of `text`, cut to 60 characters.
    static func shortened(_ text: String) -> String {
        let line = text.prefix { !$0.isNewline }
        return line.count > 60 || line.count < text.count ? String(line.prefix(60)) + "…" : text
    }

    /// The entries of one file, appended in file order.
    private struct Parts {
        var documents: [Document] = []
        var posts: [Post] = []
        var units: [Unit] = []
        var relationships: [Relationship] = []
    }

    private static func collect(_ fields: ModelFields, file: String, into parts: inout Parts, sink: DiagnosticSink) {
        for node in fields.list("documents") {
            guard let f = ModelFields(node, what: "a document", known: documentKeys, file: file, reporter: sink),
                  let id = f.required("id", of: "a document") else { continue }
            parts.documents.append(Document(id: id, symbol: f.string("symbol"), title: f.required("title", of: "document '\(id)'") ?? id,
                                            date: f.string("date"), abolishes: f.strings("abolishes"), url: f.link("url"),
                                            location: f.location()))
        }
        for node in fields.list("posts") {
            guard let f = ModelFields(node, what: "a post", known: postKeys, file: file, reporter: sink),
                  let id = f.required("id", of: "a post") else { continue }
            var post = Post(id: id, title: f.required("title", of: "post '\(id)'") ?? id, grade: f.string("grade"),
                            roles: f.strings("roles"), unit: f.string("unit"),
                            source: citation(f, sink: sink), location: f.location())
            holder(of: &post, f, what: "post '\(id)'", sink: sink)
            parts.posts.append(post)
        }
        for node in fields.list("units") {
            guard let f = ModelFields(node, what: "a unit", known: unitKeys, file: file, reporter: sink),
                  let id = f.required("id", of: "a unit") else { continue }
            let kindText = f.required("kind", of: "unit '\(id)'") ?? UnitKind.unit.rawValue
            let kind = UnitKind(rawValue: kindText) ?? {
                let names = UnitKind.allCases.map(\.rawValue)
                sink.error(at: f.location("kind"), subject: id, "unknown unit kind '\(kindText)' for unit '\(id)'",
                           hint: (closest(to: kindText, among: names).map { "did you mean '\($0)'? " } ?? "")
                               + "Unit kinds: \(names.joined(separator: ", "))")
                return .unit
            }()
            var head: Post?
            if let headNode = f.node("head"),
               let h = ModelFields(headNode, what: "the head of '\(id)'", known: headKeys, file: file, reporter: sink) {
                // A head may be known by name only; otherwise its title is required.
                let title = h.node("name") == nil ? h.required("title", of: "the head of '\(id)'") : h.string("title")
                head = Post(id: id, title: title ?? "", grade: h.string("grade"),
                            roles: h.strings("roles"), unit: id, source: citation(h, sink: sink), location: h.location())
                holder(of: &head!, h, what: "the head of '\(id)'", sink: sink)
            }
            var unit = Unit(id: id, name: f.required("name", of: "unit '\(id)'") ?? id,
                            abbreviation: f.string("abbreviation"), kind: kind, parent: f.string("parent"), head: head,
                            functions: f.strings("functions"), aliases: f.strings("aliases"),
                            source: citation(f, sink: sink), url: f.link("url"), note: f.string("note"),
                            location: f.location())
            unit.lineage = f.list("lineage").compactMap { lineage(of: id, $0, file: file, sink: sink) }
            unit.staff = f.list("staff").compactMap { staffGroup(of: id, $0, file: file, sink: sink) }
            unit.planned = planned(f, of: "unit '\(id)'", sink: sink)
            parts.units.append(unit)
        }
        for node in fields.list("relationships") {
            guard let f = ModelFields(node, what: "a relationship", known: relationshipKeys, file: file, reporter: sink) else { continue }
            let kindText = f.required("kind", of: "a relationship") ?? ""
            guard let kind = RelationKind(rawValue: kindText) else {
                if !kindText.isEmpty {
                    let names = RelationKind.allCases.map(\.rawValue)
                    sink.error(at: f.location("kind"), "unknown relationship kind '\(kindText)'",
                               hint: (closest(to: kindText, among: names).map { "did you mean '\($0)'? " } ?? "")
                                   + "Relationship kinds: \(names.joined(separator: ", "))")
                }
                continue
            }
            guard let from = f.required("from", of: "a '\(kindText)' relationship"),
                  let to = f.required("to", of: "a '\(kindText)' relationship") else { continue }
            parts.relationships.append(Relationship(kind: kind, from: from, to: to, source: citation(f, sink: sink),
                                                    note: f.string("note"), scope: f.string("scope"),
                                                    planned: planned(f, of: "the '\(kindText)' line \(from) → \(to)", sink: sink),
                                                    location: f.location()))
        }
    }

    /// One `lineage` entry of unit `id`: `{kind: succeeds, unit: OLD-ID, source: …}`.
    private static func lineage(of id: String, _ node: YAMLNode, file: String, sink: DiagnosticSink) -> Lineage? {
        guard let f = ModelFields(node, what: "a lineage entry of '\(id)'", known: lineageKeys, file: file, reporter: sink),
              let kindText = f.required("kind", of: "a lineage entry of '\(id)'"),
              let unit = f.required("unit", of: "a lineage entry of '\(id)'") else { return nil }
        guard let kind = Lineage.Kind(rawValue: kindText) else {
            let names = Lineage.Kind.allCases.map(\.rawValue)
            sink.error(at: f.location("kind"), subject: id, "unknown lineage kind '\(kindText)'",
                       hint: (closest(to: kindText, among: names).map { "did you mean '\($0)'? " } ?? "") + "Lineage kinds: \(names.joined(separator: ", "))")
            return nil
        }
        return Lineage(kind: kind, unit: unit, source: citation(f, sink: sink))
    }

    /// The `name` and `vacant` of a post or head: a vacant post names nobody.
    private static func holder(of post: inout Post, _ f: ModelFields, what: String, sink: DiagnosticSink) {
        post.name = f.string("name")
        guard let node = f.node("vacant") else { return }
        guard let vacant = node.bool else {
            sink.error(at: f.location("vacant"), subject: post.id, "'vacant' of \(what) must be true or false", hint: "write `vacant: true` or leave it out")
            return
        }
        post.vacant = vacant
        if vacant, let name = post.name {
            sink.error(at: f.location("vacant"), subject: post.id, "\(what) is vacant but names '\(name)'",
                       hint: "remove `name` when nobody holds the post, or `vacant: true` when someone does")
        }
    }

    /// One `staff` entry of unit `id`: `{title: Policy Adviser, grade: HEO, fte: 4.5, source: …}`.
    private static func staffGroup(of id: String, _ node: YAMLNode, file: String, sink: DiagnosticSink) -> StaffGroup? {
        guard let f = ModelFields(node, what: "a staff group of '\(id)'", known: staffKeys, file: file, reporter: sink),
              let title = f.required("title", of: "a staff group of '\(id)'") else { return nil }
        var fte: Double?
        if let text = f.string("fte") {
            fte = Double(text)
            if fte.map({ !$0.isFinite || $0 < 0 }) ?? true {
                sink.error(at: f.location("fte"), subject: id, "'fte' of a staff group of '\(id)' is '\(text)', not a number of full-time equivalents",
                           hint: "write a number of zero or more, e.g. `fte: 3.5`, or leave it out")
                fte = nil
            }
        }
        return StaffGroup(title: title, grade: f.string("grade"), fte: fte, source: citation(f, sink: sink), location: f.location())
    }

    /// The `status` of a unit or line: nil when it is `established` (the default); for `planned`,
    /// the date or condition given by `expected`, which a planned entry must have.
    private static func planned(_ f: ModelFields, of subject: String, sink: DiagnosticSink) -> String? {
        let expected = f.string("expected")
        switch f.string("status") ?? "established" {
        case "established":
            if expected != nil {
                sink.error(at: f.location("expected"), "`expected` is given for \(subject), which is not planned",
                           hint: "add `status: planned`, or remove `expected`")
            }
            return nil
        case "planned":
            guard let expected, !expected.isEmpty else {
                sink.error(at: f.location("status"), "\(subject) is planned but gives no date or condition",
                           hint: "add `expected: …` with the date or condition the text gives, e.g. \"early 2008\"")
                return "date not given"
            }
            return expected
        case let other:
            sink.error(at: f.location("status"), "unknown status '\(other)' for \(subject)",
                       hint: "statuses: established (the default), planned")
            return nil
        }
    }

    /// The `source` of an entry: `DOC §SECTION` or a mapping with document, section, inferred, note.
    private static func citation(_ f: ModelFields, sink: DiagnosticSink) -> Citation? {
        guard let node = f.node("source") else { return nil }
        if let text = node.text { return Citation(parsing: text) }
        guard let c = ModelFields(node, what: "a source", known: citationKeys, file: f.file, reporter: sink),
              let document = c.required("document", of: "a source") else { return nil }
        let inferred = c.node("inferred")?.bool ?? false
        return Citation(document: document, section: c.string("section") ?? "", inferred: inferred, note: c.string("note"))
    }
}
