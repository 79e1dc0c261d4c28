import BuiltinModels
import ChartGraph
import OrgChart
import OrgModel
import OrgTemplates
import Placement
import OrgViews
import SVGWriter
@testable import TidyTree
import XCTest

final class GeometryCheckTests: XCTestCase {
    /// A built-in tree chart: its name and the chart as the layout stage placed it.
    struct NamedChart {
        var name: String
        var spec: ChartSpec
        var placed: PlacedChart
        var chart: Chart { placed.chart }
    }

    /// Every built-in model × tree view × root (the model's own, then each department as
    /// `orgchart catalog` lists them) that the tidy tree lays out, in `template`.
    static func builtinTreeCharts(template: String = "default") throws -> [NamedChart] {
        var result: [NamedChart] = []
        for id in BuiltinModels.ids {
            let model = try BuiltinModels.load(id).valid()
            let departments = model.units.filter { $0.kind == .department || $0.kind == .office && $0.parent == nil }.map(\.id)
            for view in [ViewKind.organigramme, .accountability, .overview] {
                for root in [nil] + departments {
                    let spec = ChartSpec(model: id, view: view, options: ViewOptions(root: root), template: template)
                    guard let prepared = try? spec.prepare(), prepared.tidy else { continue }
                    result.append(NamedChart(name: "\(id) \(view.rawValue) \(root ?? "-") \(template)", spec: spec, placed: prepared.placed))
                }
            }
        }
        return result
    }

    /// Every built-in tree chart, in the default and the print theme, is publishable: no line
    /// through a box, no lines of different kinds on one segment, no stacked arrowheads, no
    /// overlapping boxes, no text outside its box. (Before the router, lines were drawn
    /// straight across the tree: 540 lines through boxes, 110 shared segments and 99 stacked
    /// arrowheads over these charts.) Lines stay lines: a line across the tree becomes a marker
    /// only where it found no clean route — none in the DPKO 2010 and DPO charts.
    func testEveryBuiltinTreeChartPassesTheGeometryCheck() throws {
        var charts = 0, markers: [String] = []
        for template in ["default", "print"] {
            for named in try Self.builtinTreeCharts(template: template) {
                XCTAssertEqual(GeometryCheck(named.placed).problems, [], named.name)
                for marker in named.placed.markers {
                    let line = named.chart.lines[marker.line]
                    markers.append("\(named.name): \(line.style):\(line.from)->\(line.to)")
                }
                if named.name.hasPrefix("dpko-2010 ") || named.name.hasPrefix("dpo-2019 ") {
                    XCTAssertEqual(named.placed.markers, [], named.name)
                }
                charts += 1
            }
        }
        print("markers in the built-in tree charts: \(markers.count)\n" + markers.joined(separator: "\n"))
        XCTAssertLessThanOrEqual(markers.count, 3, markers.joined(separator: "\n"))
        XCTAssertGreaterThan(charts, 80)
    }

    /// Every line label of the built-in tree charts lies clear of every box, and every line
    /// whose kind has an arrowhead is drawn with one (the arrowhead of a short last stretch
    /// included).
    func testLabelsClearOfBoxesAndEveryArrowheadDrawn() throws {
        var labels = 0
        for named in try Self.builtinTreeCharts() {
            let placed = named.placed
            for (line, label) in placed.labels.flatMap({ line, texts in texts.map { (line, $0) } }) {
                labels += 1
                let (left, right) = label.span(font: placed.theme.font)
                for (index, frame) in placed.frames.enumerated() {
                    let apart = frame.maxX <= left || frame.minX >= right || frame.maxY <= label.baseline - label.size || frame.minY >= label.baseline
                    XCTAssertTrue(apart, "\(named.name): the label of line \(line) covers \(named.chart.boxes[index].id)")
                }
            }
            let svg = String(decoding: SVGWriter.svg(placed), as: UTF8.self)
            for connector in placed.connectors {
                let line = named.chart.lines[connector.line]
                guard line.isDrawn, (placed.theme.line(line.style).arrowhead ?? "none") != "none" else { continue }
                let id = "\(line.style):\(line.from)->\(line.to)".replacingOccurrences(of: "-", with: "&#45;").replacingOccurrences(of: ">", with: "&gt;")
                guard let start = svg.range(of: "<g id=\"\(id)\""), let end = svg.range(of: "</g>\n</g>", range: start.upperBound..<svg.endIndex)
                        ?? svg.range(of: "</g>", range: start.upperBound..<svg.endIndex) else { XCTFail("\(named.name): \(id) not drawn"); continue }
                let element = svg[start.lowerBound..<end.upperBound]
                XCTAssertTrue(element.contains("<polygon") || element.contains("<ellipse") || element.contains("<circle"), "\(named.name): \(id) has no arrowhead")
            }
        }
        XCTAssertGreaterThan(labels, 3)
    }

