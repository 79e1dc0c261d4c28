import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MatrixLayout
@testable import OrgBuild
@testable import OrgPaging
@testable import OrgPipeline
import OrgModel
import OrgTemplates
import OrgViews
import SVGWriter
import XCTest

/// The services matrix: its data (one mark per relation, totals, names), its layout on a page
/// (readable text, or blocks with repeated headers), its drawing and its text forms.
final class ServicesMatrixTests: XCTestCase {
    private func pillar() throws -> (model: Model, chart: Chart) {
        let model = try BuiltinModels.load("peace-security-2021").valid()
        return (model, try Views.chart(.servicesMatrix, of: model))
    }

    func testOneMarkPerServicesRelationshipWithItsKind() throws {
        let (model, chart) = try pillar()
        let matrix = try XCTUnwrap(chart.matrix)
        let relations = model.relationships.filter { ServiceLinks.matrixKinds.contains($0.kind) }
        XCTAssertEqual(matrix.marks.count, relations.count)
        var expected = relations.map { "\($0.from)>\($0.to)>\($0.kind.rawValue)" }
        var found = matrix.marks.map { "\(matrix.rows[$0.row].id)>\(matrix.columns[$0.column].id)>\($0.style)" }
        expected.sort()
        found.sort()
        XCTAssertEqual(found, expected)
        for kind in ServiceLinks.matrixKinds {
            XCTAssertTrue(chart.legend.contains { $0.sample == .mark && $0.style == kind.rawValue }, "legend lacks \(kind)")
        }
        XCTAssertTrue(matrix.marks.allSatisfy { $0.source != nil && $0.tooltip.contains("§") || $0.tooltip.contains("lesson") })
    }

    func testEveryProviderAndClientIsNamedOnceAndGrouped() throws {
        let (model, chart) = try pillar()
        let matrix = try XCTUnwrap(chart.matrix)
        let relations = model.relationships.filter { ServiceLinks.matrixKinds.contains($0.kind) }
        XCTAssertEqual(Set(matrix.rows.map(\.id)), Set(relations.map(\.from)))
        XCTAssertEqual(Set(matrix.columns.map(\.id)), Set(relations.map(\.to)))
        XCTAssertEqual(matrix.rows.count, Set(matrix.rows.map(\.id)).count)
        XCTAssertEqual(matrix.columns.count, Set(matrix.columns.map(\.id)).count)
        for header in matrix.rows + matrix.columns { XCTAssertEqual(header.label, model.unit(header.id)?.name ?? model.post(header.id)?.title) }
        // Groups are contiguous: each appears in one run.
        for headers in [matrix.rows, matrix.columns] {
            var seen: [String] = []
            for header in headers where seen.last != header.group {
                XCTAssertFalse(seen.contains(header.group), "group \(header.group) is split")
                seen.append(header.group)
            }
        }
        // Missions stand under the regional division that backstops them.
        let unama = try XCTUnwrap(matrix.columns.first { $0.id == "unama" })
        XCTAssertEqual(matrix.columnGroups.first { $0.id == unama.group }?.label, "Asia and the Pacific Division")
        XCTAssertEqual(matrix.rows.first { $0.id == "reg-med" }?.group, "reg")
        XCTAssertEqual(matrix.rows.first { $0.id == "odcss-eo" }?.group, "odcss")
    }

    func testTotalsCountTheMarks() throws {
        let (model, chart) = try pillar()
        let matrix = try XCTUnwrap(chart.matrix)
        let relations = model.relationships.filter { ServiceLinks.matrixKinds.contains($0.kind) }
        for (index, row) in matrix.rows.enumerated() {
            XCTAssertEqual(matrix.rowTotals[index], relations.filter { $0.from == row.id }.count, row.id)
        }
        for (index, column) in matrix.columns.enumerated() {
            XCTAssertEqual(matrix.columnTotals[index], relations.filter { $0.to == column.id }.count, column.id)
        }
        XCTAssertEqual(matrix.rowTotals.reduce(0, +), matrix.marks.count)
        XCTAssertEqual(matrix.rowTotals[matrix.rows.firstIndex { $0.id == "gsc" }!], 40)
    }

