import ChartGraph
import DOTWriter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OrgChart
import OrgDiff
import OrgModel
import OrgTemplates
import OrgViews
import TidyTree
import XCTest
import ZIPFoundation

/// A model whose names and links try to break out of every output: markup, CDATA ends, quotes,
/// Graphviz's escapes (`\N` is the node's name, `\G` the graph's, `\L` the label …) and links
/// with schemes that run code.
private let hostileModel = #"""
model: hostile
title: 'Hostile ]]> <b>model</b> \G'
date: "2024-01-01"
root: dept
documents:
  - id: doc
    symbol: ST/SGB/2024/1
    title: 'Organization <i>of</i> \N'
units:
  - id: dept
    name: 'Escapes \N \G \L \E \T \H'
    kind: department
    url: '"/><script>alert(1)</script>'
    head: {title: 'Head \N of <b>bold</b>', source: doc §1}
    source: doc §1
  - id: div-a
    name: 'Close ]]> "quoted" ''single'''
    kind: division
    parent: dept
    url: javascript:alert(1)
    head: {title: 'Director \T', source: doc §2}
    source: doc §2
  - id: div-b
    name: 'Bold <b>not bold</b> &amp; &#92;N'
    kind: division
    parent: dept
    url: ' JaVaScRiPt:alert(1)'
    source: doc §3
  - id: svc
    name: 'Link [x](javascript:alert(1))'
    kind: service
    parent: div-a
    url: 'data:text/html,<script>alert(1)</script>'
    source: doc §4
  - id: sec
    name: Safe section
    kind: section
    parent: div-b
    url: https://example.org/a?b=1&c=2
    source: doc §5
relationships:
  - {kind: accountable-to, from: div-a, to: dept, source: doc §6}
  - {kind: provides-services-to, from: svc, to: div-b, source: doc §7}
  - {kind: provides-services-to, from: svc, to: sec, source: doc §8}
