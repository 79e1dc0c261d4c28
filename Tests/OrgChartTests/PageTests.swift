import BuiltinModels
import ChartGraph
import Foundation
import OrgChart
import OrgTemplates
import OrgViews
import XCTest

final class PageTests: XCTestCase {
    /// `pdfinfo` output for a PDF's bytes.
    func pdfinfo(_ pdf: [UInt8]) throws -> String {
        try tool("pdfinfo", on: pdf, named: "chart.pdf", in: self).stdout
    }

    func testAChartTooLargeForA4IsSplitIntoContinuedPages() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = PageSize.a4.landscape
        let prepared = try spec.prepare()
        let pages = try PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: prepared.tidy, engine: prepared.engine, page: PageSize.a4.landscape).pages()
        XCTAssertGreaterThan(pages.count, 1)
        // Every unit appears on some page, and every page but the first continues another.
        let shown = Set(pages.flatMap { $0.boxes.map(\.id) })
        XCTAssertEqual(shown, Set(prepared.chart.boxes.map(\.id)))
        let markers = pages.flatMap { $0.boxes.flatMap(\.details) }.compactMap(PageShapeTests.continuationPages)
        // Pieces share pages, so every later page is named by a marker, and markers name pages.
        XCTAssertEqual(Set(markers.joined()).union([1]), Set(1...pages.count))
        XCTAssertTrue(pages.dropFirst().allSatisfy { $0.subtitle?.contains("continued from page") ?? false })
        let info = try pdfinfo(try prepared.render(.pdf))
        XCTAssertTrue(info.contains("Pages:           \(pages.count)"), info)
        XCTAssertTrue(info.contains("(A4)"), info)
        XCTAssertEqual(try prepared.render(.pdf), try prepared.render(.pdf), "paged PDFs are identical run to run")
    }

    func testASmallChartStaysOnOnePageOfTheRequestedSize() throws {
        var spec = ChartSpec(options: ViewOptions(root: "dpko-pd"))
        spec.page = PageSize.a4
        let info = try pdfinfo(try spec.prepare().render(.pdf))
        XCTAssertTrue(info.contains("Pages:           1"), info)
        XCTAssertTrue(info.contains("595") && info.contains("841"), info)
    }

    func testPageSizesParse() {
        XCTAssertEqual(PageSize(parsing: "A4,landscape"), PageSize.a4.landscape)
        XCTAssertEqual(PageSize(parsing: "a3")?.width, 11.69)
        XCTAssertEqual(PageSize(parsing: "letter, landscape")?.width, 11)
        XCTAssertNil(PageSize(parsing: "B5"))
        XCTAssertNil(PageSize(parsing: "A4,sideways"))
    }

    func testThemesLoadAndExtend() throws {
        XCTAssertEqual(Set(Theme.builtinNames), ["default", "high-contrast", "print"])
        let print = try Theme.load("print")
        for kind in ["department", "division", "section"] {
            let fill = print.box(kind).fill ?? ""
            let channels = stride(from: 1, to: 7, by: 2).map { fill.dropFirst($0).prefix(2) }
            XCTAssertEqual(Set(channels).count, 1, "print theme is grayscale: \(kind) \(fill)")
        }
        XCTAssertEqual(print.font, "Liberation Sans", "inherited from the default theme")
        let directory = try temporaryDirectory(self)
        let path = try write("extends: print\nboxes:\n  division: {fill: \"#ff0000\"}\n", to: "mine.yaml", in: directory)
        let mine = try Theme.load(path)
        XCTAssertEqual(mine.box("division").fill, "#ff0000")
        XCTAssertEqual(mine.box("division").stroke, print.box("division").stroke, "only what is listed changes")
        XCTAssertThrowsError(try Theme.load("nonexistent")) { XCTAssertTrue("\($0)".contains("built-in themes: default")) }
        let svg = try ChartSpec(template: path).prepare().render(.svg)
        XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("#ff0000"))
    }

    func testThemeFileErrorsAreLocatedLikeModelErrors() throws {
        let directory = try temporaryDirectory(self)
        let repeated = try write("extends: default\nfont: A\nfont: B\n", to: "repeated.yaml", in: directory)
        XCTAssertThrowsError(try Theme.load(repeated)) { error in
            XCTAssertEqual("\(error)", "\(repeated):3:1: error: key 'font' appears twice in this mapping\n    hint: remove one of them (the first is at line 2)")
        }
        let broken = try write("extends: default\nboxes: [a\n", to: "broken.yaml", in: directory)
        XCTAssertThrowsError(try Theme.load(broken)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(broken):3:1: error: YAML syntax error:"), "\(error)")
            XCTAssertEqual("\(error)".split(separator: "\n").count, 2, "one line and a hint, without the file's text")
        }
    }
}
