import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import OrgChart
import OrgModel
import OrgTemplates
import OrgViews
import Placement
import SVGWriter
import XCTest

/// Inferred and planned facts in print: every view marks them and legends them, `--stated-only`
/// leaves the inferred ones out, planned facts need a date or condition; the furniture of charts
/// (dates in words, one line of sources, titles that do not repeat the top box).
final class StatedFactsTests: XCTestCase {
    func pillar() throws -> Model { try BuiltinModels.load("peace-security-2021").valid() }

    let small = """
    model: small
    title: Small Department
    date: "2024-03-05"
    root: dept
    documents:
      - {id: doc, symbol: ST/SGB/2024/1, title: Organization of the Small Department, date: "2024-03-05"}
      - {id: other, title: A guide citing nothing drawn}
    units:
      - {id: dept, name: Small Department, kind: department, head: {title: Director, source: doc §1}, source: doc §1}
      - {id: office, name: Office of the Director, kind: office, parent: dept, source: {document: doc, section: "2", inferred: true}}
      - {id: sec, name: Planning Section, kind: section, parent: office, head: {title: Chief, source: doc §3}, source: doc §3}
      - {id: team, name: New Team, kind: team, parent: dept, status: planned, expected: early 2025, source: doc §4}
    relationships:
      - {kind: advises, from: sec, to: dept, source: {document: doc, section: "3", inferred: true}}
      - {kind: reports-to, from: team, to: sec, scope: on planning only, source: doc §4}
    """

    func model(_ yaml: String) -> LoadedModel { ModelLoader.load(file: "small.yaml") { _ in yaml } }

    func testInferredAndPlannedFactsAreMarkedAndLegendedOnEveryTreeView() throws {
        let model = try self.model(small).valid()
        let chart = try Views.chart(.organigramme, of: model)
        XCTAssertEqual(chart.boxes.first { $0.id == "office" }?.isInferred, true)
        XCTAssertEqual(chart.boxes.first { $0.id == "sec" }?.isInferred, false)
        let team = try XCTUnwrap(chart.boxes.first { $0.id == "team" })
        XCTAssertTrue(team.isPlanned)
        XCTAssertTrue(team.details.contains("planned: early 2025"))
        XCTAssertEqual(chart.lines.first { $0.style == "advises" }?.isInferred, true)
        XCTAssertEqual(chart.lines.first { $0.style == "reports-to" }?.label, "on planning only")
        XCTAssertEqual(chart.lines.first { $0.style == "contains" && $0.to == "office" }?.isInferred, false, "the box carries the mark")
        XCTAssertTrue(chart.legend.contains(LegendEntry(.box, style: LegendEntry.inferredStyle, label: "inferred from the text")))
        XCTAssertTrue(chart.legend.contains { $0.sample == .line && $0.style == LegendEntry.inferredStyle })
        XCTAssertTrue(chart.legend.contains { $0.sample == .box && $0.style == LegendEntry.plannedStyle })
        // The pillar's inferred accountability of the Departments to the Secretary-General, on the overview.
        let overview = try Views.chart(.overview, of: try pillar())
        XCTAssertTrue(overview.lines.contains { $0.from == "dpo" && $0.to == "sg" && $0.isInferred })
        XCTAssertTrue(overview.legend.contains { $0.label.hasPrefix("inferred from the text") })
        // A stated chart has no such entries.
        let stated = try Views.chart(.organigramme, of: model, options: ViewOptions(statedOnly: true))
        XCTAssertFalse(stated.legend.contains { $0.style == LegendEntry.inferredStyle })
    }

