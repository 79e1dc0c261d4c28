import BuiltinModels
import Foundation
import OrgModel
import XCTest

/// Checks of part B of the built-in models: the Department of Operational Support, its service centres, the field
/// missions, the generic peacekeeping operation and the intergovernmental bodies of `peace-security-2021`, and the
/// 2007 restructuring of DPKO (`dpko-2007` → `dpko-2008`). Counts the texts state are asserted as checksums; each
/// fact cites the section of the text that states it.
final class PillarPartBTests: XCTestCase {
    func pillar() throws -> Model { try BuiltinModels.load("peace-security-2021").valid() }

    /// The relationship of `kind` from `from` to `to`, if the model has it.
    func line(_ model: Model, _ kind: RelationKind, _ from: String, _ to: String) -> Relationship? {
        model.relationships.first { $0.kind == kind && $0.from == from && $0.to == to }
    }

    /// Units declared in the part file `name` (e.g. `_missions.yaml`).
    func units(_ model: Model, in name: String) -> [OrgModel.Unit] {
        model.units.filter { $0.location?.file.hasSuffix("/" + name) ?? false }
    }

    // MARK: - Every built-in model is valid and sourced

    func testEveryUnitAndRelationshipOfEveryBuiltinModelHasASource() throws {
        XCTAssertTrue(BuiltinModels.ids.contains("peace-security-2021"))
        XCTAssertTrue(BuiltinModels.ids.contains("dpko-2007"))
        XCTAssertTrue(BuiltinModels.ids.contains("dpko-2008"))
        for id in BuiltinModels.ids {
            let loaded = BuiltinModels.load(id)
            XCTAssertTrue(loaded.isValid, "\(id): \(loaded.diagnostics)")
            guard let model = loaded.model else { continue }
            for unit in model.units {
                XCTAssertNotNil(unit.source, "\(id): unit \(unit.id) has no source")
                if let source = unit.source { XCTAssertNotNil(model.document(source.document), "\(id): \(unit.id) cites \(source)") }
                for entry in unit.lineage { XCTAssertNotNil(entry.source, "\(id): lineage of \(unit.id) has no source") }
            }
            for relation in model.relationships {
                XCTAssertNotNil(relation.source, "\(id): \(relation.kind.rawValue) \(relation.from) → \(relation.to) has no source")
            }
        }
    }

    func testPillarDeclaresItsDocumentsAndTheSecretaryGeneral() throws {
        let model = try pillar()
        XCTAssertEqual(model.id, "peace-security-2021")
        XCTAssertEqual(model.title, "Peace and Security Pillar")
        XCTAssertEqual(model.root, "pillar")
        XCTAssertEqual(model.unit("pillar")?.kind, .pillar)
        XCTAssertEqual(model.document("eguide")?.title, "e-Guide for staff supporting the UN Peace and Security Pillar")
        XCTAssertEqual(model.document("dpo-lesson")?.title, "Training lesson 1.3: Department of Peace Operations (DPO)")
        XCTAssertEqual(model.post("sg")?.grade, "SG")
        // Departments sit in the pillar and are accountable to the Secretary-General.
        for department in ["dpo", "dppa", "dos"] {
            XCTAssertEqual(model.unit(department)?.parent, "pillar", department)
            XCTAssertNotNil(line(model, .accountableTo, department, "sg"), department)
        }
        // eguide §2.2.3: the SG delegates the strategic management of all peacekeeping operations to the USG-DPO.
        XCTAssertEqual(line(model, .delegatesAuthority, "sg", "dpo")?.source?.section, "2.2.3")
    }

    // MARK: - Missions (eguide §1.4, §2.1.1)

