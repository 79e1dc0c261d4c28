import BuiltinModels
import Foundation
import OrgModel
import XCTest

final class ValidationTests: XCTestCase {
    func load(_ text: String) throws -> LoadedModel {
        let path = try write(text, to: "model.yaml", in: temporaryDirectory(self))
        return ModelLoader.load(file: path)
    }

    func testAParentIdIsSuggestedOnlyWhenItIsALikelyTypo() throws {
        let loaded = try load("model: x\ntitle: X\nunits:\n  - id: alpha\n    name: A\n    kind: office\n    parent: zz\n  - id: b\n    name: B\n    kind: unit\n    parent: alpah\n")
        let hints = loaded.diagnostics.filter { $0.severity == .error }.map { $0.hint ?? "" }
        XCTAssertEqual(hints.count, 2, "\(loaded.diagnostics)")
        XCTAssertEqual(hints.first, "declare a unit with id 'zz' or correct the parent", "no unit is offered as its own parent, nor 'b' for 'zz'")
        XCTAssertEqual(hints.last, "did you mean 'alpha'?")
    }

    func testSmallModelIsValid() throws {
        let loaded = try load(smallModel)
        XCTAssertTrue(loaded.isValid, "\(loaded.diagnostics)")
        let model = try XCTUnwrap(loaded.model)
        XCTAssertEqual(model.units.map(\.id), ["dept", "div-a", "div-b", "sec-a1"])
        XCTAssertEqual(model.children(of: "dept").map(\.id), ["div-a", "div-b"])
        XCTAssertEqual(model.unit("div-a")?.head?.title, "Director")
        XCTAssertEqual(model.cite(model.unit("sec-a1")?.source), "ST/SGB/2024/1 §3.2")
        XCTAssertEqual(model.relationships.map(\.kind), [.accountableTo, .alsoAccountableTo])
    }

    func testReportsMisspeltKeyDuplicateDanglingParentAndCycleWithLines() throws {
        let text = """
        model: broken
        title: Broken
        documents:
          - id: doc
            title: A document
        units:
          - id: top
            name: Top
            kind: department
            source: doc §1
          - id: a
            name: A
            kind: division
            parnet: top
            source: doc §2
          - id: a
            name: A again
            kind: division
            parent: top
            source: doc §3
          - id: b
            name: B
            kind: section
            parent: nowhere
            source: doc §4
          - id: c
            name: C
            kind: section
            parent: d
            source: doc §5
          - id: d
            name: D
            kind: section
            parent: c
            source: doc §6
        """
        let loaded = try load(text)
        XCTAssertFalse(loaded.isValid)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        func find(_ fragment: String) -> Diagnostic? { errors.first { $0.message.contains(fragment) } }
        let typo = try XCTUnwrap(find("unknown key 'parnet'"))
        XCTAssertEqual(typo.location?.line, 14)
        XCTAssertEqual(typo.location?.column, 5)
        XCTAssertTrue(typo.hint?.contains("did you mean 'parent'") ?? false)
        XCTAssertEqual(find("duplicate id 'a'")?.location?.line, 16)
        XCTAssertEqual(find("parent 'nowhere'")?.location?.line, 21)
        let cycle = try XCTUnwrap(find("containment cycle"))
        XCTAssertEqual(cycle.location?.line, 26)
        XCTAssertTrue(cycle.message.contains("c → d → c"))
        XCTAssertEqual(errors.count, 4, "\(errors)")
    }

    func testYAMLSyntaxErrorIsLocated() throws {
        let loaded = try load("model: x\ntitle: X\nunits:\n  - id: a\n    name: [unclosed\n")
        let error = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertTrue(error.message.hasPrefix("YAML syntax error"), error.message)
        XCTAssertGreaterThanOrEqual(error.location?.line ?? 0, 5)
        XCTAssertNil(loaded.model)
    }

