import ChartGraph
import DOTWriter
import Foundation
import OrgChart
@testable import OfficeWriter
@testable import Placement
import TidyTree
import XCTest

/// Where the title and the legend stand around the boxes.
final class FurnitureTests: XCTestCase {
    /// A tall column on the left and a short one on the right: a legend narrower than the short
    /// column goes under it, not below everything, and the drawing ends with the tall column; a
    /// legend wider than the drawing goes below.
    func testTheLegendStandsUnderAShortColumn() {
        let tall = BoxFrame(center: ChartPoint(x: 100, y: 300), width: 200, height: 500)
        let short = BoxFrame(center: ChartPoint(x: 400, y: 100), width: 200, height: 100)
        let furniture = Furniture(title: (100, 30), titleTop: 0, footers: [(150, 60)], pad: 0, area: (1_000, 1_000))
        let placed = furniture.place(frames: [tall, short], minX: 0, maxX: 500, boxesTop: 50, bottom: 550)
        let footer = try? XCTUnwrap(placed.footer)
        XCTAssertEqual(footer?.isBelow, false)
        XCTAssertGreaterThanOrEqual(footer?.origin.x ?? 0, tall.maxX + Furniture.gap - 0.01, "beside the tall column")
        XCTAssertGreaterThanOrEqual(footer?.origin.y ?? 0, short.maxY + Furniture.gap, "under the short column")
        XCTAssertEqual(placed.height, 550, accuracy: 0.01, "the tall column ends the drawing")
        XCTAssertNil(placed.title, "a chart at its natural size keeps its title above")

        let wide = Furniture(title: (100, 30), titleTop: 0, footers: [(600, 60)], pad: 0, area: (1_000, 1_000))
        let below = wide.place(frames: [tall, short], minX: 0, maxX: 500, boxesTop: 50, bottom: 550)
        XCTAssertEqual(below.footer?.isBelow, true)
        XCTAssertEqual(below.width, 600, accuracy: 0.01)
        XCTAssertEqual(below.height, 550 + 8 + 60, accuracy: 0.01, "a little below the boxes")
    }

    /// A chart too large for its page has its title beside the top row, where the row leaves a
    /// stretch empty, so that it is drawn larger; the title stays clear of every box.
    func testTheTitleStandsBesideTheTopRowOfALargeChart() throws {
        let top = BoxFrame(center: ChartPoint(x: 100, y: 80), width: 200, height: 60)
        let column = BoxFrame(center: ChartPoint(x: 600, y: 600), width: 400, height: 900)
        let furniture = Furniture(title: (150, 40), titleTop: 10, footers: [], pad: 0, area: (300, 300))
        let placed = furniture.place(frames: [top, column], minX: 0, maxX: 800, boxesTop: 50, bottom: 1_050)
        let title = try XCTUnwrap(placed.title, "beside the top row")
        XCTAssertEqual(title.y, 50, accuracy: 0.01, "level with the top row")
        XCTAssertGreaterThanOrEqual(title.x - 75, top.maxX + Furniture.gap - 0.01, "clear of the top box")
        XCTAssertLessThanOrEqual(title.y + 40, column.minY - Furniture.gap + 0.01, "clear of the column below")
        XCTAssertEqual(placed.height, 1_000, accuracy: 0.01, "no room above the boxes")
    }

