import BuiltinModels
import ChartGraph
import Foundation
import OrgChart
import OrgDiff
import OrgModel
import XCTest

/// A model read from YAML text, failing the test when it is not valid.
func diffModel(_ yaml: String, file: String = "model.yaml") throws -> Model {
    try ModelLoader.load(file: file) { _ in yaml }.valid()
}

/// The review of two models given as YAML.
func review(_ old: String, _ new: String, mapping: Mapping = Mapping()) throws -> RestructuringReview {
    try Restructuring(old: Snapshot(diffModel(old)), new: Snapshot(diffModel(new)), mapping: mapping).review()
}

/// A department with two divisions, three sections and two lines, written so that tests can
/// change one thing at a time with `replacingOccurrences`.
let diffBase = """
model: before
title: Small Department
date: "2024-01-01"
root: dept
documents:
  - {id: doc, symbol: ST/SGB/2024/1, title: Organization of the Small Department}
units:
  - {id: dept, name: Small Department, abbreviation: SD, kind: department, head: {title: Under-Secretary-General, grade: USG, source: doc §2}, source: doc §2}
  - {id: div-a, name: Division of Policy, kind: division, parent: dept, head: {title: Director, grade: D-2, source: doc §3}, source: doc §3}
  - {id: div-b, name: Division of Support, kind: division, parent: dept, source: doc §4}
  - {id: sec-a1, name: Planning Section, kind: section, parent: div-a, source: doc §3.1}
  - {id: sec-a2, name: Guidance Section, kind: section, parent: div-a, source: doc §3.2}
  - {id: sec-b1, name: Logistics Section, kind: section, parent: div-b, source: doc §4.1}
relationships:
  - {kind: accountable-to, from: sec-a1, to: div-a, source: doc §3.1}
  - {kind: also-accountable-to, from: div-b, to: div-a, source: doc §4.2}
  - {kind: provides-services-to, from: div-b, to: div-a, source: doc §4.3}
"""

final class DiffTests: XCTestCase {
    // MARK: Each class of change on small models

    func testIdenticalSnapshotsAreAllUnchanged() throws {
        let result = try review(diffBase, diffBase)
        XCTAssertEqual(result.actualChanges.count, 0)
        XCTAssertEqual(result.counts, [.unchanged: 6])
        XCTAssertTrue(result.lineChanges.isEmpty)
    }

    func testRenamingAUnitInACopyIsOneRename() throws {
        let result = try review(diffBase, diffBase.replacingOccurrences(of: "name: Division of Policy", with: "name: Division of Policy and Guidance"))
        XCTAssertEqual(result.actualChanges.count, 1)
        let change = try XCTUnwrap(result.actualChanges.first)
        XCTAssertEqual(change.kinds, [.renamed])
        XCTAssertEqual(change.old, ["div-a"])
        XCTAssertEqual(change.new, ["div-a"])
        XCTAssertTrue(change.summary.contains("Division of Policy → Division of Policy and Guidance"), change.summary)
        XCTAssertTrue(change.sources.contains("after: ST/SGB/2024/1 §3"), "\(change.sources)")
        XCTAssertNil(result.counts[.added])
        XCTAssertNil(result.counts[.removed])
    }

