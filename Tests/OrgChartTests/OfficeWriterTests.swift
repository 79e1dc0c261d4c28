import ChartGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
@testable import OfficeWriter
@testable import OrgBuild
@testable import OrgPaging
@testable import OrgPipeline
import OrgViews
import Placement
import SVGWriter
import TidyTree
import XCTest
import ZIPFoundation

/// A Python with python-pptx, to read presentations as PowerPoint's object model does:
/// `ORGCHART_PYTHON`, else the environment `scripts/setup.sh --tests` creates, else `python3`.
func pythonWithPPTX() throws -> String {
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? "\(home)/.cache"
    var candidates = ["\(cache)/orgchart/python/bin/python"]
    if let chosen = ProcessInfo.processInfo.environment["ORGCHART_PYTHON"] { candidates.insert(chosen, at: 0) }
    for candidate in candidates + ["python3"] {
        let executable = candidate.hasPrefix("/") ? candidate : "/usr/bin/env"
        guard !candidate.hasPrefix("/") || FileManager.default.isExecutableFile(atPath: candidate) else { continue }
        let check = try run(URL(fileURLWithPath: executable), (candidate.hasPrefix("/") ? [] : [candidate]) + ["-c", "import pptx"])
        if check.status == 0 { return candidate }
    }
    throw XCTSkip("no Python with python-pptx: run scripts/setup.sh --tests, or set ORGCHART_PYTHON")
}

/// The part at `path` of the ZIP package `bytes`; nil when it has none.
func zipEntry(_ path: String, in bytes: [UInt8]) throws -> Data? {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    guard let entry = archive[path] else { return nil }
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return data
}

/// The chart `view` of the built-in DPKO 2010 model, prepared (on `page`, if given).
func preparedDPKO(_ view: ViewKind, page: String? = nil) throws -> PreparedChart {
    var spec = ChartSpec(model: "dpko-2010", view: view)
    if let page { spec.page = try PageSize.parse(page) }
    return try spec.prepare()
}

final class OfficeWriterTests: XCTestCase {
    /// Every route of the DPKO charts, as the connector's preset, frame, turn, flips and adjust
    /// values draw it, is the route the layout stage found (to a hundredth of a point).
    func testConnectorsDrawTheirRoutes() throws {
        var checked = 0, bent = 0, long = 0
        for view in [ViewKind.organigramme, .accountability] {
            let placed = try preparedDPKO(view).placed
            for connector in placed.connectors {
                let route = ConnectorGeometry.simplified(connector.points.map { ChartPoint(x: $0.x * 12_700, y: $0.y * 12_700) })
                guard route.count - 1 <= ConnectorGeometry.mostSegments else {
                    // A longer route is drawn without its jogs: from its start to its end, never
                    // further from its course than a jog.
                    long += 1
                    let drawn = ConnectorGeometry(route: route).drawnPoints
                    XCTAssertLessThanOrEqual(drawn.count - 1, ConnectorGeometry.mostSegments)
                    for end in [(drawn[0], route[0]), (drawn[drawn.count - 1], route[route.count - 1])] {
                        XCTAssertEqual(end.0.x, end.1.x, accuracy: 1_280)
                        XCTAssertEqual(end.0.y, end.1.y, accuracy: 1_280)
                    }
                    for point in drawn {
                        let away = zip(route, route.dropFirst()).map { a, b in
                            hypot(point.x - min(max(point.x, min(a.x, b.x)), max(a.x, b.x)), point.y - min(max(point.y, min(a.y, b.y)), max(a.y, b.y)))
                        }.min() ?? 0
                        XCTAssertLessThanOrEqual(away, ConnectorGeometry.longestJog + 1_280, "\(view) line \(connector.line)")
                    }
                    continue
                }
                let geometry = ConnectorGeometry(route: route)
                let drawn = geometry.drawnPoints
                XCTAssertEqual(drawn.count, route.count, "\(view) line \(connector.line): \(geometry.preset)")
                for (a, b) in zip(drawn, route) {
                    // Where a route ends level with its start, the frame keeps a tenth of a point.
                    XCTAssertEqual(a.x, b.x, accuracy: 1_280, "\(view) line \(connector.line) \(geometry)")
                    XCTAssertEqual(a.y, b.y, accuracy: 1_280, "\(view) line \(connector.line) \(geometry)")
                }
                let level = route.count > 2 && (route[0].x == route[route.count - 1].x || route[0].y == route[route.count - 1].y)
                if !level {
                    XCTAssertEqual(drawn.last!.x, route.last!.x, accuracy: 640, "\(view) line \(connector.line): ends where the route ends")
                    XCTAssertEqual(drawn.last!.y, route.last!.y, accuracy: 640, "\(view) line \(connector.line): ends where the route ends")
                }
                checked += 1
                if geometry.preset.hasPrefix("bent") { bent += 1 }
            }
        }
        XCTAssertLessThanOrEqual(long, 2, "few routes of these charts have more than five segments")
        XCTAssertGreaterThan(checked, 80)
        XCTAssertGreaterThan(bent, 60)
    }

