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

    func testDuplicateKeysAreReportedAsBefore() {
        for key in ["name", "\"name\""] {
            let lines = messages(load(header + "units:\n  - id: a\n    name: A\n    \(key): B\n    kind: team\n"))
            XCTAssertEqual(lines.count, 1)
            XCTAssertTrue(lines[0].hasPrefix("1:1 YAML syntax error: Parser: expected all keys to be unique but found the following duplicated key(s): 'name'."), lines[0])
            XCTAssertTrue(lines[0].hasSuffix(" in line 8, column 5\n"), lines[0])
        }
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
