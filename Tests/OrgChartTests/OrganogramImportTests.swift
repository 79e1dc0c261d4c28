import ChartGraph
import Foundation
import OrgImport
import OrgModel
import OrgViews
import XCTest

/// Raw Cabinet Office organograms, spreadsheets giving managers by name, and people in posts.
final class OrganogramImportTests: XCTestCase {
    static let raw = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/uk-organograms-raw").standardized

    func raw(_ name: String) throws -> (path: String, bytes: [UInt8]) {
        let url = Self.raw.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("\(url.path) is not available") }
        return (name, [UInt8](data))
    }

    func load(_ result: CSVImport.Result) throws -> Model {
        try ModelLoader.load(file: "import.yaml") { _ in result.yaml }.valid()
    }

    /// The data rows of `file` in the snapshot, as header → value.
    func rows(_ file: (path: String, bytes: [UInt8]), snapshot: String) throws -> [[String: String]] {
        let records = try CSVReader.records(CSVReader.utf8(file.bytes).bytes, file: file.path)
        let header = records[0].fields
        return records.dropFirst().map { Dictionary(zip(header, $0.fields), uniquingKeysWith: { first, _ in first }) }
            .filter { $0["Back to Index"] == snapshot }
    }

    func testSeveralSnapshotsInOneFileAreRefusedWithTheColumnThatTellsThemApart() throws {
        XCTAssertThrowsError(try CSVImport().run([raw("fco.csv")])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("fco.csv:1: error: the file holds 9 snapshots, told apart by column 'Back to Index'"), text)
            XCTAssertTrue(text.contains("Sep-13: 333 rows"), text)
            XCTAssertTrue(text.contains("hint: pick one with --where 'Back to Index=Sep-16'"), text)
        }
        XCTAssertThrowsError(try CSVImport().run([raw("dft.csv")])) { XCTAssertTrue("\($0)".contains("9 snapshots"), "\($0)") }
    }

    func testOneSnapshotOfARawOrganogramImportsSeniorsAndJuniorStaffGroupsWithNames() throws {
        let fco = try raw("fco.csv")
        let result = try CSVImport(selection: CSVSelection("Back to Index=Sep-16")).run([fco])
        let snapshot = try rows(fco, snapshot: "Sep-16")
        XCTAssertEqual(result.rows, snapshot.count)
        XCTAssertEqual(result.skipped, 3028 - snapshot.count)
        let seniors = snapshot.filter { $0["Senior/Junior"] == "Senior" }, juniors = snapshot.filter { $0["Senior/Junior"] == "Junior" }
        XCTAssertEqual(result.placed, seniors.count)
        XCTAssertEqual(result.staffGroups, juniors.count)
        XCTAssertGreaterThanOrEqual(Double(result.placed + result.staffGroups), 0.95 * Double(result.rows))

        let model = try load(result)
        XCTAssertEqual(model.units.count, seniors.count)
        // Every senior keeps the name the file gives; juniors become staff groups, not boxes.
        let named = seniors.filter { !["", "N/D", "Vacant"].contains($0["Name"]!) }
        XCTAssertGreaterThan(named.count, 100)
        for row in named { XCTAssertEqual(model.unit(row["Post Unique Reference"]!)?.head?.name, row["Name"], row["Post Unique Reference"]!) }
        XCTAssertEqual(model.root, "10000")
        XCTAssertEqual(model.unit("10000")?.head?.name, "Simon McDonald")
        let top = try XCTUnwrap(model.unit("12600"))
        let topJuniors = juniors.filter { $0["Reports to Senior Post"] == "12600" }
        XCTAssertEqual(top.staff.count, 23)
        XCTAssertEqual(top.staff.count, topJuniors.count)
        XCTAssertEqual(top.staff.map(\.title), topJuniors.map { $0["Job Title"]! })
        XCTAssertEqual(top.staff.map(\.grade), topJuniors.map { $0["Grade (or equivalent)"] })
        XCTAssertEqual(top.staff.compactMap(\.fte).reduce(0, +), topJuniors.compactMap { Double($0["FTE"]!) }.reduce(0, +), accuracy: 0.001)
        XCTAssertEqual(top.staff.first?.source?.document, "sheet")
    }

    func testJuniorRowsBecomeStaffGroupsOfTheirSeniorPost() throws {
        let text = """
        Post Unique Reference,Senior/Junior,Name,Job Title,Grade,Reports to Senior Post,FTE
        AB1,Senior,Jo Bloggs,Permanent Secretary,SCS4,XX,1
        ab2,Senior,N/D,Director,SCS2,ab1,1
        AB3,Senior,Vacant,Deputy Director,SCS1,AB2,1
        ,Junior,,Policy Adviser,HEO,ab2,4.5
        ,Junior,,Analyst,SEO,AB2,"2,5"
        ,Junior,,Clerk,AO,nobody,3
        ,Junior,,Typist,AA,,1
        AB9,Senior,Lee,Adviser,SCS1,AB9,1
        """
        let result = try CSVImport().run([("dept.csv", Array(text.utf8))])
        XCTAssertEqual(result.placed, 3)
        XCTAssertEqual(result.staffGroups, 2)
        XCTAssertEqual(result.unplaced, 3)
        let messages = result.report.items.map { "\($0.place) \($0.message)" }
        XCTAssertEqual(messages, [
            "dept.csv:7 junior staff (Clerk) report to 'nobody', which is not a post of the file; the row was left out",
            "dept.csv:8 row 7 is junior staff naming no senior post; it was left out (give the post it reports to)",
            "dept.csv:9 'AB9' reports to itself; it was taken as a top post",
            "dept.csv:9 'AB9' is a second top post (no reports-to) heading 0 other rows; it was left out: the chart starts at 'AB1' (dept.csv:2) — give it a reports-to",
        ])
        let model = try load(result)
        XCTAssertEqual(model.unit("ab2")?.parent, "AB1", "references match whatever their case")
        XCTAssertNil(model.unit("ab2")?.head?.name, "N/D is not a name")
        XCTAssertEqual(model.unit("AB3")?.head?.vacant, true)
        XCTAssertEqual(model.unit("AB1")?.head?.name, "Jo Bloggs")
        XCTAssertEqual(model.unit("ab2")?.staff.map(\.title), ["Policy Adviser", "Analyst"])
        XCTAssertEqual(model.unit("ab2")?.staff.map(\.grade), ["HEO", "SEO"])
        XCTAssertEqual(model.unit("ab2")?.staff.map(\.fte), [4.5, 2.5], "a decimal comma is read")
        XCTAssertEqual(model.unit("ab2")?.staff.map { $0.source?.section }, ["row 4", "row 5"])
    }

    func testSnapshotsOfBothRawOrganogramsPlaceAtLeast95PercentOfTheirRows() throws {
        for (name, snapshots) in [("fco.csv", ["Mar-11", "Sep-13", "Mar-15", "Sep-16"]), ("dft.csv", ["Mar-11", "Mar-14", "Sep-15", "Sep-16"])] {
            let file = try raw(name)
            for snapshot in snapshots {
                let result = try CSVImport(selection: CSVSelection("back to index = \(snapshot.uppercased())")).run([file])
                XCTAssertGreaterThanOrEqual(Double(result.placed + result.staffGroups), 0.95 * Double(result.rows), "\(name) \(snapshot)")
                XCTAssertEqual(result.unplaced, result.rows - result.placed - result.staffGroups)
                XCTAssertGreaterThan(result.staffGroups, result.placed, "\(name) \(snapshot): juniors outnumber seniors")
                _ = try load(result)
            }
        }
    }

    func testASelectionNamingNoColumnOrNoValueIsAnErrorListingWhatThereIs() throws {
        XCTAssertNil(CSVSelection("Back to Index"))
        XCTAssertNil(CSVSelection("=Sep-16"))
        XCTAssertThrowsError(try CSVImport(selection: CSVSelection("Quarter=Q1")).run([raw("fco.csv")])) {
            XCTAssertTrue("\($0)".contains("no column 'Quarter' for --where"), "\($0)")
        }
        XCTAssertThrowsError(try CSVImport(selection: CSVSelection("Back to Index=Dec-99")).run([raw("fco.csv")])) {
            XCTAssertTrue("\($0)".contains("no row has 'Dec-99' in column 'Back to Index'"), "\($0)")
            XCTAssertTrue("\($0)".contains("values found: Sep-13, Mar-13"), "\($0)")
        }
    }

    static let people = """
    Name,Title,Manager,Department
    Ada Lovelace,Chief Executive,,Board
    Grace Hopper,Director of Engineering,Ada Lovelace,Engineering
    Alan Turing,Head of Research,grace hopper,Research
    Vacant,Head of Platform,Grace Hopper,Engineering
    Katherine Johnson,Analyst,Head of Research,Research
    """

    func testManagersGivenByNameOrTitleImportWholeWithNamesAndVacancies() throws {
        let result = try CSVImport().run([("people.csv", Array(Self.people.utf8))])
        XCTAssertEqual(result.placed, 5)
        XCTAssertEqual(result.report.items, [])
        let model = try load(result)
        func post(_ title: String) -> OrgModel.Unit? { model.units.first { $0.name == title } }
        XCTAssertEqual(post("Chief Executive")?.head?.name, "Ada Lovelace")
        XCTAssertEqual(post("Director of Engineering")?.parent, post("Chief Executive")?.id)
        XCTAssertEqual(post("Head of Research")?.parent, post("Director of Engineering")?.id, "a name matches whatever its case")
        XCTAssertEqual(post("Analyst")?.parent, post("Head of Research")?.id, "a manager may be given by the post's title")
        XCTAssertEqual(post("Head of Platform")?.head?.vacant, true)
        XCTAssertNil(post("Head of Platform")?.head?.name)
        XCTAssertEqual(post("Analyst")?.head?.title, "Research")
    }

    func testAManagerNameTwoPeopleShareIsNotGuessed() throws {
        let text = "Name,Title,Manager\nAda,Chief,\nSam Lee,Director A,Ada\nSam Lee,Director B,Ada\nBo,Analyst,Sam Lee\n"
        let result = try CSVImport().run([("twins.csv", Array(text.utf8))])
        XCTAssertEqual(result.placed, 3)
        XCTAssertEqual(result.report.items.map(\.place), ["twins.csv:5"])
    }

    func testTheModelKeepsNamesVacanciesAndStaffAndTheBoxesShowThem() throws {
        let yaml = """
        model: m
        title: M
        documents: [{id: d, title: D}]
        units:
          - id: top
            name: Office of the Director
            kind: office
            head: {title: Director, grade: D-2, name: "Jane Roe"}
            staff:
              - {title: Policy Adviser, grade: P-4, fte: 2.5, source: "d §3"}
              - {title: Assistant, fte: 1}
          - id: unit
            name: Unit
            kind: unit
            parent: top
            head: {title: Chief, vacant: true}
          - id: known
            name: Known by Name
            kind: unit
            parent: top
            head: {name: "John Doe"}
        posts:
          - {id: adviser, title: Senior Adviser, name: "Ann Smith"}
        """
        let model = try ModelLoader.load(file: "m.yaml") { _ in yaml }.valid()
        XCTAssertEqual(model.unit("top")?.head?.name, "Jane Roe")
        XCTAssertEqual(model.unit("unit")?.head?.vacant, true)
        XCTAssertEqual(model.unit("known")?.head?.title, "")
        XCTAssertEqual(model.unit("top")?.staff, [StaffGroup(title: "Policy Adviser", grade: "P-4", fte: 2.5, source: Citation(document: "d", section: "3"),
                                                             location: model.unit("top")?.staff.first?.location),
                                                  StaffGroup(title: "Assistant", fte: 1, location: model.unit("top")?.staff.last?.location)])
        XCTAssertEqual(model.posts.first?.name, "Ann Smith")
        // Written and read back to the same facts.
        let again = try ModelLoader.load(file: "again.yaml") { _ in ModelWriter.yaml(model) }.valid()
        XCTAssertEqual(again.unit("top")?.staff.map(\.fte), [2.5, 1])
        XCTAssertEqual(again.unit("unit")?.head?.vacant, true)
        XCTAssertEqual(again.unit("known")?.head?.name, "John Doe")
        XCTAssertEqual(again.posts.first?.name, "Ann Smith")

        let chart = try Views.chart(.organigramme, of: model)
        XCTAssertEqual(chart.boxes.first { $0.id == "top" }?.details, ["Director (D-2)", "Jane Roe", "Staff: 3.5 FTE in 2 groups"])
        XCTAssertEqual(chart.boxes.first { $0.id == "unit" }?.details, ["Chief", "Vacant"])
        XCTAssertEqual(chart.boxes.first { $0.id == "known" }?.details, ["John Doe"])
        XCTAssertTrue(chart.boxes.first { $0.id == "top" }?.tooltip?.contains("· Policy Adviser (P-4): 2.5 FTE") ?? false)
    }

    func testAVacantPostWithANameAndAStaffGroupWithoutANumberAreLocatedErrors() throws {
        let yaml = """
        model: m
        title: M
        units:
          - id: a
            name: A
            kind: office
            head: {title: Director, name: "Jane Roe", vacant: true}
            staff:
              - {title: Clerk, fte: many}
              - {title: Clerk, fte: -1}
          - id: b
            name: B
            kind: unit
            head: {title: Chief, vacant: maybe}
          - id: c
            name: C
            kind: unit
            head: {grade: P-5}
        """
        let errors = ModelLoader.load(file: "m.yaml") { _ in yaml }.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.message), ["the head of 'a' is vacant but names 'Jane Roe'",
                                               "'fte' of a staff group of 'a' is 'many', not a number of full-time equivalents",
                                               "'fte' of a staff group of 'a' is '-1', not a number of full-time equivalents",
                                               "'vacant' of the head of 'b' must be true or false",
                                               "the head of 'c' has no 'title'"])
        XCTAssertEqual(errors.map { $0.location?.line }, [7, 9, 10, 14, 18])
    }

    // MARK: The command

    func testUnplacedRowsFailTheImportUnlessAllowedAndTheSummarySaysSo() throws {
        let directory = try temporaryDirectory(self)
        let csv = try write("id,name,reports to\nceo,Chief,\nd1,Director,ceo\nx,Lost,nobody\n", to: "lost.csv", in: directory)
        let output = directory.appendingPathComponent("out.yaml").path
        let refused = try orgchart(["import", "csv", csv, "-o", output])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("lost.csv:4: 'x' reports to 'nobody'"), refused.stderr)
        XCTAssertTrue(refused.stderr.hasSuffix("imported 2 posts from 3 rows; 1 not placed\n\(csv): error: 1 of 3 rows could not be placed; no model was written\n"
            + "    hint: correct the rows listed above, or pass --allow-unplaced to write the model without them\n"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))

        let allowed = try orgchart(["import", "csv", csv, "-o", output, "--allow-unplaced"])
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.hasSuffix("imported 2 posts from 3 rows; 1 not placed\n"), allowed.stderr)
        XCTAssertEqual(try ModelLoader.load(file: output).valid().units.count, 2)
    }

    func testTheCommandPicksASnapshotWithWhere() throws {
        let path = Self.raw.appendingPathComponent("fco.csv").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("\(path) is not available") }
        let directory = try temporaryDirectory(self)
        let output = directory.appendingPathComponent("fco.yaml").path
        let mixed = try orgchart(["import", "csv", path, "-o", output])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.stderr.contains("--where 'Back to Index=Sep-16'"), mixed.stderr)
        XCTAssertEqual(mixed.stderr.split(separator: "\n").count, 2, "one error, one hint")
        let picked = try orgchart(["import", "csv", path, "--where", "Back to Index=Sep-16", "-o", output])
        XCTAssertEqual(picked.status, 0, picked.stderr)
        XCTAssertTrue(picked.stderr.contains("imported 132 posts and 191 staff groups from 323 rows (2705 rows not selected by --where skipped); 0 not placed"), picked.stderr)
        let usage = try orgchart(["import", "csv", path, "--where", "Sep-16"])
        XCTAssertEqual(usage.status, 64)
        XCTAssertTrue(usage.stderr.contains("--where takes COLUMN=VALUE"), usage.stderr)
    }

    func testAFileOfTheWrongKindGetsAShortErrorThatNeverEchoesIt() throws {
        let directory = try temporaryDirectory(self)
        let secret = "a-long-value-that-must-not-be-echoed"
        let json = try write("[{\"id\": \"\(secret)\", \"name\": \"x\"}]\n", to: "data.csv", in: directory)
        let asCSV = try orgchart(["import", "csv", json])
        XCTAssertEqual(asCSV.status, 1)
        XCTAssertEqual(asCSV.stderr, "\(json):1: error: this file is JSON, not CSV\n    hint: import it with `orgchart import json \(json)`\n")
        let csv = try write("id,name\n\(secret),x\n", to: "data.json", in: directory)
        let asJSON = try orgchart(["import", "json", csv])
        XCTAssertEqual(asJSON.status, 1)
        XCTAssertFalse(asJSON.stderr.contains(secret), asJSON.stderr)
        XCTAssertTrue(asJSON.stderr.contains("orgchart import csv"), asJSON.stderr)
        let zip = try write("PK\u{03}\u{04}[Content_Types].xml xl/workbook.xml", to: "book.csv", in: directory)
        XCTAssertTrue(try orgchart(["import", "csv", zip]).stderr.contains("this file is an Excel workbook (.xlsx), not CSV"))
        // A header that is one long line is listed shortened.
        let wide = String(repeating: "column name that goes on,", count: 40)
        XCTAssertThrowsError(try CSVImport(columns: [.id: "Nope"]).run([("wide.csv", Array("\(wide)\n1\n".utf8))])) { error in
            XCTAssertLessThan("\(error)".count, 1000, "\(error)")
            XCTAssertTrue("\(error)".contains("and 26 more"), "\(error)")
        }
    }
}