    /// The four ways a route can start (right, left, down, up) each end where the route ends,
    /// through its bends.
    func testBentConnectorsInEveryDirection() {
        let shapes: [[(Double, Double)]] = [
            [(0, 0), (50, 0), (50, 80), (120, 80)],
            [(120, 80), (50, 80), (50, 0), (0, 0)],
            [(10, 0), (10, 30), (90, 30), (90, 60)],
            [(90, 60), (90, 30), (10, 30), (10, 0)],
            [(0, 0), (0, 40), (30, 40)],
            [(0, 0), (-20, 0), (-20, 50), (40, 50), (40, 70)],
            [(0, 0), (0, -20), (60, -20), (60, 50), (30, 50), (30, 40)],
        ]
        let routes = shapes.map { points in points.map { ChartPoint(x: $0.0 * 12_700, y: $0.1 * 12_700) } }
        for route in routes {
            let geometry = ConnectorGeometry(route: route)
            XCTAssertEqual(geometry.preset, "bentConnector\(route.count - 1)")
            for (a, b) in zip(geometry.drawnPoints, route) {
                // Adjust values are whole 100,000ths of the frame.
                XCTAssertEqual(a.x, b.x, accuracy: 20, "\(route) → \(geometry)")
                XCTAssertEqual(a.y, b.y, accuracy: 20, "\(route) → \(geometry)")
            }
        }
    }

    /// Theme colours as Office and draw.io hold them: hex digits, the opacity of `#rrggbbaa`, a
    /// name draw.io draws as it is (letters only), one PowerPoint does not know drawn as black.
    func testThemeColours() {
        XCTAssertEqual(HexColor.digits("#1f4e79"), "1F4E79")
        XCTAssertEqual(HexColor.digits("#abc"), "AABBCC")
        XCTAssertEqual(HexColor.digits("#1f4e7980"), "1F4E79")
        XCTAssertEqual(HexColor.alpha("#1f4e7980"), 50_196)
        XCTAssertNil(HexColor.alpha("#1f4e79"))
        XCTAssertEqual(HexColor.digits("Navy"), "000080")
        XCTAssertNil(HexColor.digits("cornflowerblue"))
        XCTAssertEqual(DrawioPage.color("cornflowerblue"), "cornflowerblue")
        XCTAssertEqual(DrawioPage.color("red;shape=image"), "redshapeimage", "nothing can end the style value")
        XCTAssertEqual(DrawioPage.color("#fff"), "#FFFFFF")
    }

    /// The presentation as python-pptx reads it: per slide, the boxes (shapes named by their unit
    /// id, with their alt text and text), and the connectors with the names of the shapes their
    /// ends are glued to and the connection sites those shapes have.
    struct Reading: Decodable {
        struct Slide: Decodable {
            var boxes: [String: Box]
            var connectors: [Connector]
            var width: Int, height: Int
        }
        struct Box: Decodable { var descr: String; var text: String; var sites: Int; var bold: Bool }
        struct Connector: Decodable {
            var name: String, start: String?, end: String?, startSite: Int?, endSite: Int?, preset: String
            /// The shapes at the path's start and end (`a:headEnd`, `a:tailEnd`).
            var headEnd: String?, tailEnd: String?
        }
        var slides: [Slide]
    }

