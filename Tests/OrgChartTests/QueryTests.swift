import BuiltinModels
import Foundation
import OrgModel
import XCTest

final class QueryTests: XCTestCase {
    func testChainOfTheStandingPoliceCapacityReachesTheSecretaryGeneralWithSources() throws {
        let result = try orgchart(["query", "chain", "dpko-pd-spc"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.last?.contains("→ Secretary-General  [ST/SGB/2010/1 §3.1]") ?? false, result.stdout)
        XCTAssertTrue(result.stdout.contains("Police Adviser, Police Division  [ST/SGB/2010/1 §"), result.stdout)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.contains("[ST/SGB/2010/1 §") }, "every link has its source")
    }

    func testDualAccountabilityGivesEveryPath() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chains = AccountabilityGraph(model: model).chains(from: "dpko-ocos")
        XCTAssertEqual(chains.count, 2)
        XCTAssertEqual(chains.map { $0.map(\.to) }, [["dpko", "sg"], ["dfs", "dpko", "sg"]])
        let json = try orgchart(["query", "chain", "dpko-ocos", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["chains"] as? [Any])?.count, 2)
    }

    func testServesAndSpanOfControl() throws {
        let serves = try orgchart(["query", "serves", "dfs"])
        XCTAssertEqual(serves.stdout.components(separatedBy: "provides-services-to").count - 1, 5, serves.stdout)
        let model = try BuiltinModels.load(nil).valid()
        let spans = SpanOfControl.all(in: AccountabilityGraph(model: model))
        XCTAssertEqual(spans.first?.post, "dpko")
        XCTAssertEqual(spans.first { $0.post == "dfs" }?.other, 2, "the Chief of Staff and the Director of DPET are also accountable to DFS")
    }

    func testGapsAndCyclesAreWarnings() throws {
        let directory = try temporaryDirectory(self)
        let text = smallModel + """

          - kind: accountable-to
            from: dept
            to: div-a
            source: doc §9
        """
        let path = try write(text, to: "cycle.yaml", in: directory)
        let loaded = ModelLoader.load(file: path)
        XCTAssertTrue(loaded.isValid, "cycles and gaps are warnings, not errors")
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.map(\.message)
        XCTAssertTrue(warnings.contains { $0.contains("accountability cycle") }, "\(warnings)")
        XCTAssertTrue(warnings.contains("unit 'div-b' has no head"), "\(warnings)")
        // Drawing a chart does not read the warnings, so it does not look for them.
        let unlinted = ModelLoader.load(file: path, lint: false)
        XCTAssertTrue(unlinted.isValid)
        XCTAssertEqual(unlinted.diagnostics.filter { $0.severity == .warning }.count, 0, "\(unlinted.diagnostics)")
        let gaps = try orgchart(["query", "gaps", "-m", path])
        XCTAssertTrue(gaps.stdout.contains("accountability cycle"), gaps.stdout)
        let unknown = try orgchart(["query", "chain", "nobody", "-m", path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no unit or post 'nobody'"))
    }
}
