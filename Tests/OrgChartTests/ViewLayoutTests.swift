import BuiltinModels
import ChartGraph
import Foundation
import OrgChart
import OrgDiff
import OrgModel
import OrgTemplates
import OrgViews
import XCTest

/// How the views arrange their charts: overviews, accountability charts and merged
/// restructuring charts read as pages.
final class ViewLayoutTests: XCTestCase {
    /// Every built-in model with the roots its overview is drawn from (nil: the model's own).
    static let overviewRoots: [String: [String?]] = [
        "dpko-2007": [nil, "dpko"], "dpko-2008": [nil, "dpko", "dfs"], "dpko-2010": [nil, "dpko", "dfs"], "dpo-2019": [nil, "dpo"],
        "peace-security-2021": [nil, "dpo", "dppa", "dos", "dmspc", "reg", "odcss", "pko"],
    ]

    /// The depth of each box in the chart's tree.
    func depths(_ chart: Chart) -> [String: Int] {
        let children = chart.treeChildren
        var depth: [String: Int] = [:]
        var stack = chart.treeRoots.map { ($0, 0) }
        while let (id, level) = stack.popLast() {
            guard depth[id] == nil else { continue }
            depth[id] = level
            stack += (children[id] ?? []).map { ($0, level + 1) }
        }
        return depth
    }

    func testOverviewsConnectEveryBoxWithBothEndsOfEveryLine() throws {
        var drawn = 0
        for (id, roots) in Self.overviewRoots.sorted(by: { $0.key < $1.key }) where BuiltinModels.ids.contains(id) {
            let model = try BuiltinModels.load(id).valid()
            for root in roots {
                let chart: Chart
                do {
                    chart = try Views.chart(.overview, of: model, options: ViewOptions(root: root))
                } catch let error as ViewError {
                    XCTAssertTrue(error.message.contains("would hold only"), "\(id) \(root ?? "-"): \(error)")
                    continue
                }
                drawn += 1
                let ids = Set(chart.boxes.map(\.id))
                let where_ = "\(id) --root \(root ?? "-")"
                XCTAssertGreaterThanOrEqual(chart.boxes.count, 4, where_)
                for line in chart.lines {
                    XCTAssertTrue(ids.contains(line.from) && ids.contains(line.to), "\(where_): both ends of \(line.style) \(line.from) -> \(line.to)")
                }
                let connected = Set(chart.lines.filter(\.isDrawn).flatMap { [$0.from, $0.to] })
                for box in chart.boxes { XCTAssertTrue(connected.contains(box.id), "\(where_): \(box.id) has no line") }
                if model.posts.contains(where: { $0.id == "sg" }), ids.contains("sg") {
                    XCTAssertEqual(chart.treeRoots, ["sg"], "\(where_): the Secretary-General alone on top")
                }
                let tops = chart.treeChildren[chart.treeRoots[0]] ?? []
                XCTAssertEqual(Set(tops.map { depths(chart)[$0] }).count, 1, "\(where_): the columns share a row")
            }
        }
        XCTAssertGreaterThan(drawn, 8)
    }

    /// A labelled line keeps a track of its own: in DPKO's organigramme of 2008 the strategic
    /// military cell's planned direct access (labelled with when it takes effect) and the
    /// Police Division's direct access into the same head share no stretch, so the label can
    /// only be read as the cell's.
    func testALabelledLineSharesNoStretchWithAnother() throws {
        let placed = try ChartSpec(model: "dpko-2008").prepare().placed
        let labelled = placed.connectors.filter { placed.chart.lines[$0.line].label != nil }
        XCTAssertFalse(labelled.isEmpty)
        let intoTheSameHead = placed.connectors.filter { connector in
            labelled.contains { $0.line != connector.line && placed.chart.lines[$0.line].to == placed.chart.lines[connector.line].to && placed.chart.lines[$0.line].style == placed.chart.lines[connector.line].style }
        }
        XCTAssertFalse(intoTheSameHead.isEmpty, "another direct access into DPKO")
        func stretches(_ points: [ChartPoint]) -> [(ChartPoint, ChartPoint)] { Array(zip(points, points.dropFirst())) }
        for line in labelled {
            for other in placed.connectors where other.line != line.line {
                for (a, b) in stretches(line.points) {
                    for (p, q) in stretches(other.points) {
                        let overlap = a.x == b.x ? p.x == q.x && p.x == a.x && max(min(p.y, q.y), min(a.y, b.y)) < min(max(p.y, q.y), max(a.y, b.y))
                            : a.y == b.y && p.y == q.y && p.y == a.y && max(min(p.x, q.x), min(a.x, b.x)) < min(max(p.x, q.x), max(a.x, b.x))
                        XCTAssertFalse(overlap, "line \(line.line) shares \(a)–\(b) with line \(other.line)")
                    }
                }
            }
        }
    }

