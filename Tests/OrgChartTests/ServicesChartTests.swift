@testable import BipartiteLayout
import BuiltinModels
import ChartGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import OrgChart
import OrgModel
import OrgTemplates
import Placement
import OrgViews
import SVGWriter
import TidyTree
import XCTest

/// The texts and the ids of the boxes (`class="node …"`) and lines (`class="edge …"`) of an SVG.
private final class SVGElements: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var nodes: [String] = []
    var edges: [(id: String, kind: String)] = []
    private var inText = false

    /// The elements of `bytes`, or nil when it is not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> SVGElements? {
        let elements = SVGElements()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = elements
        return parser.parse() ? elements : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "text" {
            inText = true
            texts.append("")
        }
        guard name == "g", let id = attributes["id"], let classes = attributes["class"]?.split(separator: " ").map(String.init) else { return }
        if classes.first == "node" { nodes.append(id) }
        if classes.first == "edge", classes.count > 1 { edges.append((id, classes[1])) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }
}

final class ServicesChartTests: XCTestCase {
    /// The whole pillar as a two-column chart on A3 landscape: too large for one page, it is cut
    /// into pages of providers in order, each with every client they serve, every text at 6 pt
    /// or more; every relationship is drawn on some page, and no page has a geometry problem.
    func testThePillarsServicesChartIsCutIntoReadablePages() throws {
        var spec = ChartSpec(model: Self.pillar, view: .servicesChart)
        spec.page = PageSize.a3.landscape
        let prepared = try spec.prepare()
        let paged = PagedChart(chart: prepared.chart, writer: prepared.writer, tidy: true, engine: .nop2, page: PageSize.a3.landscape)
        let pages = try paged.pages()
        XCTAssertGreaterThan(pages.count, 1)
        XCTAssertGreaterThanOrEqual(try paged.smallestText(), 6)
        let drawn = Set(pages.flatMap { $0.lines.map { "\($0.from) \($0.style) \($0.to)" } })
        XCTAssertEqual(drawn, Set(prepared.chart.lines.map { "\($0.from) \($0.style) \($0.to)" }))
        for (number, page) in pages.enumerated() {
            XCTAssertEqual(GeometryCheck(PlacedChart(chart: page, theme: prepared.writer.theme)).problems, [], "page \(number + 1)")
            if number > 0 { XCTAssertTrue(page.subtitle?.contains("continued from page \(number)") == true) }
        }
    }

    private static let pillar = "peace-security-2021"

    /// The charts looked at as pages: the pillar, its departments and structures, the fans, DPKO 2010.
    private static let charts: [(model: String, root: String?)] = [
        (pillar, nil), (pillar, "dpo"), (pillar, "dos"), (pillar, "reg"), (pillar, "odcss"), (pillar, "gsc"), (pillar, "rsce"), ("dpko-2010", nil),
    ]

    private func model(_ id: String) throws -> Model { try BuiltinModels.load(id).valid() }

    private func chart(_ id: String, root: String? = nil) throws -> Chart {
        try Views.chart(.servicesChart, of: try model(id), options: ViewOptions(root: root))
    }

    /// The services relationships of `model` with an end in the subtree of `root` (all without a root).
    private func relationships(of model: Model, root: String?) -> [Relationship] {
        let scope = root.map { Set(model.subtree(of: $0, depth: nil).map(\.id)) }
        return model.relationships.filter { relation in
            ServiceLinks.kinds.contains(relation.kind) && (scope.map { $0.contains(relation.from) || $0.contains(relation.to) } ?? true)
        }
    }

    /// The unit or post a box of the chart stands for.
    private func unit(of box: String) -> String {
        box.hasSuffix(".client") ? String(box.dropLast(".client".count)) : box
    }

    func testOneLinePerRelationshipWithItsKind() throws {
        for (id, root) in Self.charts {
            let model = try model(id)
            let chart = try chart(id, root: root)
            let expected = relationships(of: model, root: root).map { "\($0.from) \($0.kind.rawValue) \($0.to)" }.sorted()
            let drawn = chart.lines.map { "\(unit(of: $0.from)) \($0.style) \(unit(of: $0.to))" }.sorted()
            XCTAssertEqual(drawn, expected, "\(id) \(root ?? "")")
            let boxes = Dictionary(uniqueKeysWithValues: chart.boxes.map { ($0.id, $0) })
            for line in chart.lines {
                XCTAssertEqual(boxes[line.from]?.level, 0, "\(line.from) is a provider, on the left")
                XCTAssertEqual(boxes[line.to]?.level, 1, "\(line.to) is a client, on the right")
            }
            let prepared = try ChartSpec(model: id, view: .servicesChart, options: ViewOptions(root: root)).prepare()
            let svg = try prepared.render(.svg)
            let elements = try XCTUnwrap(SVGElements.parse(svg), "\(id) \(root ?? ""): the SVG is not well-formed XML")
            // The two columns route every line cleanly: none becomes a footnoted marker.
            XCTAssertEqual(prepared.placed.markers, [], "\(id) \(root ?? "")")
            XCTAssertEqual(elements.edges.map(\.kind).sorted(), chart.lines.map(\.style).sorted(), "one drawn line per relationship, in its kind")
        }
    }