    /// What a reader sees passes the same check: every built-in tree chart rendered as SVG by
    /// orgchart and by Graphviz (`--drawing graphviz`, which draws the positioned DOT), read
    /// back from the SVG — frames, routes, arrowhead tips, text — has no line through a box,
    /// no shared segment, no stacked arrowheads, no overlapping boxes and no text outside its
    /// box; every box and every drawn line is in both drawings.
    func testEveryBuiltinTreeChartAsDrawnPassesTheGeometryCheck() throws {
        var drawings = 0
        for template in ["default", "print"] {
            for named in try Self.builtinTreeCharts(template: template) {
                for drawing in [Drawing.builtin, .graphviz] where drawing == .builtin || template == "default" {
                    var spec = named.spec
                    spec.drawing = drawing
                    let prepared = try spec.prepare()
                    let label = "\(named.name) \(drawing.rawValue)"
                    let read = try RenderedGeometry(svg: try prepared.render(.svg), chart: named.chart, theme: named.placed.theme)
                    XCTAssertEqual(read.frames.filter { $0 == nil }.count, 0, "\(label): boxes missing from the drawing")
                    let marked = Set(named.placed.markers.map { named.chart.lines[$0.line] }.map { "\($0.style):\($0.from)->\($0.to)" })
                    XCTAssertEqual(read.missingLines.filter { !marked.contains($0) }, [], label)
                    XCTAssertEqual(read.strayText, [], label)
                    // Room for arrowheads is checked on the placed chart: read back from a
                    // drawing, a circle at either end (an inferred line's mark, an `odot`) is not
                    // told from the arrowhead.
                    let problems = read.check(named.chart, theme: named.placed.theme).problems.filter { $0.kind != .arrowheadWithoutRoom }
                    XCTAssertEqual(problems, [], label)
                    drawings += 1
                }
            }
        }
        XCTAssertGreaterThan(drawings, 120)
    }

    /// Where two drawn lines cross, one of them is broken, so that a crossing does not read as
    /// a junction: in every built-in tree chart (and the services charts) as orgchart and as
    /// Graphviz draw it,
    /// at every proper crossing of two routes one of the two lines has no ink within 2 pt of
    /// the crossing, unless both lines bend or end within 6 pt of it; where a tree line
    /// crosses a line across the tree and has that room, the tree line is the one broken.
    func testACrossingLineBreaksTheLineItPassesOver() throws {
        var charts = try Self.builtinTreeCharts().map { (name: $0.name, spec: $0.spec) }
        for root in ["odcss", "gsc", "rsce"] {
            charts.append((name: "services \(root)", spec: ChartSpec(model: "peace-security-2021", view: .services, options: ViewOptions(root: root))))
        }
        var crossings = 0, broken = 0, treeBroken = 0
        for (name, spec) in charts.flatMap({ chart in [Drawing.builtin, .graphviz].map { (chart.name + " " + $0.rawValue, chart.spec.drawn(by: $0)) } }) {
            let prepared = try spec.prepare()
            let placed = prepared.placed, chart = prepared.chart
            let read = try RenderedGeometry(svg: try prepared.render(.svg), chart: chart, theme: placed.theme)
            /// Whether line `line` is drawn within `radius` of `point`.
            func inked(_ line: Int, at point: ChartPoint) -> Bool {
                (read.pieces[line] ?? []).contains { piece in
                    zip(piece, piece.dropFirst()).contains { a, b in
                        let x = min(max(point.x, min(a.x, b.x)), max(a.x, b.x)), y = min(max(point.y, min(a.y, b.y)), max(a.y, b.y))
                        return RenderedGeometry.distance(ChartPoint(x: x, y: y), point) < 2
                    }
                }
            }
            /// The straight stretches of the drawn routes: line, from, to.
            let stretches = placed.connectors.filter { chart.lines[$0.line].isDrawn }.flatMap { connector in
                zip(connector.points, connector.points.dropFirst()).map { (line: connector.line, a: $0, b: $1) }
            }
            for across in stretches where across.a.y == across.b.y && across.a.x != across.b.x {
                for upright in stretches where upright.a.x == upright.b.x && upright.a.y != upright.b.y && upright.line != across.line {
                    let x = upright.a.x, y = across.a.y
                    let roomAcross = min(x - min(across.a.x, across.b.x), max(across.a.x, across.b.x) - x)
                    let roomUpright = min(y - min(upright.a.y, upright.b.y), max(upright.a.y, upright.b.y) - y)
                    guard roomAcross > 0.5, roomUpright > 0.5 else { continue }
                    crossings += 1
                    let point = ChartPoint(x: x, y: y)
                    let inkAcross = inked(across.line, at: point), inkUpright = inked(upright.line, at: point)
                    if max(roomAcross, roomUpright) >= 6.5 {
                        XCTAssertFalse(inkAcross && inkUpright, "\(name): \(chart.lines[across.line].to) and \(chart.lines[upright.line].to) cross unbroken at \(point)")
                    }
                    if !inkAcross || !inkUpright { broken += 1 }
                    let treeLines = [across, upright].filter { chart.lines[$0.line].shapesLayout }
                    if treeLines.count == 1, let tree = treeLines.first, (tree.line == across.line ? roomAcross : roomUpright) >= 6.5 {
                        XCTAssertFalse(inked(tree.line, at: point), "\(name): the tree line to \(chart.lines[tree.line].to) is not the one broken at \(point)")
                        treeBroken += 1
                    }
                }
            }
        }
        print("crossings in the built-in charts: \(crossings), broken \(broken), of them tree lines \(treeBroken)")
        XCTAssertGreaterThan(treeBroken, 10)
        XCTAssertGreaterThan(broken - treeBroken, 10)
    }

