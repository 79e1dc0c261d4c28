import BuiltinModels
import Foundation
import OrgModel
import OrgViews
import XCTest

/// The Department of Peace Operations, the Department of Political and Peacebuilding Affairs, the single
/// regional political-operational structure and the Office of the Director for Coordination and Shared
/// Services, as encoded from the e-Guide for staff supporting the UN Peace and Security Pillar (c. 2021)
/// and the DPO training lesson 1.3. Counts asserted here are the texts' own; each fact cites its section.
final class PillarPartATests: XCTestCase {
    /// The part files of this model family, whose units and relationships the pillar model must contain.
    static let partFiles = ["_dpo.yaml", "_dppa.yaml", "_regional.yaml", "_odcss.yaml", "_pillar-links-a.yaml"]

    /// The built-in standalone model of DPO.
    func dpo2019() throws -> Model {
        let loaded = BuiltinModels.load("dpo-2019")
        XCTAssertTrue(loaded.isValid, loaded.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        return try loaded.valid()
    }

    /// The built-in pillar model `peace-security-2021`, which includes every part file of this family.
    func pillar() throws -> Model {
        let loaded = BuiltinModels.load("peace-security-2021")
        XCTAssertTrue(loaded.isValid, loaded.diagnostics.map { "\($0)" }.joined(separator: "\n"))
        return try loaded.valid()
    }

    // MARK: helpers

    func children(_ model: Model, _ id: String) -> [String] { model.children(of: id).map(\.id) }

    func has(_ model: Model, _ kind: RelationKind, _ from: String, _ to: String) -> Relationship? {
        model.relationships.first { $0.kind == kind && $0.from == from && $0.to == to }
    }

    func section(_ model: Model, _ id: String) -> String? { model.unit(id)?.source?.section }

    // MARK: the models load and include every part

    func testDPO2019ValidatesAloneWithOnlyDPOUnits() throws {
        let model = try dpo2019()
        XCTAssertEqual(model.root, "dpo")
        XCTAssertEqual(Set(model.documents.map(\.id)), ["eguide", "dpo-lesson"])
        XCTAssertTrue(model.units.allSatisfy { $0.id == "pillar" || $0.id == "dpo" || $0.id.hasPrefix("dpo-") }, "dpo-2019 holds DPO's units only")
        // 46 offices, services, sections, units, teams and capacities of §1.2.1, the Department, its two
        // mechanisms (the Women, Peace and Security Task Force and the Light Coordination Mechanism) and the pillar.
        XCTAssertEqual(model.units.count, 50)
        // Every unit lies under the Department, which sits in the pillar: one tree.
        XCTAssertEqual(model.subtree(of: "dpo").count, 49)
        XCTAssertEqual(model.unit("dpo")?.parent, "pillar")
    }

    func testPillarModelIncludesEveryPartAFile() throws {
        let loaded = BuiltinModels.load("peace-security-2021")
        let files = Set(loaded.files.map { ($0 as NSString).lastPathComponent })
        for part in Self.partFiles {
            XCTAssertTrue(files.contains(part), "peace-security-2021 does not include \(part)")
        }
        let model = try pillar()
        for id in ["dpo", "dppa", "reg", "odcss"] { XCTAssertNotNil(model.unit(id), id) }
        // The departments and the shared structures sit in the pillar (§1.1).
        for id in ["dpo", "dppa", "reg", "odcss"] { XCTAssertEqual(model.unit(id)?.parent, "pillar", id) }
    }

    func testEveryUnitAndRelationshipHasASource() throws {
        for model in [try dpo2019(), try pillar()] {
            for unit in model.units {
                XCTAssertNotNil(unit.source, "\(model.id): unit \(unit.id) has no source")
                if let head = unit.head { XCTAssertNotNil(head.source, "\(model.id): head of \(unit.id) has no source") }
            }
            for post in model.posts { XCTAssertNotNil(post.source, "\(model.id): post \(post.id) has no source") }
            for relation in model.relationships {
                XCTAssertNotNil(relation.source, "\(model.id): \(relation.kind.rawValue) \(relation.from) → \(relation.to) has no source")
            }
        }
    }

    func testPartARelationshipsAreNotDuplicated() throws {
        let model = try pillar()
        let partA = model.relationships.filter { relation in
            [relation.from, relation.to].contains { $0 == "dpo" || $0 == "dppa" || $0 == "reg" || $0 == "odcss"
                || $0.hasPrefix("dpo-") || $0.hasPrefix("dppa-") || $0.hasPrefix("reg-") || $0.hasPrefix("odcss-") }
        }
        var seen = Set<String>()
        for relation in partA {
            let key = "\(relation.kind.rawValue) \(relation.from) → \(relation.to)"
            XCTAssertTrue(seen.insert(key).inserted, "drawn twice: \(key)")
        }
    }

    // MARK: checksums: the texts' own counts

    func testRegionalStructureHasThreeAssistantSecretariesGeneralAndEightDivisions() throws {
        let model = try pillar()
        // e-Guide 1.1: "headed by three Assistant Secretaries-General who collectively oversee eight regional divisions"
        let asgOffices = model.children(of: "reg").filter { $0.head?.grade == "ASG" }
        XCTAssertEqual(asgOffices.map(\.id), ["reg-asg-mea", "reg-asg-africa", "reg-asg-eca"])
        let divisions = model.subtree(of: "reg").filter { $0.kind == .division }
        XCTAssertEqual(divisions.count, 8)
        // e-Guide 1.4.1-1.4.3: two, four and two divisions
        XCTAssertEqual(model.children(of: "reg-asg-mea").filter { $0.kind == .division }.count, 2)
        XCTAssertEqual(model.children(of: "reg-asg-africa").filter { $0.kind == .division }.count, 4)
        XCTAssertEqual(model.children(of: "reg-asg-eca").filter { $0.kind == .division }.count, 2)
        // Each division is overseen by its ASG.
        for division in divisions {
            XCTAssertNotNil(has(model, .oversees, division.parent ?? "", division.id), division.id)
        }
        // e-Guide 1.4.1: the Middle East Division "is organized in five teams"
        XCTAssertEqual(children(model, "reg-med"), ["reg-med-iraq", "reg-med-lebanon", "reg-med-syria", "reg-med-met", "reg-med-gulf"])
    }

    func testDPOCounts() throws {
        let model = try dpo2019()
        // e-Guide 1.2.1: DPO consists of OMA, OROLSI, OPSP and DPET, reporting through OUSG-DPO
        XCTAssertEqual(children(model, "dpo"), ["dpo-ousg", "dpo-oma", "dpo-orolsi", "dpo-opsp", "dpo-dpet"])
        // e-Guide 1.2.1: "the six components of OMA", each headed by a Chief accountable to the ASG/Military Advisor
        let oma = children(model, "dpo-oma")
        XCTAssertEqual(oma, ["dpo-oma-cmos", "dpo-oma-fgs", "dpo-oma-mps", "dpo-oma-pdt", "dpo-oma-at", "dpo-oma-mpet"])
        for id in oma {
            XCTAssertEqual(model.unit(id)?.head?.title, "Chief")
            XCTAssertNotNil(has(model, .accountableTo, id, "dpo-oma"), id)
        }
        // e-Guide 1.2.1: "the five components of OROLSI"
        XCTAssertEqual(children(model, "dpo-orolsi"), ["dpo-pd", "dpo-jcs", "dpo-ddr", "dpo-ssr", "dpo-unmas"])
        // e-Guide 1.2.1: "ITS is comprised of five teams"; it also hosts the Light Coordination Mechanism
        let its = model.children(of: "dpo-its").filter { $0.kind != .mechanism }
        XCTAssertEqual(its.count, 5)
        XCTAssertTrue(its.allSatisfy { $0.kind == .team })
        XCTAssertEqual(model.children(of: "dpo-its").last?.id, "dpo-lcm")
        // e-Guide 1.2.1: the Force Generation Service "is comprised of" three teams
        XCTAssertEqual(model.children(of: "dpo-oma-fgs").count, 3)
        // e-Guide 1.2.1: OUSG-DPO: front office, Gender Unit, IAPU (prose) and the PKI Coordination Team (listing),
        // and the USG-DPO's Women, Peace and Security Task Force, whose secretariat the Gender Unit is
        XCTAssertEqual(children(model, "dpo-ousg"), ["dpo-ousg-fo", "dpo-gender", "dpo-wpstf", "dpo-iapu", "dpo-pkict"])
        // e-Guide 1.2.1: DPET's Evaluation Team, Service, Cell and Integrated Training Service; PBPS's six teams
        XCTAssertEqual(children(model, "dpo-dpet"), ["dpo-dpet-et", "dpo-pbps", "dpo-sfgcpc", "dpo-its"])
        XCTAssertEqual(model.children(of: "dpo-pbps").count, 6)
        // e-Guide 1.2.1: four standing capacities (police, justice and corrections, DDR, SSR)
        XCTAssertEqual(model.units.filter { $0.kind == .capacity }.count, 4)
    }

    func testDPPACounts() throws {
        let model = try pillar()
        // e-Guide 1.3.1: the seven main offices and divisions of DPPA, and the DPPA Training Reference Group
        XCTAssertEqual(model.children(of: "dppa").filter { $0.kind != .mechanism }.map(\.id),
                       ["dppa-ousg", "dppa-scad", "dppa-ead", "dppa-pmd", "dppa-dpr", "dppa-decol", "dppa-pbso"])
        XCTAssertEqual(model.children(of: "dppa").filter { $0.kind == .mechanism }.map(\.id), ["dppa-trg"])
        // e-Guide 1.3.1: SCAD "consists of three branches and the Military Staff Committee Secretariat"
        XCTAssertEqual(model.children(of: "dppa-scad").filter { $0.kind == .branch }.count, 3)
        XCTAssertEqual(children(model, "dppa-scad").last, "dppa-scad-mscs")
        // e-Guide 1.3.1: "EAD is comprised of three clusters"
        XCTAssertEqual(model.children(of: "dppa-ead").filter { $0.kind == .cluster }.count, 3)
        // e-Guide 1.3.1: "PMD consists of five components"
        XCTAssertEqual(children(model, "dppa-pmd"), ["dppa-pmd-ppu", "dppa-pmd-glu", "dppa-pmd-msu", "dppa-pmd-gps", "dppa-pmd-ic"])
        // e-Guide 1.3: PBSO's two branches and the Peacebuilding Fund; §2.3.4: its half of the joint UNFPA-PBSO
        // Secretariat on Youth, Peace and Security
        XCTAssertEqual(children(model, "dppa-pbso"), ["dppa-pbso-pbcsb", "dppa-pbso-pspb", "dppa-pbf"])
        XCTAssertEqual(children(model, "dppa-pbso-pspb"), ["dppa-pbso-yps"])
    }

    func testODCSSComponentsAndWhomTheyServe() throws {
        let model = try pillar()
        // e-Guide 1.5.1: "ODCSS comprises" seven components; the Gender Parity Team is named in 1.2.1
        let listed = model.children(of: "odcss").filter { $0.source?.section == "1.5.1" }
        XCTAssertEqual(listed.map(\.name), ["Executive Office", "Leadership Support Section", "UN Operations and Crisis Centre",
                                            "Strategic Communications Section", "Focal Point for Security",
                                            "Information Management Unit", "DPO Correspondence Team"])
        XCTAssertEqual(section(model, "odcss-gpt"), "1.2.1")
        // e-Guide 1.5.1: ODCSS advises and supports the USGs of DPPA and DPO; UNOCC "serves both DPO and DPPA"
        for provider in ["odcss", "odcss-eo", "odcss-unocc", "odcss-imu"] {
            for department in ["dpo", "dppa"] {
                XCTAssertNotNil(has(model, .providesServicesTo, provider, department), "\(provider) → \(department)")
            }
        }
        // e-Guide 1.5.1: the FPS "provides DPO with security advice"; the Correspondence Team serves the USG DPO
        XCTAssertNotNil(has(model, .providesServicesTo, "odcss-fps", "dpo"))
        XCTAssertNotNil(has(model, .providesServicesTo, "odcss-dpoct", "dpo"))
        XCTAssertNil(has(model, .providesServicesTo, "odcss-dpoct", "dppa"))
        // Every ODCSS component serves someone.
        for component in model.children(of: "odcss") where component.id != "odcss-gpt" {
            XCTAssertTrue(model.relationships.contains { $0.kind == .providesServicesTo && $0.from == component.id }, component.id)
        }
    }

    func testMissionsBackstoppedByEachDivision() throws {
        let model = try pillar()
        func backstopped(_ division: String) -> [String] {
            model.relationships.filter { $0.kind == .backstops && $0.from == division }.map(\.to)
        }
        // e-Guide 1.4.1: the Middle East Division backstops ten offices and missions, UNSCO first, UNTSO last
        XCTAssertEqual(backstopped("reg-med").count, 10)
        XCTAssertEqual(backstopped("reg-med").first, "unsco")
        XCTAssertEqual(backstopped("reg-med").last, "untso")
        // e-Guide 1.4.1: Asia and the Pacific Division: UNAMA, UNMOGIP, OSE-Myanmar
        XCTAssertEqual(backstopped("reg-apd"), ["unama", "unmogip", "ose-myanmar"])
        // e-Guide 1.4.2: Western Africa Division backstops MINUSMA; Central and Southern Africa MONUSCO and MINUSCA
        XCTAssertTrue(backstopped("reg-wad").contains("minusma"))
        XCTAssertTrue(Set(["monusco", "minusca"]).isSubset(of: Set(backstopped("reg-csad"))))
        // e-Guide 1.4.2: the AU Partnership Team backstops UNOAU
        XCTAssertEqual(backstopped("reg-aupt"), ["unoau"])
        // e-Guide 1.4.3: Americas Division: "two special political missions", UNVMC and BINUH
        XCTAssertEqual(backstopped("reg-ad"), ["unvmc", "binuh"])
        // e-Guide 1.4.3: the ASG for Europe, Central Asia and the Americas supports "five special political
        // missions and two peacekeeping operations"
        let eca = backstopped("reg-ad") + backstopped("reg-ecad")
        let ledBy = { (department: String) in eca.filter { self.has(model, .leadDepartmentFor, department, $0) != nil } }
        XCTAssertEqual(ledBy("dppa").count, 5, "\(eca)")
        XCTAssertEqual(ledBy("dpo").count, 2, "\(eca)")
        // Every backstopped office is a mission of the model (or, for the Cameroon-Nigeria Mixed Commission, a mechanism).
        for relation in model.relationships where relation.kind == .backstops && relation.from.hasPrefix("reg-") {
            XCTAssertTrue([.mission, .mechanism].contains(model.unit(relation.to)?.kind), relation.to)
        }
    }

    // MARK: specific facts, each with its section

    func testDPOFacts() throws {
        let model = try dpo2019()
        // e-Guide 1.2.1: the Under-Secretary-General for Peace Operations heads the Department
        XCTAssertEqual(model.unit("dpo")?.head?.title, "Under-Secretary-General for Peace Operations")
        XCTAssertEqual(model.unit("dpo")?.head?.grade, "USG")
        // e-Guide 1.2.1: OMA is "led by an ASG/Military Advisor"; §2.2.3 and the DPO lesson's "Adviser" is used
        XCTAssertEqual(model.unit("dpo-oma")?.head?.title, "Military Adviser")
        XCTAssertEqual(model.unit("dpo-oma")?.head?.grade, "ASG")
        // e-Guide 1.2.1: OROLSI is led by an ASG
        XCTAssertEqual(model.unit("dpo-orolsi")?.head?.grade, "ASG")
        // e-Guide 1.2.1: the Police Division is part of OROLSI
        XCTAssertEqual(model.unit("dpo-pd")?.parent, "dpo-orolsi")
        XCTAssertEqual(section(model, "dpo-pd"), "1.2.1")
        // e-Guide 1.2.1: the Police Division is led by the UN Police Adviser, who deputizes the ASG
        XCTAssertEqual(model.unit("dpo-pd")?.head?.title, "UN Police Adviser")
        XCTAssertEqual(has(model, .deputizes, "dpo-pd", "dpo-orolsi")?.source?.section, "1.2.1")
        // e-Guide 1.2.1: the Standing Police Capacity is "a rapidly deployable operational wing of the Police Division"
        XCTAssertEqual(model.unit("dpo-pd-spc")?.parent, "dpo-pd")
        XCTAssertEqual(model.unit("dpo-pd-spc")?.kind, .capacity)
        XCTAssertTrue(model.unit("dpo-pd-spc")?.aliases.contains("Standing Policy Capacity") ?? false, "§1.6.2's spelling kept as alias")
        // e-Guide 1.2.1: the Gender Unit sits in OUSG-DPO
        XCTAssertEqual(model.unit("dpo-gender")?.parent, "dpo-ousg")
        // e-Guide 1.2.1: "Integrated Assessment and Planning Unit" (listing, heading, prose), alias of the opening sentence
        XCTAssertEqual(model.unit("dpo-iapu")?.name, "Integrated Assessment and Planning Unit")
        XCTAssertEqual(model.unit("dpo-iapu")?.aliases, ["Integrated Assessments and Planning Unit"])
        // e-Guide 1.2.1: OMA co-chairs the SFGCPC within DPET
        XCTAssertEqual(model.unit("dpo-sfgcpc")?.parent, "dpo-dpet")
        XCTAssertEqual(has(model, .chairs, "dpo-oma", "dpo-sfgcpc")?.source?.section, "1.2.1")
        // e-Guide 1.2.1: the USG oversees the Director of DPET and the Director of OPSP
        XCTAssertNotNil(has(model, .oversees, "dpo", "dpo-dpet"))
        XCTAssertEqual(model.unit("dpo-opsp")?.head?.title, "Director")
        // e-Guide 1.2.1 vs DPO lesson: "Military Performance Evaluation Taskforce", lesson's "Team" kept as alias
        XCTAssertEqual(model.unit("dpo-oma-mpet")?.name, "Military Performance Evaluation Taskforce")
        XCTAssertEqual(model.unit("dpo-oma-mpet")?.aliases, ["Military Performance Evaluation Team"])
        // e-Guide 1.2.1: "Policy Planning Team" (prose), "Policy and Planning Team" (listing); its place in PBPS is inferred
        XCTAssertEqual(model.unit("dpo-pbps-ppt")?.name, "Policy Planning Team")
        XCTAssertEqual(model.unit("dpo-pbps-ppt")?.source?.inferred, true)
        // e-Guide 1.2.1: SSRU manages the Standing Capacity on SSR
        XCTAssertEqual(model.unit("dpo-ssr-sc")?.parent, "dpo-ssr")
        // e-Guide 2.2.3: the Secretary-General delegates the direction of peacekeeping to the USG-DPO
        XCTAssertEqual(has(model, .delegatesAuthority, "sg", "dpo")?.source?.section, "2.2.3")
    }

    func testDPPAFacts() throws {
        let model = try pillar()
        // e-Guide 1.3.1: the USG-DPPA is also the UN system's focal point for electoral assistance (a second hat)
        XCTAssertEqual(model.unit("dppa")?.head?.title, "Under-Secretary-General for Political and Peacebuilding Affairs")
        XCTAssertEqual(model.unit("dppa")?.head?.roles.count, 1)
        // e-Guide 1.3.1: PBSO is led by an ASG and administers the Peacebuilding Fund
        XCTAssertEqual(model.unit("dppa-pbso")?.head?.grade, "ASG")
        XCTAssertEqual(model.unit("dppa-pbf")?.parent, "dppa-pbso")
        XCTAssertEqual(model.unit("dppa-pbf")?.kind, .fund)
        XCTAssertEqual(has(model, .oversees, "dppa-pbso", "dppa-pbf")?.source?.section, "1.3.1")
        // e-Guide 1.3.1: prose heading "Cluster III Strategic Partnerships and Resource Mobilization"; listing name as alias
        XCTAssertEqual(model.unit("dppa-ead-c3")?.name, "Cluster III Strategic Partnerships and Resource Mobilization")
        XCTAssertEqual(model.unit("dppa-ead-c3")?.aliases, ["Cluster III Strategic Partnerships"])
        // e-Guide 1.3.1: the Principal Electoral Affairs Officer works under the authority of the head of UNOAU
        XCTAssertEqual(has(model, .reportsTo, "dppa-ead-peao", "unoau")?.source?.section, "1.3.1")
        // e-Guide 1.3.1: the Innovation Cell is a component of PMD
        XCTAssertEqual(model.unit("dppa-pmd-ic")?.kind, .cell)
        XCTAssertEqual(section(model, "dppa-pmd-ic"), "1.3.1")
        // e-Guide 1.2.1 / 1.3.1: KMG-DPET and GLU-PMD jointly manage the Policy and Practice Database
        XCTAssertNotNil(has(model, .coordinatesWith, "dpo-pbps-kmg", "dppa-pmd-glu"))
        // e-Guide 1.3.1: SCAD serves the Security Council
        XCTAssertTrue(model.relationships.contains { $0.from == "dppa-scad" && $0.to == "security-council" && $0.kind == .secretariatOf })
    }

    func testRegionalFacts() throws {
        let model = try pillar()
        // e-Guide 1.4: the regional structure serves both Departments, through "the appropriate USG"
        XCTAssertEqual(has(model, .dualReporting, "reg", "dpo")?.source?.section, "1.4")
        XCTAssertEqual(has(model, .dualReporting, "reg", "dppa")?.source?.section, "1.4")
        // e-Guide 1.2.1: the USG-DPO oversees the ASGs of the regional structure on peacekeeping;
        // e-Guide 1.4: each ASG reports through "the appropriate USG", of DPO or of DPPA
        for asg in ["reg-asg-mea", "reg-asg-africa", "reg-asg-eca"] {
            XCTAssertEqual(has(model, .oversees, "dpo", asg)?.source?.section, "1.2.1", asg)
            XCTAssertNotNil(has(model, .dualReporting, asg, "dpo"), asg)
            XCTAssertNotNil(has(model, .dualReporting, asg, "dppa"), asg)
        }
        // e-Guide 1.5.1: ODCSS serves the executive direction of both Departments (a reporting line inferred)
        XCTAssertEqual(has(model, .dualReporting, "odcss", "dppa")?.source?.inferred, true)
        // e-Guide 1.4.2: the ASG for Africa's office exists ("embedded in the office of the ASG for Africa")
        XCTAssertEqual(model.unit("reg-asg-africa")?.head?.title, "Assistant Secretary-General for Africa")
        XCTAssertEqual(model.unit("reg-aupt")?.parent, "reg-asg-africa")
        // e-Guide 1.4.1: the other two ASGs' offices are inferred
        XCTAssertEqual(model.unit("reg-asg-mea")?.source?.inferred, true)
        // e-Guide 1.4.2: the Eastern Africa Division includes the DPPA Liaison Team based in Nairobi
        XCTAssertEqual(model.unit("reg-ead-nairobi")?.parent, "reg-ead")
        // e-Guide 1.4.2: "Northern Africa Division" (prose); the glossary's "North Africa Division" kept as alias
        XCTAssertEqual(model.unit("reg-nad")?.aliases, ["North Africa Division"])
        // e-Guide 1.4.2: Eastern Africa Division backstops UNMISS and UNISFA
        XCTAssertEqual(has(model, .backstops, "reg-ead", "unmiss")?.source?.section, "1.4.2")
        XCTAssertNotNil(has(model, .backstops, "reg-ead", "unisfa"))
        // e-Guide 1.4.3: Europe and Central Asia Division backstops UNFICYP and UNMIK
        XCTAssertEqual(has(model, .backstops, "reg-ecad", "unmik")?.source?.section, "1.4.3")
        // e-Guide 1.4: IOTs sit in the regional structure and engage with liaison officers from OMA and PD
        XCTAssertEqual(model.unit("reg-iots")?.parent, "reg")
        XCTAssertNotNil(has(model, .coordinatesWith, "reg-iots", "dpo-pd"))
    }

    func testCrossPartFacts() throws {
        let model = try pillar()
        // e-Guide 1.6.2: the standing capacities owned by DPO are hosted at the Global Service Centre
        for capacity in ["dpo-pd-spc", "dpo-jcs-jcsc", "dpo-ddr-sc"] {
            XCTAssertEqual(has(model, .hosts, "gsc", capacity)?.source?.section, "1.6.2", capacity)
            XCTAssertTrue(model.unit(capacity)?.parent?.hasPrefix("dpo-") ?? false, "hosting is not ownership")
        }
        // e-Guide 2.2.3: heads of military and police components keep a technical reporting link to OMA and PD
        XCTAssertTrue(model.relationships.contains { $0.kind == .technicalReporting && $0.to == "dpo-oma" })
        XCTAssertTrue(model.relationships.contains { $0.kind == .technicalReporting && $0.to == "dpo-pd" })
        // e-Guide 1.2.1: "The SSR Unit backstops the SSR components in the field"
        XCTAssertEqual(has(model, .backstops, "dpo-ssr", "pko-ssr")?.source?.section, "1.2.1")
        // e-Guide 1.5.1 / 1.2.1: the Assessment Team works with UNOCC
        XCTAssertNotNil(has(model, .coordinatesWith, "dpo-oma-at", "odcss-unocc"))
        // e-Guide 1.2.1: the Training Policy and Standards Team prepares reports to the C-34
        XCTAssertNotNil(has(model, .providesServicesTo, "dpo-its-tpst", "c34"))
    }

    // MARK: the chart

    func testDPOOrganigrammeHasOneBoxPerUnitAndTheDepartmentOnTop() throws {
        let model = try dpo2019()
        let chart = try Views.chart(.organigramme, of: model)
        XCTAssertEqual(chart.boxes.count, model.units.count - 1, "every unit but the pillar")
        XCTAssertEqual(chart.boxes.first?.id, "dpo")
        XCTAssertEqual(chart.boxes.first?.heading, "Department of Peace Operations (DPO)")
        XCTAssertTrue(chart.boxes.contains { $0.heading == "Office of Military Affairs (OMA)" && $0.details == ["Military Adviser (ASG)"] })
    }
}
