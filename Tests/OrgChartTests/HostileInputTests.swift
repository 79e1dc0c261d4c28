import ChartGraph
import Foundation
import OrgDiff
@testable import OrgImport
import OrgModel
import XCTest

/// Inputs built to be slow or confusing: each was quadratic, or silently wrong, before its fix.
/// Sizes are chosen so that a quadratic step takes minutes while the linear one takes a moment;
/// the speed itself is measured by bench/run.sh, not asserted here.
final class HostileInputTests: XCTestCase {
    // MARK: Bulletins

    func testHyphenBrokenLinesAreJoinedWord() {
        let lines = Array(repeating: "Sec-", count: 60_000) + ["tion"]
        let joined = BulletinReader.joined(lines)
        XCTAssertEqual(joined.count, 4 * 60_000 + 4)
        XCTAssertTrue(joined.hasPrefix("Sec-Sec-"))
        XCTAssertEqual(BulletinReader.joined(["Under-", "Secretary-General", "for Peace-", "and Security"]),
                       "Under-Secretary-General for Peace- and Security", "a hyphen before `and` stays a hyphen")
    }

    func testABulletinBrokenByHyphensAtEveryLineImports() throws {
        let reference = try BulletinImporter.importBulletin(syntheticBulletin)
        let hostile = syntheticBulletin + "\n9.1 The Unit of " + String(repeating: "Pol-\nicy ", count: 40_000) + "is headed by a Chief.\n"
        let imported = try BulletinImporter.importBulletin(hostile)
        XCTAssertEqual(imported.model.units.map(\.id), reference.model.units.map(\.id))
    }

    func testThousandsOfLetteredItemsEachOnTheirOwnLine() {
        let items = (0..<30_000).map { "(\(["a", "b", "c"][$0 % 3]))\nThe Office of Thing \($0);" }.joined(separator: "\n")
        var reader = BulletinReader("1.1 The Department comprises:\n" + items + "\n")
        let paragraphs = reader.read().paragraphs
        XCTAssertEqual(paragraphs.count, 1)
        XCTAssertEqual(paragraphs.first?.items.count, 30_000)
        XCTAssertEqual(paragraphs.first?.items.last?.text, "The Office of Thing 29999;")
    }

    func testABulletinNamingThousandsOfUnitsIsReadUpToTheLimit() throws {
        let items = (0..<3_000).map { "(\(["a", "b", "c"][$0 % 3]))\nThe Section of Item \($0);" }.joined(separator: "\n")
        let imported = try BulletinImporter.importBulletin(syntheticBulletin + "\n9.1 The Department comprises the following:\n" + items + "\n")
        XCTAssertLessThanOrEqual(imported.model.units.count + imported.model.posts.count, BulletinDraft.maximumNames)
        XCTAssertTrue(imported.report.items.contains { $0.message.contains("names 1000 units and officials or more") }, "\(imported.report.items.map(\.message))")
        XCTAssertEqual(Set(imported.model.units.map(\.id)).count, imported.model.units.count)
    }

    /// Every paragraph lists hundreds of things that are not units: each goes to the report, which is
    /// written without being searched (30,000 items; searching it took minutes).
    func testABulletinListingThousandsOfThingsThatAreNotUnitsImports() throws {
        let things = (0..<200).map { "the thing \($0)" }.joined(separator: ", ")
        let paragraphs = (1...150).map { "9.\($0) The Department comprises the Alpha Unit, \(things)." }.joined(separator: "\n")
        let imported = try BulletinImporter.importBulletin(syntheticBulletin + "\n" + paragraphs + "\n")
        XCTAssertEqual(imported.model.units.filter { $0.name == "Alpha Unit" }.count, 1)
        XCTAssertGreaterThanOrEqual(imported.report.items.filter { $0.message.contains("'thing 199' is listed") }.count, 150)
    }

    // MARK: Diff

    /// A chain-free tree of `count` units: each unit in the one `fanout` places before it.
    func tree(_ count: Int, fanout: Int = 5, idPrefix: String = "u") -> Model {
        let units = (0..<count).map { i in
            Unit(id: "\(idPrefix)\(i)", name: "Office of Policy \(i)", kind: i == 0 ? .department : .office,
                 parent: i == 0 ? nil : "\(idPrefix)\((i - 1) / fanout)", head: Post(id: "", title: "Director"))
        }
        return Model(id: "tree", title: "Tree", root: "\(idPrefix)0", units: units)
    }

