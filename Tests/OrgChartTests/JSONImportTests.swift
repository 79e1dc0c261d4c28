import Foundation
import OrgImport
import OrgModel
import XCTest

/// Org-chart data as it travels in JSON: nested trees and flat lists.
final class JSONImportTests: XCTestCase {
    func run(_ text: String, _ importer: JSONImport = JSONImport(), file: String = "chart.json") throws -> CSVImport.Result {
        try importer.run(path: file, bytes: Array(text.utf8))
    }

    func load(_ result: CSVImport.Result) throws -> Model {
        try ModelLoader.load(file: "import.yaml") { _ in result.yaml }.valid()
    }

    /// A nested `{name, children}` tree of the first `count` posts of the MOD organogram (a
    /// depth-first prefix, so every post's manager is in it), and the posts' names with their
    /// managers' names, to compare with.
    func modTree(count: Int) throws -> (json: String, pairs: [String: String?]) {
        let url = CSVImportTests.organograms.appendingPathComponent("mod.csv")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("\(url.path) is not available") }
        let mod = try load(CSVImport().run([("mod.csv", [UInt8](data))]))
        let kept = Array(mod.subtree(of: mod.root).prefix(count))
        let ids = Set(kept.map(\.id))
        var pairs: [String: String?] = [:]
        func tree(_ unit: OrgModel.Unit) -> [String: Any] {
            let name = "\(unit.name) [\(unit.id)]"
            pairs[name] = unit.parent.flatMap { mod.unit($0) }.map { "\($0.name) [\($0.id)]" }
            var node: [String: Any] = ["name": name]
            let children = mod.children(of: unit.id).filter { ids.contains($0.id) }
            if !children.isEmpty { node["children"] = children.map(tree) }
            return node
        }
        let root = tree(kept[0])
        let json = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
        return (String(decoding: json, as: UTF8.self), pairs)
    }

    func testANestedTreeOf1765UnitsImportsWhole() throws {
        let (json, pairs) = try modTree(count: 1765)
        let result = try run(json, file: "mod-tree.json")
        XCTAssertEqual(result.rows, 1765)
        XCTAssertEqual(result.placed, 1765)
        XCTAssertEqual(result.report.items, [])
        let model = try load(result)
        XCTAssertEqual(model.units.count, 1765)
        XCTAssertEqual(model.units.filter { $0.parent == nil }.count, 1)
        // Each entry is under the entry that held it, and ids follow the file order.
        for unit in model.units {
            XCTAssertEqual(unit.parent.flatMap { model.unit($0) }?.name, pairs[unit.name] ?? nil, unit.name)
        }
        XCTAssertEqual(model.units.prefix(2).map(\.id), ["mod-tree-1", "mod-tree-2"])
        XCTAssertTrue(result.yaml.contains("source: \"sheet §row 2\""))
    }

    func testAFlatListWithParentIdsKeepsNamesTitlesAndItsOwnIds() throws {
        let text = """
        [
          {"id": 1, "pid": null, "name": "Ada Lovelace", "title": "CEO", "img": "a.png"},
          {"id": 2, "pid": 1, "name": "Grace Hopper", "title": "CTO"},
          {"id": 3, "pid": 2, "name": "Vacant", "title": "Lead"},
          {"id": 4, "pid": 2, "title": "Engineer"}
        ]
        """
        let model = try load(run(text))
        XCTAssertEqual(model.units.map(\.id), ["1", "2", "3", "4"])
        XCTAssertEqual(model.units.map(\.name), ["CEO", "CTO", "Lead", "Engineer"])
        XCTAssertEqual(model.units.map(\.parent), [nil, "1", "2", "2"])
        XCTAssertEqual(model.unit("2")?.head?.name, "Grace Hopper")
        XCTAssertEqual(model.unit("3")?.head?.vacant, true)
        XCTAssertNil(model.unit("4")?.head)
    }

    func testD3OrgChartDataUnderAWrappingKeyIsFound() throws {
        let text = """
        {"data": [
          {"nodeId": "ceo", "parentNodeId": "", "name": "Ian", "positionName": "Chief Executive"},
          {"nodeId": "cfo", "parentNodeId": "ceo", "name": "Lee", "positionName": "Chief Financial Officer"}
        ]}
        """
        let model = try load(run(text))
        XCTAssertEqual(model.units.map(\.name), ["Chief Executive", "Chief Financial Officer"])
        XCTAssertEqual(model.unit("cfo")?.parent, "ceo")
        XCTAssertEqual(model.unit("cfo")?.head?.name, "Lee")
    }

    func testFieldNamesCanBeGiven() throws {
        let text = """
        {"label": "Board", "code": "B", "sub": [
          {"label": "Audit", "code": "A"},
          {"label": "Risk", "code": "R", "sub": [{"label": "Credit", "code": "C"}]}
        ]}
        """
        let importer = JSONImport(table: CSVImport(columns: [.id: "code", .name: "label"]), childrenKey: "sub")
        let model = try load(run(text, importer))
        XCTAssertEqual(model.units.map(\.id), ["B", "A", "R", "C"])
        XCTAssertEqual(model.units.map(\.parent), [nil, "B", "B", "R"])
        XCTAssertThrowsError(try run(text, JSONImport(table: CSVImport(columns: [.name: "caption"]), childrenKey: "sub"))) {
            XCTAssertTrue("\($0)".contains("no column 'caption' for --name"), "\($0)")
        }
    }

    func testErrorsNameTheLineAndColumn() {
        let cases: [(String, String)] = [
            ("[{\"id\": 1,\n  \"name\": \"x\",, }]", "chart.json:2:15: error: expected a key in double quotes, found ','"),
            ("{\"name\": \"x\",\n \"children\": {\"a\": 1}}", "chart.json:2:14: error: 'children' is an object, not a list of entries"),
            ("[{\"name\": \"a\"},\n 42]", "chart.json:2:2: error: an entry is a number, not an object"),
            ("{\"name\": \"never closed}", "chart.json:1:10: error: the string opened here is never closed"),
            ("[{\"name\": \"a\"}] [", "chart.json:1:17: error: there is more after the end of the JSON value"),
            ("{\"name\": 1.}", "chart.json:1:12: error: a number needs digits after its decimal point, found '}'"),
            (String(repeating: "[", count: 600), "chart.json:1:501: error: lists and objects are nested more than 500 deep"),
            ("[{\"name\": \"é\", \"x\": tru}]", "chart.json:1:21: error: expected a value, found 't'"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try run(text)) { XCTAssertTrue("\($0)".hasPrefix(expected), "\($0)") }
        }
    }

    func testEscapesAndUnicodeAreDecoded() throws {
        let model = try load(run(#"[{"id": "a", "name": "Caf\u00e9 \"Zoë\" \ud83d\ude00\n2"}]"#))
        XCTAssertEqual(model.unit("a")?.name, "Café \"Zoë\" 😀 2", "line breaks in titles fold to spaces")
    }
}
