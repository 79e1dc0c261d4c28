import BuiltinModels
import Foundation
import OrgImport
import OrgModel
import XCTest

/// A made-up bulletin in the style of the series, written the way PDF conversions come out: a symbol
/// and a date as page header, a title over two lines, paragraph numbers run into the text (`2.1The`)
/// or with a trailing dot (`2.2.`), lettered items run in, a page break with furniture in the middle
/// of a sentence, an editorial note in brackets, a unit introduced only by a heading, a head
/// accountable to a person who heads no unit, and names with commas and "and".
let syntheticBulletin = """
ST/SGB/2031/4
                                                                  12 March 2031

Secretary-General's bulletin

Organization of the Department of Safety and
Resilience

The Secretary-General, pursuant to Secretary-General's bulletin ST/SGB/2015/3, entitled "Organization of the Secretariat of the United Nations", and for the purpose of establishing the functions and organizational structure of the Department of Safety and Resilience, promulgates the following:

Section 1
General provisions

1.1 The present bulletin shall apply in conjunction with Secretary-General's bulletin ST/SGB/2015/3 [Superseded by ST/SGB/2040/1].

Section 2
Functions and organization

2.1The Department of Safety and Resilience (DSR) is headed by the Under-Secretary-General
for Safety and Resilience, who is accountable to the Secretary-General.
2.2.The core functions of the Department are as follows: (a) Leading the security management system of the Organization; (b) Providing protective services to senior officials.
2.3 The Department comprises the Office of the Under-Secretary-General, the Division of Regional Operations and the Field Support Service.

Section 3
Office of the Under-Secretary-General

3.1 The Office of the Under-Secretary-General comprises the front office, the Executive Office and the Policy, Compliance and Coordination Service.
3.2 The Executive Office is headed by an Executive Officer, who is accountable to the Under-Secretary-General for Safety and Resilience.
3.3 The Policy, Compliance and Coordination Service is headed by a Chief, who is accountable to the Under-Secretary-General as well as to the Under-Secretary-General for Management Strategy, Policy and Compliance, and works in close coordination with the Department of Management Strategy, Policy and Compliance.

Section 4
Division of Regional Operations

4.1 The Division of Regional Operations is headed by a Director, who is accountable to the Under-Secretary-General.
4.2 The Division comprises the Office of the Director and three regional Sections, namely, the Africa Section, the Americas Section and the Asia-Pacific Section.
4.3 Each of the regional Sections is headed by a Chief, who is accountable to the Director/Deputy Director of the Division.

Office of the Director

4.4 The core functions of the Office of the Director are as follows:

(a)
Providing leadership and strategic direction to the regional Sections;

(b)
Ensuring the quality of the products of the Division.

Section 5
Field Support Service

5.1 The Field Support Service is headed by a Chief, who is accountable to the Director of the Division of Regional Operations. The Chief has direct access to the Under-Secretary-General when required.
5.2 The Service comprises the Training, Equipment and Logistics Unit and the Stress Counselling Unit.

Training, Equipment and Logistics Unit

5.3 The Unit is headed by a Coordinator, who is accountable to the Deputy Chief.
5.4 The Field Support Service, the Executive Office and the Stress Counselling Unit are shared resources providing services to the Department of Safety and Resilience and the
ST/SGB/2031/4
2/3
31-04567 (E)
Department of Operational Support.

Mobile Response Team

5.5 The Team is headed by a Team Leader, who is accountable to the Chief of the Field Support Service.
5.6 The Team supervises the field coordination arrangements of the Service.

Section 6
Investigations Section

6.1 The Section is headed by a Chief Investigator, who is accountable to the Under-Secretary-General.

Section 7
Final provisions

7.1 The present bulletin shall enter into force on 1 April 2031.
7.2 Secretary-General's bulletin ST/SGB/2022/7 is hereby abolished.
"""