    func testEveryProviderAndClientIsNamed() throws {
        let model = try model(Self.pillar)
        let chart = try chart(Self.pillar)
        let svg = try ChartSpec(model: Self.pillar, view: .servicesChart).prepare().render(.svg)
        let elements = try XCTUnwrap(SVGElements.parse(svg))
        let text = elements.texts.joined(separator: " ")
        for relation in relationships(of: model, root: nil) {
            for end in [relation.from, relation.to] {
                let name = model.unit(end)?.name ?? model.post(end)?.title ?? end
                XCTAssertTrue(text.contains(name), "\(name) is not named")
            }
        }
        XCTAssertEqual(Set(elements.nodes.filter { !$0.hasPrefix("orgchart:") }), Set(chart.boxes.map(\.id)))
        // A unit that serves and is served stands in both columns.
        let both = Set(chart.lines.map(\.from)).intersection(chart.lines.map { unit(of: $0.to) })
        XCTAssertFalse(both.isEmpty)
        for id in both { XCTAssertTrue(chart.boxes.contains { $0.id == id + ".client" }, id) }
    }

    func testLinesKeepOutOfBoxesAndLabelsOnTracksOfTheirOwn() throws {
        let theme = try Theme.load("default")
        for (id, root) in Self.charts {
            let chart = try chart(id, root: root)
            let layout = BipartiteLayout(chart: chart, theme: theme)
            let what = "\(id) \(root ?? "")"
            let index = Dictionary(uniqueKeysWithValues: chart.boxes.enumerated().map { ($0.element.id, $0.offset) })
            // The label of each frame: the band from its top to the label's last line.
            let labels = layout.groupFrames.map { placed in
                BoxFrame(center: ChartPoint(x: placed.frame.center.x, y: (placed.frame.minY + placed.labelOrigin.y + Double(placed.label.count) * placed.labelSize * BoxMetrics.lineHeight) / 2),
                         width: placed.frame.width, height: placed.labelOrigin.y + Double(placed.label.count) * placed.labelSize * BoxMetrics.lineHeight - placed.frame.minY)
            }
            var tracks: [Double: Int] = [:]
            var horizontals: [(y: Double, from: Double, to: Double, line: Int)] = []
            /// Lines of one kind from one box, or into one box, may share a track (a bundle).
            func kind(_ line: Int) -> String {
                let drawn = chart.lines[line]
                return "\(drawn.style) \(drawn.label ?? "") \(drawn.isInferred) \(drawn.isPlanned)"
            }
            func bundled(_ a: Int, _ b: Int) -> Bool {
                kind(a) == kind(b) && (chart.lines[a].from == chart.lines[b].from || chart.lines[a].to == chart.lines[b].to)
            }
            for connector in layout.connectors {
                let line = chart.lines[connector.line]
                let ends = [index[line.from]!, index[line.to]!]
                for (a, b) in zip(connector.points, connector.points.dropFirst()) {
                    XCTAssertTrue(a.x == b.x || a.y == b.y, "\(what): \(line.from)->\(line.to) is not orthogonal")
                    let segment = BoxFrame(center: ChartPoint(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2), width: max(abs(b.x - a.x), 0.01), height: max(abs(b.y - a.y), 0.01))
                    for (box, frame) in layout.frames.enumerated() where !ends.contains(box) {
                        XCTAssertFalse(segment.overlaps(frame), "\(what): \(line.from)->\(line.to) passes through \(chart.boxes[box].id)")
                    }
                    for (label, placed) in zip(labels, layout.groupFrames) {
                        XCTAssertFalse(segment.overlaps(label), "\(what): \(line.from)->\(line.to) passes through the label of \(chart.groups[placed.group].id)")
                    }
                    if a.x == b.x, a.y != b.y {
                        XCTAssertTrue(tracks[a.x].map { bundled($0, connector.line) } ?? true,
                                      "\(what): \(line.from)->\(line.to) shares a track with line \(tracks[a.x] ?? -1) of another bundle")
                        tracks[a.x] = connector.line
                    } else if a.y == b.y {
                        horizontals.append((a.y, min(a.x, b.x), max(a.x, b.x), connector.line))
                    }
                }
            }
            for (i, h) in horizontals.enumerated() {
                for k in horizontals[(i + 1)...] where k.line != h.line && !bundled(k.line, h.line) && abs(k.y - h.y) < 2 {
                    XCTAssertFalse(k.from < h.to && h.from < k.to, "\(what): lines \(h.line) and \(k.line) run along each other at y \(h.y)")
                }
            }
            // Arrowheads: each line ends at its own point on its box, far enough from the others,
            // or (lines of one kind into one box) at its bundle's one arrowhead.
            let tips = layout.connectors.map { (line: $0.line, point: $0.points.last!) }
            for (i, tip) in tips.enumerated() {
                for other in tips[(i + 1)...] {
                    let apart = abs(tip.point.x - other.point.x) + abs(tip.point.y - other.point.y)
                    if apart == 0, chart.lines[tip.line].to == chart.lines[other.line].to, kind(tip.line) == kind(other.line) { continue }
                    XCTAssertGreaterThanOrEqual(apart, 8, "\(what): two arrowheads at \(tip.point)")
                }
            }
            for (first, frame) in layout.frames.enumerated() {
                for second in layout.frames.indices where second > first {
                    XCTAssertFalse(frame.overlaps(layout.frames[second]), "\(what): boxes overlap")
                }
            }
        }
    }

