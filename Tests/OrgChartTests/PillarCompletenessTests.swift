import BuiltinModels
import OrgModel
import XCTest

/// The units and lines of the e-Guide for staff supporting the UN Peace and Security Pillar (c. 2021)
/// that complete the pillar model: each asserted with the section that names it, and with its
/// inference marked where the text implies rather than states it.
final class PillarCompletenessTests: XCTestCase {
    func pillar() throws -> Model {
        let loaded = BuiltinModels.load("peace-security-2021")
        XCTAssertTrue(loaded.isValid, loaded.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        return try loaded.valid()
    }

    func line(_ model: Model, _ kind: RelationKind, _ from: String, _ to: String) -> Relationship? {
        model.relationships.first { $0.kind == kind && $0.from == from && $0.to == to }
    }

    /// Asserts that unit `id` exists under `parent`, cited to `section`, inferred or not.
    func assertUnit(_ model: Model, _ id: String, named name: String, in parent: String?, section: String, inferred: Bool = false,
                    file: StaticString = #filePath, line: UInt = #line) {
        guard let unit = model.unit(id) else { return XCTFail("no unit \(id)", file: file, line: line) }
        XCTAssertEqual(unit.name, name, file: file, line: line)
        XCTAssertEqual(unit.parent, parent, id, file: file, line: line)
        XCTAssertEqual(unit.source?.document, "eguide", id, file: file, line: line)
        XCTAssertEqual(unit.source?.section, section, id, file: file, line: line)
        XCTAssertEqual(unit.source?.inferred, inferred, id, file: file, line: line)
    }

    func testDPPAUnitsOfSection131() throws {
        let model = try pillar()
        // §1.3.1: MSU's operational support "through MSU staff and members of the standby team of Senior Mediation Advisers"
        assertUnit(model, "dppa-pmd-msu-standby", named: "Standby Team of Senior Mediation Advisers", in: "dppa-pmd-msu", section: "1.3.1")
        // §2.3.4: "the joint UNFPA-PBSO Secretariat on youth, peace and security"; §1.3.1: the Branch hosts it, so it
        // is drawn there (inferred)
        assertUnit(model, "dppa-pbso-yps", named: "Joint Secretariat on Youth, Peace and Security", in: "dppa-pbso-pspb", section: "2.3.4", inferred: true)
        // §1.3.1: GLU "serves as Secretariat of the DPPA Training Reference Group (TRG)"
        assertUnit(model, "dppa-trg", named: "DPPA Training Reference Group", in: "dppa", section: "1.3.1")
        XCTAssertEqual(line(model, .secretariatOf, "dppa-pmd-glu", "dppa-trg")?.source?.section, "1.3.1")
    }

    func testDPOUnitsAndLinesOfSection121() throws {
        let model = try pillar()
        // §1.2.1: "the secretariat for the USG-DPO's Women, Peace and Security Task Force"
        assertUnit(model, "dpo-wpstf", named: "Women, Peace and Security Task Force", in: "dpo-ousg", section: "1.2.1")
        XCTAssertEqual(line(model, .secretariatOf, "dpo-gender", "dpo-wpstf")?.source?.section, "1.2.1")
        // §1.2.1: ITS "hosts the Light Coordination Mechanism"; the SFGCPC co-manages it with ITS; its place in ITS inferred
        assertUnit(model, "dpo-lcm", named: "Light Coordination Mechanism", in: "dpo-its", section: "1.2.1", inferred: true)
        XCTAssertEqual(line(model, .oversees, "dpo-sfgcpc", "dpo-lcm")?.source?.section, "1.2.1")
        // §1.2.1: the Office of the Police Adviser oversees its three sections and the standing police capacity
        for section in ["dpo-pd-mmss", "dpo-pd-srs", "dpo-pd-spds", "dpo-pd-spc"] {
            let oversight = line(model, .oversees, "dpo-pd-opa", section)
            XCTAssertEqual(oversight?.source?.section, "1.2.1", section)
            XCTAssertEqual(oversight?.source?.inferred, false, section)
        }
    }

    func testGuidanceBodiesOfThePillar() throws {
        let model = try pillar()
        // §4.1: the pillar-wide Guidance Development and Learning Steering Committee and Guidance Focal Points Group
        assertUnit(model, "pillar-gdlsc", named: "Guidance Development and Learning Steering Committee", in: nil, section: "4.1")
        assertUnit(model, "pillar-gfpg", named: "Guidance Focal Points Group", in: nil, section: "4.1")
        // §1.3.1: GLU is the GDLSC's secretariat; §1.2.1: PBPS supports it
        XCTAssertEqual(line(model, .secretariatOf, "dppa-pmd-glu", "pillar-gdlsc")?.source?.section, "1.3.1")
        XCTAssertEqual(line(model, .supports, "dpo-pbps", "pillar-gdlsc")?.source?.section, "1.2.1")
        // §1.2.1: the KMG Team chairs the GFPG; §4.1: "KMG-DPET serves as the GFPG Secretariat" (the choice is noted)
        XCTAssertEqual(line(model, .chairs, "dpo-pbps-kmg", "pillar-gfpg")?.source?.section, "1.2.1")
        XCTAssertEqual(line(model, .secretariatOf, "dpo-pbps-kmg", "pillar-gfpg")?.source?.section, "4.1")
        XCTAssertTrue(model.unit("pillar-gfpg")?.note?.contains("§1.2.1 says PBPS") ?? false)
    }

    func testIntegratedOperationalTeamsOneByOne() throws {
        let model = try pillar()
        // §1.4: "IOTs for the Central African Republic, the Democratic Republic of the Congo, Mali, Sudan and South
        // Sudan, as well as Libya and Somalia Teams"
        XCTAssertEqual(model.children(of: "reg-iots").map(\.name), [
            "IOT for the Central African Republic", "IOT for the Democratic Republic of the Congo", "IOT for Mali",
            "IOT for Sudan and South Sudan", "Libya Team", "Somalia Team",
        ])
        XCTAssertEqual(model.unit("reg-iot-mali")?.aliases, ["Integrated Operational Team for Mali"])
        for team in model.children(of: "reg-iots") {
            XCTAssertEqual(team.source?.section, "1.4", team.id)
            XCTAssertEqual(team.kind, .team, team.id)
        }
        // §1.4: which USG is "the appropriate USG" of each regional ASG is inferred, and marked so
        for asg in ["reg-asg-mea", "reg-asg-africa", "reg-asg-eca"] {
            XCTAssertEqual(line(model, .dualReporting, asg, "dpo")?.source?.inferred, true, asg)
            XCTAssertEqual(line(model, .dualReporting, asg, "dpo")?.source?.section, "1.4", asg)
        }
    }

    func testLiaisonPresencesAndTheirSupport() throws {
        let model = try pillar()
        // §2.1.1: "LPs are currently in Addis Ababa, Bangkok, Beijing, Brussels, Buka, Cairo, Gaborone, Jakarta,
        // Kiev, Nairobi, and Vienna"; Nairobi's is the Eastern Africa Division's Liaison Team
        let presences = ["lp-addis-ababa", "lp-bangkok", "lp-beijing", "lp-brussels", "lp-buka", "lp-cairo", "lp-gaborone",
                         "lp-jakarta", "lp-kiev", "lp-vienna"]
        for id in presences {
            XCTAssertEqual(model.unit(id)?.kind, .office, id)
            XCTAssertNil(model.unit(id)?.parent, id)
            XCTAssertTrue(model.unit(id)?.note?.hasPrefix("A DPPA liaison presence (§2.1.1).") ?? false, id)
        }
        XCTAssertNotNil(model.unit("reg-ead-nairobi"))
        // §1.4.3: the Europe and Central Asia Division gives "guidance and support" to the Liaison Offices in Brussels and Vienna
        XCTAssertEqual(model.unit("lp-brussels")?.name, "UN Liaison Office for Peace and Security")
        XCTAssertEqual(line(model, .supports, "reg-ecad", "lp-brussels")?.source?.section, "1.4.3")
        XCTAssertEqual(line(model, .supports, "reg-ecad", "lp-vienna")?.source?.section, "1.4.3")
        // §1.4.1: the Asia and the Pacific Division "maintains Liaison Offices in Bangkok, Beijing, and Jakarta";
        // the Middle East Division works "through a Liaison Office in Cairo" (support inferred)
        for office in ["lp-bangkok", "lp-beijing", "lp-jakarta"] {
            XCTAssertEqual(line(model, .supports, "reg-apd", office)?.source?.section, "1.4.1", office)
        }
        XCTAssertEqual(line(model, .supports, "reg-med", "lp-cairo")?.source?.inferred, true)
    }

    func testExecutiveOfficeTeamsOfSection511() throws {
        let model = try pillar()
        // §5.1.1: the teams of the Executive Office, DPPA-DPO, in the order of the text
        let teams = model.children(of: "odcss-eo")
        XCTAssertEqual(teams.map(\.name), [
            "Human Resources Team", "Administration Staff Desk", "Administration Non-Staff Desk", "Finance Regular Budget Team",
            "Extra-Budgetary Finance Team", "Administrative Team", "DPPA-DPO Helpdesk", "Conduct and Discipline Focal Points",
        ])
        for team in teams { XCTAssertEqual(team.source?.section, "5.1.1", team.id) }
        // §5.1.1: the text's two spellings of the regular-budget team; the Helpdesk "also known as EO IT"
        XCTAssertEqual(model.unit("odcss-eo-rbf")?.aliases, ["Finance and Regular Budget Team"])
        XCTAssertEqual(model.unit("odcss-eo-helpdesk")?.aliases, ["EO IT"])
    }

    func testDOSUnitsAndLines() throws {
        let model = try pillar()
        // §5.1.2: the DOS Executive Office and the Tax Unit sit within HCSS; §1.6.1: HCSS's HR-Ops team
        assertUnit(model, "dos-hcss-eo", named: "Executive Office, Department of Operational Support", in: "dos-hcss", section: "5.1.2")
        assertUnit(model, "dos-hcss-tax", named: "Tax Unit", in: "dos-hcss", section: "5.1.2")
        assertUnit(model, "dos-hcss-hro", named: "Human Resources Operations Team", in: "dos-hcss", section: "1.6.1")
        // §5.1.2: the EO/DOS serves DOS, OICT and the New York-based staff of DPO and DPPA
        for client in ["dos", "dos-oict", "dpo", "dppa"] {
            XCTAssertEqual(line(model, .providesServicesTo, "dos-hcss-eo", client)?.source?.section, "5.1.2", client)
        }
        XCTAssertEqual(line(model, .coordinatesWith, "dos-hcss-hro", "odcss-eo")?.source?.section, "5.1.2")
        // §2.4.1: "DOS's Global Assessment Management Cell" and the six units "the service includes" (placement inferred)
        assertUnit(model, "dos-gamc", named: "Global Assessment Management Cell", in: "dos", section: "2.4.1", inferred: true)
        XCTAssertEqual(model.children(of: "dos-gamc").map(\.name), [
            "Strategic Deployment Stocks Unit", "Global Property Management Cell", "Global Demand Planning Cell",
            "Customer Services Unit", "Supply Chain Service", "Logistics Support Unit",
        ])
        XCTAssertTrue(model.children(of: "dos-gamc").allSatisfy { $0.source?.section == "2.4.1" && $0.source?.inferred == true })
        // §1.6.1: SPS's dedicated capacity for backstopping UNSOS
        assertUnit(model, "dos-dsa-sps-unsos", named: "UNSOS backstopping capacity", in: "dos-dsa-sps", section: "1.6.1")
        // §1.6.2: Technology Solutions in RSCE's Regional Field Technology Services (placement inferred)
        assertUnit(model, "rsce-rfts-ts", named: "Technology Solutions", in: "rsce-rfts", section: "1.6.2", inferred: true)
        // §2.4.2: UNSOS supports AMISOM, the Somali Security Forces and the Somalia Police Force
        for client in ["amisom", "somali-security-forces", "somalia-police-force"] {
            XCTAssertEqual(model.unit(client)?.kind, .organization, client)
            XCTAssertEqual(line(model, .supports, "unsos", client)?.source?.section, "2.4.2", client)
        }
    }

    /// The units the e-Guide names in its account of DPO, DPPA, the regional structure, ODCSS, DOS and the
    /// service centres (§1.2-§1.6, with §2.4.1, §4.1 and §5.1 for the units only named there), all held.
    func testPartsHoldEveryUnitTheGuideNames() throws {
        let model = try pillar()
        let parts = ["dpo", "dppa", "reg", "odcss", "dos", "pillar-gdlsc", "pillar-gfpg"]
        let held = Set(parts.flatMap { model.subtree(of: $0).map(\.id) })
        // 49 units of DPO, 28 of DPPA, 27 of the regional structure, 18 of ODCSS, 71 of DOS with its service
        // centres, and the two pillar-wide guidance bodies.
        XCTAssertEqual(held.count, 195)
        // The service centres lie in DOS; Kuwait's, Entebbe's and Brindisi's are all there.
        for centre in ["gsc", "rsce", "kjso"] { XCTAssertTrue(held.contains(centre), centre) }
        // The liaison presences of §2.1.1 are DPPA's field presences, outside the Department's tree.
        XCTAssertEqual(model.units.filter { $0.id.hasPrefix("lp-") }.count, 10)
    }
}
