import BuiltinModels
import ChartGraph
import Foundation
import OrgChart
import OrgModel
import OrgViews
import XCTest

final class ViewTests: XCTestCase {
    /// The ids and classes of the edges of a rendered SVG (`class="edge KIND"`, `id="KIND:FROM->TO"`).
    func edges(_ svg: [UInt8]) -> [(id: String, kind: String)] {
        let text = String(decoding: svg, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: #"<g id="([^"]+)" class="edge ([^"]+)">"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            func group(_ i: Int) -> String {
                String(text[Range(match.range(at: i), in: text)!]).replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            }
            return (group(1), group(2))
        }
    }

    /// A line between a unit of a chart started at `--root` and a unit outside it is not lost:
    /// the box inside names the other end; units below `--depth` give no such reference.
    func testLinesLeavingARootedChartBecomeReferences() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "reg"
        let chart = try spec.prepare().chart
        let references = chart.boxes.flatMap { box in box.details.filter { $0.hasPrefix("→ ") }.map { (box.id, $0) } }
        XCTAssertTrue(references.contains { $0.1 == "→ dual reporting: DPO" }, "\(references)")
        XCTAssertTrue(references.contains { $0.1 == "→ dual reporting: DPPA" }, "\(references)")
        // At a line's head the reference reads from that end: DFS reports to DPKO, not DPKO to DFS.
        let dpko = try ChartSpec(model: "dpko-2010").prepare().chart
        XCTAssertEqual(dpko.boxes.first { $0.id == "dpko" }?.details.last, "← reports to it and receives its direction: DFS")
        let model = try XCTUnwrap(ModelLoader.load(file: "small.yaml") { _ in smallModel }.model)
        let division = try Views.chart(.organigramme, of: model, options: ViewOptions(root: "div-a"))
        XCTAssertEqual(division.boxes.first { $0.id == "div-a" }?.details.last, "← also accountable to it (dual): Division B")
        let shallow = try Views.chart(.organigramme, of: model, options: ViewOptions(depth: 0))
        XCTAssertFalse(shallow.boxes.flatMap(\.details).contains { $0.hasPrefix("→ ") || $0.hasPrefix("← ") }, "lines below the depth are left out with their units")
    }

    func testAccountabilityChartShowsDualLinesDirectAccessAndReporting() throws {
        let svg = try ChartSpec(view: .accountability).prepare().render(.svg)
        let ids = Set(edges(svg).map(\.id))
        // ST/SGB/2010/1 §4.3: the Chief of Staff is accountable to both Under-Secretaries-General, alike.
        XCTAssertTrue(ids.contains("accountable-to:dpko-ocos->dpko"), "\(ids.sorted())")
        XCTAssertTrue(ids.contains("accountable-to:dpko-ocos->dfs"))
        // §5.1: so is the Director of the Policy, Evaluation and Training Division.
        XCTAssertTrue(ids.contains("accountable-to:dpko-dpet->dpko"))
        XCTAssertTrue(ids.contains("accountable-to:dpko-dpet->dfs"))
        // Advice carries no accountability: the organigramme draws it (§4.4, §8.6), this chart does not.
        XCTAssertFalse(ids.contains { $0.hasPrefix("advises:") })
        // §8.6: the Police Adviser's direct access, in its own style.
        XCTAssertTrue(ids.contains("direct-access:dpko-pd->dpko"))
        // §2.4(b): the Under-Secretary-General for Field Support reports to the one for Peacekeeping Operations.
        XCTAssertTrue(ids.contains("reports-to:dfs->dpko"))
        let kinds = Dictionary(grouping: edges(svg), by: \.kind)
        XCTAssertNotNil(kinds["direct-access"])
        let text = String(decoding: svg, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        XCTAssertTrue(text.contains(">Secretary-General<"))
        // §2.4(b): the reporting line is limited to operations under DPKO's direction, and says so.
        XCTAssertTrue(text.contains("on operations under DPKO&#39;s direction"), "scope of §2.4(b)")
        for label in ["accountable to", "direct access", "reports to and receives direction from"] {
            XCTAssertTrue(text.contains(label), "legend lists \(label)")
        }
    }

    func testServicesChartShowsTheSharedResourcesAndTheDepartmentsTheyServe() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.services, of: model)
        let served = Dictionary(grouping: chart.lines.filter { $0.style == "provides-services-to" }, by: \.from).mapValues { Set($0.map(\.to)) }
        // §4.10: four shared resources, serving both Departments; §5.8: the Policy, Evaluation and Training Division,
        // serving also the operations led by DPKO and Member States.
        XCTAssertEqual(served.count, 5)
        XCTAssertTrue(served.filter { $0.key != "dpko-dpet" }.values.allSatisfy { $0 == ["dpko", "dfs"] })
        XCTAssertEqual(served["dpko-dpet"], ["dpko", "dfs", "dpko-led-operations", "member-states"])
        XCTAssertEqual(Set(chart.groups.map(\.id)), ["providers:dpko", "clients:dpko", "clients:dfs", "clients:other-1", "clients:other-2"],
                       "boxes are framed by department")
        XCTAssertEqual(chart.arrangement, .bipartite)
        let svg = try ChartSpec(view: .services).prepare().render(.svg)
        XCTAssertEqual(edges(svg).filter { $0.kind == "provides-services-to" }.count, 12)
    }

    func testChartsWithFramesAreIdenticalWhateverWasRenderedBefore() throws {
        // Graphviz orders clusters by object id; ids follow the text, not the heap.
        let services = try ChartSpec(view: .services).prepare()
        let first = try services.render(.svg)
        for view in [ViewKind.organigramme, .accountability, .overview] { _ = try ChartSpec(view: view).prepare().render(.svg) }
        XCTAssertEqual(try services.render(.svg), first)
        let pillar = try ChartSpec(model: "peace-security-2021", view: .services).prepare()
        let once = try pillar.render(.svg)
        _ = try ChartSpec(model: "peace-security-2021", options: ViewOptions(root: "dppa")).prepare().render(.svg)
        XCTAssertEqual(try pillar.render(.svg), once)
    }

    func testOverviewFitsOneA4LandscapePage() throws {
        let pdf = try ChartSpec(view: .overview).prepare().render(.pdf)
        let info = try tool("pdfinfo", on: pdf, named: "overview.pdf", in: self).stdout
        XCTAssertTrue(info.contains("Pages:           1"), info)
        XCTAssertTrue(info.contains("841.68 x 595.44 pts (A4)"), info)
        let chart = try Views.chart(.overview, of: try BuiltinModels.load(nil).valid())
        XCTAssertEqual(chart.boxes.first?.id, "sg", "the Secretary-General is at the top")
        XCTAssertEqual(chart.page, PageSize.a4.landscape)
    }

    func testLegendsListOnlyWhatAppears() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.organigramme, of: model, options: ViewOptions(root: "dpko-oma"))
        XCTAssertFalse(chart.legend.contains { $0.style == "direct-access" })
        XCTAssertEqual(Set(chart.legend.filter { $0.sample == .box }.map(\.style)), Set(chart.boxes.map(\.style)))
        let whole = try Views.chart(.organigramme, of: model)
        XCTAssertTrue(whole.legend.contains { $0.style == "direct-access" })
    }

    func testEveryViewRendersEveryBuiltinModel() throws {
        for id in BuiltinModels.ids {
            for view in ViewKind.allCases {
                do {
                    let svg = try ChartSpec(model: id, view: view).prepare().render(.svg)
                    XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("</svg>"), "\(id) \(view)")
                } catch OrgChartError.view(let error) where [.services, .servicesChart, .servicesMatrix].contains(view) {
                    XCTAssertTrue(error.message.contains("no shared services"), "\(id): \(error)")
                }
            }
        }
    }

    func testRootAndDepthWorkOnAccountabilityAndServices() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.accountability, of: model, options: ViewOptions(root: "dpko-pd"))
        // The Police Division's posts, and everyone they answer to up to the Secretary-General.
        XCTAssertTrue(chart.boxes.contains { $0.id == "dpko-pd-spc" })
        XCTAssertTrue(chart.boxes.contains { $0.id == "sg" })
        XCTAssertFalse(chart.boxes.contains { $0.id == "dpko-oma" })
        let services = try Views.chart(.services, of: model, options: ViewOptions(root: "dpko-dpet"))
        XCTAssertEqual(Set(services.lines.map(\.from)), ["dpko-dpet"])
    }
}