    func testMissionChecksums() throws {
        let model = try pillar()
        let missions = units(model, in: "_missions.yaml").filter { $0.kind == .mission && $0.parent == nil }
        let ledBy = { (department: String) in
            Set(model.relationships.filter { $0.kind == .leadDepartmentFor && $0.from == department }.map(\.to))
        }
        // eguide §1.4.1-§1.4.3: the regional divisions backstop 12 peacekeeping operations, all led by DPO (§2.1.1).
        XCTAssertEqual(ledBy("dpo"), ["untso", "unmogip", "undof", "unifil", "minurso", "minusma", "unmiss", "unisfa",
                                      "monusco", "minusca", "unficyp", "unmik"])
        // ... and 23 special political missions and envoys' offices, led by DPPA (§2.1.1).
        let missionIDs = Set(missions.map(\.id))
        XCTAssertEqual(ledBy("dppa").intersection(missionIDs).count, 23)
        XCTAssertEqual(ledBy("dppa").subtracting(missionIDs), [])
        // eguide §2.1.1: DOS "leads one support field mission".
        XCTAssertEqual(ledBy("dos"), ["unsos"])
        XCTAssertEqual(missions.count, 12 + 23 + 1)
        // Every mission has exactly one lead department.
        for mission in missions {
            XCTAssertEqual(model.relationships.filter { $0.kind == .leadDepartmentFor && $0.to == mission.id }.count, 1, mission.id)
        }
        // eguide §1.4.3: the ASG for Europe, Central Asia and the Americas supports "five special political missions
        // and two peacekeeping operations".
        let eca = missions.filter { ($0.note ?? "").contains("Americas Division") || ($0.note ?? "").contains("Europe and Central Asia Division") }
        XCTAssertEqual(eca.filter { ledBy("dppa").contains($0.id) }.count, 5)
        XCTAssertEqual(eca.filter { ledBy("dpo").contains($0.id) }.count, 2)
        // eguide §1.4.1: the Middle East Division backstops ten presences (UNSCO ... UNTSO).
        XCTAssertEqual(missions.filter { ($0.note ?? "").contains("Middle East Division") }.count, 10)
    }

    func testMissionFacts() throws {
        let model = try pillar()
        // eguide §1.4.2: MINUSCA is backstopped by the Central and Southern Africa Division; led by DPO (§2.1.1).
        let minusca = try XCTUnwrap(model.unit("minusca"))
        XCTAssertEqual(minusca.name, "UN Multidimensional Integrated Stabilization Mission in the Central African Republic")
        XCTAssertTrue(minusca.note?.contains("Central and Southern Africa Division") ?? false)
        XCTAssertEqual(line(model, .leadDepartmentFor, "dpo", "minusca")?.source?.section, "2.1.1")
        // eguide §1.4.2: the prose writes "for Abyei"; the glossary's "in Abyei" is kept as an alias.
        XCTAssertEqual(model.unit("unisfa")?.name, "UN Interim Security Force for Abyei")
        XCTAssertTrue(model.unit("unisfa")?.aliases.contains("UN Interim Security Force in Abyei") ?? false)
        // eguide §1.4.3: UNMIK includes the UN Office in Belgrade.
        XCTAssertEqual(model.unit("unmik-belgrade")?.parent, "unmik")
        // eguide §2.4.2: UNSOS provides mission support services to UNSOM.
        XCTAssertEqual(line(model, .providesServicesTo, "unsos", "unsom")?.source?.section, "2.4.2")
        // eguide §1.6.1: the Support Partnerships Service has a dedicated capacity for backstopping UNSOS.
        XCTAssertEqual(model.unit("dos-dsa-sps-unsos")?.parent, "dos-dsa-sps")
        XCTAssertEqual(line(model, .backstops, "dos-dsa-sps-unsos", "unsos")?.source?.section, "1.6.1")
        // UNOAU is not called an SPM by the e-Guide: its lead department is an inference.
        XCTAssertEqual(line(model, .leadDepartmentFor, "dppa", "unoau")?.source?.inferred, true)
    }

    // MARK: - Department of Operational Support (eguide §1.6, §1.6.1)