    /// Every built-in department organigramme placed for A4 landscape: the legend and the title
    /// overlap no box, no line and each other.
    func testTheTitleAndLegendOverlapNothing() throws {
        for (model, root) in [("dpko-2010", nil), ("dpo-2019", nil), ("peace-security-2021", "dos"), ("peace-security-2021", "dppa")] {
            var spec = ChartSpec(model: model)
            spec.options.root = root
            spec.page = PageSize.a4.landscape
            let prepared = try spec.prepare()
            let placed = PlacedChart(chart: prepared.chart.shaped(for: PageSize.a4.landscape), theme: prepared.writer.theme)
            let titleBlock = placed.title.map { $0.span(font: placed.theme.font) }
            var furniture = placed.footer.rows.flatMap { row -> [BoxFrame] in
                if case .boxes(_, let samples) = row { return samples.map(\.frame) }
                return []
            }
            if let first = placed.title.first, let last = placed.title.last, let left = titleBlock.map(\.left).min(), let right = titleBlock.map(\.right).max() {
                let top = first.baseline - first.size, bottom = last.baseline + 2
                furniture.append(BoxFrame(center: ChartPoint(x: (left + right) / 2, y: (top + bottom) / 2), width: right - left, height: bottom - top))
            }
            for thing in furniture {
                for frame in placed.frames { XCTAssertFalse(thing.overlaps(frame), "\(model) \(root ?? ""): \(thing) over \(frame)") }
                for connector in placed.connectors {
                    for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                        let crosses = max(a.x, b.x) > thing.minX && min(a.x, b.x) < thing.maxX && max(a.y, b.y) > thing.minY && min(a.y, b.y) < thing.maxY
                        XCTAssertFalse(crosses, "\(model) \(root ?? ""): line \(connector.line) through \(thing)")
                    }
                }
            }
        }
    }

    /// The Department of Operational Support, too large for A4 landscape at its natural size,
    /// has its title beside the top row; Graphviz's drawing of the placed chart sets it there too.
    func testGraphvizDrawsTheTitleWhereTheLayoutPlacedIt() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.options.root = "dos"
        let prepared = try spec.prepare()
        let placed = PlacedChart(chart: prepared.chart.shaped(for: PageSize.a4.landscape), theme: prepared.writer.theme)
        let firstBox = try XCTUnwrap(placed.frames.map(\.minY).min())
        XCTAssertGreaterThanOrEqual(placed.titleCenter.y, firstBox, "the title stands beside the top row")
        let dot = prepared.writer.writePlaced(placed)
        let line = try XCTUnwrap(dot.split(separator: "\n").first { $0.contains("\"orgchart:title\" [") })
        let position = try XCTUnwrap(line.range(of: #"pos="([0-9.]+),([0-9.]+)!""#, options: .regularExpression).map { String(line[$0]) })
        let numbers = position.dropFirst(5).dropLast(2).split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 2)
        XCTAssertEqual(numbers[0], placed.titleCenter.x, accuracy: 0.01)
        XCTAssertEqual(numbers[1], placed.extent.height - placed.titleCenter.y, accuracy: 0.01)
    }

    /// The legend's sample boxes cut into rows as even as they can be, in order.
    func testSampleBoxesAreCutIntoEvenRows() {
        XCTAssertEqual(PlacedFooter.rows(of: [10, 10, 10, 10], count: 2), [0..<2, 2..<4])
        XCTAssertEqual(PlacedFooter.rows(of: [30, 10, 10, 10], count: 2), [0..<1, 1..<4])
        XCTAssertEqual(PlacedFooter.rows(of: [10, 10], count: 3), [0..<1, 1..<2])
        XCTAssertEqual(PlacedFooter.rows(of: [], count: 2), [])
    }

    /// A route of more than five segments loses its short jogs for a PowerPoint connector: the
    /// stretch before a jog moves over, the ends stay, every stretch stays orthogonal.
    func testALongRouteLosesItsJogs() {
        let emu = 12_700.0
        let route = [(827, 163), (827, 169), (197, 169), (197, 210.8), (202, 210.8), (202, 358), (191, 358)]
            .map { ChartPoint(x: $0.0 * emu, y: $0.1 * emu) }
        let shorter = ConnectorGeometry.withoutJogs(route)
        XCTAssertEqual(shorter.count - 1, 4)
        XCTAssertEqual(shorter.first, route.first)
        XCTAssertEqual(shorter.last, route.last)
        XCTAssertEqual(shorter[2], ChartPoint(x: 202 * emu, y: 169 * emu))
        XCTAssertTrue(zip(shorter, shorter.dropFirst()).allSatisfy { $0.x == $1.x || $0.y == $1.y })
        // A route without a short stretch between bends keeps its segments.
        let long = [(0, 0), (0, 100), (100, 100), (100, 200), (200, 200), (200, 300), (300, 300)].map { ChartPoint(x: Double($0.0) * emu, y: Double($0.1) * emu) }
        XCTAssertEqual(ConnectorGeometry.withoutJogs(long), long)
    }
}