    func testADiffOfTwentyThousandUnitsFindsThemUnchanged() throws {
        let model = tree(20_000)
        let review = try Restructuring(old: Snapshot(model), new: Snapshot(model)).review()
        XCTAssertEqual(review.changes.count, 20_000)
        XCTAssertTrue(review.actualChanges.isEmpty)
    }

    func testUnitsWhoseIdsAllChangedAreMatchedByNameThoughTheirWordsAreCommon() throws {
        let review = try Restructuring(old: Snapshot(tree(3_000)), new: Snapshot(tree(3_000, idPrefix: "v"))).review()
        XCTAssertEqual(review.matches.count, 3_000, "'policy' is shared by every unit; the number tells them apart")
        XCTAssertTrue(review.matches.allSatisfy { $0.old.dropFirst() == $0.new.dropFirst() })
    }

    // MARK: Query chain

    /// A chain `depth` units deep; every unit at a multiple of `dualEvery` is accountable to its
    /// parent and also to its grandparent.
    func chain(_ depth: Int, dualEvery: Int) -> Model {
        let units = (0..<depth).map { i in
            Unit(id: "u\(i)", name: "Unit \(i)", kind: .unit, parent: i == 0 ? nil : "u\(i - 1)", head: Post(id: "", title: "Chief \(i)"))
        }
        let duals = stride(from: dualEvery, to: depth, by: dualEvery).flatMap { i in
            [Relationship(kind: .accountableTo, from: "u\(i)", to: "u\(i - 1)"), Relationship(kind: .alsoAccountableTo, from: "u\(i)", to: "u\(i - 2)")]
        }
        return Model(id: "chain", title: "Chain", root: "u0", units: units, relationships: duals)
    }

    func testADeepChainIsFollowedToTheTop() {
        let chains = AccountabilityGraph(model: chain(20_000, dualEvery: 20_000)).chains(from: "u19999")
        XCTAssertEqual(chains.count, 1)
        XCTAssertEqual(chains.first?.count, 19_999)
        XCTAssertEqual(chains.first?.last?.to, "u0")
    }

    func testEveryDualPathIsKeptUpToTheLimit() {
        let graph = AccountabilityGraph(model: chain(5_000, dualEvery: 1_000))
        let chains = graph.chains(from: "u4999")
        XCTAssertEqual(chains.count, 16, "four dual lines: 2⁴ paths")
        XCTAssertEqual(Set(chains.map { $0.map(\.to) }).count, 16)
        XCTAssertEqual(chains.first?.count, 4_999, "the main line first")
        XCTAssertEqual(graph.chains(from: "u4999", limit: 5).count, 5)
    }

    func testAHeadlessSpineIsWalkedOnce() {
        // Headed leaves under a long spine of units without heads: each leaf answers to the top.
        var units = [Unit(id: "top", name: "Top", kind: .department, head: Post(id: "", title: "Head"))]
        for i in 0..<5_000 {
            units.append(Unit(id: "s\(i)", name: "Spine \(i)", kind: .unit, parent: i == 0 ? "top" : "s\(i - 1)"))
            units.append(Unit(id: "l\(i)", name: "Leaf \(i)", kind: .team, parent: "s\(i)", head: Post(id: "", title: "Leader \(i)")))
        }
        let graph = AccountabilityGraph(model: Model(id: "comb", title: "Comb", root: "top", units: units))
        XCTAssertEqual(graph.down["top"]?.count, 5_000)
    }