    func testThePillarFitsA3LandscapeAtSixPointsOrSplitsWithRepeatedHeaders() throws {
        let (_, chart) = try pillar()
        let matrix = try XCTUnwrap(chart.matrix)
        for template in ["default", "print"] {
            let sheets = MatrixLayout(chart: chart, theme: try Theme.load(template)).sheets(page: PageSize.a3.landscape, margin: PagedChart.margin)
            for sheet in sheets {
                XCTAssertGreaterThanOrEqual(sheet.smallestPrintedText, 6 - 1e-9, template)
                XCTAssertLessThanOrEqual(sheet.width * sheet.scale, PageSize.a3.landscape.width * 72 - 2 * PagedChart.margin + 1e-6)
                XCTAssertLessThanOrEqual(sheet.height * sheet.scale, PageSize.a3.landscape.height * 72 - 2 * PagedChart.margin + 1e-6)
                let texts = sheet.shapes.compactMap { shape -> PlacedText? in if case .text(let text) = shape { return text } else { return nil } }
                XCTAssertTrue(texts.allSatisfy { $0.size * sheet.scale >= 6 - 1e-9 })
                for row in sheet.rows { XCTAssertTrue(texts.contains { $0.text.hasPrefix(matrix.rows[row].label) || matrix.rows[row].label.hasPrefix($0.text) }) }
            }
            XCTAssertEqual(Set(sheets.flatMap(\.rows)), Set(matrix.rows.indices))
            XCTAssertEqual(Set(sheets.flatMap(\.columns)), Set(matrix.columns.indices))
            let placed = sheets.reduce(0) { count, sheet in count + sheet.shapes.filter { if case .mark = $0 { return true } else { return false } }.count }
            XCTAssertEqual(placed, matrix.marks.count, "every mark on exactly one sheet")
            // As many sheets as the fullest blocks need, evened out: the last is no stub of a few
            // rows (the pillar's 47 providers were 37 and 10).
            let rowCounts = Set(sheets.map(\.rows)).map(\.count)
            if rowCounts.count > 1 { XCTAssertGreaterThanOrEqual(Double(rowCounts.min()!), 0.6 * Double(rowCounts.max()!), "\(template): \(rowCounts)") }
        }
    }

    func testASmallPageSplitsIntoBlocksThatRepeatTheirHeaders() throws {
        let (_, chart) = try pillar()
        let matrix = try XCTUnwrap(chart.matrix)
        let sheets = MatrixLayout(chart: chart, theme: try Theme.load("default")).sheets(page: PageSize.a4, margin: PagedChart.margin)
        XCTAssertGreaterThan(sheets.count, 1)
        for sheet in sheets {
            XCTAssertGreaterThanOrEqual(sheet.smallestPrintedText, 6 - 1e-9)
            let texts = sheet.shapes.compactMap { shape -> String? in if case .text(let text) = shape { return text.text } else { return nil } }
            XCTAssertTrue(texts.contains("Total") && texts.contains("Sources") && texts.contains { $0.hasPrefix("Page ") })
            // Every sheet names its rows and its columns.
            for row in sheet.rows { XCTAssertTrue(texts.contains { matrix.rows[row].label.hasPrefix($0) || $0.hasPrefix(matrix.rows[row].label) }, matrix.rows[row].label) }
            XCTAssertFalse(sheet.columns.isEmpty)
        }
    }

