import Foundation
import OrgImport
import OrgModel
import XCTest

final class CSVImportTests: XCTestCase {
    static let organograms = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/uk-organograms").standardized

    func file(_ name: String) throws -> (path: String, bytes: [UInt8]) {
        let url = Self.organograms.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("\(url.path) is not available") }
        return (name, [UInt8](data))
    }

    func load(_ result: CSVImport.Result) throws -> Model {
        try ModelLoader.load(file: "import.yaml") { _ in result.yaml }.valid()
    }

    func testReaderHandlesQuotesEmbeddedLineBreaksBOMAndCRLF() throws {
        let text = "\u{FEFF}id,title\r\n1,\"Director, Finance\"\r\n2,\"Head of \"\"Policy\"\"\nand Planning\"\r\n\r\n3,plain\n4,last"
        let records = try CSVReader.records(Array(text.utf8), file: "t.csv")
        XCTAssertEqual(records.map(\.fields), [["id", "title"], ["1", "Director, Finance"], ["2", "Head of \"Policy\"\nand Planning"], ["3", "plain"], ["4", "last"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 6, 7])
    }

    func testAnUnclosedQuoteIsAnErrorNamingItsLine() {
        XCTAssertThrowsError(try CSVReader.records(Array("id,title\n1,ok\n2,\"never closed\n3,x\n".utf8), file: "t.csv")) { error in
            XCTAssertEqual((error as? CSVError)?.line, 3)
            XCTAssertTrue("\(error)".hasPrefix("t.csv:3: error:"))
        }
    }

    func testTheMODOrganogramImportsAs5470PostsUnderOneTop() throws {
        let result = try CSVImport(title: "Ministry of Defence").run([file("mod.csv")])
        XCTAssertEqual(result.rows, 5470)
        XCTAssertEqual(result.placed, 5470)
        XCTAssertEqual(result.report.items, [])
        let model = try load(result)
        XCTAssertEqual(model.units.count, 5470)
        XCTAssertEqual(model.root, "root")
        XCTAssertEqual(model.unit("root")?.name, "Ministry of Defence")
        XCTAssertTrue(model.units.allSatisfy { $0.kind == .post })
        XCTAssertEqual(model.unit("1105340")?.name, "First Sea Lord / Chief of Naval Staff")
        XCTAssertEqual(model.unit("1105340")?.head?.grade, "OF-9")
        XCTAssertEqual(model.children(of: "root").count, 8)
    }

    func testEveryUKOrganogramImportsWhole() throws {
        for (name, posts) in [("dcms.csv", 134), ("dfid.csv", 321), ("hmt.csv", 401), ("decc.csv", 454), ("defra.csv", 822)] {
            let result = try CSVImport().run([file(name)])
            XCTAssertEqual(result.placed, posts, name)
            XCTAssertEqual(try load(result).units.count, posts, name)
        }
        let dfid = try load(CSVImport().run([file("dfid.csv")]))
        XCTAssertFalse(dfid.units.contains { $0.name.contains("\n") || $0.name.hasSuffix(" ") }, "titles with line breaks are folded")
    }

    func testRowsThatCannotBePlacedAreReportedAndTheRestImported() throws {
        let text = """
        Post ID,Job Title,Boss,Team,Grade
        ps,Permanent Secretary,,Office,SCS4
        dg,Director General,ps,Policy,SCS3
        d1,Director One,dg,Policy,SCS2
        c1,Cycle One,c2,Loop,G7
        c2,Cycle Two,c1,Loop,G7
        below,Under the Cycle,c1,Loop,G7
        orphan,Orphan,nobody,Lost,G6
        second,Second Top,XX,Other,SCS1
        dg,Repeated Id,ps,Policy,SCS3
        ,No Id,ps,Policy,G7
        d2,"Director, Two",N/D,Policy,SCS2
        """
        let result = try CSVImport(columns: [.reportsTo: "Boss"]).run([("test.csv", Array(text.utf8))])
        XCTAssertEqual(result.rows, 11)
        XCTAssertEqual(result.placed, 3)
        let places = result.report.items.map(\.place)
        XCTAssertEqual(places, ["test.csv:5", "test.csv:6", "test.csv:7", "test.csv:8", "test.csv:9", "test.csv:10", "test.csv:11", "test.csv:12"])
        let messages = result.report.items.map(\.message)
        XCTAssertTrue(messages[0].contains("reporting cycle: c1 → c2 → c1"))
        XCTAssertTrue(messages[2].contains("'c1', which could not be placed"))
        XCTAssertTrue(messages[3].contains("'nobody', which is not a post of the file"))
        XCTAssertTrue(messages[4].contains("second top post"))
        XCTAssertTrue(messages[5].contains("already the id of test.csv:3"))
        XCTAssertTrue(messages[6].contains("no id"))
        XCTAssertTrue(messages[7].contains("second top post"))
        let model = try load(result)
        XCTAssertEqual(model.units.map(\.id), ["ps", "dg", "d1"])
        XCTAssertEqual(model.unit("dg")?.head?.title, "Policy")
        XCTAssertEqual(model.unit("dg")?.head?.grade, "SCS3")
    }

    func testColumnsCanBeNamedByHeaderOrNumberAndDottedLinesBecomeRelationships() throws {
        let text = "ref;x,who,manager,matrix\nA,Chief,,\nB,Deputy,A,\nC,Analyst,B,A\nD,Clerk,B,Z\n"
        let result = try CSVImport(columns: [.id: "1", .name: "who", .reportsTo: "Manager", .dottedLine: "4"]).run([("m.csv", Array(text.utf8))])
        let model = try load(result)
        XCTAssertEqual(model.units.count, 4)
        XCTAssertEqual(model.relationships.map { "\($0.kind.rawValue) \($0.from)→\($0.to)" }, ["dual-reporting C→A"])
        XCTAssertEqual(result.report.items.map(\.place), ["m.csv:5"])
        XCTAssertThrowsError(try CSVImport(columns: [.grade: "Band"]).run([("m.csv", Array(text.utf8))]))
    }

    func testTheSameFilesGiveTheSameBytes() throws {
        let first = try CSVImport().run([file("hmt.csv")]).yaml
        XCTAssertEqual(first, try CSVImport().run([file("hmt.csv")]).yaml)
    }
}