    func testDOSStructure() throws {
        let model = try pillar()
        let dos = try XCTUnwrap(model.unit("dos"))
        XCTAssertEqual(dos.head?.title, "Under-Secretary-General for Operational Support")
        // eguide §1.6.1: six main offices and divisions, in the order of the text; then "DOS's Global Assessment
        // Management Cell" (§2.4.1), whose place in the Department is not stated.
        XCTAssertEqual(model.children(of: "dos").map(\.name), [
            "Office of the Under-Secretary-General", "Office of Support Operations", "Office of Supply Chain Management",
            "Office of Information and Communication Technology", "Division for Special Activities",
            "Division of Administration, New York", "Global Assessment Management Cell",
        ])
        // eguide §1.6.1: the OUSG "consists of" four units, in the prose's order.
        XCTAssertEqual(model.children(of: "dos-ousg").map(\.id), ["dos-sss", "dos-pas", "dos-arbois", "dos-es"])
        // eguide §1.6.1: OSCM "consists of the Logistics, Procurement, and Uniformed Capabilities Support Divisions, the
        // Aviation Safety Section and the Enabling and Outreach Service" — plus the Global Service Centre.
        XCTAssertEqual(model.children(of: "dos-oscm").map(\.id), ["dos-ld", "dos-pd", "dos-ucsd", "dos-avss", "dos-eos", "gsc"])
        // eguide §1.6.1: DHMOSH is led by the Medical Director and has five sections/offices.
        XCTAssertEqual(model.unit("dos-dhmosh")?.head?.title, "Medical Director")
        XCTAssertEqual(model.children(of: "dos-dhmosh").count, 5)
        // eguide §1.6.1: OICT is led by an ASG/Chief Information Technology Officer, with dual reporting to DOS and DMSPC.
        XCTAssertEqual(model.unit("dos-oict")?.head?.grade, "ASG")
        XCTAssertEqual(line(model, .dualReporting, "dos-oict", "dmspc")?.source?.section, "1.6.1")
        XCTAssertNotNil(line(model, .dualReporting, "dos-oict", "dos"))
        // eguide §1.6.1: the Aviation Safety Section reports directly to the ASG-OSCM.
        XCTAssertNotNil(line(model, .accountableTo, "dos-avss", "dos-oscm"))
        // eguide §1.6.1: the prose's "Boards of Inquiry" is preferred; the listing's name is an alias.
        XCTAssertEqual(model.unit("dos-arbois")?.name, "Audit Response and Boards of Inquiry Section")
        XCTAssertTrue(model.unit("dos-arbois")?.aliases.contains("Audit Response and Board of Inquiry Section") ?? false)
        // eguide §1.6.1: the Management Client Board is co-chaired by the heads of DOS and DMSPC.
        XCTAssertNotNil(line(model, .chairs, "dos", "dos-mcb"))
        XCTAssertNotNil(line(model, .chairs, "dmspc", "dos-mcb"))
        // eguide §1.6.1: UCSD supports OMA's and PD's force and police generation.
        XCTAssertNotNil(line(model, .providesServicesTo, "dos-ucsd", "dpo-oma"))
        XCTAssertNotNil(line(model, .providesServicesTo, "dos-ucsd", "dpo-pd"))
        // eguide §1.6.2: the Global Procurement Support Section in Entebbe is part of the Procurement Division.
        XCTAssertEqual(model.unit("dos-pd-gpss")?.parent, "dos-pd")
    }

    // MARK: - Service centres (eguide §1.6.2)

