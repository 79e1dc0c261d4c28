import ChartGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import OrgChart
import OrgModel
import OrgTemplates
import OrgViews
import TidyTree
import Placement
import XCTest

/// The whole pipeline on seeded random models and themes: random trees with cross lines of every
/// kind, names with markup, quotes, Graphviz escapes and non-Latin scripts, themes inside and
/// outside their bounds, through every view × layout × drawing × format. A fixed seed runs here;
/// `scripts/chaos.sh` runs many more (`ORGCHART_CHAOS_SEED`, `ORGCHART_CHAOS_ROUNDS`).
final class ChaosTests: XCTestCase {
    /// Seeded choices from SplitMix64: small, fast and the same on every machine.
    struct Random {
        var generator: SplitMix
        init(state: UInt64) { generator = SplitMix(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let seed = UInt64(ProcessInfo.processInfo.environment["ORGCHART_CHAOS_SEED"] ?? "") ?? 20_261_201
    static let rounds = Int(ProcessInfo.processInfo.environment["ORGCHART_CHAOS_ROUNDS"] ?? "") ?? 3

    /// Pieces of hostile and foreign text that names are made of.
    static let fragments = [
        "Office", "Division", "Section", "<b>bold</b>", "\"quoted\"", "it's", "A & B", "\\N", "\\G", "\\L", "\\E", "\\T", "\\H",
        "\\", "]]>", "<script>alert(1)</script>", "{braces}", "|pipe|", "Управление", "الإدارة", "部门", "Département", "שירות",
        "😀", "\u{200B}", "x > y", "--", "<!-- c -->", "&amp;", "%s %n", "${x}", "`tick`", "*star*", "[link](javascript:alert(1))",
    ]
    static let urls = ["https://example.org/a?b=1&c=2", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                       "\"/><script>alert(1)</script>", "mailto:a@example.org", "relative/page.html", "vbscript:x", "http://x/\"onmouseover=\"alert(1)"]
    static let unitKinds = ["department", "office", "front-office", "division", "branch", "service", "section", "unit", "team", "cell", "mission", "service-centre"]

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A random valid model of `count` units.
    static func model(_ random: inout Random, count: Int) -> String {
        // A visible word first: a name of only invisible characters is rightly refused.
        func name() -> String { ([random.pick(Array(fragments.prefix(3)))] + (0..<random.below(3)).map { _ in random.pick(fragments) }).joined(separator: " ") }
        var yaml = "model: chaos\ntitle: \(quoted(name()))\ndate: \"2024-01-01\"\ndocuments:\n  - id: doc\n    symbol: ST/SGB/2024/1\n    title: \(quoted(name()))\n    url: \(quoted(random.pick(urls)))\nunits:\n"
        for index in 0..<count {
            yaml += "  - id: u\(index)\n    name: \(quoted(name()))\n"
            yaml += "    kind: \(index == 0 ? "department" : random.pick(unitKinds))\n"
            if index > 0 { yaml += "    parent: u\(random.below(index))\n" }
            if random.chance(40) { yaml += "    abbreviation: \(quoted(random.pick(fragments)))\n" }
            if random.chance(60) { yaml += "    head: {title: \(quoted(name())), source: doc §\(index).1}\n" }
            if random.chance(30) { yaml += "    url: \(quoted(random.pick(urls)))\n" }
            if random.chance(30) { yaml += "    functions: [\(quoted(name())), \(quoted(name()))]\n" }
            yaml += "    source: doc §\(index)\n"
        }
        yaml += "relationships:\n"
        var used = Set<String>()
        for _ in 0..<(count / 2) {
            let kind = random.pick(RelationKind.allCases).rawValue
            let from = random.below(count), to = random.below(count)
            guard from != to, used.insert("\(kind) \(from) \(to)").inserted else { continue }
            // Lines of accountability only upwards, so that there is no cycle.
            if ["accountable-to", "also-accountable-to", "reports-to", "dual-reporting"].contains(kind), to >= from { continue }
            yaml += "  - {kind: \(kind), from: u\(from), to: u\(to), source: doc §\(from).\(to)}\n"
        }
        return yaml
    }

    /// A random theme over the default one; `hostile` puts one value outside its bounds.
    static func theme(_ random: inout Random, hostile: Bool) -> (text: String, bad: String?) {
        var lines = ["extends: default", "title-size: \(8 + random.below(20))", "heading-size: \(6 + random.below(8))",
                     "detail-size: \(6 + random.below(6))", "stack-leaves: \(random.below(6))",
                     "boxes:", "  division: {fill: \"#\(String(format: "%06x", random.below(0xFFFFFF)))\", penwidth: \(random.below(4))}",
                     "lines:", "  backstops: {color: \"#\(String(format: "%06x", random.below(0xFFFFFF)))\", style: dashed}"]
        guard hostile else { return (lines.joined(separator: "\n") + "\n", nil) }
        let bad = random.pick(["title-size: .inf", "heading-size: .nan", "detail-size: -3", "footer-size: 1e308", "stack-leaves: 99999999999",
                               "boxes:\n  section: {penwidth: 1e30}", "title-sise: 12", "heading-size: [1, 2]", "layout:\n  ranksep: \"1\\\"]; evil [label=\\\"x\""])
        lines.removeAll { line in bad.hasPrefix(String(line.prefix { $0 != ":" }) + ":") }
        lines.append(bad)
        return (lines.joined(separator: "\n") + "\n", bad)
    }

    /// The ids of the `<g class="node …">` elements of an SVG, each as often as it occurs.
    func boxIDs(ofSVG bytes: [UInt8]) throws -> [String] {
        let document = try XMLDocument(data: Data(bytes))
        var ids: [String] = []
        func attribute(_ name: String, of element: XMLElement) -> String? {
            element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
        }
        func visit(_ node: XMLNode) {
            if let element = node as? XMLElement, element.name == "g",
               let cls = attribute("class", of: element), cls.split(separator: " ").first == "node",
               let id = attribute("id", of: element) {
                ids.append(id)
            }
            for child in node.children ?? [] { visit(child) }
        }
        if let root = document.rootElement() { visit(root) }
        return ids
    }

    /// Fails when `text` holds a live script or a `javascript:`/`data:` link (in `markdown`,
    /// also as a Markdown link).
    func assertNoScript(_ text: String, _ what: String, markdown: Bool = false) {
        let lower = text.lowercased().filter { !$0.isWhitespace }
        XCTAssertFalse(lower.contains("<script"), "\(what): a script element")
        for opening in ["href=\"", "href='", "src=\"", "src='"] + (markdown ? ["]("] : []) {
            for scheme in ["javascript:", "data:", "vbscript:"] {
                XCTAssertFalse(lower.contains(opening + scheme), "\(what): a \(scheme) link")
            }
        }
    }

    func testRandomModelsThroughEveryViewLayoutDrawingAndFormat() throws {
        // ORGCHART_CHAOS_KEEP names a directory that keeps the models and themes, to replay a failure.
        let kept = ProcessInfo.processInfo.environment["ORGCHART_CHAOS_KEEP"].map { URL(fileURLWithPath: $0) }
        let directory = try kept ?? temporaryDirectory(self)
        var random = Random(state: Self.seed)
        for round in 0..<Self.rounds {
            let path = try write(Self.model(&random, count: 12 + random.below(30)), to: "chaos-\(round).yaml", in: directory)
            let loaded = ModelLoader.load(file: path)
            XCTAssertTrue(loaded.isValid, "round \(round): \(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
            let theme = Self.theme(&random, hostile: false)
            let themePath = try write(theme.text, to: "theme-\(round).yaml", in: directory)
            XCTAssertNoThrow(try Theme.load(themePath), "round \(round): a theme within bounds was refused")
            for view in ViewKind.allCases {
                let combinations: [(ChartLayout, Drawing)] = [(.auto, .builtin), (.auto, .graphviz), (.dot, .builtin)]
                for (layout, drawing) in combinations {
                    var spec = ChartSpec(model: path, view: view, template: round % 2 == 0 ? themePath : "print")
                    spec.layout = layout
                    spec.drawing = drawing
                    if random.chance(30) { spec.page = .init(parsing: random.pick(["A4", "A3,landscape", "letter"])) }
                    let what = "round \(round) \(view) \(layout) \(drawing)"
                    let prepared: PreparedChart
                    do { prepared = try spec.prepare() } catch {
                        // A view may have nothing to show; then it says so.
                        XCTAssertTrue("\(error)".contains("error"), "\(what): \(error)")
                        continue
                    }
                    if prepared.tidy, prepared.chart.matrix == nil {
                        XCTAssertTrue(Self.coordinates(of: prepared.placed).allSatisfy(\.isFinite), "\(what): every coordinate of the placed chart is a number")
                    }
                    for format in OutputFormat.allCases {
                        // A matrix has no DOT text, no PowerPoint, draw.io file or interactive page,
                        // and a chart laid out by Graphviz none of the latter three; each says so.
                        let refused = (prepared.chart.matrix != nil && [.dot, .pptx, .drawio, .html].contains(format)) || (!format.graphvizWrites && !prepared.tidy)
                        if refused {
                            XCTAssertThrowsError(try prepared.render(format), "\(what) \(format)") { XCTAssertTrue("\($0)".contains("hint:"), "\(what) \(format): \($0)") }
                            continue
                        }
                        let bytes: [UInt8]
                        do { bytes = try prepared.render(format) } catch {
                            XCTFail("\(what) \(format): \(error)")
                            continue
                        }
                        XCTAssertEqual(bytes, try prepared.render(format), "\(what) \(format): not the same bytes twice")
                        switch format {
                        case .svg:
                            let text = String(decoding: bytes, as: UTF8.self)
                            assertNoScript(text, "\(what) svg")
                            let boxes = Set(prepared.chart.boxes.map(\.id))
                            let drawn = try boxIDs(ofSVG: bytes).filter(boxes.contains)
                            XCTAssertEqual(drawn.count, boxes.count, "\(what): one element per box")
                            XCTAssertEqual(Set(drawn), boxes, "\(what): one element per box")
                        case .pdf: XCTAssertEqual(Array(bytes.prefix(5)), Array("%PDF-".utf8), what)
                        case .png: XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], what)
                        case .dot: XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("digraph"), what)
                        case .pptx: XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], what)
                        case .drawio:
                            let text = String(decoding: bytes, as: UTF8.self)
                            XCTAssertTrue(text.contains("<mxfile"), what)
                            assertNoScript(text, "\(what) drawio")
                        case .html:
                            let text = String(decoding: bytes, as: UTF8.self)
                            XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>"), what)
                            XCTAssertFalse(text.contains("http:") || text.contains("https:"), "\(what) html: no address outside the page")
                        }
                    }
                }
            }
        }
    }

    /// The coordinates and sizes of a placed chart: its boxes, its size and its legend.
    static func coordinates(of placed: PlacedChart) -> [Double] {
        var numbers = placed.frames.flatMap { [$0.center.x, $0.center.y, $0.width, $0.height] } + [placed.width, placed.height]
        for row in placed.footer.rows {
            switch row {
            case .boxes(let heading, let samples):
                numbers += (heading.map { [$0.x, $0.baseline] } ?? []) + samples.flatMap { [$0.frame.center.x, $0.frame.center.y, $0.label.x, $0.label.baseline] }
            case .line(_, let start, let tip, let label): numbers += [start.x, start.y, tip.x, tip.y, label.x, label.baseline]
            case .note(let text), .source(let text): numbers += [text.x, text.baseline]
            }
        }
        return numbers
    }

    func testThemesOutsideTheirBoundsAreRefusedWithALocation() throws {
        let directory = try temporaryDirectory(self)
        var random = Random(state: Self.seed ^ 0xABCD)
        for round in 0..<(4 * Self.rounds) {
            let theme = Self.theme(&random, hostile: true)
            let path = try write(theme.text, to: "hostile-\(round).yaml", in: directory)
            let output = directory.appendingPathComponent("out-\(round).svg").path
            let result = try orgchart(["render", "--template", path, "-o", output])
            XCTAssertEqual(result.status, 1, "\(theme.bad ?? ""): accepted")
            XCTAssertTrue(result.stderr.contains("\(path):"), "\(theme.bad ?? ""): no location in \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("hint"), "\(theme.bad ?? ""): no hint in \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("Pango-CRITICAL"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "\(theme.bad ?? ""): an output was written")
        }
    }
}
