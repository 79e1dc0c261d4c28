@testable import OrgModel
import XCTest
import Yams

/// The model loader's YAML reading: libyaml's events straight into located nodes, with the same
/// nodes, values and diagnostics as Yams' composer.
final class ModelLoaderTests: XCTestCase {
    private let header = "model: m\ntitle: T\ndocuments:\n  - id: d\n    title: D\n"

    private func load(_ text: String, parts: [String: String] = [:]) -> LoadedModel {
        ModelLoader.load(file: "/models/m.yaml") { path in
            if path == "/models/m.yaml" { return text }
            guard let part = parts[path] else { throw CocoaError(.fileNoSuchFile) }
            return part
        }
    }

    private func messages(_ loaded: LoadedModel) -> [String] {
        loaded.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
    }

    /// A node with its kind, text, style, tag and place, for comparing trees. Keys go without
    /// their tag: Yams resolves the tags of keys (to text) when it checks them for duplicates.
    private func describe(_ node: YAMLNode, isKey: Bool = false) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.content {
        case let .scalar(text, plain, tag): return "\(plain ? "plain" : "quoted")(\(isKey ? "key" : "\(tag)")) \(text.debugDescription)\(place)"
        case let .sequence(items): return "[\(items.map { describe($0) }.joined(separator: ", "))]\(place)"
        case let .mapping(pairs): return "{\(pairs.map { "\(describe($0.key, isKey: true)): \(describe($0.value))" }.joined(separator: ", "))}\(place)"
        }
    }

    func testReaderGivesTheComposersNodes() throws {
        let texts = [
            header + "units:\n  - id: a\n    name: 'yes'\n    kind: team\n    parent: null\n    note: |\n      two\n      lines\n",
            "a: [1, \"2\", ~, {b: c}]\nb:\n  - - x\n    - y\n  -\nc: >\n  folded\n  text\n\"q\": 'single ''quoted'''\n",
            "é: ünïcode\n  \t\nkey with spaces: value # comment\n",
            "\u{FEFF}a: b\n",
            "a: \"\\uFEFFb\"\n",
            "plain scalar\n",
        ]
        for text in texts {
            let read = try XCTUnwrap(YAMLNode.read(text), text)
            let composed = try XCTUnwrap(Yams.compose(yaml: text, .basic))
            XCTAssertEqual(describe(read), describe(YAMLNode(composed)), text)
        }
    }

    func testReaderLeavesAnchorsTagsRepeatedKeysAndErrorsToTheComposer() {
        for text in ["a: &x b\nc: *x\n", "a: !!str b\n", "? [a]\n: b\n", "a: 1\na: 2\n", "a: 1\n'a': 2\n", "a: 1\n---\nb: 2\n", "", "# nothing\n", "a: [\n"] {
            XCTAssertNil(YAMLNode.read(text), text)
        }
    }

    private func hints(_ loaded: LoadedModel) -> [String] {
        loaded.diagnostics.map { $0.hint ?? "-" }
    }

    func testRepeatedKeysAreReportedAtTheirSecondOccurrence() {
        for key in ["name", "\"name\"", "'name'"] {
            let loaded = load(header + "units:\n  - id: a\n    name: A\n    kind: team\n    \(key): B\n")
            XCTAssertEqual(messages(loaded), ["10:5 key 'name' appears twice in this mapping"], key)
            XCTAssertEqual(hints(loaded), ["remove one of them (the first is at line 8)"], key)
        }
        let flow = load(header + "units:\n  - {id: a, name: A, kind: team, name: B}\n")
        XCTAssertEqual(messages(flow), ["7:34 key 'name' appears twice in this mapping"])
        XCTAssertEqual(hints(flow), ["remove one of them (the first is at line 7, column 13)"])
        let thrice = load(header + "units:\n  - id: a\n    kind: team\n    kind: team\n    name: A\n    kind: team\n")
        XCTAssertEqual(messages(thrice), ["9:5 key 'kind' appears 3 times in this mapping"])
        XCTAssertEqual(hints(thrice), ["keep one of them (the first is at line 8)"])
    }

    func testEveryRepeatedKeyIsReportedWithAnchorsAndAliases() {
        // Anchors send the file to Yams' composer, which stops at the first mapping with a repeated key.
        let text = header + "units:\n  - id: &a a\n    name: A\n    kind: team\n    name: B\n  - id: b\n    *a : x\n    name: B\n    a: y\n    kind: team\n"
        XCTAssertEqual(messages(load(text)), [
            "10:5 key 'name' appears twice in this mapping",
            "14:5 key 'a' appears twice in this mapping",
        ])
        XCTAssertEqual(hints(load(text)), ["remove one of them (the first is at line 8)", "remove one of them (the first is at line 12)"])
        let located = YAMLNode.repeatedKeys(in: "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
        XCTAssertEqual(located, [
            RepeatedKey(key: "c", line: 4, column: 3, firstLine: 3, firstColumn: 3, count: 2),
            RepeatedKey(key: "a", line: 5, column: 1, firstLine: 1, firstColumn: 1, count: 2),
        ])
        // Keys with different tags are different keys; keys that are collections are not compared.
        XCTAssertEqual(YAMLNode.repeatedKeys(in: "a: 1\n!!int a: 2\n!!str b: 3\nb: 4\n? [c]\n: 5\n? [c]\n: 6\n").map(\.key), ["b"])
        XCTAssertEqual(messages(load(header + "? [c]\n: 5\n? [c]\n: 6\n")), ["6:3 a key that is a list or a mapping appears more than once in this mapping"])
    }

    func testYAMLErrorsAreShortAndLocated() {
        let cases: [(text: String, message: String)] = [
            (header + "units:\n  - id: a\n    name: A\n    name: B\n", "9:5 key 'name' appears twice in this mapping"),
            (header + "units:\n  - id: a\n    name: A\n    source: *s\n", "9:13 YAML syntax error: found undefined alias"),
            (header + "units:\n  - id: a\n    name: \"A\u{01}\"\n", "8:13 YAML syntax error: control characters are not allowed (U+0001)"),
            (header + "units:\n  - id: a\n   name: A\n", "8:4 YAML syntax error: did not find expected '-' indicator (while parsing a block collection)"),
            (header + "units:\n  - id: a\n    name: @A\n", "8:11 YAML syntax error: found character that cannot start any token (while scanning for the next token)"),
            (header + "units:\n  - id: a\n    name: \"A\n", "9:1 YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"),
        ]
        for (text, message) in cases {
            let loaded = load(text)
            XCTAssertEqual(messages(loaded), [message], text)
            for diagnostic in loaded.diagnostics {
                XCTAssertFalse(diagnostic.description.contains("title: D"), diagnostic.description)
                XCTAssertEqual(diagnostic.description.split(separator: "\n").count, 2, diagnostic.description)
            }
        }
        XCTAssertEqual(hints(load(cases[1].text)), ["an alias `*NAME` repeats a value marked `&NAME` earlier in the file; quote a value that starts with '*'"])
    }

    func testRepeatedKeysThroughTheCommandLine() throws {
        let directory = try temporaryDirectory(self)
        let text = "model: m\ntitle: Repeated\nunits:\n  - id: a\n    name: First name\n    kind: team\n    note: a note\n    name: Second name\n"
        let path = try write(text, to: "repeated.yaml", in: directory)
        let diagnostic = "\(path):8:5: error: key 'name' appears twice in this mapping\n    hint: remove one of them (the first is at line 5)\n"
        let fileLines = ["model: m", "title: Repeated", "units:", "id: a", "name: First name", "kind: team", "note: a note", "Second name", "Context:"]
        // `validate` prints the diagnostics and the verdict on standard error, nothing on standard output.
        let validate = try orgchart(["validate", path])
        XCTAssertEqual(validate.status, 1, validate.stderr)
        XCTAssertEqual(validate.stdout, "")
        XCTAssertEqual(validate.stderr, diagnostic + "1 error, 0 warnings: the model is not valid\n")
        // Other commands print the diagnostics on standard error too.
        let render = try orgchart(["render", path, "-o", directory.appendingPathComponent("out.svg").path])
        XCTAssertEqual(render.status, 1, render.stderr)
        XCTAssertTrue(render.stderr.hasPrefix(diagnostic), render.stderr)
        for line in fileLines {
            XCTAssertFalse(validate.stdout.contains(line) || validate.stderr.contains(line) || render.stderr.contains(line), line)
        }
        XCTAssertFalse(render.stderr.contains("Fatal error"), render.stderr)
        // A manifest is read by the same parser.
        try write("output: Out\noutput: Charts\ncharts:\n  - name: a\n    model: repeated.yaml\n", to: "orgchart.yml", in: directory)
        let build = try orgchart(["build"], in: directory)
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertTrue(build.stderr.contains("orgchart.yml:2:1: error: key 'output' appears twice in this mapping\n    hint: remove one of them (the first is at line 1)\n"), build.stderr)
        XCTAssertFalse(build.stderr.contains("charts:"), build.stderr)
    }

    func testAnchorsAndAliasesAreFollowedAndUndefinedAliasesReported() throws {
        let text = header + "units:\n  - id: a\n    name: A\n    kind: team\n    source: &s d §1\n  - id: b\n    name: B\n    kind: team\n    parent: a\n    source: *s\n"
        let model = try load(text).valid()
        XCTAssertEqual(model.unit("b")?.source, Citation(document: "d", section: "1"))
        XCTAssertEqual(messages(load(header + "units:\n  - id: a\n    name: A\n    kind: team\n    source: *s\n")),
                       ["10:13 YAML syntax error: found undefined alias"])
    }

    func testSyntaxErrorsAreLocated() {
        XCTAssertEqual(messages(load(header + "units:\n  - id: a\n\tname: A\n")),
                       ["8:1 YAML syntax error: found a tab character that violates indentation (while scanning a plain scalar)"])
        XCTAssertEqual(messages(load(header + "---\nmodel: n\n")), ["6:1 YAML syntax error: but found another document (expected a single document in the stream)"])
        XCTAssertEqual(messages(load("# only a comment\n")), ["1:1 the model file is empty"])
    }

    func testByteOrderMarkOfAFileIsSkipped() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("bom.yaml").path
        try Data("\u{FEFF}\(header)units:\n  - id: a\n    name: A\n    kind: team\n".utf8).write(to: URL(fileURLWithPath: path))
        let model = try ModelLoader.load(file: path).valid()
        XCTAssertEqual(model.units.first?.location, SourceLocation(file: path, line: 7, column: 5))
    }

    func testByteOrderMarkOfReadTextIsSkipped() throws {
        let model = try load("\u{FEFF}\(header)units:\n  - id: a\n    name: A\n    kind: team\n").valid()
        XCTAssertEqual(model.id, "m")
        XCTAssertEqual(model.units.first?.location, SourceLocation(file: "/models/m.yaml", line: 7, column: 5))
        XCTAssertEqual(messages(load("\u{FEFF}\(header)tilte: T\n")), ["6:1 unknown key 'tilte' in a model file"])
        XCTAssertEqual(messages(load("\u{FEFF}model: m\nmodel: n\ntitle: T\n")), ["2:1 key 'model' appears twice in this mapping"])
        XCTAssertEqual(messages(load("\u{FEFF}")), ["1:1 the model file is empty"])
        let sink = DiagnosticSink()
        let mark = try XCTUnwrap(ModelLoader.parse("\u{FEFF}a: b\nc: d\n", file: "f.yaml", sink: sink)?.mapping?.first?.key.mark)
        XCTAssertEqual([mark.line, mark.column], [1, 1])
        XCTAssertEqual(sink.diagnostics, [])
    }

    func testQuotedAndPlainScalarsKeepTheirText() throws {
        let text = header + """
            units:
              - id: a
                name: "yes"
                kind: team
                parent: null
                abbreviation: ~
                note: "null"
                url: 1.0
                source: {document: d, section: "2", inferred: "yes"}
              - id: b
                name: 2025-01-01
                kind: team
                parent: a
                source: {document: d, inferred: YES}

            """
        let model = try load(text).valid()
        let a = try XCTUnwrap(model.unit("a")), b = try XCTUnwrap(model.unit("b"))
        XCTAssertEqual([a.name, a.note, a.url], ["yes", "null", "1.0"])
        XCTAssertNil(a.parent)
        XCTAssertNil(a.abbreviation)
        XCTAssertEqual(a.source, Citation(document: "d", section: "2", inferred: false))
        XCTAssertEqual(b.name, "2025-01-01")
        XCTAssertEqual(b.source, Citation(document: "d", inferred: true))
    }

    func testFieldErrorsKeepTheirPlaces() {
        let text = header + "units:\n  - id: a\n    nmae: A\n    kind: team\n  - id: b\n    name: \" \\t\"\n    kind: team\n    functions: [x, [y]]\n"
        XCTAssertEqual(messages(load(text)), [
            "7:5 unit 'a' has no 'name'",
            "8:5 unknown key 'nmae' in a unit",
            "10:5 unit 'b' has no 'name'",
            "13:20 items of 'functions' must be plain text",
        ])
    }

    func testCitationsAreTrimmedLikeFoundationWhitespace() {
        XCTAssertEqual(Citation(parsing: "  d  §  4.1 "), Citation(document: "d", section: "4.1"))
        XCTAssertEqual(Citation(parsing: "\td\u{00A0}§\u{200B}1\u{3000}"), Citation(document: "d", section: "1"))
        XCTAssertEqual(Citation(parsing: "d"), Citation(document: "d"))
        XCTAssertNil(Citation(parsing: "§ 2"))
        XCTAssertNil(Citation(parsing: " \u{2003} "))
    }

    func testIncludesAreFollowed() throws {
        let part = "model: p\ntitle: P\nunits:\n  - id: b\n    name: B\n    kind: team\n    parent: a\n"
        let loaded = load(header + "include: part.yaml\nunits:\n  - id: a\n    name: A\n    kind: team\n", parts: ["/models/part.yaml": part])
        XCTAssertEqual(loaded.files, ["/models/m.yaml", "/models/part.yaml"])
        XCTAssertEqual(try loaded.valid().units.map(\.id), ["a", "b"])
    }
}