    func testServiceCentres() throws {
        let model = try pillar()
        let centres = model.units.filter { $0.kind == .serviceCentre }
        // eguide §1.6.2: a global service centre (Brindisi and Valencia), a regional one in Entebbe and the KJSO.
        XCTAssertEqual(Set(centres.map(\.id)), ["gsc", "rsce", "kjso"])
        // eguide §1.6.1: OSO includes the RSCE and the KJSO; OSCM includes the Global Service Centre, and its ASG oversees it.
        XCTAssertEqual(model.unit("rsce")?.parent, "dos-oso")
        XCTAssertEqual(model.unit("kjso")?.parent, "dos-oso")
        XCTAssertEqual(model.unit("gsc")?.parent, "dos-oscm")
        XCTAssertNotNil(line(model, .oversees, "dos-oscm", "gsc"))
        // eguide §1.6.2: UNGSC comprises three core service areas.
        XCTAssertEqual(model.children(of: "gsc").map(\.id), ["gsc-scs", "gsc-sgitt", "gsc-cs"])
        // eguide §1.6.2: UNGSC serves all peacekeeping and special political missions (12 + 23).
        let gscClients = model.relationships.filter { $0.kind == .providesServicesTo && $0.from == "gsc" }
        XCTAssertEqual(gscClients.count, 35)
        // eguide §1.6.2: RSCE serves 20 client missions based in Africa, not named: the lines are inferred and no more than 20.
        let rsceClients = model.relationships.filter { $0.kind == .providesServicesTo && $0.from == "rsce" }
        XCTAssertFalse(rsceClients.isEmpty)
        XCTAssertLessThanOrEqual(rsceClients.count, 20)
        XCTAssertTrue(rsceClients.allSatisfy { $0.source?.inferred == true })
        // eguide §1.6.2: UNGSC hosts tenant units it does not own — the Standing Police Capacity stays in DPO.
        XCTAssertNotNil(line(model, .hosts, "gsc", "saoc"))
        XCTAssertNotNil(line(model, .hosts, "gsc", "dpo-pd-spc"))
        XCTAssertNotEqual(model.unit("dpo-pd-spc")?.parent, "gsc")
        XCTAssertNil(model.unit("saoc")?.parent)
        // eguide §1.6.1: the UN Signals Academy is managed by OICT and operates out of the RSCE.
        XCTAssertEqual(model.unit("dos-oict-unsa")?.parent, "dos-oict")
        XCTAssertEqual(line(model, .hosts, "rsce", "dos-oict-unsa")?.source?.section, "1.6.1")
        // eguide §1.6.2: KJSO serves 18 missions (8 full and 10 payroll clients); the number is in its note.
        XCTAssertTrue(model.unit("kjso")?.note?.contains("18 UN missions") ?? false)
    }

    // MARK: - Generic peacekeeping operation (eguide §2.2.3, §2.2.4)

    func testGenericPeacekeepingOperation() throws {
        let model = try pillar()
        let pko = try XCTUnwrap(model.unit("pko"))
        // eguide §2.2.3: the Head of Mission generally holds the title of SRSG and is normally the Designated Official.
        XCTAssertEqual(pko.head?.title, "Special Representative of the Secretary-General")
        XCTAssertTrue(pko.head?.roles.contains("Designated Official for Security") ?? false)
        // eguide §2.2.3: the other DSRSG is also Resident Coordinator and, in humanitarian settings, Humanitarian Coordinator.
        XCTAssertEqual(model.unit("pko-dsrsg-rc-hc")?.head?.roles, ["Resident Coordinator", "Humanitarian Coordinator"])
        XCTAssertNotNil(line(model, .deputizes, "pko-principal-dsrsg", "pko"))
        // eguide §2.2.3: Force Commander, Police Commissioner, Director or Chief of Mission Support.
        XCTAssertEqual(model.unit("pko-military")?.head?.title, "Force Commander")
        XCTAssertEqual(model.unit("pko-police")?.head?.title, "Police Commissioner")
        XCTAssertEqual(model.unit("pko-mission-support")?.head?.title, "Director or Chief of Mission Support")
        // eguide §2.2.3: chain of command through the heads of the military and police components.
        XCTAssertEqual(line(model, .commands, "pko", "pko-military")?.source?.section, "2.2.3")
        XCTAssertNotNil(line(model, .commands, "pko-military", "pko-military-contingents"))
        XCTAssertNotNil(line(model, .commands, "pko-police", "pko-police-fpu"))
        // eguide §2.2.3: technical reporting links to the UN Military Adviser (OMA) and the UN Police Adviser (PD).
        XCTAssertEqual(line(model, .technicalReporting, "pko-military", "dpo-oma")?.source?.section, "2.2.3")
        XCTAssertEqual(line(model, .technicalReporting, "pko-police", "dpo-pd")?.source?.section, "2.2.3")
        // eguide §2.2.4: three categories of military personnel; eleven substantive components listed.
        XCTAssertEqual(model.children(of: "pko-military").count, 3)
        XCTAssertEqual(model.children(of: "pko-substantive").count, 11)
        // eguide §2.5.2: the SG delegates authority directly to heads of missions.
        XCTAssertNotNil(line(model, .delegatesAuthority, "sg", "pko"))
    }

