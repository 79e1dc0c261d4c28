import BuiltinModels
import ChartGraph
import OrgBuild
import OrgModel
import OrgTemplates
import Placement
import OrgViews
@testable import TidyTree
import XCTest

final class GeometryCheckTests: XCTestCase {
    /// A built-in tree chart: its name and the chart as the layout stage placed it.
    struct NamedChart {
        var name: String
        var placed: PlacedChart
        var chart: Chart { placed.chart }
    }

    /// Every built-in model × tree view × root (the model's own, then each department as
    /// `orgchart catalog` lists them) that the tidy tree lays out, in `template`.
    static func builtinTreeCharts(template: String = "default") throws -> [NamedChart] {
        var result: [NamedChart] = []
        for id in BuiltinModels.ids {
            let model = try BuiltinModels.load(id).valid()
            let departments = model.units.filter { $0.kind == .department || $0.kind == .office && $0.parent == nil }.map(\.id)
            for view in [ViewKind.organigramme, .accountability, .overview] {
                for root in [nil] + departments {
                    let spec = ChartSpec(model: id, view: view, options: ViewOptions(root: root), template: template)
                    guard let prepared = try? spec.prepare(), prepared.tidy else { continue }
                    result.append(NamedChart(name: "\(id) \(view.rawValue) \(root ?? "-") \(template)", placed: prepared.placed))
                }
            }
        }
        return result
    }

    /// Every built-in tree chart, in the default and the print theme, is publishable: no line
    /// through a box, no lines of different kinds on one segment, no stacked arrowheads, no
    /// overlapping boxes, no text outside its box; and every line found a route. (Before the
    /// router, lines were drawn straight across the tree: 540 lines through boxes, 110 shared
    /// segments and 99 stacked arrowheads over these charts.)
    func testEveryBuiltinTreeChartPassesTheGeometryCheck() throws {
        var charts = 0
        for template in ["default", "print"] {
            for placed in try Self.builtinTreeCharts(template: template) {
                let check = GeometryCheck(placed.placed)
                // Known residual: in the pillar's accountability chart the ASG/Chief Information
                // Technology Officer answers alike to the USGs for Operational Support and for
                // Management; he hangs first in DOS's column, flush under its head, and his line
                // up to it finds no route (drawn straight, its arrowhead beside the column's).
                let residual = placed.name.hasPrefix("peace-security-2021 accountability - ")
                let known = residual ? Set(check.problems.filter { $0.kind == .stackedArrowheads && $0.detail.contains(":dos-oict->") }) : []
                XCTAssertEqual(check.problems.filter { !known.contains($0) }, [], "\(placed.name): \(check.summary)")
                // A tree line without a route of its own keeps its elbow, which the check above covers.
                let unrouted = placed.placed.unrouted.filter { !placed.chart.lines[$0].shapesLayout && !(residual && placed.chart.lines[$0].from == "dos-oict") }
                XCTAssertEqual(unrouted, [], "\(placed.name): lines without a route: \(unrouted.map { "\(placed.chart.lines[$0].style):\(placed.chart.lines[$0].from)->\(placed.chart.lines[$0].to)" })")
                charts += 1
            }
        }
        XCTAssertGreaterThan(charts, 80)
    }