    func testTheRegionalStructureStandsBetweenBothDepartmentsItAnswersTo() throws {
        guard BuiltinModels.ids.contains("peace-security-2021") else { throw XCTSkip("no pillar model") }
        let chart = try Views.chart(.overview, of: try BuiltinModels.load("peace-security-2021").valid(), options: ViewOptions(root: "reg"))
        XCTAssertEqual(chart.treeRoots, ["sg"])
        XCTAssertEqual(chart.treeChildren["sg"], ["dpo", "reg", "dppa"], "the shared structure between its two departments")
        let dual = chart.lines.filter { $0.from == "reg" && $0.isDrawn && $0.style != "contains" }
        XCTAssertEqual(Set(dual.map(\.to)), ["dpo", "dppa"])
        XCTAssertEqual(Set(dual.map(\.style)).count, 1, "the two dual lines alike")
        XCTAssertTrue(dual.allSatisfy { !$0.shapesLayout }, "neither line hangs the structure under one department")
    }

    func testATooSmallOverviewIsAnErrorWithAHint() throws {
        guard BuiltinModels.ids.contains("peace-security-2021") else { throw XCTSkip("no pillar model") }
        let model = try BuiltinModels.load("peace-security-2021").valid()
        XCTAssertThrowsError(try Views.chart(.overview, of: model, options: ViewOptions(root: "dmspc"))) { error in
            let error = error as? ViewError
            XCTAssertEqual(error?.message.contains("would hold only 2 boxes"), true, "\(String(describing: error))")
            XCTAssertEqual(error?.reason, .overviewTooSmall)
            XCTAssertEqual(error?.hint.contains("organigramme"), true)
        }
    }

    func testTheUSGForFieldSupportIsAPeerOfTheUSGForPeacekeepingOperations() throws {
        let chart = try Views.chart(.accountability, of: try BuiltinModels.load("dpko-2010").valid())
        let depth = depths(chart)
        XCTAssertEqual(depth["dfs"], depth["dpko"], "beside the head it parallels")
        XCTAssertNotEqual(depth["dfs"], depth["dpko-oo"], "not in the row of DPKO's Assistant Secretaries-General")
        XCTAssertFalse(chart.treeChildren["dpko", default: []].contains("dfs"))
        let reports = try XCTUnwrap(chart.lines.first { $0.from == "dfs" && $0.to == "dpko" && $0.isDrawn })
        XCTAssertEqual(reports.style, "reports-to")
        XCTAssertFalse(reports.shapesLayout, "drawn across, not as a line of the tree")
    }

