import Foundation
import OrgChart
import XCTest

/// orgchart as a library: a model in memory (built in code or read from YAML text) through a view
/// and a theme to bytes or a placed chart, with every failure an `OrgChartError`.
final class LibraryTests: XCTestCase {
    /// A department with two divisions and a section, each citing its charter, built in code.
    static let department: Model = {
        let charter = Citation(document: "charter", section: "1")
        return Model(
            id: "example", title: "Department of Examples", date: "2026-01-01", root: "dept",
            documents: [Document(id: "charter", title: "Charter of the Department of Examples", date: "2026-01-01")],
            units: [
                OrgModel.Unit(id: "dept", name: "Department of Examples", kind: .department,
                              head: Post(id: "usg", title: "Under-Secretary-General"), source: charter),
                OrgModel.Unit(id: "policy", name: "Policy Division", kind: .division, parent: "dept", source: charter),
                OrgModel.Unit(id: "operations", name: "Operations Division", kind: .division, parent: "dept", source: charter),
                OrgModel.Unit(id: "planning", name: "Planning Section", kind: .section, parent: "operations", source: charter),
            ])
    }()

    func testAModelBuiltInCodeRendersAsSVGPDFAndPNGInMemory() throws {
        let chart = try Self.department.chart(.organigramme)
        XCTAssertEqual(chart.placed.frames.count, 4, "one box per unit, placed by the tidy tree")
        let svg = String(decoding: try chart.render(.svg), as: UTF8.self)
        for unit in Self.department.units { XCTAssertTrue(svg.contains(unit.name), unit.name) }
        XCTAssertTrue(svg.contains("Policy Division&#10;Established by Charter of the Department of Examples §1\""), "each box carries its source")
        XCTAssertTrue(try chart.render(.pdf).starts(with: Array("%PDF-".utf8)))
        XCTAssertTrue(try chart.render(.png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        XCTAssertEqual(try Self.department.chart().render(.svg), try chart.render(.svg), "the same model gives the same bytes")
    }

    func testAModelInMemoryGivesTheBytesOfTheSameModelReadFromItsFile() throws {
        let path = BuiltinModels.path(for: "dpo-2019")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let inMemory = try Model.load(yaml: text, name: path)
        let style = ChartStyle(theme: try Theme.named("print"), page: .a4)
        var spec = ChartSpec(model: "dpo-2019", template: "print")
        spec.page = .a4
        let fromFile = try spec.prepare()
        XCTAssertEqual(try inMemory.chart(style: style).render(.svg), try fromFile.render(.svg))
        XCTAssertEqual(try inMemory.chart(style: style).render(.pdf), try fromFile.render(.pdf), "the PDF on A4 pages too")
        XCTAssertEqual(try Model.builtin("dpo-2019").chart(.accountability).render(.svg),
                       try ChartSpec(model: "dpo-2019", view: .accountability).prepare().render(.svg))
    }

    func testAnInvalidModelBuiltInCodeIsAnErrorNamingTheUnitWithoutTheCommandLine() throws {
        var model = Self.department
        model.units.append(OrgModel.Unit(id: "lost", name: "Lost Unit", kind: .unit, parent: "nowhere"))
        XCTAssertThrowsError(try model.chart()) { error in
            guard case .invalidModel(let modelError) = error as? OrgChartError else { return XCTFail("\(error)") }
            XCTAssertTrue(modelError.diagnostics.contains { $0.severity == .error && $0.subject == "lost" && $0.message.contains("nowhere") },
                          "\(modelError.diagnostics)")
            let message = "\(error)"
            XCTAssertTrue(message.hasSuffix("the model is not valid"), message)
            XCTAssertFalse(message.contains("orgchart validate"), "the library's message names no command: \(message)")
            XCTAssertEqual((error as? OrgChartError)?.diagnostics, modelError.diagnostics)
        }
        XCTAssertFalse(model.problems.isEmpty)
        XCTAssertTrue(Self.department.problems.allSatisfy { $0.severity == .warning }, "\(Self.department.problems)")
    }

    func testYAMLTextInMemoryIsReadWithItsPlacesNamedAfterTheGivenName() throws {
        let model = try Model.load(yaml: smallModel, name: "small.yaml")
        XCTAssertEqual(model.units.count, 4)
        XCTAssertThrowsError(try Model.load(yaml: "model: m\ntitle: T\nunits:\n  - id: a\n    nmae: A\n", name: "typo.yaml")) { error in
            let places = (error as? OrgChartError)?.diagnostics.map(\.location) ?? []
            XCTAssertTrue(places.contains(SourceLocation(file: "typo.yaml", line: 5, column: 5)), "\(error)")
            XCTAssertTrue("\(error)".contains("typo.yaml:5:5: error: unknown key 'nmae'"), "\(error)")
        }
        XCTAssertThrowsError(try Model.builtin("dpko-1999")) { error in
            XCTAssertTrue("\(error)".contains("no model file or built-in model 'dpko-1999'"), "\(error)")
        }
    }

    func testEachStageFailureIsItsOwnCaseOfOrgChartError() throws {
        XCTAssertThrowsError(try Self.department.chart(options: ViewOptions(root: "polcy"))) { error in
            guard case .view(let viewError) = error as? OrgChartError else { return XCTFail("\(error)") }
            XCTAssertTrue(viewError.message.contains("polcy"), viewError.message)
            XCTAssertEqual(viewError.reason, .unknownRoot(near: []))
            XCTAssertFalse("\(viewError)".contains("orgchart"), "the library's hint names no command: \(viewError)")
        }
        XCTAssertThrowsError(try Theme.named("glossy")) { error in
            guard case .theme(let themeError) = error as? OrgChartError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(themeError)".contains("glossy"), "\(themeError)")
        }
        let matrix = try Model.builtin("dpo-2019").chart(.servicesMatrix)
        XCTAssertThrowsError(try matrix.render(.dot)) { error in
            guard case .unsupported(_, .dot, .matrixHasNoDOT) = error as? OrgChartError else { return XCTFail("\(error)") }
        }
        let byGraphviz = try Self.department.chart(style: ChartStyle(layout: .dot))
        XCTAssertThrowsError(try byGraphviz.render(.pptx)) { error in
            guard let error = error as? OrgChartError, case .unsupported(_, .pptx, .laidOutByGraphviz) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(error.description.contains("--"), "the library's hint names no option: \(error)")
            XCTAssertTrue(error.description.contains("ChartLayout.tidy"), "\(error)")
        }
        XCTAssertTrue(try byGraphviz.render(.svg).count > 0, "Graphviz lays the chart out and draws its SVG")
        XCTAssertThrowsError(try Renderer.shared.render(dot: "digraph { a }", format: .drawio)) { error in
            XCTAssertEqual((error as? RenderError)?.reason, .notAGraphvizFormat)
            XCTAssertFalse("\(error)".contains("--"), "the library's hint names no option: \(error)")
            guard case .rendering = OrgChartError(error) else { return XCTFail("\(error)") }
        }
    }

    func testAnOutputThatCannotBeWrittenIsAnOutputErrorAndLeavesNothing() throws {
        let directory = try temporaryDirectory(self)
        XCTAssertThrowsError(try OutputFile.write(Array("x".utf8), to: directory.path)) { error in
            XCTAssertEqual((error as? OutputError)?.reason, .notRegularFile(isDirectory: true))
            XCTAssertFalse("\(error)".contains("-o -"), "the library's hint names no option: \(error)")
            XCTAssertEqual(OrgChartError(error).description, "\(error)", "wrapped as .output, worded alike")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no temporary file left")
        let svg = try Self.department.chart().render(.svg)
        let path = directory.appendingPathComponent("charts/example.svg").path
        try OutputFile.write(svg, to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, svg)
    }

    func testTextTooSmallOnItsPagesIsATypedWarningWhoseHintTheCommandLineWordsWithItsOptions() throws {
        let pillar = try Model.builtin("peace-security-2021")
        let onePage = try pillar.chart(style: ChartStyle(theme: try Theme.named("print"), page: try PageSize.parse("A4,landscape"), maxPages: 1))
        let warning = try XCTUnwrap(try onePage.smallTextWarning(.pdf), "the pillar on one A4 page has text under 6 pt")
        XCTAssertEqual(warning.remedy, .fewerLimits(morePagesThan: 1, largerPage: true))
        XCTAssertLessThan(warning.size, 6)
        XCTAssertFalse(warning.description.contains("--"), "the library's hint names no option: \(warning)")
        XCTAssertTrue(warning.description.contains("ChartStyle's maxPages"), "\(warning)")
        XCTAssertNil(try pillar.chart(style: ChartStyle(theme: try Theme.named("print"), page: try PageSize.parse("A4,landscape"))).smallTextWarning(.pdf),
                     "as many pages as readable text needs")

        let directory = try temporaryDirectory(self)
        let cli = try orgchart(["render", "peace-security-2021", "--template", "print", "--page", "A4,landscape", "--pages", "1", "-o", directory.appendingPathComponent("pillar.pdf").path])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(cli.stderr.contains(warning.summary + "\n    hint: more pages than 1 (--pages), a larger page (--page A3), or a smaller part of the chart (--root, --depth)"), cli.stderr)
    }

    func testTheCommandLineWordsTheLibrarysErrorsWithItsOptions() throws {
        let directory = try temporaryDirectory(self)
        let over = try orgchart(["render", "-o", directory.path])
        XCTAssertEqual(over.status, 1)
        XCTAssertTrue(over.stderr.contains("hint: name a regular file, or write to standard output with `-o -`"), over.stderr)
        let editable = try orgchart(["render", "--layout", "dot", "-o", directory.appendingPathComponent("chart.pptx").path])
        XCTAssertEqual(editable.status, 1)
        XCTAssertTrue(editable.stderr.contains("laid out by Graphviz (--layout dot)\n    hint: leave out --layout dot, or give --layout tidy"), editable.stderr)
        let root = try orgchart(["render", "--root", "nowhere", "-o", directory.appendingPathComponent("root.svg").path])
        XCTAssertEqual(root.status, 1)
        XCTAssertTrue(root.stderr.contains("no unit with id 'nowhere' in model 'dpko-2010'\n    hint: run `orgchart query units` to list unit ids"), root.stderr)
        let model = try write("model: m\ntitle: T\nroot: a\nunits:\n  - id: a\n    name: A\n    kind: office\n    parent: b\n", to: "bad.yaml", in: directory)
        let invalid = try orgchart(["render", model, "-o", directory.appendingPathComponent("bad.svg").path])
        XCTAssertEqual(invalid.status, 1)
        XCTAssertTrue(invalid.stderr.contains("the model is not valid; nothing was written (run `orgchart validate` for every problem)"), invalid.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.svg").path))
    }

    /// The stages and the pipeline word their messages without the command line: no string in
    /// their sources names an option (`--layout`) or a command (`orgchart validate`); the
    /// command line (`Sources/orgchart`) adds those.
    func testNoStageOrPipelineMessageNamesTheCommandLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let modules = ["OrgPipeline", "OrgPaging", "OrgOutput", "OrgBuild", "OrgChart", "OrgViews", "GraphvizRender", "OrgTemplates", "BuiltinModels",
                       "ChartGraph", "TidyTree", "Placement", "MatrixLayout", "BipartiteLayout", "DOTWriter", "SVGWriter", "OfficeWriter", "HTMLWriter"]
        let commandLine = try NSRegularExpression(pattern: "\"[^\"]*(--[a-z]|`orgchart [a-z])[^\"]*\"")
        var files = 0
        for module in modules {
            let directory = root.appendingPathComponent("Sources/\(module)")
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for (number, line) in text.components(separatedBy: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    let found = commandLine.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
                    XCTAssertNil(found, "\(module)/\(name):\(number + 1) names the command line: \(line)")
                }
                files += 1
            }
        }
        XCTAssertGreaterThan(files, 60)
    }
}
