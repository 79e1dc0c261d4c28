import ChartGraph
import Foundation
import GraphvizRender
@testable import HTMLWriter
import OrgChart
import OrgTemplates
import Placement
import XCTest

/// The interactive chart page: its data, and the page in headless Chromium driven through its
/// address (search, choose, collapse).
final class ChartPageTests: XCTestCase {
    /// The `<body …>` tag of the page as Chromium leaves it after its script ran.
    func bodyTag(_ dom: String) -> String {
        guard let start = dom.range(of: "<body"), let end = dom.range(of: ">", range: start.upperBound..<dom.endIndex) else { return "" }
        return String(dom[start.lowerBound..<end.upperBound])
    }

    /// The value of `name` on the body, as a number.
    func number(_ name: String, in tag: String) -> Int? {
        guard let start = tag.range(of: " \(name)=\""), let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else { return nil }
        return Int(tag[start.upperBound..<end.lowerBound])
    }

    /// Loads `page` with `state` in its address; checks it ran without an error or a console
    /// message and returns the DOM.
    func load(_ page: URL, _ state: String, _ what: String) throws -> String {
        let binary = try chromiumBinary()
        let dom = try runChromium(binary, ["--dump-dom", "\(page.absoluteString)#\(state)"], in: self)
        XCTAssertEqual(dom.status, 0, dom.stderr)
        XCTAssertTrue(bodyTag(dom.stdout).contains(#"data-ready="yes""#), "\(what): the script ran to its end: \(bodyTag(dom.stdout))")
        XCTAssertFalse(dom.stdout.contains(#"data-errors=""#), "\(what): no script error")
        for line in dom.stderr.split(separator: "\n") where line.contains("CONSOLE") || line.contains("Uncaught") {
            XCTFail("\(what): console message: \(line)")
        }
        return dom.stdout
    }

    func testTheMODOrganogramPageLoadsAndSearchesAndCollapses() throws {
        let csv = CSVImportTests.organograms.appendingPathComponent("mod.csv")
        guard FileManager.default.fileExists(atPath: csv.path) else { throw XCTSkip("\(csv.path) is not available") }
        _ = try chromiumBinary()
        let directory = try temporaryDirectory(self)
        let imported = try orgchart(["import", "csv", csv.path, "-o", "mod.yaml"], in: directory)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let rendered = try orgchart(["render", "mod.yaml", "-o", "mod.html"], in: directory)
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let page = directory.appendingPathComponent("mod.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(html.contains("http:") || html.contains("https:") || html.contains("src="), "no address outside the page")

        let placed = try ChartSpec(model: directory.appendingPathComponent("mod.yaml").path).prepare().placed
        let chart = placed.chart
        XCTAssertEqual(chart.boxes.count, 5_470, "every post")
        // What the search must find: boxes whose heading, details or id hold "director" and "finance".
        let expected = chart.boxes.filter { box in
            let text = ([box.heading] + box.details + [box.id]).joined(separator: "\n").lowercased()
            return text.contains("director") && text.contains("finance")
        }
        XCTAssertGreaterThan(expected.count, 0)
        // A box with a subtree below it, and one deep in it.
        var parent: [String: String] = [:]
        for line in chart.lines where line.shapesLayout { parent[line.ranksUpward ? line.from : line.to] = line.ranksUpward ? line.to : line.from }
        var below: [String: Int] = [:]
        for box in chart.boxes {
            var up = parent[box.id]
            while let id = up { below[id, default: 0] += 1; up = parent[id] }
        }
        guard let collapsedID = below.filter({ $0.value >= 20 && $0.value <= 400 }).keys.sorted().first else { return XCTFail("no subtree of 20 to 400 boxes") }
        var depth: [String: Int] = [:]
        func depthOf(_ id: String) -> Int {
            if let known = depth[id] { return known }
            let value = parent[id].map { depthOf($0) + 1 } ?? 0
            depth[id] = value
            return value
        }
        let deepest = chart.boxes.map(\.id).max { (depthOf($0), $1) < (depthOf($1), $0) }!

        let dom = try load(page, "search=director%20finance&collapse=\(collapsedID)&select=\(deepest)", "MOD")
        let body = bodyTag(dom)
        // How soon it is ready is a figure of the benchmark (bench/run.sh), not of this test.
        XCTAssertNotNil(number("data-ready-ms", in: body), "the page records when it was ready")
        XCTAssertEqual(number("data-found", in: body), expected.count, "the search finds every box holding both words")
        XCTAssertEqual(number("data-hidden", in: body), below[collapsedID], "collapsing hides the subtree")
        XCTAssertTrue(dom.contains("class=\"node post collapsed\"") || dom.contains(" collapsed\""), "the collapsed box is marked")
        // The chosen box's path: it, each box above it and each line between.
        XCTAssertEqual(number("data-path", in: body), 2 * depthOf(deepest) + 1, "the path to the top is highlighted")
        XCTAssertTrue(body.contains("data-chosen=\"\(deepest)\""))
        XCTAssertTrue(dom.contains("<section id=\"details\" aria-live=\"polite\">"), "the panel shows the chosen box")
    }

    func testTheDPKOPageShowsABoxSourceAndLines() throws {
        _ = try chromiumBinary()
        let directory = try temporaryDirectory(self)
        let page = directory.appendingPathComponent("accountability.html")
        let prepared = try preparedDPKO(.accountability)
        let bytes = try prepared.render(.html)
        XCTAssertEqual(bytes, try prepared.render(.html), "the same bytes twice")
        try Data(bytes).write(to: page)
        let police = "dpko-pd"
        guard let box = prepared.chart.boxes.first(where: { $0.id == police }) else { return XCTFail("no Police Adviser") }
        let dom = try load(page, "select=\(police)", "DPKO accountability")
        let lines = prepared.chart.lines.filter { $0.isDrawn && ($0.from == police || $0.to == police) }
        XCTAssertTrue(dom.contains("<h2>Lines (\(lines.count))</h2>"), "the panel lists the box's lines")
        XCTAssertTrue(dom.contains(ChartPageTests.escape(box.heading)), "the panel names the box")
        if let tooltip = box.tooltip?.split(separator: "\n").first { XCTAssertTrue(dom.contains(ChartPageTests.escape(String(tooltip))), "the panel gives its source") }
    }

    /// The organigramme's page lists the chosen unit's functions, as the model states them.
    func testTheDPKOPageListsAUnitsFunctions() throws {
        _ = try chromiumBinary()
        let directory = try temporaryDirectory(self)
        let page = directory.appendingPathComponent("organigramme.html")
        let prepared = try preparedDPKO(.organigramme)
        try Data(try prepared.render(.html)).write(to: page)
        let box = try XCTUnwrap(prepared.chart.boxes.first { $0.id == "dpko-ocos" })
        XCTAssertEqual(box.functions.count, 8, "the Office of the Chief of Staff has eight functions in ST/SGB/2010/1")
        let dom = try load(page, "select=dpko-ocos", "DPKO organigramme")
        XCTAssertTrue(dom.contains("<h2>Functions</h2><ul class=\"functions\">"), "the panel lists the functions")
        for function in box.functions { XCTAssertTrue(dom.contains("<li>\(ChartPageTests.escape(function))</li>"), function) }
    }

    /// The data a page carries is JSON inside a script element: no `<`, so no `</script>` in a
    /// unit's name can end it.
    func testThePageDataCannotEndItsScript() throws {
        var chart = Chart(id: "c", title: "T")
        chart.boxes = [Box(id: "a", heading: "</script><script>alert(1)</script>", details: ["x & y"], style: "unit")]
        let data = try ChartPage.data(PlacedChart(chart: chart, theme: try Theme.load("default")))
        XCTAssertFalse(data.contains("<"))
        XCTAssertTrue(data.contains("\\u003c\\/script\\u003e"))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
