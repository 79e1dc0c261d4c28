import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import OrgTemplates
import Placement
import OrgViews
import TidyTree
import XCTest

final class TidyTreeTests: XCTestCase {
    /// The default theme with every child in a row (`tree-shape: wide`), the layout's mechanics
    /// without the page-shaped choice of hanging columns.
    let theme: Theme = {
        var theme = try! Theme.load("default")
        theme.pageShaped = false
        return theme
    }()

    /// A head with an adviser beside it, a division with two sections, a run of eight leaf
    /// units, a division with three sections, and four leaf teams.
    func sampleChart() -> Chart {
        var boxes = [Box(id: "head", heading: "Office of the Head", details: ["Under-Secretary-General"], style: "department")]
        var lines: [Line] = []
        func add(_ id: String, under parent: String, level: Int, aside: Bool = false) {
            boxes.append(Box(id: id, heading: "Unit \(id)", details: ["Chief"], style: aside ? "front-office" : "section", level: level, isAside: aside))
            lines.append(Line(from: parent, to: id, style: "contains"))
        }
        add("adviser", under: "head", level: 1, aside: true)
        add("div-a", under: "head", level: 1)
        for i in 1...2 { add("a\(i)", under: "div-a", level: 2) }
        for i in 1...8 { add("leaf\(i)", under: "head", level: 1) }
        add("div-b", under: "head", level: 1)
        for i in 1...3 { add("b\(i)", under: "div-b", level: 2) }
        for i in 1...4 { add("team\(i)", under: "div-b", level: 2) }
        lines.append(Line(from: "b1", to: "a1", style: "dual-reporting", shapesLayout: false))
        return Chart(id: "sample", title: "Sample", boxes: boxes, lines: lines)
    }

    func frames(_ chart: Chart) -> [String: BoxFrame] {
        let layout = TidyLayout(chart: chart, theme: theme)
        return Dictionary(uniqueKeysWithValues: zip(chart.boxes.map(\.id), layout.frames))
    }

    func assertNoOverlapAndChildrenBelow(_ chart: Chart, file: StaticString = #filePath, line: UInt = #line) {
        let layout = TidyLayout(chart: chart, theme: theme)
        let sorted = layout.frames.enumerated().sorted { $0.element.minX < $1.element.minX }
        for (k, a) in sorted.enumerated() {
            for b in sorted[(k + 1)...] {
                if b.element.minX >= a.element.maxX { break }
                XCTAssertFalse(a.element.overlaps(b.element), "\(chart.boxes[a.offset].id) overlaps \(chart.boxes[b.offset].id)", file: file, line: line)
            }
        }
        let index = Dictionary(chart.boxes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for tree in chart.lines where tree.shapesLayout {
            guard let p = index[tree.from], let c = index[tree.to] else { continue }
            XCTAssertGreaterThan(layout.frames[c].minY, layout.frames[p].maxY, "\(tree.to) is not below \(tree.from)", file: file, line: line)
        }
    }

    func testBoxesDoNotOverlapAndChildrenAreBelowTheirParent() {
        assertNoOverlapAndChildrenBelow(sampleChart())
    }

    func testSiblingsKeepTheirOrderAndLeavesAreStackedInAColumnOrAComb() {
        let f = frames(sampleChart())
        // Row children left to right in source order: div-a, the comb of leaves, div-b.
        XCTAssertLessThan(f["div-a"]!.center.x, f["leaf1"]!.center.x)
        XCTAssertLessThan(f["leaf1"]!.center.x, f["div-b"]!.center.x)
        // Three leaf sections then four leaf teams under div-b: seven leaves, two columns, reading order.
        for i in 1...2 { XCTAssertEqual(f["a\(i)"]!.center.y, f["a1"]!.center.y, "two leaves stay in a row") }
        let divB = ["b1", "b2", "b3", "team1", "team2", "team3", "team4"].map { f[$0]! }
        for (a, b) in zip(divB, divB.dropFirst()) {
            XCTAssertTrue(a.center.y < b.center.y || (a.center.y == b.center.y && a.center.x < b.center.x), "leaves keep reading order")
        }
        // Eight leaves of the head: two columns either side of one spine, rows top to bottom.
        let leaves = (1...8).map { f["leaf\($0)"]! }
        XCTAssertEqual(Set(leaves.map(\.center.x)).count, 2)
        XCTAssertEqual(Set(leaves.map(\.center.y)).count, 4)
    }

    func testAsideSitsBesideTheHeadsLineAboveTheRowOfDirectReports() {
        let f = frames(sampleChart())
        let adviser = f["adviser"]!, head = f["head"]!, division = f["div-a"]!
        XCTAssertGreaterThan(adviser.minY, head.maxY)
        XCTAssertLessThan(adviser.maxY, division.minY)
        XCTAssertGreaterThan(adviser.minX, head.center.x, "beside, not across, the vertical line")
    }

    func testConnectorsAreOrthogonalAndDottedLinesDoNotMoveBoxes() {
        let chart = sampleChart()
        let layout = TidyLayout(chart: chart, theme: theme)
        XCTAssertEqual(layout.connectors.map(\.line), Array(chart.lines.indices))
        for connector in layout.connectors where chart.lines[connector.line].shapesLayout {
            for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                XCTAssertTrue(a.x == b.x || a.y == b.y, "containment segments are horizontal or vertical")
            }
        }
        var withoutDotted = chart
        withoutDotted.lines.removeAll { !$0.shapesLayout }
        XCTAssertEqual(TidyLayout(chart: withoutDotted, theme: theme).frames, layout.frames)
    }