    func testRenameWithANewIdIsFoundByStatedLineage() throws {
        let new = diffBase.replacingOccurrences(
            of: "{id: div-a, name: Division of Policy, kind: division, parent: dept,",
            with: "{id: dpg, name: Policy and Guidance Division, kind: division, parent: dept, lineage: [{kind: formerly, unit: div-a, source: doc §9}],")
            .replacingOccurrences(of: "parent: div-a", with: "parent: dpg").replacingOccurrences(of: "to: div-a", with: "to: dpg")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.renamed]])
        let match = try XCTUnwrap(result.matches.first { $0.new == "dpg" })
        XCTAssertEqual(match.old, "div-a")
        XCTAssertEqual(match.basis, .lineage)
        XCTAssertTrue(match.stated)
        XCTAssertEqual(match.source, "ST/SGB/2024/1 §9")
        XCTAssertTrue(result.actualChanges[0].sources.contains("lineage: ST/SGB/2024/1 §9"))
        XCTAssertTrue(result.lineChanges.isEmpty, "lines follow the renamed unit: \(result.lineChanges.map(\.summary))")
    }

    func testRenameWithANewIdAndNoLineageIsFoundByName() throws {
        let new = diffBase.replacingOccurrences(of: "{id: sec-b1, name: Logistics Section,", with: "{id: lss, name: Logistics Support Section,")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.renamed]])
        let match = try XCTUnwrap(result.matches.first { $0.new == "lss" })
        XCTAssertEqual(match.basis, .name)
        XCTAssertFalse(match.stated)
        XCTAssertGreaterThan(match.confidence, 0.6)
        XCTAssertLessThan(match.confidence, 1)
    }

    func testMovingASectionToAnotherDivisionIsAMove() throws {
        let new = diffBase.replacingOccurrences(of: "{id: sec-a1, name: Planning Section, kind: section, parent: div-a,",
                                                with: "{id: sec-a1, name: Planning Section, kind: section, parent: div-b,")
            .replacingOccurrences(of: "{kind: accountable-to, from: sec-a1, to: div-a,", with: "{kind: accountable-to, from: sec-a1, to: div-b,")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.moved]], "the accountability that follows the parent is part of the move")
        XCTAssertTrue(result.actualChanges[0].summary.contains("from Division of Policy to Division of Support"))
        XCTAssertTrue(result.lineChanges.isEmpty)
        let chart = try ReviewCharts.merged(result)
        XCTAssertEqual(chart.boxes.first { $0.id == "sec-a1" }?.style, "diff-moved")
        XCTAssertFalse(chart.lines.contains { $0.style == "diff-moved-from" }, "the move is said in the box, not drawn through the tree")
        XCTAssertEqual(chart.boxes.first { $0.id == "sec-a1" }?.details.contains("moved from Division of Policy"), true)
        XCTAssertTrue(chart.lines.contains { $0.style == "diff-contains-moved" && $0.from == "div-b" && $0.to == "sec-a1" })
    }

    func testFoldingTwoUnitsIntoOneIsAMerge() throws {
        let new = diffBase.replacingOccurrences(of: """
              - {id: sec-a1, name: Planning Section, kind: section, parent: div-a, source: doc §3.1}
              - {id: sec-a2, name: Guidance Section, kind: section, parent: div-a, source: doc §3.2}
            """, with: """
              - {id: sec-pg, name: Planning and Guidance Section, kind: section, parent: div-a, source: doc §3.1, lineage: [{kind: merged-from, unit: sec-a1, source: doc §3.1}, {kind: merged-from, unit: Guidance Section, source: {document: doc, section: "3.1", inferred: true}}]}
            """).replacingOccurrences(of: "from: sec-a1", with: "from: sec-pg")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.count, 1, "\(result.actualChanges.map(\.summary))")
        let change = try XCTUnwrap(result.actualChanges.first)
        XCTAssertEqual(change.kinds, [.merged])
        XCTAssertEqual(change.old, ["sec-a1", "sec-a2"])
        XCTAssertEqual(change.new, ["sec-pg"])
        XCTAssertEqual(change.matches.map(\.stated), [true, false], "one lineage stated, one inferred")
        XCTAssertTrue(change.sources.contains("lineage: ST/SGB/2024/1 §3.1 (inferred)"), "\(change.sources)")
        XCTAssertNil(result.counts[.removed])
    }

    func testFoldingTwoUnitsWithoutLineageIsAMergeWhenAMappingSaysSo() throws {
        let new = diffBase.replacingOccurrences(of: """
              - {id: sec-a1, name: Planning Section, kind: section, parent: div-a, source: doc §3.1}
              - {id: sec-a2, name: Guidance Section, kind: section, parent: div-a, source: doc §3.2}
            """, with: """
              - {id: sec-pg, name: Strategy Section, kind: section, parent: div-a, source: doc §3.1}
            """).replacingOccurrences(of: "from: sec-a1", with: "from: sec-pg")
        XCTAssertEqual(try review(diffBase, new).counts[.removed], 2, "nothing links the units by itself")
        let mapping = try Mapping.parse("""
            matches:
              - {old: sec-a1, new: sec-pg, kind: merged-from, source: {document: doc, section: "3", inferred: true}}
              - {old: sec-a2, new: sec-pg, kind: merged-from}
            """, file: "map.yaml")
        let result = try review(diffBase, new, mapping: mapping)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.merged]])
        XCTAssertEqual(result.actualChanges[0].matches.map(\.basis), [.mapping, .mapping])
    }

    func testDividingAUnitIsASplit() throws {
        let new = diffBase.replacingOccurrences(of: """
              - {id: sec-b1, name: Logistics Section, kind: section, parent: div-b, source: doc §4.1}
            """, with: """
              - {id: sec-b1, name: Supply Section, kind: section, parent: div-b, source: doc §4.1, lineage: [{kind: split-from, unit: sec-b1, source: doc §4.1}]}
              - {id: sec-b2, name: Transport Section, kind: section, parent: div-b, source: doc §4.4, lineage: [{kind: split-from, unit: sec-b1, source: doc §4.4}]}
            """)
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.count, 1)
        let change = try XCTUnwrap(result.actualChanges.first)
        XCTAssertEqual(change.kinds, [.split])
        XCTAssertEqual(change.old, ["sec-b1"])
        XCTAssertEqual(change.new, ["sec-b1", "sec-b2"])
        XCTAssertEqual(change.boxes, ["sec-b1", "sec-b2"])
    }

    func testAddedAndRemovedUnits() throws {
        let new = diffBase.replacingOccurrences(of: """
              - {id: sec-a2, name: Guidance Section, kind: section, parent: div-a, source: doc §3.2}
            """, with: """
              - {id: sec-x, name: Evaluation Unit, kind: unit, parent: div-b, source: doc §4.5}
            """)
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.added], [.removed]])
        XCTAssertEqual(result.actualChanges[0].new, ["sec-x"])
        XCTAssertEqual(result.actualChanges[1].old, ["sec-a2"])
        XCTAssertEqual(result.actualChanges[1].sources, ["before: ST/SGB/2024/1 §3.2"])
        let chart = try ReviewCharts.merged(result)
        XCTAssertEqual(chart.boxes.first { $0.id == "sec-a2" }?.style, "diff-removed", "the removed unit is drawn where it was")
        XCTAssertEqual(chart.lines.first { $0.to == "sec-a2" && $0.shapesLayout }?.from, "div-a")
        XCTAssertEqual(chart.boxes.first { $0.id == "sec-x" }?.style, "diff-added")
    }

    func testARemovedUnitWhoseIdIsReusedGetsItsOwnBox() throws {
        let new = diffBase.replacingOccurrences(of: "{id: div-a, name: Division of Policy, kind: division,", with: "{id: div-a, name: Office of Audit, kind: office,")
        let mapping = Mapping(refusals: [Mapping.Refusal(old: "div-a", new: "div-a", note: "not the same unit")])
        let result = try review(diffBase, new, mapping: mapping)
        XCTAssertEqual(Set(result.actualChanges.flatMap(\.kinds)).isSuperset(of: [.added, .removed]), true)
        XCTAssertEqual(result.removedBoxes["div-a"], "was:div-a")
        let chart = try ReviewCharts.merged(result)
        XCTAssertEqual(chart.boxes.filter { $0.id == "div-a" || $0.id == "was:div-a" }.count, 2)
    }

    func testHeadChanged() throws {
        let new = diffBase.replacingOccurrences(of: "head: {title: Director, grade: D-2, source: doc §3}", with: "head: {title: Assistant Secretary-General, grade: ASG, source: doc §3}")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.headChanged]])
        XCTAssertTrue(result.actualChanges[0].summary.contains("Director (D-2) → Assistant Secretary-General (ASG)"))
    }

    func testAChangedAccountabilityLineShowsAsSuch() throws {
        let new = diffBase.replacingOccurrences(of: "{kind: also-accountable-to, from: div-b, to: div-a, source: doc §4.2}",
                                                with: "{kind: also-accountable-to, from: div-b, to: dept, source: doc §4.2}")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.accountabilityChanged]])
        XCTAssertEqual(result.actualChanges[0].new, ["div-b"])
        XCTAssertEqual(result.lineChanges.map(\.change), [.added, .removed])
        XCTAssertEqual(result.lineChanges.map(\.to), ["dept", "div-a"])
        XCTAssertTrue(result.lineChanges.allSatisfy { $0.source == ($0.change == .added ? "after" : "before") + ": ST/SGB/2024/1 §4.2" })
        let chart = try ReviewCharts.merged(result)
        XCTAssertTrue(chart.lines.contains { $0.style == "diff-line-added" && $0.from == "div-b" && $0.to == "dept" })
        XCTAssertTrue(chart.lines.contains { $0.style == "diff-line-removed" && $0.from == "div-b" && $0.to == "div-a" })
    }

    func testAChangedSharedServiceIsAServicesChange() throws {
        let new = diffBase.replacingOccurrences(of: "{kind: provides-services-to, from: div-b, to: div-a, source: doc §4.3}",
                                                with: "{kind: provides-services-to, from: div-b, to: dept, source: doc §4.3}")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.servicesChanged]])
    }

    func testSeveralClassesOnOneUnitAreOneChange() throws {
        let new = diffBase.replacingOccurrences(of: "{id: sec-a1, name: Planning Section, kind: section, parent: div-a,",
                                                with: "{id: sec-a1, name: Strategic Planning Section, kind: section, parent: div-b,")
        let result = try review(diffBase, new)
        XCTAssertEqual(result.actualChanges.map(\.kinds), [[.renamed, .moved, .accountabilityChanged]],
                       "still accountable to its former division, which is now a line across the tree")
        XCTAssertEqual(result.lineChanges.map(\.summary), ["Strategic Planning Section accountable to Division of Policy"])
        XCTAssertEqual(result.actualChanges[0].primary, .renamed)
    }

    // MARK: Mapping files

    func testAMappingPinsAndRefusesMatches() throws {
        let new = diffBase.replacingOccurrences(of: "{id: sec-b1, name: Logistics Section,", with: "{id: scm, name: Supply Chain Management Section,")
        XCTAssertEqual(try review(diffBase, new).actualChanges.map(\.kinds), [[.added], [.removed]], "the names are too different to match")
        let pinned = try review(diffBase, new, mapping: Mapping.parse("matches:\n  - {old: sec-b1, new: scm, kind: formerly, source: doc §4.1}\n", file: "m.yaml"))
        XCTAssertEqual(pinned.actualChanges.map(\.kinds), [[.renamed]])
        XCTAssertEqual(pinned.matches.first { $0.new == "scm" }?.basis, .mapping)
        XCTAssertEqual(pinned.matches.first { $0.new == "scm" }?.stated, true)
        let refused = try review(diffBase, diffBase, mapping: Mapping.parse("refuse:\n  - {old: sec-b1, new: sec-b1, note: reused id}\n", file: "m.yaml"))
        XCTAssertEqual(refused.actualChanges.map(\.kinds), [[.added], [.removed]])
    }

    func testMappingErrorsNameTheFileLineAndAFix() throws {
        XCTAssertThrowsError(try review(diffBase, diffBase, mapping: Mapping.parse("matches:\n  - {old: sec-b, new: sec-b1}\n", file: "m.yaml"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("m.yaml:2:5"), text)
            XCTAssertTrue(text.contains("no unit 'sec-b' in the old model 'before'"), text)
            XCTAssertTrue(text.contains("did you mean 'sec-b1'"), text)
        }
        XCTAssertThrowsError(try Mapping.parse("matchez: []\n", file: "m.yaml")) { error in
            XCTAssertTrue("\(error)".contains("m.yaml:1:1: error: unknown key 'matchez'"), "\(error)")
        }
        XCTAssertThrowsError(try Mapping.parse("matches:\n  - {old: a, new: b, kind: renamed}\n", file: "m.yaml")) { error in
            XCTAssertTrue("\(error)".contains("unknown kind 'renamed'"), "\(error)")
        }
        XCTAssertThrowsError(try Mapping.parse("matches: [\n", file: "m.yaml")) { error in
            XCTAssertTrue("\(error)".contains("YAML syntax error"), "\(error)")
        }
    }

    func testAnUnknownRootIsAnErrorWithAHint() throws {
        let restructuring = Restructuring(old: Snapshot(try diffModel(diffBase), root: "div-c"), new: Snapshot(try diffModel(diffBase)))
        XCTAssertThrowsError(try restructuring.review()) { error in
            XCTAssertTrue("\(error)".contains("no unit 'div-c' in the old model 'before'"), "\(error)")
            XCTAssertTrue("\(error)".contains("did you mean 'div-a'"), "\(error)")
        }
    }

    // MARK: Outputs

    func testReportsListEveryChangeWithSources() throws {
        let new = diffBase.replacingOccurrences(of: "name: Division of Policy", with: "name: Division of Policy and Guidance")
            .replacingOccurrences(of: "{kind: also-accountable-to, from: div-b, to: div-a,", with: "{kind: also-accountable-to, from: div-b, to: dept,")
        let result = try review(diffBase, new)
        let markdown = MarkdownReport.text(result)
        XCTAssertTrue(markdown.contains("| renamed | 1 |"), markdown)
        XCTAssertTrue(markdown.contains("| accountability changed | 1 |"), markdown)
        XCTAssertTrue(markdown.contains("| renamed | Division of Policy and Guidance | Renamed: Division of Policy → Division of Policy and Guidance | same id | "), markdown)
        XCTAssertTrue(markdown.contains("| added | Division of Support also accountable to (dual) Small Department | after: ST/SGB/2024/1 §4.2 |"), markdown)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.data(result))) as? [String: Any]
        XCTAssertEqual((json?["counts"] as? [String: Int])?["renamed"], 1)
        XCTAssertEqual((json?["changes"] as? [[String: Any]])?.count, 6)
        XCTAssertEqual((json?["lines"] as? [[String: Any]])?.count, 2)
    }

    func testTheMergedChartRendersInEveryFormatWithALegend() throws {
        let directory = try temporaryDirectory(self)
        let old = try write(diffBase, to: "old.yaml", in: directory)
        let new = try write(diffBase.replacingOccurrences(of: "name: Division of Policy", with: "name: Division of Policy and Guidance"), to: "new.yaml", in: directory)
        let prepared = try DiffSpec(old: old, new: new).prepare()
        XCTAssertTrue(prepared.merged.chart.legend.contains { $0.style == "diff-renamed" && $0.sample == .box })
        XCTAssertTrue(prepared.merged.chart.legend.contains { $0.style == "diff-unchanged" })
        XCTAssertTrue(prepared.merged.dot.contains(#""div-a" [id="div-a", class="diff-renamed""#), prepared.merged.dot)
        let svg = String(decoding: try prepared.bytes(.chart(.svg)), as: UTF8.self)
        XCTAssertTrue(svg.contains(#"<g id="div&#45;a" class="node"#), "the box keeps the unit's id")
        XCTAssertTrue(svg.contains("was: Division of Policy"))
        XCTAssertTrue(String(decoding: try prepared.bytes(.chart(.pdf)).prefix(5), as: UTF8.self) == "%PDF-")
        XCTAssertEqual(Array(try prepared.bytes(.chart(.png)).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testTheReviewPageIsSelfContained() throws {
        let directory = try temporaryDirectory(self)
        let old = try write(diffBase.replacingOccurrences(of: "parent: div-a, source: doc §3.1}", with: "parent: div-a, source: doc §3.1, url: 'https://example.org/planning'}"), to: "old.yaml", in: directory)
        let new = try write(diffBase.replacingOccurrences(of: "parent: div-a, source: doc §3.2", with: "parent: div-b, source: doc §3.2"), to: "new.yaml", in: directory)
        let html = String(decoding: try DiffSpec(old: old, new: new).prepare().html(), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
            XCTAssertFalse(html.contains(external), "the page refers to '\(external)'")
        }
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 3, "before, after and merged charts inline")
        XCTAssertTrue(html.contains(#"<li class="change" id="change-sec-a2" tabindex="0" data-boxes="sec-a2" data-before="before:sec-a2" data-after="after:sec-a2">"#), html)
        XCTAssertTrue(html.contains(#"<g id="sec&#45;a2" class="node"#), "the merged chart's box has the unit's id")
        XCTAssertTrue(html.contains(#"<g id="before:sec&#45;a2" class="node"#))
        XCTAssertTrue(html.contains("before: ST/SGB/2024/1 §3.2"), "sources are listed")
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids.count, Set(ids).count, "ids are unique: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys)")
    }

    func testOutputsAreByteIdenticalRunToRun() throws {
        let directory = try temporaryDirectory(self)
        let old = try write(diffBase, to: "old.yaml", in: directory)
        let new = try write(diffBase.replacingOccurrences(of: "parent: div-a, source: doc §3.2", with: "parent: div-b, source: doc §3.2"), to: "new.yaml", in: directory)
        let first = try DiffSpec(old: old, new: new).prepare(), second = try DiffSpec(old: old, new: new).prepare()
        for output in [PreparedReview.Output.chart(.svg), .chart(.pdf), .markdown, .json, .html] {
            XCTAssertEqual(try first.bytes(output), try second.bytes(output), "\(output) differs")
        }
    }

    // MARK: The command line

    func testDiffCommandWritesEveryOutputAndFailsOnFlaggedClasses() throws {
        let directory = try temporaryDirectory(self)
        try write(diffBase, to: "old.yaml", in: directory)
        try write(diffBase.replacingOccurrences(of: "parent: div-a, source: doc §3.2", with: "parent: div-b, source: doc §3.2"), to: "new.yaml", in: directory)
        let plain = try orgchart(["diff", "old.yaml", "new.yaml"], in: directory)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("| moved | 1 |"), plain.stdout)

        let written = try orgchart(["diff", "old.yaml", "new.yaml", "-o", "review", "--fail-on", "removed,moved"], in: directory)
        XCTAssertEqual(written.status, 2, "a flagged class sets the exit status")
        XCTAssertTrue(written.stderr.contains("flagged changes present: 1 moved"), written.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("review").path).sorted()
        XCTAssertEqual(files, ["old-new.html", "old-new.json", "old-new.md", "old-new.pdf", "old-new.png", "old-new.svg"])

        let quiet = try orgchart(["diff", "old.yaml", "new.yaml", "--fail-on", "removed,renamed", "--json", "r.json"], in: directory)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)

        let typo = try orgchart(["diff", "old.yaml", "new.yaml", "--fail-on", "remove", "-o", "typo"], in: directory)
        XCTAssertEqual(typo.status, 64, "a wrong command line is a usage error")
        XCTAssertTrue(typo.stderr.contains("unknown change class 'remove'") && typo.stderr.contains("hint:"), typo.stderr)

        try write("matches:\n  - {old: nowhere, new: sec-a2}\n", to: "bad.yaml", in: directory)
        let bad = try orgchart(["diff", "old.yaml", "new.yaml", "--mapping", "bad.yaml", "-o", "partial"], in: directory)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.yaml:2:5: error: no unit 'nowhere' in the old model 'before'"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("partial").path), "nothing is written on an error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("typo").path))

        let list = try orgchart(["diff", "--list"], in: directory)
        XCTAssertTrue(list.stdout.contains("dpko-2010-dpo-2019"), list.stdout)
    }

    // MARK: Built-in restructurings

    /// The merged chart cites the documents of both snapshots by their symbols, not by the
    /// models' ids for them (a removed unit's source is a document of the old snapshot only).
    func testTheMergedChartCitesDocumentsBySymbol() throws {
        let chart = try ReviewCharts.merged(try builtin("dpko-2010-dpo-2019"))
        let tooltips = chart.boxes.compactMap(\.tooltip) + chart.lines.compactMap(\.tooltip)
        XCTAssertTrue(tooltips.contains { $0.contains("ST/SGB/2010/1 §") })
        XCTAssertFalse(tooltips.contains { $0.contains("sgb-2010-1 §") }, "a source named by its id")
    }

    /// An announced unit in the merged chart says once that it is announced and when.
    func testAnAnnouncedUnitSaysItsDateOnce() throws {
        let chart = try ReviewCharts.merged(try builtin("dpko-2007"))
        let announced = chart.boxes.filter { $0.details.contains { $0.hasPrefix("announced") } }
        XCTAssertFalse(announced.isEmpty)
        for box in announced { XCTAssertFalse(box.details.contains { $0.hasPrefix("planned: ") }, box.id) }
    }

    /// The review of a built-in restructuring, skipping when its models are not built in.
    func builtin(_ id: String) throws -> RestructuringReview {
        let restructuring = try XCTUnwrap(BuiltinRestructurings.named(id))
        for model in [restructuring.old, restructuring.new] where !BuiltinModels.ids.contains(model) {
            throw XCTSkip("the built-in model '\(model)' is not there")
        }
        return try DiffSpec(builtin: restructuring).prepare().review
    }

    func testDPKO2010ToDPO2019() throws {
        let result = try builtin("dpko-2010-dpo-2019")
        let top = try XCTUnwrap(result.matches.first { $0.old == "dpko" })
        XCTAssertEqual(top.new, "dpo")
        XCTAssertEqual(top.basis, .lineage)
        XCTAssertTrue(top.stated, "dpo-2019 states that DPO succeeds DPKO")
        XCTAssertEqual(result.changes.first { $0.new == ["dpo"] }?.primary, .renamed)
        let jcs = try XCTUnwrap(result.matches.first { $0.new == "dpo-jcs" })
        XCTAssertEqual(jcs.old, "dpko-cljas")
        XCTAssertFalse(jcs.stated, "the succession of the justice section is inferred")
        let pcrs = try XCTUnwrap(result.changes.first { $0.new == ["dpo-oma-fgs-pcrs"] })
        XCTAssertEqual(pcrs.kinds.first, .renamed)
        XCTAssertEqual(pcrs.matches.map(\.basis), [.mapping])
        for match in result.matches where match.basis == .mapping {
            XCTAssertNotNil(match.source, "every mapped lineage cites its source: \(match.old) → \(match.new)")
            XCTAssertFalse(match.stated)
        }
        XCTAssertEqual(result.changes.first { $0.old == ["dpko-oo"] }?.kinds, [.removed], "the Office of Operations left DPO")
        XCTAssertEqual(result.changes.first { $0.new == ["dpo-opsp"] }?.kinds, [.added])
        XCTAssertTrue(result.lineChanges.contains { $0.change == .removed && $0.relation == "accountable-to" && $0.from == "dpo-dpet" && $0.to == "dfs" },
                      "DPET's accountability to the USG for Field Support (§5.1) ended")
        let dpet = try XCTUnwrap(result.changes.first { $0.new == ["dpo-dpet"] })
        XCTAssertEqual(dpet.kinds, [.accountabilityChanged, .servicesChanged], "no longer accountable to, nor serving, the USG for Field Support")
        XCTAssertEqual(result.changes.first { $0.new == ["dpo-pd"] }?.kinds.first, .headChanged, "Police Adviser → UN Police Adviser")
        XCTAssertGreaterThan(result.counts[.unchanged] ?? 0, 5)
        XCTAssertTrue(result.notes.isEmpty, "\(result.notes)")
    }

    func testDPKO2007Restructuring() throws {
        let result = try builtin("dpko-2007")
        let oma = try XCTUnwrap(result.changes.first { $0.new == ["dpko-oma"] })
        XCTAssertEqual(oma.old, ["dpko-md"])
        XCTAssertEqual(oma.kinds.first, .renamed, "the Military Division became the Office of Military Affairs (§22)")
        XCTAssertEqual(oma.matches.first?.source, "A/62/659 §22")
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-pd"] }?.kinds.contains(.moved), true, "the Police Division moved into OROLSI")
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-sitcen"] }?.kinds, [.moved], "the Situation Centre moved from the Office of Operations to the Office of the USG (§16)")
        let dfs = try XCTUnwrap(result.changes.first { $0.new.contains("dfs") })
        XCTAssertEqual(dfs.kinds.first, .split, "DFS was created beside DPKO")
        XCTAssertEqual(dfs.matches.first { $0.new == "dfs" }?.stated, false)
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-orolsi"] }?.kinds, [.added])
        // §17 speaks of "the four current Office of Operations regional divisions" and never of their creation.
        for division in ["dpko-afd1", "dpko-afd2", "dpko-elad", "dpko-amed"] {
            let change = try XCTUnwrap(result.changes.first { $0.new == [division] }, division)
            XCTAssertFalse(change.kinds.contains(.added), "\(division): \(change.summary)")
            XCTAssertEqual(change.old, [division])
        }
        // §20: "the other five integrated operational teams will be established ... in early 2008": announced, not
        // added; the Darfur team, established at the end of October 2007 (§19), is added.
        let announced = result.changes.filter { $0.kinds.first == .announced }.flatMap(\.new)
        XCTAssertTrue(Set(["dpko-afd1-iot-unmis", "dpko-afd2-iot-wa", "dpko-afd2-iot-gl", "dpko-elad-iot", "dpko-amed-iot"]).isSubset(of: Set(announced)), "\(announced)")
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-afd1-iot-darfur"] }?.kinds, [.added])
        XCTAssertTrue(result.changes.first { $0.new == ["dpko-afd2-iot-wa"] }?.summary.contains("expected early 2008") ?? false)
        // §24: the crisis cell "will be ... incorporated into the Office of Military Affairs": announced first, and
        // its direct access to the USG is an announced line.
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-oma-crisis-cell"] }?.kinds.first, .announced)
        XCTAssertTrue(result.lineChanges.contains { $0.change == .announced && $0.relation == "direct-access" && $0.from == "dpko-oma-crisis-cell" })
        // §72: the Conduct and Discipline Unit is in both snapshots, unchanged.
        XCTAssertEqual(result.changes.first { $0.new == ["dpko-cdu"] }?.old, ["dpko-cdu"])
        // The merged chart says which boxes are announced, in its legend too.
        let chart = try ReviewCharts.merged(result)
        XCTAssertEqual(chart.boxes.first { $0.id == "dpko-afd2-iot-wa" }?.style, "diff-announced")
        XCTAssertTrue(chart.legend.contains { $0.style == "diff-announced" && $0.label == "announced" })
        XCTAssertTrue(chart.legend.contains { $0.style == LegendEntry.plannedStyle })
    }

    func testOfficeOfOperationsToTheRegionalStructure() throws {
        let result = try builtin("dpko-oo-2010-regional-2019")
        let africa = try XCTUnwrap(result.changes.first { $0.old.contains("dpko-afd1") })
        XCTAssertEqual(africa.old, ["dpko-afd1", "dpko-afd2"])
        XCTAssertEqual(Set(africa.new), ["reg-nad", "reg-wad", "reg-ead", "reg-csad"])
        XCTAssertEqual(africa.kinds.prefix(2), [.merged, .split])
        let asia = try XCTUnwrap(result.changes.first { $0.old == ["dpko-amed"] })
        XCTAssertEqual(asia.kinds.first, .split)
        XCTAssertEqual(asia.new, ["reg-med", "reg-apd"])
    }
}

/// The review page in a real browser: headless Chromium loads it, runs its script and draws it.
final class DiffTestsInChromium: XCTestCase {
    func chromium() throws -> String { try chromiumBinary() }

    func run(_ binary: String, _ arguments: [String]) throws -> CommandResult { try runChromium(binary, arguments, in: self) }

    func testTheDPKO2010ToDPO2019PageLoadsWithoutErrorsAndHighlightsAChange() throws {
        let binary = try chromium()
        guard let builtin = BuiltinRestructurings.named("dpko-2010-dpo-2019"), BuiltinModels.ids.contains(builtin.new) else {
            throw XCTSkip("the built-in model dpo-2019 is not there")
        }
        let directory = try temporaryDirectory(self)
        let page = directory.appendingPathComponent("review.html")
        try DiffSpec(builtin: builtin).prepare().write([(path: page.path, output: .html)])
        let url = page.absoluteString

        let dom = try run(binary, ["--dump-dom", "\(url)#change-dpo-oma-fgs-pcrs"])
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertTrue(dom.stdout.contains(#"<body data-ready="yes">"#), "the script ran to its end without an error: \(dom.stdout.prefix(300))")
        XCTAssertFalse(dom.stdout.contains(#"data-errors=""#), "no script error")
        for line in dom.stderr.split(separator: "\n") where line.contains("CONSOLE") || line.contains("Uncaught") {
            XCTFail("console message: \(line)")
        }
        XCTAssertTrue(dom.stdout.contains(#"class="change selected""#), "the change named in the address is selected")
        XCTAssertTrue(dom.stdout.contains(#"<g id="dpo-oma-fgs-pcrs" class="node diff-renamed hl""#), "its box is highlighted in the merged chart")

        let shot = directory.appendingPathComponent("shot.png")
        let screenshot = try run(binary, ["--screenshot=\(shot.path)", url])
        XCTAssertEqual(screenshot.status, 0, screenshot.stderr)
        let png = try Data(contentsOf: shot)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertGreaterThan(png.count, 20_000, "the page draws more than an empty window")
    }
}
