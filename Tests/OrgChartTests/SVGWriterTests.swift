import BuiltinModels
import ChartGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import OrgChart
import OrgTemplates
import Placement
import OrgViews
import SVGWriter
import TidyTree
import XCTest

/// orgchart's own drawing of tidy-tree charts: SVG written from the layout, PDF and PNG from it.
final class SVGWriterTests: XCTestCase {
    let theme = try! Theme.load("default")

    /// The attribute `name` of `element`.
    func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// The attribute `name` of `element` as a number (nan when it has none).
    func number(_ name: String, of element: XMLElement) -> Double {
        attribute(name, of: element).flatMap(Double.init) ?? .nan
    }

    /// The string values of the nodes `xpath` selects.
    func values(_ xpath: String, in svg: [UInt8]) throws -> [String] {
        try XMLDocument(data: Data(svg)).nodes(forXPath: xpath).compactMap(\.stringValue)
    }

    func testEveryBoxAndLineIsDrawnWhereTheLayoutPutsIt() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.organigramme, of: model)
        let svg = SVGWriter.svg(PlacedChart(chart: chart, theme: theme))
        XCTAssertEqual(svg, SVGWriter.svg(PlacedChart(chart: chart, theme: theme)), "same chart, same bytes")
        let lint = try tool("xmllint", ["--noout", "--nonet"], on: svg, named: "chart.svg", in: self)
        XCTAssertEqual(lint.status, 0, lint.stderr)

        let document = try XMLDocument(data: Data(svg))
        let nodes = try document.nodes(forXPath: "//*[local-name()='g'][starts-with(@class, 'node ')]")
        XCTAssertEqual(nodes.count, chart.boxes.count, "one node per box")
        let layout = PlacedChart(chart: chart, theme: theme)
        for (index, box) in chart.boxes.enumerated() {
            let element = try XCTUnwrap(try document.nodes(forXPath: "//*[local-name()='g'][@id='\(box.id)']").first as? XMLElement, box.id)
            XCTAssertEqual(attribute("class", of: element), "node \(box.style)")
            let rect = try XCTUnwrap(try element.nodes(forXPath: ".//*[local-name()='rect']").first as? XMLElement, box.id)
            let frame = layout.frames[index]
            XCTAssertEqual(number("x", of: rect), frame.minX, accuracy: 0.01)
            XCTAssertEqual(number("width", of: rect), frame.width, accuracy: 0.01)
            // Every line of text sits inside its box, centred on it.
            for text in try element.nodes(forXPath: ".//*[local-name()='text']").compactMap({ $0 as? XMLElement }) {
                XCTAssertEqual(number("x", of: text), frame.center.x, accuracy: 0.01)
                let y = number("y", of: text)
                XCTAssertTrue(y > frame.minY && y < frame.maxY, "\(box.id): baseline \(y) outside \(frame.minY)…\(frame.maxY)")
            }
            let texts = try element.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue).joined(separator: " ")
            XCTAssertTrue(texts.contains(box.heading.split(separator: " ").first.map(String.init) ?? ""), texts)
        }
        let edges = try values("//*[local-name()='g'][starts-with(@class, 'edge ')]/@id", in: svg)
        XCTAssertEqual(Set(edges), Set(chart.lines.map { "\($0.style):\($0.from)->\($0.to)" }))
        // §8.6: the Police Adviser's direct access is drawn dotted, with an arrowhead, and carries its source.
        let access = try XCTUnwrap(try document.nodes(forXPath: "//*[local-name()='g'][@id='direct-access:dpko-pd->dpko']").first as? XMLElement)
        XCTAssertEqual(try access.nodes(forXPath: ".//*[local-name()='polygon']").count, 1, "one arrowhead")
        let path = try XCTUnwrap(try access.nodes(forXPath: ".//*[local-name()='path']").first as? XMLElement)
        XCTAssertEqual(attribute("stroke-dasharray", of: path), "1,5")
        let tooltip = try access.nodes(forXPath: ".//@*[local-name()='title']").first?.stringValue ?? ""
        XCTAssertTrue(tooltip.contains("ST/SGB/2010/1 §8.6"), tooltip)
        // The title, the accessible name and description, the legend.
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertTrue(text.contains("<title>Organigramme</title>\n<desc>as at 1 January 2010. Source: ST/SGB/2010/1"))
        XCTAssertTrue(text.contains(#"<g id="orgchart:title" class="node">"#))
        XCTAssertTrue(text.contains(#"<g id="orgchart:legend" class="legend">"#))
    }

    func testBuiltinAndGraphvizDrawingsHaveTheSameBoxesAndLines() throws {
        var spec = ChartSpec(model: "dpo-2019")
        let builtin = try spec.prepare().render(.svg)
        spec.drawing = .graphviz
        let graphviz = try spec.prepare().render(.svg)
        XCTAssertNotEqual(builtin, graphviz)
        for xpath in ["//*[local-name()='g'][contains(@class, 'node')]/@id", "//*[local-name()='g'][starts-with(@class, 'edge')]/@id"] {
            XCTAssertEqual(Set(try values(xpath, in: builtin)).subtracting(["orgchart:legend"]), Set(try values(xpath, in: graphviz)).subtracting(["orgchart:legend"]), xpath)
        }
        let sizes = [SVGImage.size(of: builtin), SVGImage.size(of: graphviz)].compactMap { $0 }
        XCTAssertEqual(sizes.count, 2)
        XCTAssertEqual(sizes[0].width, sizes[1].width, accuracy: sizes[1].width * 0.05, "both drawings about the same size")
    }

    /// The second outline that marks an inferred box shows on any fill: dark grey on a light
    /// box, the text's light colour on a dark one (DFS in DPKO's services chart of 2010 is dark
    /// blue with white text, and inferred).
    func testTheInferredOutlineShowsOnADarkBox() throws {
        XCTAssertEqual(BoxShape(BoxStyle(fill: "#1f4e79", text: "#ffffff")).standingColor, "#ffffff")
        XCTAssertEqual(BoxShape(BoxStyle(fill: "#1f4e79", text: "#fff")).standingColor, "#fff")
        XCTAssertEqual(BoxShape(BoxStyle(fill: "#ffffff", text: "#000000")).standingColor, "#404040")
        let svg = String(decoding: try ChartSpec(model: "dpko-2010", view: .services).prepare().render(.svg), as: UTF8.self)
        guard let start = svg.range(of: "<g id=\"dfs\" class=\"node"), let next = svg.range(of: "</a>", range: start.upperBound..<svg.endIndex) else {
            return XCTFail("no DFS box")
        }
        let box = svg[start.lowerBound..<next.lowerBound]
        XCTAssertTrue(box.contains("stroke=\"#ffffff\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\""), "DFS's inferred outline is not light: \(box)")
    }

    func testNamesAreEscapedAndLinksKept() throws {
        let boxes = [Box(id: "a-1", heading: #"R&D "Lab" <script>x</script> — Génève"#, details: ["Chief"], style: "division", tooltip: "Source: doc §1\nsecond line", url: "https://example.org/?a=1&b=2"),
                     Box(id: "b", heading: "Unit B", style: "unit", level: 1)]
        let chart = Chart(id: "t", title: "T & co", boxes: boxes, lines: [Line(from: "a-1", to: "b", style: "contains")])
        let svg = SVGWriter.svg(PlacedChart(chart: chart, theme: theme))
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertTrue(text.contains(#"<g id="a&#45;1" class="node division">"#), "ids written as Graphviz writes them")
        XCTAssertTrue(text.contains(#"xlink:href="https://example.org/?a=1&amp;b=2""#))
        XCTAssertTrue(text.contains(#"xlink:title="Source: doc §1&#10;second line""#))
        let texts = try values("//*[local-name()='text']", in: svg)
        let start = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("R&D") })
        let heading = #"R&D "Lab" <script>x</script> — Génève"#
        XCTAssertTrue(texts[start...].joined(separator: " ").hasPrefix(heading), "the heading, wrapped, as written: \(texts[start...])")
        XCTAssertEqual(try tool("xmllint", ["--noout", "--nonet"], on: svg, named: "t.svg", in: self).status, 0)
    }

    func testPDFAndPNGAreDrawnWithTheSVGsShapesAtItsSize() throws {
        let prepared = try ChartSpec().prepare()
        let svg = try prepared.render(.svg)
        let size = try XCTUnwrap(SVGImage.size(of: svg))
        let pdf = try prepared.render(.pdf)
        XCTAssertEqual(pdf, try prepared.render(.pdf), "identical run to run")
        let info = try tool("pdfinfo", on: pdf, named: "chart.pdf", in: self).stdout
        XCTAssertTrue(info.contains("Pages:           1"), info)
        XCTAssertTrue(info.contains("Page size:       \(String(format: "%.2f", size.width)) x"), "\(info) vs \(size)")
        let fonts = try tool("pdffonts", on: pdf, named: "chart.pdf", in: self).stdout
        XCTAssertTrue(fonts.contains("LiberationSans-Bold") && fonts.contains("LiberationSans "), "text is text, in the theme's font: \(fonts)")
        let png = try prepared.render(.png)
        XCTAssertEqual(png, try prepared.render(.png), "identical run to run")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Double(Self.pngWidth(png)), (size.width * PreparedChart.pixelsPerPoint).rounded(), accuracy: 1, "96 dpi")
    }

    func testAVeryWideChartBecomesAPNGAndAPDFPageWithinTheirLimits() throws {
        // 400 units side by side, each with a section, so that none is stacked as a leaf.
        let boxes = [Box(id: "top", heading: "Top", style: "department")]
            + (0..<400).map { Box(id: "u\($0)", heading: "Unit with a long name \($0)", style: "unit", level: 1) }
            + (0..<400).map { Box(id: "s\($0)", heading: "Section \($0)", style: "section", level: 2) }
        let lines = (0..<400).map { Line(from: "top", to: "u\($0)", style: "contains") } + (0..<400).map { Line(from: "u\($0)", to: "s\($0)", style: "contains") }
        var chart = Chart(id: "wide", title: "Wide", boxes: boxes, lines: lines)
        chart.legend = []
        let theme = try Theme.load("print")
        let size = PlacedChart(chart: chart, theme: theme).size
        XCTAssertGreaterThan(size.width * PreparedChart.pixelsPerPoint, PreparedChart.maximumSide, "the chart is wider than cairo can draw")
        let png = try ChartPrint.png(PlacedChart(chart: chart, theme: theme), pixelsPerPoint: PreparedChart.pixelsPerPoint,
                                     maximumSide: PreparedChart.maximumSide, maximumPixels: PreparedChart.maximumPixels, serialized: { try Renderer.serialized($0) })
        XCTAssertLessThanOrEqual(Double(Self.pngWidth(png)), PreparedChart.maximumSide)
        XCTAssertEqual(Double(Self.pngWidth(png)), (size.width * PreparedChart.maximumSide / size.width).rounded(), accuracy: 1)
        // Its PDF page is scaled down to the largest page PDF readers accept.
        XCTAssertGreaterThan(size.width, ChartPrint.largestPage)
        let info = try tool("pdfinfo", on: try ChartPrint.pdf(PlacedChart(chart: chart, theme: theme)), named: "wide.pdf", in: self).stdout
        XCTAssertTrue(info.contains("Page size:       14400 x"), info)
    }

    /// A chart of 80 units of 30 sections each, the sections' names made of `letters`.
    static func largeChart(_ letters: String = "Section") -> Chart {
        let units = (0..<80).map { Box(id: "u\($0)", heading: "Unit with a long name \($0)", style: "unit", level: 1) }
        let sections = (0..<80).flatMap { u in (0..<30).map { Box(id: "s\(u)-\($0)", heading: "\(letters) \(u)-\($0)", style: "section", level: 2) } }
        let lines = (0..<80).map { Line(from: "top", to: "u\($0)", style: "contains") }
            + (0..<80).flatMap { u in (0..<30).map { Line(from: "u\(u)", to: "s\(u)-\($0)", style: "contains") } }
        var chart = Chart(id: "large", title: "Large", boxes: [Box(id: "top", heading: "Top", style: "department")] + units + sections, lines: lines)
        chart.legend = []
        return chart
    }

    func testAPNGOfALargeChartIsCappedValidAndTheSameRunToRun() throws {
        let chart = Self.largeChart(), theme = try Theme.load("default")
        let size = PlacedChart(chart: chart, theme: theme).size
        let ppp = PreparedChart.pixelsPerPoint
        XCTAssertGreaterThan(size.width * size.height * ppp * ppp, PreparedChart.maximumPixels, "the chart needs more pixels than the cap at 96 dpi")
        func png() throws -> [UInt8] {
            try ChartPrint.png(PlacedChart(chart: chart, theme: theme), pixelsPerPoint: ppp, maximumSide: PreparedChart.maximumSide,
                               maximumPixels: PreparedChart.maximumPixels, serialized: { try Renderer.serialized($0) })
        }
        let image = try png()
        XCTAssertEqual(image, try png(), "identical run to run")
        // Every chunk's CRC is right, and the image data inflates to one filter byte and three
        // bytes per pixel for every row.
        let check = try tool("python3", ["-c", """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            at, idat, header = 8, b'', None
            while at < len(data):
                length, kind = struct.unpack('>I4s', data[at:at + 8])
                body = data[at + 8:at + 8 + length]
                assert zlib.crc32(kind + body) == struct.unpack('>I', data[at + 8 + length:at + 12 + length])[0], kind
                if kind == b'IHDR': header = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
                at += 12 + length
            width, height, depth, colour = header
            assert (depth, colour) == (8, 2)
            assert len(zlib.decompress(idat)) == height * (1 + 3 * width)
            print(width, height)
            """], on: image, named: "large.png", in: self)
        XCTAssertEqual(check.status, 0, check.stderr)
        let dimensions = check.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(dimensions.count, 2)
        XCTAssertLessThanOrEqual(dimensions[0] * dimensions[1], PreparedChart.maximumPixels)
        XCTAssertEqual(dimensions[0] / dimensions[1], size.width / size.height, accuracy: 0.01)
    }

    /// A large image is drawn in two bands of rows at once, each painting only what reaches into
    /// it, and deflated in two parts: the pixels are those of the image drawn whole.
    func testAPNGDrawnInBandsHasThePixelsOfOneDrawnWhole() throws {
        let chart = Self.largeChart(), theme = try Theme.load("default")
        func png(inBands: Bool) throws -> [UInt8] {
            try ChartPrint.png(PlacedChart(chart: chart, theme: theme), pixelsPerPoint: PreparedChart.pixelsPerPoint, maximumSide: PreparedChart.maximumSide,
                               maximumPixels: PreparedChart.maximumPixels, serialized: { try Renderer.serialized($0) }, inBands: inBands)
        }
        let banded = try png(inBands: true), whole = try png(inBands: false)
        XCTAssertNotEqual(banded, whole, "deflated in two parts, not one")
        let directory = try temporaryDirectory(self)
        try Data(whole).write(to: directory.appendingPathComponent("whole.png"))
        let compared = try tool("python3", ["-c", """
            import struct, sys, zlib
            def pixels(path):
                data, at, idat = open(path, 'rb').read(), 8, b''
                while at < len(data):
                    length, kind = struct.unpack('>I4s', data[at:at + 8])
                    if kind == b'IHDR': width, height = struct.unpack('>II', data[at + 8:at + 16])
                    if kind == b'IDAT': idat += data[at + 8:at + 8 + length]
                    at += 12 + length
                return width, height, zlib.decompress(idat)
            (width, height, one), (_, _, other) = pixels(sys.argv[2]), pixels(sys.argv[1])
            row = 1 + 3 * width
            differing = [y for y in range(height) if one[y * row:(y + 1) * row] != other[y * row:(y + 1) * row]]
            print(width * height, len(set(one)), len(differing))
            """, directory.appendingPathComponent("whole.png").path], on: banded, named: "banded.png", in: self)
        XCTAssertEqual(compared.status, 0, compared.stderr)
        let numbers = compared.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        XCTAssertEqual(numbers.count, 3, compared.stdout)
        XCTAssertGreaterThanOrEqual(numbers[0], 2_000_000, "large enough to be drawn in bands")
        XCTAssertGreaterThan(numbers[1], 20, "something is drawn: many byte values")
        XCTAssertEqual(numbers[2], 0, "rows that differ")
    }

    func testTextUnderAPixelIsLeftOutOfPNGs() throws {
        // The same boxes with other letters in their names: the same layout, other text.
        let theme = try Theme.load("default")
        let one = Self.largeChart("Section"), other = Self.largeChart("Snoitce")
        func png(_ chart: Chart, _ pixelsPerPoint: Double) throws -> [UInt8] {
            try ChartPrint.png(PlacedChart(chart: chart, theme: theme), pixelsPerPoint: pixelsPerPoint, maximumSide: PreparedChart.maximumSide,
                               maximumPixels: PreparedChart.maximumPixels, serialized: { try Renderer.serialized($0) })
        }
        XCTAssertNotEqual(try png(one, 0.2), try png(other, 0.2), "text of 8 pt is 1.6 pixels: drawn")
        XCTAssertEqual(try png(one, 0.05), try png(other, 0.05), "text of at most 16 pt is under a pixel: left out")
    }

    /// Counts, over the page content of a PDF (its streams other than fonts, inflated), the text
    /// objects (`BT`), the operators that fill or stroke a path, and the curves (`c`).
    static let pdfOperators = """
        import re, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        content = b''
        for m in re.finditer(rb'stream\\r?\\n', data):
            dictionary = data[data.rfind(b'<<', 0, m.start()):m.start()]
            if b'/Length1' in dictionary or b'/Subtype' in dictionary:
                continue
            try:
                content += zlib.decompressobj().decompress(data[m.end():]) + b'\\n'
            except zlib.error:
                pass
        tokens = content.split()
        print(tokens.count(b'BT'), sum(tokens.count(op) for op in [b'f', b'f*', b'B', b'B*', b'S', b'b', b'b*']), tokens.count(b'c'))
        """

    func testAPDFDrawsThousandsOfBoxesInAFewOperationsAndKeepsTheirTextSearchable() throws {
        let chart = Self.largeChart()
        let pdf = PDFDates.fixed(try ChartPrint.pdf(PlacedChart(chart: chart, theme: theme)))
        XCTAssertTrue(pdf == PDFDates.fixed(try ChartPrint.pdf(PlacedChart(chart: chart, theme: theme))), "identical run to run")
        let counts = try tool("python3", ["-c", Self.pdfOperators], on: pdf, named: "large.pdf", in: self)
        XCTAssertEqual(counts.status, 0, counts.stderr)
        let numbers = counts.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        XCTAssertEqual(numbers.count, 3, counts.stdout)
        // 2,481 boxes with two lines of text each: their text in a few text objects (one per font
        // and colour), their shapes and lines in a few fills and strokes (one per paint).
        XCTAssertGreaterThan(chart.boxes.count, 2_400)
        XCTAssertLessThanOrEqual(numbers[0], 12, "text objects: \(counts.stdout)")
        XCTAssertLessThanOrEqual(numbers[1], 40, "fills and strokes: \(counts.stdout)")
        let text = try tool("sh", ["-c", "pdftotext -raw \"$0\" -"], on: pdf, named: "large.pdf", in: self)
        XCTAssertEqual(text.status, 0, text.stderr)
        // A name wrapped on two lines is found with its lines joined.
        let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for name in ["Large", "Unit with a long name 0", "Unit with a long name 79", "Section 0-0", "Section 79-29", "Section 41-17"] {
            XCTAssertTrue(words.contains(name), "'\(name)' can be found in the PDF")
        }
    }

    func testAPDFsRoundedBoxesAreFilledOutlinedAndCutAtTheCorners() throws {
        // Boxes of a rounded style whose fill and outline differ from the page and each other.
        let boxes = [Box(id: "top", heading: "Top", style: "department")]
            + (0..<30).map { Box(id: "b\($0)", heading: "Body \($0)", style: "body", level: 1) }
        var chart = Chart(id: "rounded", title: "Rounded", boxes: boxes, lines: (0..<30).map { Line(from: "top", to: "b\($0)", style: "contains") })
        chart.legend = []
        let placed = PlacedChart(chart: chart, theme: theme)
        let shape = BoxShape(theme.box("body"))
        XCTAssertTrue(shape.rounded && shape.fill == "#fbe5d6" && shape.stroke == "#c55a11", "the theme's body boxes: \(shape)")
        let pdf = try ChartPrint.pdf(placed)
        let counts = try tool("python3", ["-c", Self.pdfOperators], on: pdf, named: "rounded.pdf", in: self)
        XCTAssertTrue(counts.stdout.hasSuffix(" 0\n"), "no curve: the corners are round joins \(counts.stdout)")
        // Rasterized at 4 pixels a point: the colours at a box's corner, on its edges and inside.
        let frame = placed.frames[1], at = placed.offset
        let points = [(frame.minX + 0.4, frame.minY + 0.4), (frame.center.x, frame.minY), (frame.minX, frame.center.y),
                      (frame.minX + 3, frame.center.y), (frame.minX + 6, frame.minY + 2)]
        let probe = """
            import subprocess, sys
            ppm = subprocess.run(['pdftoppm', '-r', '288', sys.argv[1]], capture_output=True, check=True).stdout
            fields, at = [], 0
            while len(fields) < 4:
                while ppm[at:at + 1].isspace(): at += 1
                end = at
                while not ppm[end:end + 1].isspace(): end += 1
                fields.append(ppm[at:end])
                at = end
            width, pixels = int(fields[1]), ppm[at + 1:]
            for x, y in [\(points.map { "(\(($0.0 + at.x) * 4), \(($0.1 + at.y) * 4))" }.joined(separator: ", "))]:
                i = 3 * (int(y) * width + int(x))
                print('%02x%02x%02x' % tuple(pixels[i:i + 3]))
            """
        let colours = try tool("python3", ["-c", probe], on: pdf, named: "rounded.pdf", in: self)
        XCTAssertEqual(colours.status, 0, colours.stderr)
        let seen = colours.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(seen, ["ffffff", "c55a11", "c55a11", "fbe5d6", "fbe5d6"], "corner cut off, outline on the edges, fill inside")
    }

    func testTextInAnyScriptIsSetAndACharacterNoFontHasIsABox() throws {
        let names = ["Département de la Sécurité", "Управление по правовым вопросам", "مكتب الشؤون القانونية", "\u{10FFFD}\u{10FFFD} Office ﬁnance"]
        var chart = Chart(id: "scripts", title: "Scripts", boxes: [Box(id: "top", heading: "Top", style: "department")]
                          + names.indices.map { Box(id: "u\($0)", heading: names[$0], style: "division", level: 1) },
                          lines: names.indices.map { Line(from: "top", to: "u\($0)", style: "contains") })
        chart.legend = []
        let placed = PlacedChart(chart: chart, theme: theme)
        let pdf = try ChartPrint.pdf(placed)
        let text = try tool("sh", ["-c", "pdftotext \"$0\" -"], on: pdf, named: "scripts.pdf", in: self).stdout
        for word in ["Département", "Sécurité", "Управление", "вопросам", "مكتب", "القانونية", "Office", "ﬁnance"] {
            XCTAssertTrue(text.contains(word), "'\(word)' in \(text)")
        }
        let png = try ChartPrint.png(placed, pixelsPerPoint: PreparedChart.pixelsPerPoint, maximumSide: PreparedChart.maximumSide,
                                     maximumPixels: PreparedChart.maximumPixels, serialized: { try Renderer.serialized($0) })
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testTheDrawingIsChosenOnTheCommandLineAndInManifests() throws {
        let directory = try temporaryDirectory(self)
        let builtin = try orgchart(["render", "-o", "a.svg"], in: directory)
        XCTAssertEqual(builtin.status, 0, builtin.stderr)
        let graphviz = try orgchart(["render", "--drawing", "graphviz", "-o", "b.svg"], in: directory)
        XCTAssertEqual(graphviz.status, 0, graphviz.stderr)
        let a = try String(contentsOf: directory.appendingPathComponent("a.svg"), encoding: .utf8)
        let b = try String(contentsOf: directory.appendingPathComponent("b.svg"), encoding: .utf8)
        XCTAssertFalse(a.contains("Generated by graphviz"))
        XCTAssertTrue(b.contains("Generated by graphviz"))
        let wrong = try orgchart(["render", "--drawing", "inkscape", "-o", "c.svg"], in: directory)
        XCTAssertEqual(wrong.status, 64, "a wrong command line is a usage error")
        XCTAssertTrue(wrong.stderr.contains("'inkscape'") && wrong.stderr.contains("--drawing") && wrong.stderr.contains("'builtin'")
                      && wrong.stderr.contains("'graphviz'"), "the value, the option and the choices: \(wrong.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("c.svg").path))
        try write("output: out\ncharts:\n  - name: g\n    drawing: graphviz\n  - name: x\n    drawing: gimp\n", to: "orgchart.yml", in: directory)
        let build = try orgchart(["build"], in: directory)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("orgchart.yml:6:") && build.stderr.contains("unknown drawing 'gimp'"), build.stderr)
    }

    /// The width in pixels from a PNG's header.
    static func pngWidth(_ png: [UInt8]) -> Int {
        png[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
}

final class StageTests: XCTestCase {
    /// The writers only draw: no source file of `SVGWriter`, `DOTWriter`, `OfficeWriter` or `HTMLWriter` runs a layout (the
    /// tidy tree, its placer, the two-column or the matrix layout); they are handed a placed
    /// chart or a matrix sheet.
    func testNoWriterCallsALayout() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = 0
        for module in ["SVGWriter", "DOTWriter", "OfficeWriter", "HTMLWriter"] {
            let directory = root.appendingPathComponent("Sources/\(module)")
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for call in ["TidyLayout(", "Placer(", "BipartiteLayout(", "MatrixLayout(", "PlacedChart(chart:", "PageShape("] {
                    XCTAssertFalse(text.contains(call), "\(module)/\(name) calls \(call)")
                }
                files += 1
            }
        }
        XCTAssertGreaterThan(files, 14)
    }
}
