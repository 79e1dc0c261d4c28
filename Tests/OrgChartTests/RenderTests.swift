import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRender
import OrgChart
import OrgModel
import OrgTemplates
import OrgViews
import XCTest

final class RenderTests: XCTestCase {
    /// The `<g class="node">` elements of an SVG, by id, with their text.
    func nodes(ofSVG bytes: [UInt8]) throws -> [String: String] {
        let document = try XMLDocument(data: Data(bytes))
        var result: [String: String] = [:]
        func texts(_ node: XMLNode) -> [String] {
            if let element = node as? XMLElement, element.name == "text" { return [element.stringValue ?? ""] }
            return (node.children ?? []).flatMap(texts)
        }
        func attribute(_ name: String, of element: XMLElement) -> String? {
            element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
        }
        func visit(_ node: XMLNode) {
            if let element = node as? XMLElement, element.name == "g",
               let cls = attribute("class", of: element), cls.split(separator: " ").contains("node"),
               let id = attribute("id", of: element) {
                result[id] = texts(element).joined(separator: " ")
            }
            for child in node.children ?? [] { visit(child) }
        }
        if let root = document.rootElement() { visit(root) }
        return result
    }

    func testBuiltinOrganigrammeHasOneBoxPerUnitWithTheBulletinsNames() throws {
        let model = try BuiltinModels.load(nil).valid()
        let svg = try ChartSpec().prepare().render(.svg)
        let boxes = try nodes(ofSVG: svg)
        let dpko = model.subtree(of: "dpko")
        XCTAssertEqual(dpko.count, 47)
        for unit in dpko {
            let text = try XCTUnwrap(boxes[unit.id], "no box for \(unit.id)")
            XCTAssertTrue(text.contains(unit.name), "\(unit.id): '\(text)' does not contain '\(unit.name)'")
        }
        XCTAssertEqual(Set(boxes.keys).subtracting(["orgchart:title"]).filter { !$0.contains(":") }.count, dpko.count)
        XCTAssertNil(boxes["dfs"], "the Department of Field Support is not part of the DPKO organigramme")
        let text = String(decoding: svg, as: UTF8.self)
        XCTAssertTrue(text.contains("<title>Organigramme</title>\n<desc>as at 1 January 2010. Source: ST/SGB/2010/1"), "accessible name and description")
        let lint = try tool("xmllint", ["--noout", "--nonet"], on: svg, named: "chart.svg", in: self)
        XCTAssertEqual(lint.status, 0, lint.stderr)
        let info = try tool("pdfinfo", on: try ChartSpec().prepare().render(.pdf), named: "chart.pdf", in: self)
        XCTAssertTrue(info.stdout.contains("Pages:           1"), info.stdout)
    }