    /// The USG for Field Support stands on the side of the USG for Peacekeeping Operations where
    /// the Chief of Staff and the Director of DPET are (the first of DPKO's offices), who answer
    /// to both alike: their lines to DFS stay beside them instead of running along DPKO's bus to
    /// the far side, where they would read as the Assistant Secretaries-General's lines. A line
    /// drawn across the tree runs no more than a box's height beside a line drawn alike that
    /// shares no end with it (the tree's own spines stand a fixed indent apart).
    func testAPeerStandsOnTheSideOfThePostsAnsweringToIt() throws {
        let placed = try ChartSpec(model: "dpko-2010", view: .accountability).prepare().placed
        let frame = { (id: String) in try XCTUnwrap(placed.chart.boxes.firstIndex { $0.id == id }.map { placed.frames[$0] }, id) }
        XCTAssertLessThan(try frame("dfs").maxX, try frame("dpko").minX, "DFS left of DPKO")
        XCTAssertLessThan(try frame("dpko-ocos").minX, try frame("dpko-oo").minX, "the Chief of Staff left of the Office of Operations")
        for line in placed.connectors where placed.chart.lines[line.line].to == "dfs" {
            let xs = line.points.map(\.x)
            XCTAssertLessThan(xs.max()!, try frame("dpko-oo").minX, "line \(placed.chart.lines[line.line].from) → DFS stays left of the ASGs")
        }
        let ends = placed.connectors.map { (placed.chart.lines[$0.line].from, placed.chart.lines[$0.line].to) }
        for (k, a) in placed.connectors.enumerated() {
            for (m, b) in placed.connectors.enumerated() where m > k && placed.chart.lines[a.line].style == placed.chart.lines[b.line].style
                && !(placed.chart.lines[a.line].shapesLayout && placed.chart.lines[b.line].shapesLayout)
                && Set([ends[k].0, ends[k].1]).isDisjoint(with: [ends[m].0, ends[m].1]) {
                XCTAssertLessThan(Self.sideBySide(a.points, b.points, within: 15), 40, "\(ends[k]) and \(ends[m]) run side by side")
            }
        }
    }

    /// How far the routes `a` and `b` run parallel, less than `distance` points apart (and not
    /// on one line), in points.
    static func sideBySide(_ a: [ChartPoint], _ b: [ChartPoint], within distance: Double) -> Double {
        var total = 0.0
        for (p, q) in zip(a, a.dropFirst()) {
            for (r, s) in zip(b, b.dropFirst()) {
                if p.x == q.x, r.x == s.x, abs(p.x - r.x) > 0.01, abs(p.x - r.x) < distance {
                    total += max(0, min(max(p.y, q.y), max(r.y, s.y)) - max(min(p.y, q.y), min(r.y, s.y)))
                } else if p.y == q.y, r.y == s.y, abs(p.y - r.y) > 0.01, abs(p.y - r.y) < distance {
                    total += max(0, min(max(p.x, q.x), max(r.x, s.x)) - max(min(p.x, q.x), min(r.x, s.x)))
                }
            }
        }
        return total
    }

    func testAccountabilityLineKindsDifferInPatternNotOnlyInColour() throws {
        let kinds = AccountabilityGraph.upwardKinds.map(\.rawValue) + ["direct-access", "technical-reporting", "accountable-to-inferred"]
        for name in ["default", "print", "high-contrast"] {
            let theme = try Theme.load(name)
            var seen: [String: String] = [:]
            for kind in kinds {
                let style = theme.line(kind)
                // The dash and the arrowhead's shape, without its fill: what survives grayscale.
                let shape = (style.arrowhead ?? "none").replacingOccurrences(of: "empty", with: "normal")
                let pattern = "\(style.style ?? "solid") \(shape.hasPrefix("o") && shape != "o" ? String(shape.dropFirst()) : shape)"
                XCTAssertNil(seen[pattern], "\(name): \(kind) looks like \(seen[pattern] ?? "")")
                seen[pattern] = kind
            }
        }
    }

    func testAMoveIsSaidInTheBoxNotDrawnAsALineToTheFormerParent() throws {
        guard let builtin = BuiltinRestructurings.named("dpko-2007"), [builtin.old, builtin.new].allSatisfy(BuiltinModels.ids.contains) else {
            throw XCTSkip("the built-in models are not there")
        }
        let prepared = try DiffSpec(builtin: builtin).prepare()
        let chart = try ReviewCharts.merged(prepared.review)
        XCTAssertFalse(chart.lines.contains { $0.style == "diff-moved-from" })
        let sitcen = try XCTUnwrap(chart.boxes.first { $0.id == "dpko-sitcen" })
        XCTAssertTrue(sitcen.details.contains { $0.hasPrefix("moved from Office of Operations") }, "\(sitcen.details)")
        XCTAssertFalse(chart.legend.contains { $0.label.contains("hover") })
        let pdf = try prepared.merged.render(.pdf)
        let text = try tool("sh", ["-c", "pdftotext \"$0\" -"], on: pdf, named: "merged.pdf", in: self).stdout
        XCTAssertTrue(text.contains("line") || text.contains("contains"), text)
        XCTAssertFalse(text.lowercased().contains("hover"), "a printed legend cannot be hovered")
    }
}