    /// The check on a drawing sees what is drawn: a box moved onto another in the SVG text
    /// is reported as overlapping, and lines then pass through it.
    func testTheCheckOfADrawingSeesAMovedBox() throws {
        let prepared = try ChartSpec(model: "dpko-2010", view: .organigramme).prepare()
        let svg = String(decoding: try prepared.render(.svg), as: UTF8.self)
        let chart = prepared.chart, theme = prepared.placed.theme
        XCTAssertEqual(try RenderedGeometry(svg: Array(svg.utf8), chart: chart, theme: theme).check(chart, theme: theme).problems, [])
        // The rectangle of the Office of Military Affairs drawn where the Police Division's is.
        let frames = prepared.placed.frames, index = { (id: String) in chart.boxes.firstIndex { $0.id == id }! }
        let oma = frames[index("dpko-oma")], police = frames[index("dpko-pd")]
        func number(_ value: Double) -> String {
            var text = String(format: "%.2f", value)
            while text.hasSuffix("0") { text.removeLast() }
            return text.hasSuffix(".") ? String(text.dropLast()) : text
        }
        func attributes(_ frame: BoxFrame) -> String { "x=\"\(number(frame.minX))\" y=\"\(number(frame.minY))\"" }
        XCTAssertTrue(svg.contains(attributes(oma)), attributes(oma))
        let moved = svg.replacingOccurrences(of: attributes(oma), with: attributes(police))
        let check = try RenderedGeometry(svg: Array(moved.utf8), chart: chart, theme: theme).check(chart, theme: theme)
        XCTAssertTrue(check.problems.contains { $0.kind == .overlappingBoxes && $0.detail.contains("dpko-oma") }, check.summary)
        XCTAssertGreaterThan(check.count(.lineThroughBox), 0, check.summary)
    }

    /// 200 seeded random models (ChaosTests' generator: random trees with cross lines of every
    /// kind) through the tree views, in the default and the print theme: zero problems in
    /// every placed chart; lines across the tree stay lines except where no clean route exists
    /// (at most one in ten becomes a marker).
    func testRandomModelsPassTheGeometryCheck() throws {
        let directory = try temporaryDirectory(self)
        var random = ChaosTests.Random(state: ChaosTests.seed ^ 0x6E0)
        var lines = 0, marked = 0, charts = 0
        for round in 0..<200 {
            let path = try write(ChaosTests.model(&random, count: 12 + random.below(60)), to: "geometry-\(round).yaml", in: directory)
            for view in [ViewKind.organigramme, .accountability, .overview] {
                let spec = ChartSpec(model: path, view: view, template: round % 2 == 0 ? "default" : "print")
                guard let prepared = try? spec.prepare(), prepared.tidy else { continue }
                let placed = prepared.placed
                XCTAssertEqual(GeometryCheck(placed).problems, [], "round \(round) \(view)")
                charts += 1
                lines += prepared.chart.lines.filter { !$0.shapesLayout && $0.isDrawn }.count
                marked += placed.markers.count
            }
        }
        print("random models: \(marked) of \(lines) lines across the tree drawn as markers in \(charts) charts")
        XCTAssertGreaterThan(charts, 300)
        XCTAssertLessThanOrEqual(marked * 10, lines, "more than one line in 10 drawn as a marker")
    }