    func testUnknownKindsAndDanglingRelationshipEndsAndCitations() throws {
        let text = smallModel
            .replacingOccurrences(of: "kind: section", with: "kind: secton")
            .replacingOccurrences(of: "kind: also-accountable-to", with: "kind: accountable-too")
            .replacingOccurrences(of: "    to: dept\n", with: "    to: dpet\n")
            .replacingOccurrences(of: "source: doc §4.1", with: "source: dox §4.1")
        let messages = try load(text).diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("unknown unit kind 'secton'") && $0.contains("did you mean 'section'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown relationship kind 'accountable-too'") && $0.contains("did you mean 'accountable-to'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("refers to 'dpet'") && $0.contains("did you mean 'dept'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("cites 'dox'") }, "\(messages)")
    }

    func testValidateCommandPrintsEveryProblemAndExitsOne() throws {
        let directory = try temporaryDirectory(self)
        let path = try write(smallModel.replacingOccurrences(of: "parent: div-a", with: "parent: div-z\n    parnet: x"), to: "bad.yaml", in: directory)
        let result = try orgchart(["validate", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.yaml:30:5: error: unknown key 'parnet'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.yaml:26:5: error: unit 'sec-a1' has parent 'div-z'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint:"))
        XCTAssertFalse(result.stderr.contains("Fatal error"))
        let output = directory.appendingPathComponent("bad.svg").path
        let render = try orgchart(["render", path, "-o", output])
        XCTAssertEqual(render.status, 1)
        XCTAssertTrue(render.stderr.contains("not valid"), render.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["bad.yaml"])
    }

    func testBuiltinModelIsValidAndCompleteForTheBulletin() throws {
        let loaded = BuiltinModels.load(nil)
        XCTAssertTrue(loaded.isValid, "\(loaded.diagnostics)")
        let model = try XCTUnwrap(loaded.model)
        XCTAssertEqual(model.id, "dpko-2010")
        XCTAssertEqual(model.documents.first?.symbol, "ST/SGB/2010/1")
        let names = Set(model.units.map(\.name))
        for name in ["Office of Military Affairs", "Police Division", "Standing Police Capacity", "Mine Action Service",
                     "Office of the Chief of Staff", "Policy, Evaluation and Training Division", "Integrated Training Service",
                     "Africa Division I", "Asia and Middle East Division", "Criminal Law and Judicial Advisory Section",
                     "Disarmament, Demobilization and Reintegration Section", "Security Sector Reform Unit"] {
            XCTAssertTrue(names.contains(name), "missing \(name)")
        }
        XCTAssertTrue(model.units.allSatisfy { $0.source != nil }, "every unit is cited")
        XCTAssertTrue(model.relationships.allSatisfy { $0.source != nil }, "every line is cited")
        func lines(_ kind: RelationKind, from: String) -> [String] {
            model.relationships.filter { $0.kind == kind && $0.from == from }.map(\.to)
        }
        // Equal dual accountability of the Chief of Staff and the Director of DPET (4.3, 5.1): no precedence given.
        XCTAssertEqual(lines(.accountableTo, from: "dpko-ocos"), ["dpko", "dfs"])
        XCTAssertEqual(lines(.accountableTo, from: "dpko-dpet"), ["dpko", "dfs"])
        XCTAssertEqual(lines(.alsoAccountableTo, from: "dpko-ocos") + lines(.alsoAccountableTo, from: "dpko-dpet"), [])
        XCTAssertEqual(lines(.directAccess, from: "dpko-pd"), ["dpko"])
        XCTAssertEqual(lines(.reportsTo, from: "dfs"), ["dpko"])
        XCTAssertEqual(model.relationships.first { $0.kind == .reportsTo }?.source?.section, "2.4(b)")
        let shared = model.relationships.filter { $0.kind == .providesServicesTo }
        XCTAssertEqual(Set(shared.map(\.to)), ["dpko", "dfs", "dpko-led-operations", "member-states"])
        XCTAssertEqual(Set(shared.map(\.from)).count, 5, "the four shared resources of 4.10 and the Division of 5.8")
        // 5.8: the Division serves also "operations led by the Department of Peacekeeping Operations, and Member States".
        XCTAssertEqual(Set(shared.filter { $0.from == "dpko-dpet" }.map(\.to)), ["dpko", "dfs", "dpko-led-operations", "member-states"])
        // 2.4(b): the reporting line is limited to operations under DPKO's direction, and says so.
        XCTAssertEqual(model.relationships.first { $0.kind == .reportsTo }?.scope, "on operations under DPKO's direction")
        // Advice of 4.4 and 8.6, and the support of 6.9 to the integrated operational teams.
        XCTAssertEqual(lines(.advises, from: "dpko-pas"), ["dpko", "dfs"])
        XCTAssertEqual(lines(.advises, from: "dpko-pd"), ["dpko", "dfs"])
        XCTAssertEqual(model.relationships.filter { $0.kind == .supports && $0.source?.section == "6.9" }.count, 8)
    }
}

final class ModelWriterTests: XCTestCase {
    func testWrittenModelsReadBackToTheSameModel() throws {
        let directory = try temporaryDirectory(self)
        var original = try BuiltinModels.load(nil).valid()
        original.units[1].name = "Tricky \"name\" \\ with: colon, # hash & <b>tags</b>\nand a line break"
        original.units[1].lineage = [Lineage(kind: .succeeds, unit: "old-unit", source: Citation(document: "sgb-2010-1", section: "4.1", inferred: true, note: "why"))]
        let path = try write(ModelWriter.yaml(original, comment: "test"), to: "written.yaml", in: directory)
        let loaded = ModelLoader.load(file: path)
        XCTAssertTrue(loaded.isValid, "\(loaded.diagnostics.filter { $0.severity == .error })")
        let copy = try XCTUnwrap(loaded.model)
        XCTAssertEqual(copy.units.map(\.name), original.units.map(\.name))
        XCTAssertEqual(copy.units.map(\.parent), original.units.map(\.parent))
        XCTAssertEqual(copy.units.map(\.head?.title), original.units.map(\.head?.title))
        XCTAssertEqual(copy.units.map(\.functions), original.units.map(\.functions))
        XCTAssertEqual(copy.units[1].lineage, original.units[1].lineage)
        XCTAssertEqual(copy.relationships.map(\.kind), original.relationships.map(\.kind))
        XCTAssertEqual(copy.relationships.map(\.source), original.relationships.map(\.source))
        XCTAssertEqual(ModelWriter.yaml(copy, comment: "test"), ModelWriter.yaml(original, comment: "test"), "deterministic")
    }
}