    /// A provider serving many has one line out: the regional service centre's services to its
    /// twenty missions and offices leave it by one port and one track, branching to each.
    func testTheLinesOfOneKindFromOneProviderAreOneBundle() throws {
        let chart = try chart("peace-security-2021", root: "rsce")
        let layout = BipartiteLayout(chart: chart, theme: try Theme.load("default"))
        let services = layout.connectors.filter { chart.lines[$0.line].from == "rsce" && chart.lines[$0.line].style == "provides-services-to" }
        XCTAssertGreaterThan(services.count, 10)
        XCTAssertEqual(Set(services.map { "\($0.points[0].x) \($0.points[0].y)" }).count, 1, "one port")
        XCTAssertEqual(Set(services.map { $0.points[1].x }).count, 1, "one track")
        XCTAssertEqual(Set(services.map { "\($0.points.last!.x) \($0.points.last!.y)" }).count, services.count, "an arrowhead each")
    }

    /// Offices serving the same departments join one line into each: the ODCSS units' stated
    /// services to DPO reach it by one track, one port and one arrowhead, and the chart's lines
    /// take four tracks, where a bundle from each provider took eight. The bundles are the
    /// fewest that cover every line of a kind (a minimum vertex cover).
    func testTheLinesOfOneKindIntoOneClientAreOneBundle() throws {
        let chart = try chart("peace-security-2021", root: "odcss")
        let layout = BipartiteLayout(chart: chart, theme: try Theme.load("default"))
        let intoDPO = layout.connectors.filter { chart.lines[$0.line].to == "dpo" && !chart.lines[$0.line].isInferred }
        XCTAssertGreaterThanOrEqual(intoDPO.count, 5)
        XCTAssertEqual(Set(intoDPO.map { "\($0.points.last!.x) \($0.points.last!.y)" }).count, 1, "one arrowhead")
        XCTAssertEqual(Set(intoDPO.map { $0.points[1].x }).count, 1, "one track")
        XCTAssertEqual(Set(intoDPO.map { "\($0.points[0].x) \($0.points[0].y)" }).count, intoDPO.count, "a port on each provider")
        XCTAssertEqual(Set(layout.connectors.filter { $0.points.count == 4 }.map { $0.points[1].x }).count, 4, "tracks")
        // Where a unit's line joins the track into DPO, a dot marks the junction; none where lines cross.
        let placed = PlacedChart(chart: chart, theme: try Theme.load("default"))
        let dots = placed.junctions.values.joined()
        let track = intoDPO[0].points[1].x
        XCTAssertGreaterThanOrEqual(dots.filter { $0.x == track }.count, 4, "junctions on DPO's track")
        for dot in dots {
            let meeting = placed.connectors.filter { connector in zip(connector.points, connector.points.dropFirst()).contains { a, b in
                (a.x == b.x && a.x == dot.x && min(a.y, b.y) <= dot.y && dot.y <= max(a.y, b.y)) || (a.y == b.y && a.y == dot.y && min(a.x, b.x) <= dot.x && dot.x <= max(a.x, b.x))
            } }
            XCTAssertGreaterThanOrEqual(meeting.count, 2, "a dot where one line bends alone: \(dot)")
            XCTAssertEqual(Set(meeting.map { [chart.lines[$0.line].from, chart.lines[$0.line].to] }.reduce(into: [String: Int]()) { counts, ends in ends.forEach { counts[$0, default: 0] += 1 } }.filter { $0.value == meeting.count }.keys).count, 1,
                           "the lines meeting at \(dot) share one end")
        }
        // The cover: a provider serving many is bundled out of it, clients served by many into them.
        XCTAssertEqual(Bundles.cover([(0, 10), (0, 11), (0, 12)]), [0, 0, 0])
        XCTAssertEqual(Bundles.cover([(0, 10), (1, 10), (2, 10), (0, 11), (1, 11), (2, 11)]), [1, 1, 1, 1, 1, 1])
        XCTAssertEqual(Bundles.cover([(0, 10), (0, 11), (0, 12), (1, 10), (2, 10)]), [0, 0, 0, 1, 1])
    }