    static let reader = #"""
    import json, sys
    from pptx import Presentation
    p = Presentation(sys.argv[1])
    ns = {'a': 'http://schemas.openxmlformats.org/drawingml/2006/main', 'p': 'http://schemas.openxmlformats.org/presentationml/2006/main'}
    slides = []
    def walk(shapes):
        # The shapes of a slide, those in groups (a box and the outline marking it) included.
        for shape in shapes:
            if shape.element.tag.endswith('}grpSp'):
                yield from walk(shape.shapes)
            else:
                yield shape
    for slide in p.slides:
        shapes = list(walk(slide.shapes))
        names = {shape.shape_id: shape.name for shape in shapes}
        sites = {}
        boxes = {}
        connectors = []
        for shape in shapes:
            element = shape.element
            if element.tag.endswith('}sp') and not element.xpath('./p:nvSpPr/p:cNvSpPr[@txBox="1"]'):
                custom = element.xpath('./p:spPr/a:custGeom/a:cxnLst/a:cxn')
                preset = element.xpath('./p:spPr/a:prstGeom/@prst')
                count = len(custom) if custom else (8 if preset == ['ellipse'] else 4)
                sites[shape.shape_id] = count
                bold = [r.font.bold for para in shape.text_frame.paragraphs[:1] for r in para.runs]
                boxes[shape.name] = {'descr': element.xpath('./p:nvSpPr/p:cNvPr/@descr')[0] if element.xpath('./p:nvSpPr/p:cNvPr/@descr') else '',
                                     'text': shape.text_frame.text, 'sites': count, 'bold': bool(bold) and all(bold)}
        for shape in shapes:
            element = shape.element
            if not element.tag.endswith('}cxnSp'):
                continue
            st = element.xpath('.//a:stCxn')
            en = element.xpath('.//a:endCxn')
            connectors.append({'name': shape.name,
                               'start': names.get(int(st[0].get('id'))) if st else None, 'startSite': int(st[0].get('idx')) if st else None,
                               'end': names.get(int(en[0].get('id'))) if en else None, 'endSite': int(en[0].get('idx')) if en else None,
                               'preset': element.xpath('./p:spPr/a:prstGeom/@prst')[0],
                               'headEnd': (element.xpath('./p:spPr/a:ln/a:headEnd/@type') or [None])[0],
                               'tailEnd': (element.xpath('./p:spPr/a:ln/a:tailEnd/@type') or [None])[0]})
        slides.append({'boxes': boxes, 'connectors': connectors, 'width': p.slide_width, 'height': p.slide_height})
    print(json.dumps({'slides': slides}))
    """#

    func read(_ bytes: [UInt8]) throws -> Reading {
        let python = try pythonWithPPTX()
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("chart.pptx"), script = directory.appendingPathComponent("read.py")
        try Data(bytes).write(to: file)
        try Self.reader.write(to: script, atomically: true, encoding: .utf8)
        let result = try OrgChartTests.run(URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env"), (python.hasPrefix("/") ? [] : [python]) + [script.path, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode(Reading.self, from: Data(result.stdout.utf8))
    }

    /// Checks one slide against its placed chart: one shape per box, named by its unit, its
    /// source in its alt text, its heading in bold; one connector per drawn line, both ends
    /// glued to the shapes of the line's two boxes at sites those shapes have.
    func check(_ slide: Reading.Slide, against placed: PlacedChart, _ what: String) {
        let chart = placed.chart
        let marks = ["Legend: ", "Group: ", "inferred: ", "planned: ", "Junction: "]
        XCTAssertEqual(Set(slide.boxes.keys.filter { name in !marks.contains { name.hasPrefix($0) } }), Set(chart.boxes.map(\.id)), "\(what): one shape per box")
        let marked = chart.boxes.filter { $0.isInferred || $0.isPlanned }.map { "\($0.isPlanned ? "planned" : "inferred"): \($0.id)" }
        XCTAssertEqual(Set(slide.boxes.keys.filter { $0.hasPrefix("inferred: ") || $0.hasPrefix("planned: ") }), Set(marked), "\(what): one mark per inferred or planned box")
        for box in chart.boxes {
            guard let shape = slide.boxes[box.id] else { continue }
            XCTAssertEqual(shape.descr, box.tooltip ?? box.heading, "\(what) \(box.id): the citation is the alt text")
            XCTAssertTrue(shape.bold, "\(what) \(box.id): the heading is bold")
            XCTAssertEqual(shape.text.filter { !$0.isWhitespace }, (box.heading + box.details.joined()).filter { !$0.isWhitespace }, "\(what) \(box.id): the text")
        }
        let lines = slide.connectors.filter { !$0.name.hasPrefix("Legend: ") }
        let drawn = placed.connectors.filter { chart.lines[$0.line].isDrawn }
        XCTAssertEqual(lines.count, drawn.count, "\(what): one connector per line")
        XCTAssertGreaterThan(lines.count, 3, what)
        for (connector, route) in zip(lines, drawn) {
            let line = chart.lines[route.line]
            let ends = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
            XCTAssertEqual(connector.start, ends.0, "\(what) \(connector.name): glued at its start")
            XCTAssertEqual(connector.end, ends.1, "\(what) \(connector.name): glued at its end")
            let (arrowEnd, tailEnd) = line.ranksUpward ? (connector.headEnd, connector.tailEnd) : (connector.tailEnd, connector.headEnd)
            XCTAssertEqual(arrowEnd, SlideDrawing.arrowEnd(Stroke(placed.theme.line(line.style)).arrowhead), "\(what) \(connector.name): the arrowhead where the line points")
            XCTAssertEqual(tailEnd, line.isInferred ? "oval" : nil, "\(what) \(connector.name): an inferred line's circle at its tail")
            for (name, site) in [(connector.start, connector.startSite), (connector.end, connector.endSite)] {
                guard let name, let site, let shape = slide.boxes[name] else { XCTFail("\(what) \(connector.name): an end is loose"); continue }
                XCTAssertLessThan(site, shape.sites, "\(what) \(connector.name): the site exists on \(name)")
            }
        }
    }

    func testTheDPKOChartsAsPresentations() throws {
        for (model, view) in [("dpko-2010", ViewKind.organigramme), ("dpko-2010", .accountability), ("dpo-2019", .accountability)] {
            let prepared = try ChartSpec(model: model, view: view).prepare()
            let bytes = try prepared.render(.pptx)
            XCTAssertEqual(bytes, try prepared.render(.pptx), "\(view): the same bytes twice")
            let reading = try read(bytes)
            XCTAssertEqual(reading.slides.count, 1, "\(view): one slide without a page")
            XCTAssertEqual(reading.slides[0].width, 12_192_000, "a widescreen slide")
            XCTAssertEqual(reading.slides[0].height, 6_858_000, "a widescreen slide")
            check(reading.slides[0], against: prepared.placed, "\(view)")
            XCTAssertTrue(reading.slides[0].connectors.contains { $0.preset == "bentConnector3" }, "elbows are bent connectors")
            // A dot where lines drawn alike join, as the SVG has it: a disc of its own.
            let slide = String(decoding: try XCTUnwrap(try zipEntry("ppt/slides/slide1.xml", in: bytes)), as: UTF8.self)
            let junctions = prepared.slidePlaced.junctions.values.joined().count
            XCTAssertEqual(slide.components(separatedBy: "name=\"Junction: ").count - 1, junctions, "\(view)")
            if view == .organigramme { XCTAssertGreaterThan(junctions, 0, "DPKO's supports lines join") }
        }
    }

    /// With a page, the slides are the pages of the PDF, each slide a chart of its own.
    func testAPresentationOnAPageHasTheSlidesOfThePDF() throws {
        // The pillar takes several A4 pages, its Department of Operational Support several A5 pages.
        for (model, root) in [("peace-security-2021", nil), ("peace-security-2021", "dos")] {
            var spec = ChartSpec(model: model)
            spec.options.root = root
            spec.page = root == nil ? try PageSize.parse("A4") : PageShapeTests.a5Landscape
            let prepared = try spec.prepare()
            let pdf = try prepared.render(.pdf)
            let info = try tool("pdfinfo", on: pdf, named: "pages.pdf", in: self).stdout
            let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }?.split(separator: " ").compactMap { Double($0) } ?? []
            XCTAssertEqual(size.count, 2, info)
            let reading = try read(try prepared.render(.pptx))
            XCTAssertEqual(reading.slides.count, try pdfPageCount(pdf), "\(model): one slide per page of the PDF")
            XCTAssertGreaterThan(reading.slides.count, 1, model)
            XCTAssertEqual(Double(reading.slides[0].width) / 12_700, size.first ?? 0, accuracy: 0.5, "\(model): the slide is the PDF's page")
            XCTAssertEqual(Double(reading.slides[0].height) / 12_700, size.last ?? 0, accuracy: 0.5, "\(model): the slide is the PDF's page")
            let charts = try prepared.editablePages().charts
            XCTAssertEqual(charts.count, reading.slides.count)
            for (number, (slide, placed)) in zip(reading.slides, charts).enumerated() { check(slide, against: placed, "\(model) slide \(number + 1)") }
        }
    }

    /// Every part of the package is dated 1980-01-01 and the parts come in a fixed order, the
    /// content types first; the archive reads back with ZIPFoundation.
    func testThePackageIsDeterministic() throws {
        let bytes = try preparedDPKO(.organigramme).render(.pptx)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entries = Array(archive)
        XCTAssertEqual(entries.first?.path, "[Content_Types].xml")
        XCTAssertEqual(Set(entries.map { $0.fileAttributes[.modificationDate] as? Date }), [PPTXWriter.fixedDate])
        XCTAssertTrue(entries.contains { $0.path == "ppt/slides/slide1.xml" })
        for entry in entries where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let check = try tool("xmllint", ["--noout"], on: [UInt8](data), named: "part.xml", in: self)
            XCTAssertEqual(check.status, 0, "\(entry.path): \(check.stderr)")
        }
    }

    /// LibreOffice Impress opens the presentation: its headless conversion gives a one-page PDF.
    func testLibreOfficeConvertsThePresentation() throws {
        let directory = try temporaryDirectory(self)
        let file = directory.appendingPathComponent("accountability.pptx")
        try Data(try preparedDPKO(.accountability).render(.pptx)).write(to: file)
        let which = try OrgChartTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["sh", "-c", "command -v soffice"])
        guard which.status == 0 else { throw XCTSkip("no soffice: install libreoffice-impress (scripts/setup.sh --tests)") }
        let profile = directory.appendingPathComponent("profile")
        let result = try OrgChartTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["soffice", "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                                                                     "--outdir", directory.path, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pdf = try Data(contentsOf: directory.appendingPathComponent("accountability.pdf"))
        XCTAssertEqual(try pdfPageCount([UInt8](pdf)), 1)
    }

    /// The number of pages of a PDF, as pdfinfo reads it.
    func pdfPageCount(_ pdf: [UInt8]) throws -> Int {
        let info = try tool("pdfinfo", on: pdf, named: "pages.pdf", in: self).stdout
        return Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    }
}

final class DrawioWriterTests: XCTestCase {
    /// The cells of a draw.io file: per diagram, the `UserObject`s with their attributes and the
    /// attributes of their `mxCell`.
    final class Cells: NSObject, XMLParserDelegate {
        struct Cell { var object: [String: String]; var cell: [String: String] }
        var diagrams: [[Cell]] = []
        private var object: [String: String]?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "diagram": diagrams.append([])
            case "UserObject": object = attributes
            case "mxCell":
                if !diagrams.isEmpty { diagrams[diagrams.count - 1].append(Cell(object: object ?? [:], cell: attributes)) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "UserObject" { object = nil }
        }
    }

    func cells(_ bytes: [UInt8]) throws -> Cells {
        let parser = XMLParser(data: Data(bytes))
        let cells = Cells()
        parser.delegate = cells
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return cells
    }

    /// One vertex per box (its unit id, its source as tooltip), one edge per drawn line from the
    /// vertex of the box it leaves to the vertex of the box it enters, with the waypoints of its
    /// route; xmllint reads the file.
    func check(_ cells: [Cells.Cell], against placed: PlacedChart, _ what: String) {
        let chart = placed.chart
        let vertices = cells.filter { $0.cell["vertex"] == "1" && $0.object["unit"] != nil }
        XCTAssertEqual(vertices.count, chart.boxes.count, "\(what): one vertex per box")
        XCTAssertEqual(Set(vertices.compactMap { $0.object["unit"] }), Set(chart.boxes.map(\.id)), what)
        var unitOf: [String: String] = [:]
        for vertex in vertices { unitOf[vertex.object["id"] ?? ""] = vertex.object["unit"] }
        for box in chart.boxes {
            XCTAssertEqual(vertices.first { $0.object["unit"] == box.id }?.object["tooltip"], box.tooltip ?? box.heading, "\(what) \(box.id): the source is the tooltip")
        }
        // Inferred and planned boxes carry their mark as a child of their vertex.
        let marks = cells.filter { $0.object.isEmpty && ($0.cell["id"]?.contains("inferred-") ?? false || $0.cell["id"]?.contains("planned-") ?? false) }
        XCTAssertEqual(Set(marks.compactMap { $0.cell["parent"].flatMap { unitOf[$0] } }), Set(chart.boxes.filter { $0.isInferred || $0.isPlanned }.map(\.id)), "\(what): marks")
        let edges = cells.filter { $0.cell["edge"] == "1" && $0.object["line"] != nil }
        let drawn = placed.connectors.filter { chart.lines[$0.line].isDrawn }
        XCTAssertEqual(edges.count, drawn.count, "\(what): one edge per line")
        XCTAssertGreaterThan(edges.count, 3, what)
        for (edge, route) in zip(edges, drawn) {
            let line = chart.lines[route.line]
            let ends = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
            XCTAssertEqual(edge.cell["source"].flatMap { unitOf[$0] }, ends.0, "\(what) \(edge.object["line"] ?? ""): its source")
            XCTAssertEqual(edge.cell["target"].flatMap { unitOf[$0] }, ends.1, "\(what) \(edge.object["line"] ?? ""): its target")
            XCTAssertTrue(edge.cell["style"]?.contains("exitX=") ?? false, "\(what): leaves where its route does")
            let tail = line.ranksUpward ? "endArrow=oval;endFill=0;" : "startArrow=oval;startFill=0;"
            XCTAssertEqual(edge.cell["style"]?.contains(tail) ?? false, line.isInferred, "\(what): an inferred line's circle at its tail")
        }
    }

    func testTheDPKOChartsAsDrawioFiles() throws {
        for (model, view) in [("dpko-2010", ViewKind.organigramme), ("dpko-2010", .accountability), ("dpo-2019", .organigramme)] {
            let prepared = try ChartSpec(model: model, view: view).prepare()
            let bytes = try prepared.render(.drawio)
            XCTAssertEqual(bytes, try prepared.render(.drawio), "\(view): the same bytes twice")
            let lint = try tool("xmllint", ["--noout"], on: bytes, named: "chart.drawio", in: self)
            XCTAssertEqual(lint.status, 0, lint.stderr)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile "), "uncompressed mxGraph XML")
            XCTAssertTrue(text.contains("<mxGraphModel "))
            XCTAssertEqual(text.components(separatedBy: "<Array as=\"points\">").count - 1,
                           prepared.placed.connectors.filter { prepared.chart.lines[$0.line].isDrawn && ConnectorGeometry.simplified($0.points).count > 2 }.count,
                           "\(view): every bent route keeps its waypoints")
            let parsed = try cells(bytes)
            XCTAssertEqual(parsed.diagrams.count, 1)
            check(parsed.diagrams[0], against: prepared.placed, "\(model) \(view)")
            if model == "dpo-2019" { XCTAssertTrue(prepared.chart.boxes.contains { $0.isInferred || $0.isPlanned }, "DPO 2019 has inferred or planned units to mark") }
            // A dot where lines drawn alike join: an ellipse vertex nothing connects to.
            let junctions = prepared.placed.junctions.values.joined().count
            XCTAssertEqual(text.components(separatedBy: "style=\"ellipse;fillColor=").count - 1, junctions, "\(model) \(view)")
            if view == .accountability { XCTAssertGreaterThan(junctions, 0, "DPKO's lines to DFS join") }
        }
    }

    /// With a page, one diagram per page of the PDF.
    func testADrawioFileOnAPageHasOneDiagramPerPage() throws {
        var spec = ChartSpec(model: "peace-security-2021")
        spec.page = try PageSize.parse("A4")
        let prepared = try spec.prepare()
        let charts = try prepared.editablePages().charts
        XCTAssertGreaterThan(charts.count, 1)
        let parsed = try cells(try prepared.render(.drawio))
        XCTAssertEqual(parsed.diagrams.count, charts.count)
        for (number, (diagram, placed)) in zip(parsed.diagrams, charts).enumerated() { check(diagram, against: placed, "page \(number + 1)") }
        let ids = parsed.diagrams.flatMap { $0.compactMap { $0.object["id"] } }
        XCTAssertEqual(Set(ids).count, ids.count, "ids are unique across the file")
    }
}

final class EditableFormatsCommandLineTests: XCTestCase {
    /// The extension chooses the format; `--format` writes it under another name; a matrix or a
    /// chart laid out by Graphviz is refused with a hint and no file.
    func testTheCommandLineWritesAndRefusesEditableFormats() throws {
        let directory = try temporaryDirectory(self)
        let pptx = try orgchart(["render", "peace-security-2021", "-o", "chart.pptx"], in: directory)
        XCTAssertEqual(pptx.status, 0, pptx.stderr)
        let bytes = try Data(contentsOf: directory.appendingPathComponent("chart.pptx"))
        XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertTrue(pptx.stderr.contains("widescreen slide"), "the small text on the slide is reported: \(pptx.stderr)")
        let drawio = try orgchart(["render", "dpko-2010", "--view", "accountability", "--format", "drawio", "-o", "chart.xml"], in: directory)
        XCTAssertEqual(drawio.status, 0, drawio.stderr)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("chart.xml"), encoding: .utf8).contains("<mxfile"))
        let paged = try orgchart(["render", "peace-security-2021", "--page", "A4", "--pages", "2", "-o", "paged.drawio"], in: directory)
        XCTAssertEqual(paged.status, 0, paged.stderr)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("paged.drawio"), encoding: .utf8).components(separatedBy: "<diagram ").count - 1, 2)

        for (arguments, file) in [(["--view", "services-matrix", "-o", "matrix.pptx"], "matrix.pptx"), (["--layout", "dot", "-o", "dot.drawio"], "dot.drawio")] {
            let refused = try orgchart(["render", "dpko-2010"] + arguments, in: directory)
            XCTAssertEqual(refused.status, 1, "\(arguments)")
            XCTAssertTrue(refused.stderr.hasPrefix("error: ") && refused.stderr.contains("hint: "), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "no partial \(file)")
        }
        let unknown = try orgchart(["render", "dpko-2010", "-o", "chart.vsdx"], in: directory)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains(".pptx (PowerPoint), .drawio (draw.io) or .html (interactive page)"), unknown.stderr)
    }
}

extension EditableFormatsCommandLineTests {
    /// A manifest asks for the editable formats like any other; a second build finds every file
    /// unchanged (the same bytes), even when Graphviz draws the chart's SVG.
    func testTheManifestBuildsEditableFormatsTheSameEveryTime() throws {
        let directory = try temporaryDirectory(self)
        try write(smallModel, to: "small.yaml", in: directory)
        try write("""
        output: Output
        charts:
          - name: small
            model: small.yaml
            formats: [svg, pptx, drawio, html]
          - name: small-graphviz
            model: small.yaml
            drawing: graphviz
            page: A4
            formats: [svg, pptx]
        """, to: "orgchart.yml", in: directory)
        let first = try orgchart(["build"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").filter { $0.hasPrefix("written") }.count, 6, first.stdout)
        var bytes: [String: Data] = [:]
        for name in ["small.pptx", "small.drawio", "small.html", "small-graphviz.pptx"] {
            bytes[name] = try Data(contentsOf: directory.appendingPathComponent("Output/\(name)"))
        }
        let second = try orgchart(["build"], in: directory)
        XCTAssertEqual(second.stdout.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count, 6, second.stdout)
        for (name, data) in bytes { XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("Output/\(name)")), data, name) }
        XCTAssertEqual(try orgchart(["build", "--check"], in: directory).status, 0)
    }
}