    func testTheQueryNotesWhenPathsAreCapped() throws {
        let directory = try temporaryDirectory(self)
        var yaml = "model: chain\ntitle: Chain\nroot: u0\nunits:\n"
        for i in 0..<40 { yaml += "  - id: u\(i)\n    name: Unit \(i)\n    kind: unit\n" + (i == 0 ? "" : "    parent: u\(i - 1)\n") + "    head: {title: Chief \(i)}\n" }
        yaml += "relationships:\n"
        for i in stride(from: 4, to: 40, by: 4) {
            yaml += "  - {kind: accountable-to, from: u\(i), to: u\(i - 1)}\n  - {kind: also-accountable-to, from: u\(i), to: u\(i - 2)}\n"
        }
        let path = try write(yaml, to: "chain.yaml", in: directory)
        let text = try orgchart(["query", "chain", "u39", "-m", path])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("path 64:") && !text.stdout.contains("path 65:"), text.stdout)
        XCTAssertTrue(text.stdout.hasSuffix("note: only the first 64 paths are shown: dual lines of accountability divide the chain into more\n"))
        let json = try orgchart(["query", "chain", "u39", "-m", path, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["chains"] as? [Any])?.count, 64)
        XCTAssertNotNil(object?["note"])
    }

    // MARK: CSV

    func testALatin1SpreadsheetIsReadAsWindows1252WithANotice() throws {
        let bytes = Array("id,name,reports to\nceo,Chief,\nd1,".utf8) + [0x4A, 0xF6, 0x72, 0x67, 0x80] + Array(",ceo\n".utf8)
        let result = try CSVImport().run([("latin.csv", bytes)])
        XCTAssertTrue(result.yaml.contains("Jörg€"), result.yaml)
        XCTAssertFalse(result.yaml.contains("\u{FFFD}"))
        XCTAssertEqual(result.report.items.map(\.place), ["latin.csv:3"])
        XCTAssertTrue(result.report.items[0].message.contains("byte 0xF6 at column 5 is not UTF-8"), result.report.items[0].message)
        XCTAssertEqual(CSVReader.utf8(Array("ok,ö\n".utf8)).notUTF8, nil)
    }

    func testASpreadsheetWithNoPlaceableRowFailsAndWritesNothing() throws {
        let directory = try temporaryDirectory(self)
        let csv = try write("id,name,reports to\na,A,b\nb,B,a\n", to: "loop.csv", in: directory)
        let output = directory.appendingPathComponent("out.yaml").path
        let result = try orgchart(["import", "csv", csv, "-o", output])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("none of the 2 rows could be placed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("reporting cycle"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertThrowsError(try CSVImport().run([("header.csv", Array("id,name,reports to\n".utf8))]))
    }

    // MARK: Validation, pages, engines

    func testADuplicateIdWhoseTwinIsItsParentIsNoCycle() throws {
        let path = try write("model: x\ntitle: X\nunits:\n  - id: a\n    name: A\n    kind: office\n  - id: a\n    name: A again\n    kind: unit\n    parent: a\n",
                             to: "twin.yaml", in: temporaryDirectory(self))
        let messages = ModelLoader.load(file: path).diagnostics.filter { $0.severity == .error }.map(\.message)
        XCTAssertEqual(messages, ["duplicate id 'a' (unit)"])
    }

    func testAModelWhoseAliasesExpandBeyondMemoryIsRefused() throws {
        // Ten levels of nine aliases each: 9¹⁰ nodes once expanded, from eleven lines.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            let name = String(UnicodeScalar(UInt8(97 + level))), previous = String(UnicodeScalar(UInt8(96 + level)))
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let path = try write(yaml + "model: *j\n", to: "bomb.yaml", in: temporaryDirectory(self))
        let messages = ModelLoader.load(file: path).diagnostics.map(\.message)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("with its aliases written out, this file would pass"), messages[0])
        let small = try write("model: x\ntitle: &t Title\ndocuments:\n  - id: d\n    title: *t\n", to: "alias.yaml", in: temporaryDirectory(self))
        XCTAssertEqual(ModelLoader.load(file: small).model?.documents.first?.title, "Title")
    }

    func testAPageWithAnUnknownPartIsRefusedNamingIt() throws {
        XCTAssertNil(PageSize(parsing: "A4,portrait,x"))
        XCTAssertThrowsError(try PageSize.parse("A4,portrait,x")) { XCTAssertEqual(($0 as? PageSizeError)?.part, "x") }
        XCTAssertEqual(try PageSize.parse("A3, landscape"), PageSize.a3.landscape)
        let result = try orgchart(["render", "--page", "A4,portrait,x", "-o", temporaryDirectory(self).appendingPathComponent("x.svg").path])
        XCTAssertEqual(result.status, 64, "a wrong command line is a usage error")
        XCTAssertTrue(result.stderr.contains("'x' is neither a paper size"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: write A4, A3 or letter"), result.stderr)
    }

    func testTheTwopiEngineRenders() throws {
        let output = try temporaryDirectory(self).appendingPathComponent("twopi.svg").path
        let result = try orgchart(["render", "--layout", "dot", "--engine", "twopi", "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8).contains("orgchart:legend"))
    }
}