    // MARK: - Intergovernmental bodies (eguide §3.1, §3.2)

    func testBodies() throws {
        let model = try pillar()
        // eguide §3.1.1: "There are six main Committees of the General Assembly."
        XCTAssertEqual(model.children(of: "general-assembly").filter { $0.id.hasPrefix("ga-") }.count, 6)
        // eguide §3.1.1: the C-34 is "a specialized body of the Fourth Committee".
        XCTAssertEqual(model.unit("c34")?.parent, "ga-fourth-committee")
        XCTAssertEqual(model.unit("c34")?.abbreviation, "C-34")
        // eguide §3.2.1: ACABQ is a subsidiary organ of the General Assembly.
        XCTAssertEqual(model.unit("acabq")?.parent, "general-assembly")
        for body in ["security-council", "ga-fourth-committee", "ga-fifth-committee", "c34", "pbc", "acabq"] {
            XCTAssertEqual(model.unit(body)?.kind, .body, body)
        }
        // eguide §1.3.1: SCAD provides substantive and secretariat support to the Security Council.
        XCTAssertEqual(line(model, .secretariatOf, "dppa-scad", "security-council")?.source?.section, "1.3.1")
        // eguide §3.1.6: the PBC is supported by PBSO.
        XCTAssertNotNil(line(model, .providesServicesTo, "dppa-pbso", "pbc"))
        // eguide §3.1.1: DPET of DPO is the C-34 focal point for the Secretariat.
        XCTAssertNotNil(line(model, .providesServicesTo, "dpo-dpet", "c34"))
        // eguide §1.6.1: DOS's Strategic Support Service manages inputs to reports to the SC, C-34, ACABQ, Fourth and Fifth Committees.
        let sss = Set(model.relationships.filter { $0.kind == .providesServicesTo && $0.from == "dos-sss" }.map(\.to))
        XCTAssertEqual(sss, ["security-council", "c34", "acabq", "ga-fourth-committee", "ga-fifth-committee"])
    }

    // MARK: - DPKO before and after the 2007 restructuring (A/62/659)