    func testUnitNamesAreWrittenVerbatimWhateverTheyContain() throws {
        let directory = try temporaryDirectory(self)
        let nasty = #"Office "Quoted" \ <script>alert(1)</script> & Co — Génève"#
        let yaml = smallModel.replacingOccurrences(of: "name: Division A", with: "name: '\(nasty.replacingOccurrences(of: "'", with: "''"))'")
        let path = try write(yaml, to: "nasty.yaml", in: directory)
        let spec = ChartSpec(model: path)
        let prepared = try spec.prepare()
        let svg = try prepared.render(.svg)
        let text = try XCTUnwrap(nodes(ofSVG: svg)["div-a"])
        XCTAssertTrue(text.contains(#"Office "Quoted" \ <script>alert(1)"#), text)
        XCTAssertTrue(text.contains("& Co — Génève") || text.contains("&amp; Co"), text)
        XCTAssertFalse(String(decoding: svg, as: UTF8.self).contains("<script>"), "no live markup in the SVG")
        // The tooltip keeps the backslash and quotes.
        let raw = String(decoding: svg, as: UTF8.self)
        XCTAssertTrue(raw.contains(#"xlink:title="Office &quot;Quoted&quot; \ &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"#), "tooltip escaped once")
        for format in [OutputFormat.pdf, .png] { XCTAssertFalse(try prepared.render(format).isEmpty) }
    }

    func testRendersAreByteIdenticalRunToRun() throws {
        for format in [OutputFormat.svg, .pdf, .png, .dot] {
            let first = try ChartSpec().prepare().render(format)
            let second = try ChartSpec().prepare().render(format)
            XCTAssertEqual(first, second, "\(format) differs between two renders")
        }
    }

    func testPDFHasOnePageAndAFixedDate() throws {
        let pdf = try ChartSpec().prepare().render(.pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"))
        XCTAssertEqual(text.components(separatedBy: "/Type /Page\n").count + text.components(separatedBy: "/Type /Page ").count - 2, 1)
        XCTAssertTrue(text.contains("/CreationDate (D:20000101000000"), "the date cairo writes is fixed")
    }

    func testRootAndDepthSelectASubtree() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.organigramme, of: model, options: ViewOptions(root: "dpko-orolsi", depth: 1))
        XCTAssertEqual(chart.boxes.first?.id, "dpko-orolsi")
        XCTAssertEqual(Set(chart.boxes.map(\.id)), Set([model.unit("dpko-orolsi")!] .map(\.id) + model.children(of: "dpko-orolsi").map(\.id)))
        XCTAssertThrowsError(try Views.chart(.organigramme, of: model, options: ViewOptions(root: "dpko-oroslsi"))) { error in
            XCTAssertTrue("\(error)".contains("no unit with id 'dpko-oroslsi'"))
        }
    }

    func testOrganigrammeDrawsDualAndDirectLinesWithoutReparenting() throws {
        let model = try BuiltinModels.load(nil).valid()
        let chart = try Views.chart(.organigramme, of: model)
        let direct = chart.lines.filter { $0.style == "direct-access" }
        XCTAssertEqual(direct.map(\.from), ["dpko-pd"])
        XCTAssertTrue(direct.allSatisfy { !$0.shapesLayout })
        XCTAssertEqual(chart.lines.filter { $0.shapesLayout && $0.to == "dpko-pd" }.map(\.from), ["dpko-orolsi"])
        XCTAssertTrue(chart.legend.contains { $0.style == "direct-access" })
        let svg = String(decoding: try ChartSpec().prepare().render(.svg), as: UTF8.self)
        XCTAssertTrue(svg.contains(#"id="direct&#45;access:dpko&#45;pd&#45;&gt;dpko" class="edge direct&#45;access""#), "the line is in the SVG with its kind")
        XCTAssertTrue(svg.contains("ST/SGB/2010/1 §8.1") || svg.contains("ST/SGB/2010/1 §"), "sources appear as tooltips")
    }

    func testGraphvizErrorsBecomeSwiftErrorsAndDoNotPoisonLaterRenders() throws {
        XCTAssertThrowsError(try Renderer.shared.render(dot: "digraph { a -> ", format: .svg)) { error in
            XCTAssertTrue("\(error)".contains("could not read the DOT text"), "\(error)")
        }
        let svg = try Renderer.shared.render(dot: "digraph { a -> b }", format: .svg)
        XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("<svg"), "a good render after a bad one succeeds")
        XCTAssertThrowsError(try Renderer.shared.render(dot: "digraph { a -> b [label=<<b>unclosed>] }", format: .svg)) { error in
            XCTAssertFalse("\(error)".contains("syntax error"), "no message is left over from the earlier failure: \(error)")
            XCTAssertTrue("\(error)".contains("mismatched tag"), "\(error)")
        }
    }

    func testRepeatedRendersDoNotGrowMemory() throws {
        let prepared = try ChartSpec(options: ViewOptions(root: "dpko-orolsi")).prepare()
        for _ in 0..<20 { _ = try prepared.render(.svg) }
        // ORGCHART_RENDERS=1000 for a longer run; PDF exercises cairo as well as the SVG writer.
        let count = Int(ProcessInfo.processInfo.environment["ORGCHART_RENDERS"] ?? "") ?? 300
        let before = residentKilobytes()
        for index in 0..<count { _ = try prepared.render(index % 2 == 0 ? .svg : .pdf) }
        let growth = residentKilobytes() - before
        print("\(count) renders: resident set \(before) kB before, grew by \(growth) kB")
        XCTAssertLessThan(growth, 8_000, "\(count) renders grew the resident set by \(growth) kB")
    }

    func residentKilobytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