    func testFansHoldExactlyTheRelationshipsOfTheirUnit() throws {
        let model = try model(Self.pillar)
        for root in ["odcss", "gsc", "rsce"] {
            let chart = try chart(Self.pillar, root: root)
            let expected = Set(relationships(of: model, root: root).map { "\($0.from) \($0.kind.rawValue) \($0.to)" })
            XCTAssertEqual(Set(chart.lines.map { "\(unit(of: $0.from)) \($0.style) \(unit(of: $0.to))" }), expected, root)
            XCTAssertEqual(chart.lines.count, expected.count, root)
        }
        // A service centre alone on the left, with everything it serves on the right.
        let gsc = try chart(Self.pillar, root: "gsc")
        XCTAssertEqual(gsc.boxes.filter { $0.level == 0 }.map(\.id), ["gsc"])
        XCTAssertGreaterThan(gsc.boxes.filter { $0.level == 1 }.count, 30)
    }

    func testTheServicesViewChoosesTheMatrixForThePillarAndTheChartForDPKO2010() throws {
        let pillar = try ChartSpec(model: Self.pillar, view: .services).prepare()
        XCTAssertNotNil(pillar.chart.matrix)
        XCTAssertTrue(pillar.note?.contains("matrix") ?? false, pillar.note ?? "no note")
        let dpko = try ChartSpec(model: "dpko-2010", view: .services).prepare()
        XCTAssertNil(dpko.chart.matrix)
        XCTAssertEqual(dpko.chart.arrangement, .bipartite)
        XCTAssertTrue(dpko.note?.contains("two-column chart") ?? false, dpko.note ?? "no note")
        // The fans are charts on an A3 page, every text at least 6 pt there.
        let theme = try Theme.load("default")
        for root in ["odcss", "gsc", "rsce"] {
            var spec = ChartSpec(model: Self.pillar, view: .services, options: ViewOptions(root: root))
            spec.page = .a3
            let fan = try spec.prepare()
            XCTAssertNil(fan.chart.matrix, root)
            let size = PlacedChart(chart: fan.chart, theme: theme).size
            let area = (width: PageSize.a3.width * 72 - 2 * PagedChart.margin, height: PageSize.a3.height * 72 - 2 * PagedChart.margin)
            let scale: Double = min(1, area.width / size.width, area.height / size.height)
            XCTAssertGreaterThanOrEqual(min(theme.detailSize, theme.footerSize) * scale, 6, root)
        }
    }

    func testTheChartIsTheSameBytesEveryTime() throws {
        for (id, root) in [(Self.pillar, "gsc"), ("dpko-2010", nil)] {
            var spec = ChartSpec(model: id, view: .servicesChart, options: ViewOptions(root: root))
            spec.page = .a3
            let prepared = try spec.prepare()
            for format in [OutputFormat.svg, .pdf, .png] {
                XCTAssertEqual(try prepared.render(format), try spec.prepare().render(format), "\(id) \(format)")
            }
            let svg = try prepared.render(.svg)
            XCTAssertNotNil(SVGElements.parse(svg), "\(id): the SVG is not well-formed XML")
            let lint = try tool("xmllint", ["--noout", "--nonet"], on: svg, named: "services.svg", in: self)
            XCTAssertEqual(lint.status, 0, lint.stderr)
        }
    }
}