    func testRestructuring2007() throws {
        let before = try BuiltinModels.load("dpko-2007").valid()
        let after = try BuiltinModels.load("dpko-2008").valid()
        XCTAssertEqual(after.document("a-62-659")?.symbol, "A/62/659")
        XCTAssertEqual(after.document("a-62-659")?.date, "2007-12-28")

        // a-62-659 §6: DFS was established on 1 July 2007 — absent before, present after, split from DPKO (inferred).
        XCTAssertNil(before.unit("dfs"))
        let dfs = try XCTUnwrap(after.unit("dfs"))
        XCTAssertEqual(dfs.source?.section, "6")
        XCTAssertEqual(dfs.lineage.first?.kind, .splitFrom)
        XCTAssertEqual(dfs.lineage.first?.unit, "dpko")
        XCTAssertEqual(dfs.lineage.first?.source?.inferred, true)
        // a-62-659 §10: DFS reports to and takes direction from the USG for Peacekeeping Operations.
        XCTAssertNotNil(line(after, .reportsTo, "dfs", "dpko"))
        // a-62-659 §8: the Divisions of Field Budget and Finance and of Field Personnel.
        XCTAssertEqual(after.children(of: "dfs").count, 2)

        // a-62-659 §22: the Military Division was renamed the Office of Military Affairs; the Military Adviser upgraded to ASG.
        XCTAssertEqual(before.unit("dpko-md")?.name, "Military Division")
        let oma = try XCTUnwrap(after.unit("dpko-oma"))
        XCTAssertEqual(oma.lineage.map(\.kind), [.formerly])
        XCTAssertEqual(oma.lineage.first?.unit, "dpko-md")
        XCTAssertEqual(oma.lineage.first?.source?.section, "22")
        XCTAssertEqual(oma.head?.grade, "ASG")
        // a-62-659 §24: the strategic military cell becomes a crisis cell within OMA, with direct access in a crisis.
        XCTAssertEqual(after.unit("dpko-oma-crisis-cell")?.lineage.first?.unit, "dpko-smc")
        XCTAssertNotNil(line(after, .directAccess, "dpko-oma-crisis-cell", "dpko"))

        // a-62-659 §26: OROLSI is new and consolidates police, justice, corrections, mine action and DDR, plus a new SSR capacity.
        XCTAssertNil(before.unit("dpko-orolsi"))
        XCTAssertEqual(after.unit("dpko-orolsi")?.head?.title, "Assistant Secretary-General for the Rule of Law and Security Institutions")
        XCTAssertEqual(after.children(of: "dpko-orolsi").map(\.id),
                       ["dpko-pd", "dpko-justice", "dpko-corrections", "dpko-unmas", "dpko-ddrs", "dpko-ssru"])
        for moved in ["dpko-pd", "dpko-justice", "dpko-corrections", "dpko-unmas", "dpko-ddrs"] {
            XCTAssertNotNil(before.unit(moved), moved)
            XCTAssertNotEqual(before.unit(moved)?.parent, "dpko-orolsi", moved)
        }
        XCTAssertNil(before.unit("dpko-ssru"))

        // a-62-659 §31: DPET was established on 1 July 2007 with the existing PBPS and ITS and two new teams.
        XCTAssertNil(before.unit("dpko-dpet"))
        XCTAssertEqual(after.children(of: "dpko-dpet").map(\.id), ["dpko-pbps", "dpko-its", "dpko-dpet-evaluation", "dpko-dpet-partnerships"])
        XCTAssertEqual(before.unit("dpko-pbps")?.parent, "dpko")
        XCTAssertNotNil(line(after, .providesServicesTo, "dpko-dpet", "dfs"))

        // a-62-659 §16: the Situation Centre moved from the Office of Operations to the Office of the USG.
        XCTAssertEqual(before.unit("dpko-sitcen")?.parent, "dpko-oo")
        XCTAssertEqual(after.unit("dpko-sitcen")?.parent, "dpko-ousg")
        // a-62-659 §15: the Public Affairs Unit was created within the Office of the USG on 1 July 2007.
        XCTAssertNil(before.unit("dpko-pas"))
        XCTAssertEqual(after.unit("dpko-pas")?.parent, "dpko-ousg")
        // a-62-659 §17-18: six integrated operational teams in the four regional divisions of the Office of Operations.
        XCTAssertEqual(after.children(of: "dpko-oo").filter { $0.kind == .division }.map(\.id), ["dpko-afd1", "dpko-afd2", "dpko-elad", "dpko-amed"])
        let teams = after.children(of: "dpko-oo").flatMap { after.children(of: $0.id) }.filter { $0.kind == .team }
        XCTAssertEqual(teams.count, 6)
        // a-62-659 §28: the Police Adviser has direct access to the USG.
        XCTAssertNotNil(line(after, .directAccess, "dpko-pd", "dpko"))

        // Ids line up with dpko-2010 where the unit is the same.
        let later = try BuiltinModels.load("dpko-2010").valid()
        for id in ["dpko", "dpko-oma", "dpko-orolsi", "dpko-dpet", "dpko-pd", "dpko-unmas", "dpko-its", "dpko-pbps", "dpko-sitcen", "dfs"] {
            XCTAssertNotNil(later.unit(id), id)
            XCTAssertNotNil(after.unit(id), id)
        }
    }
}