/// A made-up bulletin typed like the older ones: title in capitals broken by a blank line, "UNITED NATIONS"
/// and page headers, an editorial remark in brackets, numbers and letters run into the text (`2.1The`,
/// `(a)Provides`), a list "each headed by a Chief", a nested "which includes" and a deputy who heads no unit.
let capitalsBulletin = """
ST/SGB/2033/2

Page 1

UNITED

NATIONS

ST/SGB/2033/2

2 May 2033

(Abolished and replaced by ST/SGB/2040/9 of 1 June 2040)

SECRETARY-GENERAL'S BULLETIN

ORGANIZATION OF THE OFFICE OF EXAMPLE

AND TEST SERVICES

The Secretary-General, pursuant to Secretary-General's bulletin ST/SGB/2015/3, and for the purpose of establishing the organizational structure of the Office of Example and Test Services, promulgates the following:

Section 1

General provision

The present bulletin shall apply in conjunction with Secretary-General's bulletin ST/SGB/2015/3.

Section 2

Functions and organization

2.1The Office of Example and Test Services:

(a)Provides examples to the Secretariat;

(b)Tests the services of the Organization.

2.2The Office is headed by the Assistant Secretary-General for Example and Test Services, who is accountable to the Secretary-General.

2.3The Office comprises the Office of the Assistant Secretary-General, the Examples Division and the Testing, Evaluation and Audit Division.

Section 3

Examples Division

3.1The Examples Division is headed by a Director, who is accountable to the Assistant Secretary-General.

3.2The Division comprises the Office of the Director, the Written Examples Section and the Drawn Examples Section, each headed by a Chief, who is accountable to the Director.

ST/SGB/2033/2

Page 2

Section 4

Testing, Evaluation and Audit Division

4.1The Division is headed by a Director, who is accountable to the Assistant Secretary-General. The Director is supported by a Deputy Director.

4.2The Division comprises the Office of the Director and the Audit Section, which includes the Field Audit Unit and the Headquarters Audit Unit.

4.3The Audit Section is headed by a Chief, who is accountable to the Deputy Director.

Section 5

Final provisions

5.1The present bulletin shall enter into force on 15 May 2033.
"""

/// A made-up bulletin with other wordings: parts listed as lettered items after "comprises the following
/// organizational units:", a nested "including", grades ("at the D-2 level", "(D-2)", "at the level of
/// Under-Secretary-General"), "is composed of two branches: …", "Each Branch is headed by …", "reports to",
/// no symbol, and a sentence in words the importer does not know ("falls under the authority of").
let listedUnitsBulletin = """
Secretary-General's bulletin
Organization of the Office for Sample Affairs

The Secretary-General, for the purpose of establishing the organizational structure of the Office for Sample Affairs, promulgates the following:

Section 1
General provision
1.1 The present bulletin shall apply in conjunction with Secretary-General's bulletin ST/SGB/2015/3.

Section 2
Organization
2.1 The Office for Sample Affairs is headed by the High Representative for Sample Affairs at the level of Under-Secretary-General, who is accountable to the Secretary-General.
2.2 The Office comprises the following organizational units:
(a) The Office of the High Representative, including the Executive Office;
(b) The Sample Policy Division;
(c) The Regional Affairs Division.

Section 3
Sample Policy Division
3.1 The Division is headed by a Director at the D-2 level, who reports to the High Representative.
3.2 The Division is composed of two branches: the Weapons Sample Branch and the Conventional Sample Branch.
3.3 Each Branch is headed by a Chief, who is accountable to the Director.

Section 4
Regional Affairs Division
4.1 The Regional Affairs Division is headed by a Director (D-2), who is accountable to the High Representative.
4.2 The Division falls under the authority of the Deputy to the High Representative for administrative matters.

Section 5
Final provisions
5.1 The present bulletin shall enter into force on 3 February 2034.
"""

