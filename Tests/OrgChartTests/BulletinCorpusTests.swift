import Foundation
import OrgImport
import OrgModel
import XCTest

/// Bulletins written in the style of the series for other departments and offices, each with the
/// model a person reads in it: the importer must place at least 90% of the units under the right
/// parent, give 90% of the heads stated their title, find at least 85% of the accountability lines with
/// the right kind, and invent no unit.
final class BulletinCorpusTests: XCTestCase {
    static let corpus = ["legal-affairs", "safety-security", "conference-management", "office-at-nairobi", "political-affairs", "human-resources", "field-support", "management", "internal-oversight"]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bulletins")
    }

    func comparison(_ name: String) throws -> BulletinComparison {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let expectedText = try String(contentsOf: Self.directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
        let expected = try BulletinExpectation.model(expectedText, file: "\(name).expected")
        let imported = try BulletinImporter.importBulletin(text, file: "\(name).txt")
        let loaded = ModelLoader.load(file: "\(name).yaml") { _ in imported.yaml }
        XCTAssertTrue(loaded.isValid, "\(name): \(loaded.diagnostics.prefix(3))")
        return BulletinComparison(imported: try loaded.valid(), reference: expected)
    }

    func testEveryCorpusBulletinMeetsTheThresholds() throws {
        var parents = 0, units = 0, lines = 0, accountability = 0
        for name in Self.corpus {
            let result = try comparison(name)
            print("\(name):\n\(result.summary)")
            XCTAssertGreaterThanOrEqual(result.unitRecall, 0.90, "\(name)\n\(result.summary)")
            XCTAssertGreaterThanOrEqual(result.accountabilityRecall, 0.85, "\(name)\n\(result.summary)")
            XCTAssertGreaterThanOrEqual(result.headRecall, 0.90, "\(name)\n\(result.summary)")
            XCTAssertEqual(result.inventedUnits, [], "\(name)\n\(result.summary)")
            parents += result.matchedUnits.count
            units += result.referenceUnits
            lines += result.matchedAccountability.count
            accountability += result.referenceAccountability
        }
        print("corpus: \(parents)/\(units) units with the right parent, \(lines)/\(accountability) accountability lines")
    }

    func imported(_ name: String) throws -> (BulletinImport, Model) {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let result = try BulletinImporter.importBulletin(text, file: "\(name).txt")
        return (result, try ModelLoader.load(file: "\(name).yaml") { _ in result.yaml }.valid())
    }

    /// A heading naming a unit otherwise than its body is one unit with an alias; "The Service consists of …"
    /// is about the section's unit; a unit introduced by "is also responsible for management of the …" is a
    /// unit of the section; a list of places opened by "staff at Headquarters" is no list of units.
    func testOneUnitPerHeadingAndBodyAndNoUnitsFromPlaces() throws {
        let (legal, model) = try imported("legal-affairs")
        let codification = try XCTUnwrap(model.units.first { $0.name == "Codification Division" })
        XCTAssertEqual(codification.aliases, ["Division of Codification"])
        XCTAssertFalse(model.units.contains { $0.name == "Division of Codification" || $0.name == "Service" })
        XCTAssertFalse(model.units.contains { $0.name.hasPrefix("United Nations Office") }, "\(model.units.map(\.name))")
        XCTAssertEqual(model.units.first { $0.name == "Audiovisual Library Unit" }?.parent, codification.id)
        XCTAssertTrue(legal.report.items.contains { $0.place == "5.4" && $0.message.contains("is not a unit") }, "\(legal.report.items)")
        XCTAssertTrue(legal.report.items.contains { $0.place == "1.2" }, "the definitions of the general section are reported")
        XCTAssertEqual(model.date, "2036-03-02", "in force on the date of its issuance: the date under the symbol")
        XCTAssertEqual(model.documents.first?.abolishes, ["ST/SGB/2008/13"])

        let (_, safety) = try imported("safety-security")
        let service = try XCTUnwrap(safety.units.first { $0.name == "Headquarters Security and Safety Service" })
        XCTAssertEqual(service.aliases, ["Division of Headquarters Security and Safety Services"])
        XCTAssertEqual(safety.units.filter { $0.name.contains("Headquarters Security") }.count, 1)
        XCTAssertEqual(safety.units.first { $0.aliases.contains("Office of the Under-Secretary-General") }?.name,
                       "Office of the Under-Secretary-General for Safety and Security")
    }

    /// An Assistant Secretary-General who supports the head of department heads no unit: a post accountable to
    /// that head; "accountable to A as well as to B or his/her designee" gives a dual line to B.
    func testOfficialsWhoHeadNoUnitAndDualLines() throws {
        let (_, model) = try imported("safety-security")
        let root = try XCTUnwrap(model.root)
        let assistant = try XCTUnwrap(model.posts.first { $0.title == "Assistant Secretary-General for Safety and Security" })
        XCTAssertEqual(assistant.grade, "ASG")
        XCTAssertFalse(model.units.contains { $0.head?.title.hasPrefix("Assistant Secretary-General") == true })
        func lines(from id: String) -> [String] {
            model.relationships.filter { $0.from == id }.map { "\($0.kind.rawValue) \($0.to)" }.sorted()
        }
        XCTAssertEqual(lines(from: assistant.id), ["accountable-to \(root)", "deputizes \(root)"])
        let field = try XCTUnwrap(model.units.first { $0.name == "Field Support Service" })
        let operational = try XCTUnwrap(model.units.first { $0.name == "Department of Operational Support" })
        XCTAssertNil(operational.parent)
        XCTAssertTrue(lines(from: field.id).contains("also-accountable-to \(operational.id)"), "\(lines(from: field.id))")
        XCTAssertTrue(lines(from: field.id).contains("technical-reporting \(operational.id)"), "\(lines(from: field.id))")

        let (_, legal) = try imported("legal-affairs")
        let liaison = try XCTUnwrap(legal.units.first { $0.name == "Geneva Legal Liaison Unit" })
        let external = try XCTUnwrap(legal.posts.first { $0.title == "Director-General of the United Nations Office at Geneva" })
        XCTAssertTrue(legal.relationships.contains { $0.kind == .alsoAccountableTo && $0.from == liaison.id && $0.to == external.id })
        let counsel = try XCTUnwrap(legal.units.first { $0.name == "Office of the Legal Counsel" })
        XCTAssertTrue(legal.relationships.contains { $0.kind == .accountableTo && $0.from == counsel.id && $0.to == legal.root },
                      "\"the Legal Counsel\" is the head of the Office, named so in an apposition")
        XCTAssertFalse(legal.posts.contains { $0.title == "Legal Counsel" || $0.title == "Assistant Secretary-General" })
    }

    /// A second title in apposition ("the Assistant Secretary-General, Controller") names the same head.
    func testATitleInAppositionNamesTheHead() throws {
        let text = """
        Secretary-General's bulletin
        Organization of the Office of Programme Planning, Finance and Budget
        Section 1
        Organization
        1.1 The Office of Programme Planning, Finance and Budget is headed by the Assistant Secretary-General, Controller, who is accountable to the Secretary-General.
        1.2 The Office comprises the Accounts Division and the Treasury.
        1.3 The Accounts Division is headed by a Director, who is accountable to the Controller.
        """
        let model = try ModelLoader.load(file: "opfb.yaml") { _ in try BulletinImporter.importBulletin(text).yaml }.valid()
        let accounts = try XCTUnwrap(model.units.first { $0.name == "Accounts Division" })
        XCTAssertEqual(model.relationships.filter { $0.from == accounts.id && $0.kind == .accountableTo }.map(\.to), [model.root])
        XCTAssertFalse(model.posts.contains { $0.title == "Controller" })
        XCTAssertFalse(model.units.contains { $0.name == "Treasury" }, "a name without a unit noun is reported, not imported")
    }

    /// In the general section the organization's own head and composition are read; its definitions, and
    /// anywhere a fund or body a unit manages, give no unit.
    func testTheGeneralSectionGivesTheHeadButNoUnits() throws {
        let text = """
        Secretary-General's bulletin
        Organization of the Office of Example Services
        Section 1
        General provisions
        1.1 The Office of Example Services is headed by a Director, who is accountable to the Secretary-General.
        1.2 For the purposes of the present bulletin, "field offices" means the Geneva Liaison Office and the Vienna Liaison Office.
        1.3 The Geneva Liaison Office is headed by a Liaison Officer.
        Section 2
        Organization
        2.1 The Office comprises the Planning Section and the Support Section.
        2.2 The Planning Section is headed by a Chief, who is accountable to the Director. The Section is also responsible for management of the Example Trust Fund.
        """
        let imported = try BulletinImporter.importBulletin(text)
        let model = try ModelLoader.load(file: "oes.yaml") { _ in imported.yaml }.valid()
        XCTAssertEqual(model.unit(model.root ?? "")?.head?.title, "Director")
        XCTAssertEqual(model.units.map(\.name), ["Office of Example Services", "Planning Section", "Support Section"])
        XCTAssertTrue(imported.report.items.contains { $0.place == "1.2" && $0.message.contains("definition") }, "\(imported.report.items)")
        XCTAssertTrue(imported.report.items.contains { $0.place == "1.3" && $0.message.contains("general section") }, "\(imported.report.items)")
        XCTAssertTrue(imported.report.items.contains { $0.place == "2.2" && $0.message.contains("Example Trust Fund") }, "\(imported.report.items)")
    }

    /// A hand-written expected model that names what it did not declare, or is in no known form, is refused
    /// with its line and a hint.
    func testExpectedModelsAreCheckedLineByLine() {
        let cases = ["unit A\nunit B < C": "x.expected:2:1: error: 'C' names 0 units declared before this line",
                     "unit A\nsomething else": "x.expected:2:1: error: this line is not",
                     "unit A\naccountable-to: A -> post SG": "x.expected:2:1: error: no post 'SG'",
                     "unit A\nunit B\nfollows: B -> A": "x.expected:3:1: error: 'follows' is not a kind"]
        for (text, message) in cases {
            XCTAssertThrowsError(try BulletinExpectation.model(text, file: "x.expected")) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
                XCTAssertTrue("\(error)".contains("hint:"), "\(error)")
            }
        }
    }

    /// `--compare` takes an expected model and prints the differences.
    func testCommandComparesWithAnExpectedModel() throws {
        let text = Self.directory.appendingPathComponent("legal-affairs.txt").path
        let expected = Self.directory.appendingPathComponent("legal-affairs.expected").path
        let result = try orgchart(["import", "bulletin", text, "-o", "-", "--compare", expected])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("units with the right parent: 19/19"), result.stderr)
        XCTAssertTrue(result.stderr.contains("accountability lines: 17/17"), result.stderr)
        let directory = try temporaryDirectory(self)
        let broken = try write("unit A\nunit B < C\n", to: "broken.expected", in: directory)
        let refused = try orgchart(["import", "bulletin", text, "-o", directory.appendingPathComponent("m.yaml").path, "--compare", broken])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("broken.expected:2:1: error:"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("m.yaml").path), "nothing is written")
    }

    /// Lists separated by semicolons, a unit without a unit noun that the text says someone heads, two heads
    /// in one sentence, and a bare title resolved by the unit it is said in.
    func testHarderPhrasings() throws {
        let (_, model) = try imported("management")
        func unit(_ name: String) throws -> OrgModel.Unit { try XCTUnwrap(model.units.first { $0.name == name }, name) }
        let office = try unit("Office of Human Resources Management")
        XCTAssertEqual(office.source?.section, "2.3", "placed by the composition sentence, whose items are separated by semicolons")
        XCTAssertNotEqual(office.source?.inferred, true)
        XCTAssertEqual(try unit("Treasury").head?.title, "Treasurer")
        XCTAssertEqual(try unit("Treasury").parent, try unit("Office of Programme Planning, Budget and Accounts").id)
        XCTAssertEqual(try unit("Management Evaluation Unit").head?.title, "Chief")
        XCTAssertEqual(try unit("Executive Office").head?.title, "Executive Officer")
        let policy = try unit("Human Resources Policy Service")
        XCTAssertEqual(model.relationships.filter { $0.from == policy.id && $0.kind == .accountableTo }.map(\.to), [office.id])
    }
}