    func testSVGIsValidXMLWithATooltipPerMarkAndDeterministic() throws {
        let (_, chart) = try pillar()
        let prepared = PreparedChart(chart: chart, writer: DOTWriter(theme: try Theme.load("default")))
        let svg = try prepared.render(.svg)
        XCTAssertEqual(svg, try prepared.render(.svg))
        let document = try XMLDocument(data: Data(svg))
        let marks = try document.nodes(forXPath: "//*[local-name()='g'][starts-with(@class, 'mark ')]")
        XCTAssertEqual(marks.count, chart.matrix!.marks.count)
        let title = try XCTUnwrap((marks.first as? XMLElement)?.elements(forName: "title").first?.stringValue)
        XCTAssertTrue(title.contains("e-Guide"), title)
        XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("rotate(-90"))
    }

    /// The whole pillar (47 providers) is a row block too many for one A3 page at 6 pt: two pages,
    /// the second repeating the column headers.
    func testPDFOnA3IsTwoPagesAndIdenticalOnASecondRun() throws {
        let directory = try temporaryDirectory(self)
        let paths = ["a.pdf", "b.pdf"].map { directory.appendingPathComponent($0).path }
        for path in paths {
            let result = try orgchart(["render", "peace-security-2021", "--view", "services-matrix", "--page", "A3,landscape", "-o", path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let bytes = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        XCTAssertEqual(bytes[0], bytes[1])
        let text = String(decoding: bytes[0], as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count, 2, "two pages")
        let dot = try orgchart(["render", "peace-security-2021", "--view", "services-matrix", "--format", "dot", "-o", "-"])
        XCTAssertEqual(dot.status, 1)
        XCTAssertTrue(dot.stderr.contains("matrix"))
    }

    /// The SVG is one image of the whole matrix: fitted to a page that holds it readably, at its
    /// natural size when the PDF splits it (shrunk onto A3 its text would be under 6 pt).
    func testTheSVGOfASplitMatrixKeepsItsNaturalSize() throws {
        let (_, chart) = try pillar()
        /// The width and height the SVG declares, in points.
        func declared(_ page: PageSize?) throws -> (width: Double, height: Double) {
            var paged = chart
            paged.page = page
            let svg = String(decoding: try PreparedChart(chart: paged, writer: DOTWriter(theme: try Theme.load("default"))).render(.svg), as: UTF8.self)
            func number(after key: String) throws -> Double {
                try XCTUnwrap(svg.range(of: key).flatMap { Double(svg[$0.upperBound...].prefix { $0 != "p" }) }, key)
            }
            return (try number(after: " width=\""), try number(after: " height=\""))
        }
        let natural = try declared(nil)
        XCTAssertEqual(try declared(PageSize.a3.landscape).width, natural.width, "split on A3: natural size")
        // A page that holds it readably at nine tenths of its size: fitted to it.
        let page = PageSize(name: "custom", width: natural.width * 0.9 / 72 + 1.02, height: natural.height * 0.9 / 72 + 1.02)
        XCTAssertEqual(try declared(page).width, natural.width * 0.9, accuracy: 1)
    }

    func testCSVAndMarkdownOfTheMatrix() throws {
        let model = try BuiltinModels.load("dpko-2010").valid()
        let chart = try Views.chart(.servicesMatrix, of: model)
        let csv = MatrixTable.csv(chart)
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        // §5.8: the Division serves the two Departments, "operations led by the Department of Peacekeeping
        // Operations, and Member States".
        XCTAssertEqual(lines[1], "Providers group,Providers,Department of Peacekeeping Operations,Department of Field Support,Operations led by the Department of Peacekeeping Operations,Member States,Total,Sources")
        XCTAssertTrue(lines.contains("Department of Peacekeeping Operations (DPKO),\"Policy, Evaluation and Training Division\",provides shared services to [2],provides shared services to [2],provides shared services to [2],provides shared services to [2],4,2"))
        XCTAssertTrue(lines.contains(",Total,5,5,1,1,12,"))
        XCTAssertEqual(Set(lines.map { $0.replacingOccurrences(of: "\"Policy, Evaluation", with: "").filter { $0 == "," }.count }).count, 1, "every row has as many fields")

        let markdown = MatrixTable.markdown(chart)
        XCTAssertTrue(markdown.contains("| Providers | DPKO | DFS | Operations led by the Department of Peacekeeping Operations | Member States | Total | Sources |"))
        XCTAssertTrue(markdown.contains("| Policy, Evaluation and Training Division (DPET) | P | P | P | P | 4 | 2 |"))
        XCTAssertTrue(markdown.contains("| **Total** | 5 | 5 | 1 | 1 | **12** | |"))
        XCTAssertTrue(markdown.contains("- **P**: provides shared services to"))

        let result = try orgchart(["query", "serves", "--matrix", "-m", "dpko-2010", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, markdown)
        let again = try orgchart(["query", "serves", "--matrix", "-m", "peace-security-2021"])
        XCTAssertEqual(again.stdout, try orgchart(["query", "serves", "--matrix", "-m", "peace-security-2021"]).stdout)
        let pillar = try XCTUnwrap(try self.pillar().chart.matrix)
        XCTAssertEqual(again.stdout.components(separatedBy: "\r\n").count - 1, 2 + pillar.rows.count + 1 + pillar.sources.count)
    }
}

extension ServicesMatrixTests {
    func testTextIsEscaped() {
        XCTAssertEqual(MatrixTable.csvField("a \"b\", c"), "\"a \"\"b\"\", c\"")
        XCTAssertEqual(MatrixTable.csvField("plain"), "plain")
        XCTAssertEqual(MatrixTable.markdownText("a|b_c\nd"), "a\\|b\\_c d")
    }
}