    /// Two stretches at heights within the tolerance but apart along them do not share a
    /// segment, whichever comes first in height.
    func testStretchesApartAlongOneHeightDoNotShareASegment() throws {
        let theme = try Theme.load("default")
        let boxes = ["a", "b", "c", "d"].enumerated().map { Box(id: $0.element, heading: $0.element.uppercased(), style: "unit", level: $0.offset / 2) }
        let chart = Chart(id: "c", title: "C", boxes: boxes, lines: [Line(from: "a", to: "b", style: "backstops", shapesLayout: false),
                                                                      Line(from: "c", to: "d", style: "hosts", shapesLayout: false)])
        let frames = (0..<4).map { BoxFrame(center: ChartPoint(x: Double($0) * 1000, y: 5000), width: 10, height: 10) }
        let right = Connector(line: 0, points: [ChartPoint(x: 1000, y: 100), ChartPoint(x: 1100, y: 100)])
        let left = Connector(line: 1, points: [ChartPoint(x: 0, y: 100.2), ChartPoint(x: 500, y: 100.2)])
        XCTAssertEqual(GeometryCheck(chart: chart, frames: frames, texts: nil, connectors: [right, left], theme: theme).count(.sharedSegment), 0)
        let along = Connector(line: 1, points: [ChartPoint(x: 0, y: 100.2), ChartPoint(x: 1050, y: 100.2)])
        XCTAssertEqual(GeometryCheck(chart: chart, frames: frames, texts: nil, connectors: [right, along], theme: theme).count(.sharedSegment), 1)
    }

    func testTheCheckFindsEachKindOfProblem() throws {
        let theme = try Theme.load("default")
        let boxes = [Box(id: "top", heading: "Top", style: "department"), Box(id: "left", heading: "Left", style: "division", level: 1),
                     Box(id: "middle", heading: "Middle", style: "division", level: 1), Box(id: "right", heading: "Right", style: "division", level: 1)]
        let lines = [Line(from: "top", to: "left", style: "contains"), Line(from: "top", to: "middle", style: "contains"),
                     Line(from: "top", to: "right", style: "contains")]
        let chart = Chart(id: "c", title: "C", boxes: boxes, lines: lines)
        let layout = TidyLayout(chart: chart, theme: theme)
        XCTAssertEqual(GeometryCheck(chart: chart, frames: layout.frames, texts: layout.texts, connectors: layout.connectors, theme: theme).problems, [])
        // A straight line from left to right through the middle box; a line of another kind
        // along the bus; a second arrowhead on the tip of the first.
        let f = layout.frames
        let through = [ChartPoint(x: f[1].maxX, y: f[1].center.y), ChartPoint(x: f[3].minX, y: f[3].center.y)]
        XCTAssertTrue(GeometryCheck.passes(from: through[0], to: through[1], through: f[2]))
        XCTAssertFalse(GeometryCheck.passes(from: ChartPoint(x: f[1].minX, y: f[1].minY), to: ChartPoint(x: f[1].maxX, y: f[1].minY), through: f[1]),
                       "along an edge is not through")
        var crossed = chart
        crossed.lines += [Line(from: "left", to: "right", style: "direct-access", shapesLayout: false),
                          Line(from: "middle", to: "right", style: "reports-to", shapesLayout: false)]
        var bad = layout
        let bus = layout.connectors[1].points[1].y
        bad.connectors += [Connector(line: 3, points: through),
                           Connector(line: 4, points: [ChartPoint(x: f[2].center.x, y: bus), ChartPoint(x: f[3].minX - 20, y: bus),
                                                        ChartPoint(x: f[3].minX - 20, y: through[1].y), through[1]])]
        bad.frames.append(f[3])
        crossed.boxes.append(Box(id: "copy", heading: "Right", style: "division", level: 1))
        let check = GeometryCheck(chart: crossed, frames: bad.frames, texts: bad.texts, connectors: bad.connectors, theme: theme)
        XCTAssertEqual(Set(check.problems.map(\.kind)), [.lineThroughBox, .sharedSegment, .stackedArrowheads, .overlappingBoxes], check.problems.description)
        XCTAssertEqual(check.count(.sharedSegment), 2, "the bus and the last stretch")
        XCTAssertEqual(check.problems.first?.detail, "direct-access:left->right through middle")
    }
}

extension ChartSpec {
    /// The same chart drawn by `drawing`.
    func drawn(by drawing: Drawing) -> ChartSpec {
        var spec = self
        spec.drawing = drawing
        return spec
    }
}