    func testDrawingsMarkInferredBoxesAndLines() throws {
        let model = try self.model(small).valid()
        let chart = try Views.chart(.organigramme, of: model)
        let theme = try Theme.load("default")
        // orgchart's own drawing: a dashed second outline around the inferred box, a hollow circle at the tail of the
        // inferred line, a dotted second outline around the planned box.
        let svg = String(decoding: SVGWriter.svg(PlacedChart(chart: chart, theme: theme)), as: UTF8.self)
        let office = try XCTUnwrap(svg.range(of: #"<g id="office""#)).upperBound
        let officeGroup = String(svg[office...].prefix(1200))
        XCTAssertGreaterThanOrEqual(officeGroup.components(separatedBy: "<rect").count - 1, 2, "the box and its second outline")
        XCTAssertTrue(officeGroup.contains(#"stroke-dasharray="5,3""#), officeGroup)
        let team = try XCTUnwrap(svg.range(of: #"<g id="team""#)).upperBound
        XCTAssertTrue(svg[team...].prefix(1200).contains(#"stroke-dasharray="1.5,2.5""#))
        let advice = try XCTUnwrap(svg.range(of: #"<g id="advises:sec&#45;&gt;dept""#)).upperBound
        XCTAssertTrue(svg[advice...].prefix(1500).contains("<ellipse"), "the circle at the tail")
        XCTAssertTrue(svg.contains("inferred from the text"))
        // Graphviz: a dashed outline with cut corners, and a hollow circle at the tail.
        let dot = DOTWriter(theme: theme).write(chart)
        let officeLine = try XCTUnwrap(dot.split(separator: "\n").first { (line: Substring) in line.contains("\"office\" [") })
        XCTAssertTrue(officeLine.contains("style=\"filled,dashed,diagonals\""), String(officeLine))
        let adviceLine = try XCTUnwrap(dot.split(separator: "\n").first { (line: Substring) in line.contains("class=\"advises\"") })
        XCTAssertTrue(adviceLine.contains("dir=both") && adviceLine.contains("arrowtail=\"odot\""), String(adviceLine))
        XCTAssertTrue(dot.contains("inferred from the text (dashed outline, cut corners)"))
    }

    func testStatedOnlyLeavesInferredFactsOutOfEveryView() throws {
        let model = try self.model(small).valid()
        let stated = model.statedOnly()
        XCTAssertNil(stated.unit("office"))
        XCTAssertEqual(stated.unit("sec")?.parent, "dept", "a stated unit moves up to its nearest stated ancestor")
        XCTAssertFalse(stated.relationships.contains { $0.kind == .advises })
        XCTAssertNotNil(stated.unit("team"), "planned is not inferred")
        let pillar = try pillar()
        for view in ViewKind.allCases {
            let chart = try Views.chart(view, of: pillar, options: ViewOptions(root: view == .overview ? nil : "dpo", statedOnly: true))
            XCTAssertFalse(chart.boxes.contains(where: \.isInferred), view.rawValue)
            XCTAssertFalse(chart.lines.contains(where: \.isInferred), view.rawValue)
            XCTAssertFalse(chart.matrix?.marks.contains(where: \.inferred) ?? false, view.rawValue)
            XCTAssertFalse(chart.boxes.contains { $0.id == "dpo-lcm" }, view.rawValue)
        }
        // The full chart has them.
        XCTAssertTrue(try Views.chart(.organigramme, of: pillar, options: ViewOptions(root: "dpo")).boxes.contains { $0.id == "dpo-lcm" })
        // A root the text does not state cannot start a stated chart.
        XCTAssertThrowsError(try Views.chart(.organigramme, of: pillar, options: ViewOptions(root: "reg-asg-mea", statedOnly: true))) { error in
            XCTAssertTrue("\(error)".contains("reg-asg-mea"), "\(error)")
        }
    }

    func testStatedOnlyFromTheCommandLineAndTheManifest() throws {
        let directory = try temporaryDirectory(self)
        let full = try orgchart(["render", "peace-security-2021", "--root", "dos", "-o", "full.svg"], in: directory)
        XCTAssertEqual(full.status, 0, full.stderr)
        let stated = try orgchart(["render", "peace-security-2021", "--root", "dos", "--stated-only", "-o", "stated.svg"], in: directory)
        XCTAssertEqual(stated.status, 0, stated.stderr)
        let fullText = try String(contentsOf: directory.appendingPathComponent("full.svg"), encoding: .utf8)
        let statedText = try String(contentsOf: directory.appendingPathComponent("stated.svg"), encoding: .utf8)
        XCTAssertTrue(fullText.contains(#"id="dos&#45;gamc""#))
        XCTAssertFalse(statedText.contains(#"id="dos&#45;gamc""#), "the Cell's place is inferred (§2.4.1)")
        XCTAssertTrue(statedText.contains(#"id="dos&#45;hcss&#45;tax""#))
        _ = try write("""
        output: out
        charts:
          - {name: dos, model: peace-security-2021, root: dos, stated-only: true}
          - {name: bad, model: peace-security-2021, stated-only: perhaps}
        """, to: "orgchart.yml", in: directory)
        let build = try orgchart(["build"], in: directory)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("orgchart.yml:4:") && build.stderr.contains("stated-only must be true or false"), build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/dos.svg").path))
        _ = try write("""
        output: out
        charts:
          - {name: dos, model: peace-security-2021, root: dos, stated-only: true}
        """, to: "orgchart.yml", in: directory)
        let good = try orgchart(["build"], in: directory)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("out/dos.svg")), Data(statedText.utf8))
    }

    func testPlannedNeedsADateOrConditionAndAKnownStatus() throws {
        func errors(_ replacement: String) -> [String] {
            model(small.replacingOccurrences(of: "status: planned, expected: early 2025", with: replacement))
                .diagnostics.filter { $0.severity == .error }.map { "\($0)" }
        }
        XCTAssertTrue(errors("status: planned").contains { $0.contains("small.yaml:12:") && $0.contains("gives no date or condition") }, "\(errors("status: planned"))")
        XCTAssertTrue(errors("status: someday, expected: 2025").contains { $0.contains("unknown status 'someday'") })
        XCTAssertTrue(errors("expected: 2025").contains { $0.contains("`expected` is given") })
        XCTAssertTrue(errors("status: established").isEmpty)
        // Written back as read.
        let written = ModelWriter.yaml(try self.model(small).valid())
        XCTAssertTrue(written.contains("status: planned\n    expected: \"early 2025\""), written)
        XCTAssertTrue(written.contains("scope: \"on planning only\""), written)
    }

    func testChartFurnitureInDocumentStyle() throws {
        let model = try self.model(small).valid()
        let chart = try Views.chart(.organigramme, of: model)
        // The top box names the Department: the title says what the chart is, the date in words.
        XCTAssertEqual(chart.boxes.first?.heading, "Small Department")
        XCTAssertEqual(chart.title, "Organigramme")
        XCTAssertEqual(chart.subtitle, "as at 5 March 2024")
        // One line of sources, naming only the documents of facts drawn.
        XCTAssertEqual(chart.footer, ["Source: ST/SGB/2024/1 — Organization of the Small Department (5 March 2024)"])
        // The accountability chart's top box is a post: the title names the organization.
        let accountability = try Views.chart(.accountability, of: model)
        XCTAssertEqual(accountability.title, "Small Department")
        XCTAssertEqual(accountability.subtitle, "Accountability as at 5 March 2024")
        // The pillar's DPPA draws no fact of the DPO lesson.
        let dppa = try Views.chart(.organigramme, of: try pillar(), options: ViewOptions(root: "dppa"))
        XCTAssertEqual(dppa.footer.count, 1)
        XCTAssertTrue(dppa.footer[0].hasPrefix("Source: e-Guide"), dppa.footer[0])
        XCTAssertFalse(dppa.footer[0].contains("lesson"))
        // The services matrix of the pillar draws one fact of the lesson: both documents, under one heading.
        let matrix = try Views.chart(.servicesMatrix, of: try pillar())
        XCTAssertEqual(matrix.footer.count, 2)
        XCTAssertTrue(matrix.footer[0].hasPrefix("Sources: e-Guide"), "\(matrix.footer)")
        XCTAssertTrue(matrix.footer[1].hasPrefix("Training lesson 1.3"), "\(matrix.footer)")
    }
}