"""#

/// What an SVG holds once parsed as XML: its elements, links, tooltips and drawn text.
private final class SVGContent: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    var links: [String] = []
    var tooltips: [String] = []
    var texts: [String] = []
    private var inText = false

    /// Parses `bytes`; nil when they are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> SVGContent? {
        let content = SVGContent()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = content
        return parser.parse() ? content : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.insert(name.lowercased())
        for (key, value) in attributes {
            if key == "href" || key.hasSuffix(":href") { links.append(value) }
            if key == "xlink:title" { tooltips.append(value) }
        }
        if name == "text" {
            inText = true
            texts.append("")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }
}

final class EscapingSafetyTests: XCTestCase {
    /// The names drawn in each view (where the view shows the unit or its head).
    private let names: [ViewKind: [String]] = [
        .organigramme: [#"Escapes \N \G \L \E \T \H"#, #"Close ]]> "quoted" 'single'"#, "Bold <b>not bold</b> &amp; &#92;N", "Link [x](javascript:alert(1))",
                        #"Head \N of <b>bold</b>"#],
        .accountability: [#"Head \N of <b>bold</b>"#, #"Director \T"#, #"Close ]]> "quoted" 'single'"#],
        .services: ["Link [x](javascript:alert(1))", "Bold <b>not bold</b> &amp; &#92;N"],
        .servicesChart: ["Link [x](javascript:alert(1))", "Bold <b>not bold</b> &amp; &#92;N"],
        .overview: [#"Escapes \N \G \L \E \T \H"#, #"Close ]]> "quoted" 'single'"#],
    ]

    func testLinksOutsideTheAllowListAreRefused() {
        for url in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "\u{1}\u{7}javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:x",
                    "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml;base64,PHN2Zz4=", "vbscript:msgbox", "file:///etc/passwd",
                    "c:\\windows", "", " \u{0} "] {
            XCTAssertNil(LinkPolicy.allowed(url), "\(url.debugDescription) is allowed")
            XCTAssertNotNil(LinkPolicy.refusal(url), "\(url.debugDescription) has no refusal")
        }
        let allowed = ["https://example.org/a?b=1&c=2": "https://example.org/a?b=1&c=2", " HTTP://example.org ": "HTTP://example.org",
                       "mailto:someone@example.org": "mailto:someone@example.org", "/relative/page": "/relative/page", "#part": "#part",
                       "//example.org/x": "//example.org/x", #""/><script>alert(1)</script>"#: "%22/%3E%3Cscript%3Ealert(1)%3C/script%3E",
                       "docs/Genève page\\x": "docs/Gen%C3%A8ve%20page%5Cx", "&#106;avascript:alert(1)": "&#106;avascript:alert(1)"]
        for (url, written) in allowed {
            XCTAssertEqual(LinkPolicy.allowed(url), written, url.debugDescription)
            XCTAssertNil(LinkPolicy.refusal(url), url.debugDescription)
        }
    }

    func testValidateWarnsAboutRefusedLinksWhereTheyAreWritten() throws {
        let directory = try temporaryDirectory(self)
        let path = try write(hostileModel, to: "hostile.yaml", in: directory)
        let loaded = ModelLoader.load(file: path)
        let model = try loaded.valid()
        XCTAssertEqual(model.units.compactMap(\.url), [#""/><script>alert(1)</script>"#, "https://example.org/a?b=1&c=2"], "refused links are dropped")
        let lines = hostileModel.components(separatedBy: "\n")
        var first: SourceLocation?
        for url in ["javascript:alert(1)", "' JaVaScRiPt:alert(1)'", "'data:text/html,<script>alert(1)</script>'"] {
            let line = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("url: \(url)") }) + 1
            let column = lines[line - 1].count - url.count + 1
            let location = SourceLocation(file: "hostile.yaml", line: line, column: column)
            first = first ?? location
            let warning = loaded.diagnostics.first { $0.location == SourceLocation(file: path, line: line, column: column) }
            XCTAssertEqual(warning?.severity, .warning, "no warning at \(line):\(column) for \(url): \(loaded.diagnostics)")
            XCTAssertTrue(warning?.description.contains("are not allowed") == true && warning?.hint?.contains("https:") == true, "\(String(describing: warning))")
        }
        let result = try orgchart(["validate", "hostile.yaml"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(try XCTUnwrap(first)): warning: links with the scheme 'javascript:' are not allowed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: give an http:, https: or mailto: link, or a relative one"), result.stderr)
    }

    func testHostileNamesAndLinksAreInertInEveryViewAndDrawing() throws {
        let directory = try temporaryDirectory(self)
        let path = try write(hostileModel, to: "hostile.yaml", in: directory)
        for view in ViewKind.allCases {
            for (layout, drawing) in [(ChartLayout.auto, Drawing.builtin), (.auto, .graphviz), (.dot, .builtin)] {
                // The overview of three boxes would be refused as too small: two levels make five.
                var spec = ChartSpec(model: path, view: view, options: ViewOptions(depth: view == .overview ? 2 : nil))
                spec.layout = layout
                spec.drawing = drawing
                let what = "\(view) --layout \(layout) --drawing \(drawing)"
                let prepared = try spec.prepare()
                let svg = try prepared.render(.svg)
                let content = try XCTUnwrap(SVGContent.parse(svg), "\(what): the SVG is not well-formed XML")
                let lint = try tool("xmllint", ["--noout", "--nonet"], on: svg, named: "chart.svg", in: self)
                XCTAssertEqual(lint.status, 0, "\(what): \(lint.stderr)")
                let text = String(decoding: svg, as: UTF8.self)
                XCTAssertFalse(text.lowercased().contains("<script"), "\(what): live markup")
                XCTAssertFalse(content.elements.contains("script"), what)
                for link in content.links {
                    XCTAssertNotNil(LinkPolicy.allowed(link), "\(what): the link \(link.debugDescription) is refused")
                    XCTAssertFalse(link.lowercased().contains("javascript:") || link.lowercased().contains("data:"), "\(what): \(link)")
                }
                let drawn = content.texts.joined(separator: " ")
                for name in names[view] ?? [] {
                    XCTAssertTrue(drawn.contains(name), "\(what): '\(name)' is not drawn literally in \(content.texts)")
                }
                if view == .organigramme {
                    XCTAssertEqual(Set(content.links), ["%22/%3E%3Cscript%3Ealert(1)%3C/script%3E", "https://example.org/a?b=1&c=2"], what)
                    XCTAssertTrue(content.tooltips.contains { $0.hasPrefix(#"Escapes \N \G \L \E \T \H"#) }, "\(what): tooltips \(content.tooltips)")
                    XCTAssertTrue(drawn.contains(#"Hostile ]]> <b>model</b> \G"#), "\(what): the title in \(content.texts)")
                }
                XCTAssertEqual(try prepared.render(.svg), svg, "\(what): same input, same bytes")
            }
        }
    }

    /// The text of the elements named `name` in `xml`, in order.
    private func texts(of name: String, attribute: String? = nil, in xml: Data) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String, attribute: String?
            var texts: [String] = [], current: String?
            init(_ name: String, _ attribute: String?) { (self.name, self.attribute) = (name, attribute) }
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                guard element == name else { return }
                if let attribute { attributes[attribute].map { texts.append($0) } } else { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                if element == name, let text = current { texts.append(text); current = nil }
            }
        }
        let parser = XMLParser(data: xml)
        let collector = Collector(name, attribute)
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return collector.texts
    }

    /// In PowerPoint, draw.io and the interactive page, hostile names are text: every part is
    /// well-formed XML, the names read back as written, links are external targets of the
    /// presentation or data of draw.io, and the page holds no script but its own.
    func testHostileNamesAreTextInPowerPointDrawioAndThePage() throws {
        let directory = try temporaryDirectory(self)
        let path = try write(hostileModel, to: "hostile.yaml", in: directory)
        let prepared = try ChartSpec(model: path).prepare()
        let expected = names[.organigramme] ?? []

        let archive = try Archive(data: Data(try prepared.render(.pptx)), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
            let lint = try tool("xmllint", ["--noout", "--nonet"], on: [UInt8](data), named: "part.xml", in: self)
            XCTAssertEqual(lint.status, 0, "\(entry.path): \(lint.stderr)")
        }
        let slide = try XCTUnwrap(parts["ppt/slides/slide1.xml"])
        let runs = try texts(of: "a:t", in: slide).joined(separator: " ")
        for name in expected { XCTAssertTrue(runs.replacingOccurrences(of: " ", with: "").contains(name.replacingOccurrences(of: " ", with: "")), "pptx: '\(name)' in \(runs)") }
        let targets = try texts(of: "Relationship", attribute: "Target", in: try XCTUnwrap(parts["ppt/slides/_rels/slide1.xml.rels"]))
        XCTAssertEqual(Set(targets.dropFirst()), ["%22/%3E%3Cscript%3Ealert(1)%3C/script%3E", "https://example.org/a?b=1&c=2"], "the kept links, as external targets")
        XCTAssertEqual(try texts(of: "dc:title", in: try XCTUnwrap(parts["docProps/core.xml"])), [#"Hostile ]]> <b>model</b> \G"#])

        let drawio = try prepared.render(.drawio)
        let lint = try tool("xmllint", ["--noout", "--nonet"], on: drawio, named: "chart.drawio", in: self)
        XCTAssertEqual(lint.status, 0, lint.stderr)
        let labels = try texts(of: "UserObject", attribute: "label", in: Data(drawio)).joined(separator: " ")
        // Names are wrapped where the layout wrapped them (`<br>`).
        XCTAssertTrue(labels.contains("Bold &lt;b&gt;not bold&lt;/b&gt; &amp;amp;<br>&amp;#92;N"), "draw.io labels are HTML with the names escaped: \(labels)")
        XCTAssertFalse(labels.contains("<script"), labels)

        let page = String(decoding: try prepared.render(.html), as: UTF8.self)
        XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 2, "the page's data and its script, no other")
        XCTAssertFalse(page.contains("href") || page.contains("https:"), "no link in the page (the names' text may say javascript:)")
        XCTAssertTrue(page.contains(#"Bold &lt;b&gt;not bold&lt;/b&gt; &amp;amp; &amp;#92;N"#), "the name is text in the chart")
    }

    func testThemeValuesThatCouldLeaveTheirAttributeAreRefused() throws {
        let directory = try temporaryDirectory(self)
        let hostile = [
            "layout:\n  nodesep: '0.2\"]; injected [label=\"x'\n": ":3:12: error: 'layout.nodesep' is not a plain value",
            "layout:\n  URL: https://example.org\n": ":3:3: error: unknown key 'URL' in 'layout'",
            "layout:\n  'label=x, injected': '1'\n": ":3:3: error: unknown key 'label=x, injected' in 'layout'",
            "boxes:\n  division: {fill: '#fff\" onload=\"x'}\n": ":3:20: error: 'boxes.division.fill' is not a colour",
            "boxes:\n  division: {style: 'filled\"]; x [a=\"'}\n": ":3:21: error: 'boxes.division.style' is not a style",
            "boxes:\n  division: {shape: 'box]; x [a=b'}\n": ":3:21: error: 'boxes.division.shape' is not a shape name",
            "groups:\n  default: {stroke: 'red;} body {x'}\n": ":3:21: error: 'groups.default.stroke' is not a colour",
            "lines:\n  contains: {arrowhead: 'none]; x [a=b'}\n": ":3:25: error: 'lines.contains.arrowhead' is not an arrowhead name",
            "font: 'Arial\"]; x [a=\"b'\n": ":2:7: error: 'font' is not a font name",
        ]
        for (index, (text, message)) in hostile.sorted(by: { $0.key < $1.key }).enumerated() {
            let path = try write("extends: default\n" + text, to: "theme-\(index).yaml", in: directory)
            XCTAssertThrowsError(try Theme.load(path), text) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(path)\(message)"), "\(error)")
            }
        }
        let fine = try write("extends: default\nfont: DejaVu Sans\nlayout: {nodesep: 0.5, ratio: fill, size: '8,11!', bgcolor: '#ffffff'}\n"
                             + "boxes:\n  division: {fill: '#abc', stroke: navy, style: 'rounded, filled', shape: box}\nlines:\n  contains: {arrowhead: onormal}\n",
                             to: "fine.yaml", in: directory)
        XCTAssertNoThrow(try Theme.load(fine))
        for name in Theme.builtinNames { XCTAssertNoThrow(try Theme.load(name), name) }
    }

    func testAThemeMadeInCodeCannotAddNodesToTheDOT() throws {
        let model = try ModelLoader.load(file: "hostile.yaml") { _ in hostileModel }.valid()
        let chart = try Views.chart(.organigramme, of: model, options: ViewOptions())
        let clean = try Theme.load("default")
        var theme = clean
        theme.font = #"Arial"]; injected1 [label="x"#
        theme.layout["nodesep"] = #"0.2"]; injected2 [label="x"#
        theme.layout[#"x"]; injected3 [label="y"#] = "1"
        theme.boxes["division"]?.shape = "box]; injected4 [label=x"
        theme.boxes["division"]?.fill = #"#fff"]; injected5 [label="x"#
        theme.lines["contains"] = LineStyle(color: "red\"; injected6 [", style: "solid]; injected7 [", arrowhead: "none]; injected8 [")
        func nodes(_ theme: Theme, layout: ChartLayout) throws -> Set<String> {
            let prepared = PreparedChart(chart: chart, writer: DOTWriter(theme: theme), tidy: layout == .tidy)
            let svg = String(decoding: try prepared.render(.svg), as: UTF8.self)
            return Set(svg.components(separatedBy: "<g id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        }
        for layout in [ChartLayout.dot, .tidy] {
            XCTAssertEqual(try nodes(theme, layout: layout), try nodes(clean, layout: layout), "\(layout)")
        }
    }

    func testTheDiffReportsShowHostileNamesAsTextAndCarryNoLinks() throws {
        let directory = try temporaryDirectory(self)
        let renamed = hostileModel.replacingOccurrences(of: "name: Safe section", with: #"name: '<img src=x onerror=alert(1)> [y](javascript:alert(1)) *a* `b` | c \N'"#)
        let old = try write(hostileModel, to: "old.yaml", in: directory)
        let new = try write(renamed, to: "new.yaml", in: directory)
        let prepared = try DiffSpec(old: old, new: new).prepare()
        let markdown = String(decoding: prepared.markdown, as: UTF8.self)
        XCTAssertTrue(markdown.contains("| renamed | 1 |"), markdown)
        for raw in ["<img", "<b>", "<script", "<javascript:", "`b`", "*a*"] {
            XCTAssertFalse(markdown.contains(raw), "the report holds '\(raw)': \(markdown)")
        }
        XCTAssertNil(markdown.range(of: #"(?<!\\)\]\("#, options: .regularExpression), "a link: \(markdown)")
        XCTAssertTrue(markdown.contains(#"&lt;img src=x onerror=alert(1)&gt; \[y\](javascript:alert(1)) \*a\* \`b\` \| c \\N"#), markdown)
        let html = String(decoding: try prepared.html(), as: UTF8.self)
        XCTAssertFalse(html.contains("<img") || html.contains("href="), "the review page holds markup or links from the models")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1, "only the page's own script")
    }
}