    func testTheBuiltinOrganigrammeLaysOutWithoutOverlaps() throws {
        let model = try BuiltinModels.load(nil).valid()
        assertNoOverlapAndChildrenBelow(try Views.chart(.organigramme, of: model))
    }

    func testALargeGeneratedTreeLaysOutWithoutOverlaps() {
        var boxes = [Box(id: "n0", heading: "Root", style: "department")]
        var lines: [Line] = []
        var state: UInt64 = 7
        for i in 1..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let parent = Int((state >> 33) % UInt64(max(1, i / 3 + 1)))
            boxes.append(Box(id: "n\(i)", heading: String(repeating: "Word ", count: 1 + i % 7), details: i % 2 == 0 ? ["Chief"] : [], style: "unit",
                             level: 1, isAside: i % 97 == 0))
            lines.append(Line(from: "n\(parent)", to: "n\(i)", style: "contains"))
        }
        assertNoOverlapAndChildrenBelow(Chart(id: "large", title: "Large", boxes: boxes, lines: lines))
    }

    func testCyclesAndSecondParentsNeverHangAndEveryBoxIsPlaced() {
        let boxes = ["a", "b", "c", "d"].map { Box(id: $0, heading: $0.uppercased(), style: "unit") }
        let lines = [Line(from: "a", to: "b", style: "contains"), Line(from: "b", to: "c", style: "contains"),
                     Line(from: "c", to: "b", style: "contains"), Line(from: "d", to: "c", style: "contains"),
                     Line(from: "c", to: "d", style: "contains"), Line(from: "x", to: "a", style: "contains")]
        let chart = Chart(id: "odd", title: "Odd", boxes: boxes, lines: lines)
        let layout = TidyLayout(chart: chart, theme: theme)
        XCTAssertEqual(layout.frames.count, 4)
        assertNoOverlapAndChildrenBelow(Chart(id: "odd", title: "Odd", boxes: boxes, lines: Array(lines.prefix(2))))
    }

    func testADeepChainIsLaidOutWithoutRecursion() {
        let boxes = (0..<20_000).map { Box(id: "c\($0)", heading: "Unit \($0)", style: "unit", level: $0) }
        let lines = (1..<20_000).map { Line(from: "c\($0 - 1)", to: "c\($0)", style: "contains") }
        let layout = TidyLayout(chart: Chart(id: "chain", title: "Chain", boxes: boxes, lines: lines), theme: theme)
        XCTAssertEqual(layout.frames.count, 20_000)
        XCTAssertEqual(layout.frames.last!.center.x, layout.frames.first!.center.x)
        XCTAssertGreaterThan(layout.frames.last!.minY, layout.frames[19_998].maxY)
    }

    func testTidyDOTRendersWithNop2IntoAnSVGWithEveryBoxAndTheSameBytesTwice() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.organigramme, of: model)
        let dot = DOTWriter(theme: theme).writePlaced(PlacedChart(chart: chart, theme: theme))
        XCTAssertEqual(dot, DOTWriter(theme: theme).writePlaced(PlacedChart(chart: chart, theme: theme)))
        XCTAssertTrue(dot.contains("pos=\""))
        let svg = try Renderer.shared.render(dot: dot, engine: .nop2, format: .svg)
        XCTAssertEqual(svg, try Renderer.shared.render(dot: dot, engine: .nop2, format: .svg))
        let document = try XMLDocument(data: Data(svg))
        let ids = Set(try document.nodes(forXPath: "//*[local-name()='g']/@id").compactMap(\.stringValue))
        for box in chart.boxes { XCTAssertTrue(ids.contains(box.id), "SVG lacks box \(box.id)") }
    }

    func testAutoPicksTheTidyTreeForTreeChartsAndDotForTheOthers() {
        var chart = sampleChart()
        XCTAssertEqual(ChartLayout.auto.resolved(for: chart), .tidy)
        XCTAssertEqual(ChartLayout.dot.resolved(for: chart), .dot)
        chart.groups = [Group(id: "g", label: "G", style: "department")]
        XCTAssertEqual(ChartLayout.auto.resolved(for: chart), .dot, "frames around groups need dot's clusters")
        chart.groups = []
        chart.arrangement = .flow
        XCTAssertEqual(ChartLayout.auto.resolved(for: chart), .dot)
        XCTAssertEqual(ChartLayout.tidy.resolved(for: chart), .dot)
    }

    /// Work aside runs on a thread of its own, its maps on that thread alone (so the thread that
    /// started it keeps the processors), and gives its result, in order, when asked.
    func testWorkAsideMapsOnItsOwnThreadAndGivesItsResult() {
        let caller = pthread_self()
        let mapped = DispatchSemaphore(value: 0)
        let aside = Parallel.Aside { () -> (threads: Set<UInt>, squares: [Int]) in
            // Each element takes a while, so that other threads would take some.
            let results = Parallel.map(Array(0..<200), workers: 4) { usleep(100); return ($0 * $0, UInt(pthread_self())) }
            mapped.signal()
            return (Set(results.map(\.1)), results.map(\.0))
        }
        let meanwhile = Parallel.map(Array(0..<200), workers: 4) { $0 + 1 }
        // Its value asked only once it has mapped: from then on its maps take every processor.
        mapped.wait()
        let (threads, squares) = aside.value
        XCTAssertEqual(squares, (0..<200).map { $0 * $0 })
        XCTAssertEqual(threads.count, 1, "the aside's map ran on its own thread alone")
        XCTAssertFalse(threads.contains(UInt(caller)), "not on the thread that started it")
        XCTAssertEqual(meanwhile, Array(1...200))
    }
}
