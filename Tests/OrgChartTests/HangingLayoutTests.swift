import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import OrgChart
import OrgTemplates
import OrgViews
import TidyTree
import XCTest

final class HangingLayoutTests: XCTestCase {
    /// The default theme with `hang-below: 1`.
    var theme: Theme {
        var theme = try! Theme.load("default")
        theme.hangBelow = 1
        return theme
    }

    /// A head with two offices; the first has a front office, a division with sections (one
    /// with teams of its own) and a unit, the second a run of leaves.
    func sampleChart() -> Chart {
        var boxes = [Box(id: "head", heading: "Department of the Head", details: ["Under-Secretary-General"], style: "department")]
        var lines: [Line] = []
        func add(_ id: String, under parent: String, level: Int, aside: Bool = false) {
            boxes.append(Box(id: id, heading: "Unit \(id) with a longer name", details: ["Chief"], style: aside ? "front-office" : "section", level: level, isAside: aside))
            lines.append(Line(from: parent, to: id, style: "contains"))
        }
        add("office-a", under: "head", level: 1)
        add("office-b", under: "head", level: 1)
        add("fo", under: "office-a", level: 2, aside: true)
        add("div", under: "office-a", level: 2)
        for i in 1...3 { add("s\(i)", under: "div", level: 3) }
        for i in 1...2 { add("t\(i)", under: "s2", level: 4) }
        add("unit", under: "office-a", level: 2)
        for i in 1...5 { add("leaf\(i)", under: "office-b", level: 2) }
        return Chart(id: "sample", title: "Sample", boxes: boxes, lines: lines)
    }

    func testHangingColumnsDoNotOverlapAndKeepOrder() {
        let chart = sampleChart()
        let layout = TidyLayout(chart: chart, theme: theme)
        let frames = Dictionary(uniqueKeysWithValues: zip(chart.boxes.map(\.id), layout.frames))
        for i in layout.frames.indices {
            for j in layout.frames.indices where j > i {
                XCTAssertFalse(layout.frames[i].overlaps(layout.frames[j]), "\(chart.boxes[i].id) overlaps \(chart.boxes[j].id)")
            }
        }
        // The offices stand in one row under the head.
        XCTAssertEqual(frames["office-a"]!.center.y, frames["office-b"]!.center.y)
        // Every hanging box is below its parent and indented to its right.
        let parents = ["fo": "office-a", "div": "office-a", "unit": "office-a", "s1": "div", "s2": "div", "s3": "div",
                       "t1": "s2", "t2": "s2", "leaf1": "office-b", "leaf5": "office-b"]
        for (child, parent) in parents {
            let c = frames[child]!, p = frames[parent]!
            XCTAssertGreaterThan(c.minY, p.maxY, "\(child) below \(parent)")
            XCTAssertGreaterThan(c.minX, p.minX + 5, "\(child) indented right of \(parent)")
            XCTAssertLessThanOrEqual(c.maxX, p.maxX + 0.001, "\(child) within the column of \(parent)")
        }
        // Sibling order top to bottom (the front office first), and a child's whole subtree
        // hangs before the next sibling.
        let order = ["fo", "div", "s1", "s2", "t1", "t2", "s3", "unit"]
        for (upper, lower) in zip(order, order.dropFirst()) {
            XCTAssertLessThan(frames[upper]!.maxY, frames[lower]!.minY, "\(upper) above \(lower)")
        }
        for i in 1..<5 { XCTAssertLessThan(frames["leaf\(i)"]!.maxY, frames["leaf\(i + 1)"]!.minY) }
        // Connectors from a spine are orthogonal: vertical, then horizontal into the box's left side.
        let spine = layout.connectors.first { chart.lines[$0.line].to == "t2" }!
        XCTAssertEqual(spine.points.count, 3)
        XCTAssertEqual(spine.points[0].x, spine.points[1].x)
        XCTAssertEqual(spine.points[1].y, spine.points[2].y)
        XCTAssertEqual(spine.points[2].x, frames["t2"]!.minX)
    }

    func testAWideThemeDoesNotHang() throws {
        XCTAssertEqual(try Theme.load("default").hangBelow, 0)
        XCTAssertEqual(try Theme.load("print").hangBelow, 1)
        let chart = sampleChart()
        var wide = try Theme.load("default")
        wide.pageShaped = false
        let layout = TidyLayout(chart: chart, theme: wide)
        let frames = Dictionary(uniqueKeysWithValues: zip(chart.boxes.map(\.id), layout.frames))
        XCTAssertEqual(frames["s1"]!.center.y, frames["s3"]!.center.y, "sections spread in a row")
    }

    func testTheLayoutIsDeterministic() {
        let chart = sampleChart()
        XCTAssertEqual(TidyLayout(chart: chart, theme: theme).frames, TidyLayout(chart: chart, theme: theme).frames)
    }

    /// DPO's 49 units in the print theme on one A4 landscape page at 6 pt or more, no box over another.
    func testDPOPrintChartFitsOneA4LandscapePage() throws {
        var spec = ChartSpec(model: "dpo-2019", template: "print")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let layout = TidyLayout(chart: prepared.chart, theme: try Theme.load("print"))
        for i in layout.frames.indices {
            for j in layout.frames.indices where j > i {
                XCTAssertFalse(layout.frames[i].overlaps(layout.frames[j]), "\(prepared.chart.boxes[i].id) overlaps \(prepared.chart.boxes[j].id)")
            }
        }
        let pdf = try prepared.render(.pdf)
        let info = try tool("pdfinfo", on: pdf, named: "dpo.pdf", in: self).stdout
        XCTAssertTrue(info.contains("Pages:           1"), info)
        XCTAssertEqual(pdf, try prepared.render(.pdf), "identical run to run")
    }
}