    /// Seeded random models (ChaosTests' generator: random trees with cross lines of every
    /// kind) through the tree views, in the default and the print theme: every routed line
    /// stays out of the boxes it does not connect and no arrowheads stack.
    func testRandomModelsPassTheGeometryCheck() throws {
        let directory = try temporaryDirectory(self)
        var random = ChaosTests.Random(state: ChaosTests.seed ^ 0x6E0)
        var lines = 0, unrouted = 0, stacked = 0, charts = 0
        for round in 0..<(8 * ChaosTests.rounds) {
            let path = try write(ChaosTests.model(&random, count: 12 + random.below(60)), to: "geometry-\(round).yaml", in: directory)
            for view in [ViewKind.organigramme, .accountability, .overview] {
                let spec = ChartSpec(model: path, view: view, template: round % 2 == 0 ? "default" : "print")
                guard let prepared = try? spec.prepare(), prepared.tidy else { continue }
                let layout = prepared.placed
                let check = GeometryCheck(layout)
                let straight = Set(layout.unrouted.map { prepared.chart.lines[$0] }.map { "\($0.style):\($0.from)->\($0.to)" })
                let routedProblems = check.problems.filter { problem in !straight.contains { problem.detail.hasPrefix($0 + " ") || problem.detail.hasSuffix(" " + $0) } }
                XCTAssertEqual(routedProblems.filter { [.lineThroughBox, .overlappingBoxes].contains($0.kind) }, [], "round \(round) \(view)")
                stacked += routedProblems.filter { $0.kind == .stackedArrowheads }.count
                charts += 1
                lines += prepared.chart.lines.filter { !$0.shapesLayout }.count
                unrouted += layout.unrouted.count
            }
        }
        print("random models: \(unrouted) of \(lines) lines across the tree without a route; \(stacked) stacked arrowheads in \(charts) charts")
        // A routed line may still end beside a tree line's arrowhead where a post answering
        // alike to two heads hangs under one of them (today 1 in the fixed seed's charts).
        XCTAssertLessThanOrEqual(stacked * 20, charts, "stacked arrowheads in more than one chart in 20")
        // Today 6 of 106: ends deep in hanging columns whose free sides are all taken.
        XCTAssertLessThanOrEqual(unrouted * 10, lines, "more than one line in 10 without a route")
    }

    func testTheCheckFindsEachKindOfProblem() throws {
        let theme = try Theme.load("default")
        let boxes = [Box(id: "top", heading: "Top", style: "department"), Box(id: "left", heading: "Left", style: "division", level: 1),
                     Box(id: "middle", heading: "Middle", style: "division", level: 1), Box(id: "right", heading: "Right", style: "division", level: 1)]
        let lines = [Line(from: "top", to: "left", style: "contains"), Line(from: "top", to: "middle", style: "contains"),
                     Line(from: "top", to: "right", style: "contains")]
        let chart = Chart(id: "c", title: "C", boxes: boxes, lines: lines)
        let layout = TidyLayout(chart: chart, theme: theme)
        XCTAssertEqual(GeometryCheck(chart: chart, frames: layout.frames, texts: layout.texts, connectors: layout.connectors, theme: theme).problems, [])
        // A straight line from left to right through the middle box; a line of another kind
        // along the bus; a second arrowhead on the tip of the first.
        let f = layout.frames
        let through = [ChartPoint(x: f[1].maxX, y: f[1].center.y), ChartPoint(x: f[3].minX, y: f[3].center.y)]
        XCTAssertTrue(GeometryCheck.passes(from: through[0], to: through[1], through: f[2]))
        XCTAssertFalse(GeometryCheck.passes(from: ChartPoint(x: f[1].minX, y: f[1].minY), to: ChartPoint(x: f[1].maxX, y: f[1].minY), through: f[1]),
                       "along an edge is not through")
        var crossed = chart
        crossed.lines += [Line(from: "left", to: "right", style: "direct-access", shapesLayout: false),
                          Line(from: "middle", to: "right", style: "reports-to", shapesLayout: false)]
        var bad = layout
        let bus = layout.connectors[1].points[1].y
        bad.connectors += [Connector(line: 3, points: through),
                           Connector(line: 4, points: [ChartPoint(x: f[2].center.x, y: bus), ChartPoint(x: f[3].minX - 20, y: bus),
                                                        ChartPoint(x: f[3].minX - 20, y: through[1].y), through[1]])]
        bad.frames.append(f[3])
        crossed.boxes.append(Box(id: "copy", heading: "Right", style: "division", level: 1))
        let check = GeometryCheck(chart: crossed, frames: bad.frames, texts: bad.texts, connectors: bad.connectors, theme: theme)
        XCTAssertEqual(Set(check.problems.map(\.kind)), [.lineThroughBox, .sharedSegment, .stackedArrowheads, .overlappingBoxes], check.problems.description)
        XCTAssertEqual(check.count(.sharedSegment), 2, "the bus and the last stretch")
        XCTAssertEqual(check.problems.first?.detail, "direct-access:left->right through middle")
    }
}