/// Top-level structure given only by section headings, and Assistant Secretaries-General who head no
/// unit, one of them with commas in the title: none of them may be taken for the Department's head.
let headingsOnlyBulletin = """
Secretary-General's bulletin

Organization of the Department of Example Affairs

Section 3
Under-Secretary-General for Example Affairs

3.1 The Under-Secretary-General for Example Affairs is accountable to the Secretary-General.

Section 4
Office of the Under-Secretary-General

4.1 The Office of the Under-Secretary-General is headed by a Chief of Staff, who is accountable to the Under-Secretary-General.

Section 5
Americas Division

5.1 The Americas Division is headed by a Director, who is accountable to the Assistant Secretary-General for the Americas, Asia and the Pacific, Europe and West Asia.

Section 6
Africa Division

6.1 The Africa Division is headed by a Director, who is accountable to the Assistant Secretary-General for Example Affairs.
"""

final class BulletinImportTests: XCTestCase {
    /// The plain text of ST/SGB/2010/1, read from the shared seeds (not part of the repository).
    func dpkoBulletin() throws -> String {
        let here = URL(fileURLWithPath: #filePath)
        let candidates = [ProcessInfo.processInfo.environment["ORGCHART_SGB_2010_1"],
                          here.deletingLastPathComponent().appendingPathComponent("../../../shared/seeds/000_3c041eb162174baa.txt").path,
                          "/work/shared/seeds/000_3c041eb162174baa.txt"].compactMap { $0 }
        for path in candidates {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
        }
        throw XCTSkip("the text of ST/SGB/2010/1 is not available; set ORGCHART_SGB_2010_1 to its path")
    }

    func referenceModel() throws -> Model {
        try BuiltinModels.load("dpko-2010").valid()
    }

    /// Loads imported YAML through the project's loader, as `orgchart render` would.
    func load(_ yaml: String) -> LoadedModel {
        ModelLoader.load(file: "import.yaml") { _ in yaml }
    }

    func comparison(_ text: String) throws -> BulletinComparison {
        let imported = try BulletinImporter.importBulletin(text, symbol: "ST/SGB/2010/1")
        let loaded = load(imported.yaml)
        XCTAssertTrue(loaded.isValid, "\(loaded.diagnostics)")
        return BulletinComparison(imported: try loaded.valid(), reference: try referenceModel())
    }

    func testImportOfSGB20101MatchesTheHandCheckedModel() throws {
        let result = try comparison(try dpkoBulletin())
        print(result.summary)
        XCTAssertEqual(result.unitRecall, 1, result.summary)
        XCTAssertEqual(result.accountabilityRecall, 1, result.summary)
        XCTAssertEqual(result.missingLines, [], result.summary)
        XCTAssertEqual(result.extraLines, [], result.summary)
        XCTAssertEqual(result.inventedUnits, [], result.summary)
        XCTAssertEqual(result.misplacedUnits, [], result.summary)
    }

    func testImportRecordsMetadataConfidenceAndReport() throws {
        let imported = try BulletinImporter.importBulletin(try dpkoBulletin(), symbol: "ST/SGB/2010/1")
        let document = try XCTUnwrap(imported.model.documents.first)
        XCTAssertEqual(document.symbol, "ST/SGB/2010/1")
        XCTAssertEqual(document.title, "Organization of the Department of Peacekeeping Operations")
        XCTAssertEqual(document.date, "2010-01-01")
        XCTAssertEqual(document.abolishes, ["ST/SGB/2000/9"])
        let model = imported.model
        let ocos = try XCTUnwrap(model.units.first { $0.name == "Office of the Chief of Staff" })
        XCTAssertEqual(ocos.head?.title, "Chief of Staff")
        XCTAssertEqual(ocos.functions.count, 8)
        let dual = model.relationships.filter { $0.from == ocos.id && [.accountableTo, .alsoAccountableTo].contains($0.kind) }
        XCTAssertEqual(dual.map(\.kind), [.accountableTo, .accountableTo], "to the Under-Secretaries-General for A and B alike")
        XCTAssertEqual(dual.map { model.cite($0.source) }, ["ST/SGB/2010/1 §4.3", "ST/SGB/2010/1 §4.3"])
        XCTAssertTrue(imported.inferences.allSatisfy { $0.confidence > 0 && $0.confidence < 1 || $0.confidence == 1 })
        XCTAssertTrue(model.units.allSatisfy { $0.source != nil })
        // Every inferred fact carries a confidence in its citation note.
        for unit in model.units where unit.source?.inferred == true {
            XCTAssertTrue(unit.source?.note?.hasPrefix("confidence 0.") == true, "\(unit.id)")
        }
        XCTAssertTrue(imported.report.items.contains { $0.place == "7.5" && $0.message.contains("specialist aviation and maritime operational planners") })
        XCTAssertTrue(imported.markdown(input: "sgb.txt").contains("## Not understood"))
        // Not imported but reported: a unit named only in a list of functions, the editorial notes, advice given
        // through another official.
        XCTAssertTrue(imported.report.items.contains { $0.place == "7.10" && $0.message.hasPrefix("'Conduct and Discipline Unit' is named only in the functions") })
        XCTAssertFalse(model.units.contains { $0.name == "Conduct and Discipline Unit" })
        XCTAssertEqual(imported.report.items.filter { $0.message.contains("editorial note [Superseded by ST/SGB/2015/3]") }.count, 4)
        XCTAssertTrue(imported.report.items.contains { $0.place == "8.6" && $0.message.contains("through another official") })
        // The officials who assist the head of department (§2.3), named before the sections that say what they head, advise him or her.
        let advisers = model.relationships.filter { $0.kind == .advises && $0.to == model.root }
        XCTAssertTrue(Set(advisers.compactMap { model.unit($0.from)?.name }).isSuperset(of: [
            "Office of Operations", "Office of Military Affairs", "Office of Rule of Law and Security Institutions",
            "Policy, Evaluation and Training Division"]), "\(advisers)")
        XCTAssertFalse(model.posts.contains { $0.title.hasPrefix("Assistant Secretary-General") })
    }

    func testSameInputGivesSameBytes() throws {
        let text = try dpkoBulletin()
        let a = try BulletinImporter.importBulletin(text).yaml
        let b = try BulletinImporter.importBulletin(text).yaml
        XCTAssertEqual(a, b)
    }

    /// The same bulletin as a PDF conversion might give it: hard line breaks, numbers run in or with
    /// trailing dots, items run into their paragraph, page furniture every 50 lines.
    func testReformattedSGB20101StillMatches() throws {
        let result = try comparison(Self.reformatted(try dpkoBulletin()))
        print(result.summary)
        XCTAssertGreaterThanOrEqual(result.unitRecall, 0.95, result.summary)
        XCTAssertGreaterThanOrEqual(result.accountabilityRecall, 0.90, result.summary)
        XCTAssertEqual(result.inventedUnits, [], result.summary)
    }

    static func reformatted(_ text: String) -> String {
        var lines: [String] = []
        var pending = ""
        var page = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let isNumber = line.range(of: #"^\d+\.\d+$"#, options: .regularExpression) != nil
            if isNumber { pending = line + (line.hasSuffix("0") ? ". " : ""); continue }
            let text = pending.isEmpty ? line : pending + line
            pending = ""
            var current = ""
            for word in text.split(separator: " ") {
                if current.count + word.count > 70 { lines.append(current); current = "" }
                current += current.isEmpty ? String(word) : " " + word
            }
            lines.append(current)
            if lines.count / 50 >= page {
                page += 1
                lines += ["", "ST/SGB/2010/1", "\(page)/12", "09-65432 (E)", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    func testSyntheticBulletinOfAnotherDepartment() throws {
        let imported = try BulletinImporter.importBulletin(syntheticBulletin)
        let loaded = load(imported.yaml)
        XCTAssertTrue(loaded.isValid, "\(loaded.diagnostics)")
        let model = try loaded.valid()
        let document = try XCTUnwrap(model.documents.first)
        XCTAssertEqual(document.symbol, "ST/SGB/2031/4")
        XCTAssertEqual(document.title, "Organization of the Department of Safety and Resilience")
        XCTAssertEqual(document.date, "2031-04-01")
        XCTAssertEqual(document.abolishes, ["ST/SGB/2022/7"])
        XCTAssertEqual(model.id, "sgb-2031-4")
        XCTAssertEqual(model.root, "dsr")

        func unit(_ name: String) throws -> OrgModel.Unit { try XCTUnwrap(model.units.first { $0.name == name }, name) }
        func parentName(_ name: String) throws -> String? { try unit(name).parent.flatMap { model.unit($0)?.name } }
        let department = "Department of Safety and Resilience"
        XCTAssertEqual(try parentName("Office of the Under-Secretary-General"), department)
        XCTAssertEqual(try parentName("Division of Regional Operations"), department)
        XCTAssertEqual(try parentName("Field Support Service"), department)
        XCTAssertEqual(try parentName("Policy, Compliance and Coordination Service"), "Office of the Under-Secretary-General")
        XCTAssertEqual(try parentName("front office"), "Office of the Under-Secretary-General")
        for region in ["Africa Section", "Americas Section", "Asia-Pacific Section"] {
            XCTAssertEqual(try parentName(region), "Division of Regional Operations")
        }
        XCTAssertEqual(try parentName("Office of the Director"), "Division of Regional Operations")
        XCTAssertEqual(try unit("Office of the Director").kind, .frontOffice)
        XCTAssertEqual(try unit("Office of the Director").functions.count, 2)
        XCTAssertEqual(try parentName("Training, Equipment and Logistics Unit"), "Field Support Service")
        XCTAssertEqual(try parentName("Mobile Response Team"), "Field Support Service")
        XCTAssertEqual(try parentName("Investigations Section"), department)
        XCTAssertEqual(try unit(department).functions.count, 2)
        XCTAssertFalse(model.units.contains { $0.name.lowercased().contains("regional sections") })

        func lines(_ kind: RelationKind, from name: String) throws -> [String] {
            let id = try unit(name).id
            return model.relationships.filter { $0.kind == kind && $0.from == id }.map { line in
                model.unit(line.to)?.name ?? model.posts.first(where: { $0.id == line.to })?.title ?? line.to
            }
        }
        XCTAssertEqual(try lines(.accountableTo, from: department), ["Secretary-General"])
        XCTAssertEqual(try lines(.accountableTo, from: "Policy, Compliance and Coordination Service"), [department])
        XCTAssertEqual(try lines(.alsoAccountableTo, from: "Policy, Compliance and Coordination Service"),
                       ["Department of Management Strategy, Policy and Compliance"])
        XCTAssertEqual(try lines(.accountableTo, from: "Africa Section"), ["Division of Regional Operations"])
        XCTAssertEqual(try lines(.accountableTo, from: "Field Support Service"), ["Division of Regional Operations"])
        XCTAssertEqual(try lines(.directAccess, from: "Field Support Service"), [department])
        XCTAssertEqual(try lines(.accountableTo, from: "Training, Equipment and Logistics Unit"), ["Deputy Chief"])
        XCTAssertEqual(try lines(.accountableTo, from: "Mobile Response Team"), ["Field Support Service"])
        XCTAssertEqual(try lines(.accountableTo, from: "Investigations Section"), [department])
        XCTAssertEqual(try lines(.providesServicesTo, from: "Executive Office"), [department, "Department of Operational Support"])
        XCTAssertTrue(imported.report.items.contains { $0.place == "5.6" }, "\(imported.report.items)")
    }

    func testBulletinInTheOlderTypography() throws {
        let imported = try BulletinImporter.importBulletin(capitalsBulletin)
        let model = try load(imported.yaml).valid()
        XCTAssertEqual(model.documents.first?.title, "Organization of the Office of Example and Test Services")
        XCTAssertEqual(model.documents.first?.symbol, "ST/SGB/2033/2")
        XCTAssertEqual(model.date, "2033-05-15")
        XCTAssertEqual(model.title, "Office of Example and Test Services")
        func parent(_ name: String) -> [String] {
            model.units.filter { $0.name == name }.map { $0.parent.flatMap { model.unit($0)?.name } ?? "-" }
        }
        XCTAssertEqual(parent("Office of the Director"), ["Examples Division", "Testing, Evaluation and Audit Division"])
        XCTAssertEqual(parent("Field Audit Unit"), ["Audit Section"])
        XCTAssertEqual(parent("Headquarters Audit Unit"), ["Audit Section"])
        XCTAssertEqual(model.unit(model.units.first { $0.name == "Written Examples Section" }?.id ?? "")?.head?.title, "Chief")
        let audit = try XCTUnwrap(model.units.first { $0.name == "Audit Section" })
        let line = try XCTUnwrap(model.relationships.first { $0.from == audit.id && $0.kind == .accountableTo })
        XCTAssertEqual(model.posts.first { $0.id == line.to }?.title, "Deputy Director")
        XCTAssertEqual(Set(model.units.map(\.id)).count, model.units.count)
    }

    func testBulletinListingItsUnitsAsItems() throws {
        let imported = try BulletinImporter.importBulletin(listedUnitsBulletin)
        let model = try load(imported.yaml).valid()
        func parent(_ name: String) -> String? {
            model.units.first { $0.name == name }?.parent.flatMap { model.unit($0)?.name }
        }
        XCTAssertEqual(parent("Office of the High Representative"), "Office for Sample Affairs")
        XCTAssertEqual(parent("Executive Office"), "Office of the High Representative")
        XCTAssertEqual(parent("Sample Policy Division"), "Office for Sample Affairs")
        XCTAssertEqual(parent("Weapons Sample Branch"), "Sample Policy Division")
        XCTAssertEqual(parent("Conventional Sample Branch"), "Sample Policy Division")
        XCTAssertEqual(model.units.count, 7)
        let root = try XCTUnwrap(model.unit(model.root ?? ""))
        XCTAssertEqual(root.head?.title, "High Representative for Sample Affairs")
        XCTAssertEqual(root.head?.grade, "USG")
        XCTAssertEqual(model.units.first { $0.name == "Sample Policy Division" }?.head?.grade, "D-2")
        XCTAssertEqual(model.units.first { $0.name == "Regional Affairs Division" }?.head?.grade, "D-2")
        let branches = model.units.filter { $0.kind == .branch }
        XCTAssertEqual(branches.map { $0.head?.title }, ["Chief", "Chief"])
        let division = try XCTUnwrap(model.units.first { $0.name == "Sample Policy Division" })
        for branch in branches {
            XCTAssertTrue(model.relationships.contains { $0.kind == .accountableTo && $0.from == branch.id && $0.to == division.id })
        }
        XCTAssertTrue(imported.report.items.contains { $0.place == "4.2" })
        XCTAssertTrue(imported.report.items.contains { $0.message.contains("--symbol") })
    }

    func testTopLevelUnitsFromHeadingsAndOfficialsWhoHeadNoUnit() throws {
        let model = try load(BulletinImporter.importBulletin(headingsOnlyBulletin).yaml).valid()
        let root = try XCTUnwrap(model.unit(model.root ?? ""))
        XCTAssertEqual(root.head?.title, "Under-Secretary-General for Example Affairs")
        XCTAssertEqual(model.children(of: root.id).map(\.name), ["Office of the Under-Secretary-General", "Americas Division", "Africa Division"])
        func superior(_ name: String) -> String? {
            let id = model.units.first { $0.name == name }?.id
            let to = model.relationships.first { $0.from == id && $0.kind == .accountableTo }?.to
            return to.flatMap { id in model.unit(id)?.name ?? model.posts.first { $0.id == id }?.title }
        }
        XCTAssertEqual(superior("Americas Division"), "Assistant Secretary-General for the Americas, Asia and the Pacific, Europe and West Asia")
        XCTAssertEqual(superior("Africa Division"), "Assistant Secretary-General for Example Affairs")
        XCTAssertEqual(superior("Office of the Under-Secretary-General"), "Department of Example Affairs")
        XCTAssertEqual(model.posts.first { $0.title.hasPrefix("Assistant Secretary-General for Example") }?.grade, "ASG")
    }

    func testTextThatIsNotABulletinIsRefused() {
        let texts = ["", "Hello, world.", String(repeating: "lorem ipsum dolor ", count: 500),
                     "1.1 The cat is on the mat.\n1.2 The dog comprises a tail and four legs.",
                     smallModel]
        for text in texts {
            XCTAssertThrowsError(try BulletinImporter.importBulletin(text), String(text.prefix(40))) { error in
                XCTAssertTrue("\(error)".contains("hint:"), "\(error)")
            }
        }
    }

    /// Mutated and truncated bulletins never crash, hang or give a model that does not load.
    func testFuzzedBulletinsNeverCrashAndAlwaysGiveLoadableModels() throws {
        let base = (try? dpkoBulletin()) ?? syntheticBulletin
        var generator = SplitMix(seed: 20_100_101)
        let started = Date()
        for round in 0..<60 {
            let text = Self.mutated(base, round: round, &generator)
            guard let imported = try? BulletinImporter.importBulletin(text) else { continue }
            let loaded = load(imported.yaml)
            XCTAssertTrue(loaded.isValid, "round \(round): \(loaded.diagnostics.prefix(3))")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
    }

    /// Truncation, deleted and duplicated lines, swapped characters, inserted brackets and quotes.
    static func mutated(_ text: String, round: Int, _ g: inout SplitMix) -> String {
        var chars = Array(text)
        switch round % 5 {
        case 0:
            chars = Array(chars.prefix(Int(g.next() % UInt64(max(1, chars.count)))))
        case 1:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<20 where !lines.isEmpty {
                let i = Int(g.next() % UInt64(lines.count))
                if g.next() % 2 == 0 { lines.remove(at: i) } else { lines.insert(lines[i], at: Int(g.next() % UInt64(lines.count))) }
            }
            return lines.joined(separator: "\n")
        case 2:
            let junk: [Character] = ["(", ")", "[", "]", "\"", ",", ".", " ", "\n", "1", "é", "\u{0}", "\u{FEFF}"]
            for _ in 0..<200 where !chars.isEmpty {
                chars[Int(g.next() % UInt64(chars.count))] = junk[Int(g.next() % UInt64(junk.count))]
            }
        case 3:
            for _ in 0..<100 where chars.count > 2 {
                let i = Int(g.next() % UInt64(chars.count - 1))
                chars.swapAt(i, i + 1)
            }
        default:
            let words = text.split(separator: " ")
            return (0..<400).map { _ in words.isEmpty ? "" : String(words[Int(g.next() % UInt64(words.count))]) }.joined(separator: " ")
        }
        return String(chars)
    }

    func testCommandWritesModelAndReportAndRefusesNonBulletins() throws {
        let directory = try temporaryDirectory(self)
        let input = try write(syntheticBulletin, to: "bulletin.txt", in: directory)
        let output = directory.appendingPathComponent("model.yaml").path
        let report = directory.appendingPathComponent("report.md").path
        let result = try orgchart(["import", "bulletin", input, "-o", output, "--report", report])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(load(try String(contentsOfFile: output, encoding: .utf8)).isValid)
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).contains("# Import report: ST/SGB/2031/4"))
        let chart = directory.appendingPathComponent("chart.svg").path
        let rendered = try orgchart(["render", output, "-o", chart])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        XCTAssertTrue(try String(contentsOfFile: chart, encoding: .utf8).contains("Mobile Response Team"))

        let notBulletin = try write("Minutes of the meeting.\nNothing was decided.", to: "minutes.txt", in: directory)
        let refused = try orgchart(["import", "bulletin", notBulletin, "-o", directory.appendingPathComponent("no.yaml").path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("does not look like a Secretary-General's bulletin"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("no.yaml").path))
    }
}

/// A small deterministic random number generator for the fuzz test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
