import ArgumentParser
import Foundation
import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import OrgBuild
import OrgViews
import TidyTree

/// `orgchart render`: one chart of one model into one file.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render one view of a model as SVG, PDF, PNG or DOT.")

    @Argument(help: "A model file (.yaml) or the id of a built-in model (see `orgchart models`).")
    var model: String?

    @Option(help: "The view: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: String = ViewKind.organigramme.rawValue

    @Option(help: "Output format: svg, pdf, png or dot. Defaults to the output file's extension, else svg.")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file; `-` writes to standard output.")
    var output: String

    @Option(help: "Start the chart at this unit id.")
    var root: String?

    @Option(help: "Draw at most this many levels below the root.")
    var depth: Int?

    @Option(help: "A built-in theme (see `orgchart themes`) or a theme file.")
    var template: String = "default"

    @Option(help: "Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var engine: String = LayoutEngine.dot.rawValue

    @Option(help: "Who places the boxes: dot, tidy (orgchart's own layout: the linear-time tree, or two columns for the services chart) or auto (tidy for tree and two-column charts, dot for the others).")
    var layout: String = ChartLayout.auto.rawValue

    @Option(help: "Who draws a chart the tidy tree placed: builtin (orgchart's own SVG; PDF and PNG from it) or graphviz (libgvc's nop2). Two-column charts are always drawn by orgchart.")
    var drawing: String = Drawing.builtin.rawValue

    @Option(help: "Scale the chart to fit a page: A4, A3 or letter, optionally followed by ,landscape.")
    var page: String?

    @Flag(help: "Print the size of the smallest text on the page (or pages), in points, to standard error.")
    var smallestText = false

    func run() throws {
        guard let viewKind = ViewKind(rawValue: view) else {
            throw fail("error: unknown view '\(view)'\n    hint: views: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let layout = LayoutEngine(rawValue: engine) else {
            throw fail("error: unknown engine '\(engine)'\n    hint: engines: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let chosen: OutputFormat
        if let format {
            guard let parsed = OutputFormat(rawValue: format.lowercased()) else {
                throw fail("error: unknown format '\(format)'\n    hint: formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chosen = parsed
        } else {
            chosen = OutputFormat(fileName: output) ?? .svg
        }
        var spec = ChartSpec(model: model, view: viewKind, options: ViewOptions(root: root, depth: depth), template: template, engine: layout)
        guard let placement = ChartLayout(rawValue: self.layout) else {
            throw fail("error: unknown layout '\(self.layout)'\n    hint: layouts: \(ChartLayout.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        spec.layout = placement
        guard let drawer = Drawing(rawValue: drawing) else {
            throw fail("error: unknown drawing '\(drawing)'\n    hint: drawings: \(Drawing.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        spec.drawing = drawer
        if let page {
            do {
                spec.page = try PageSize.parse(page)
            } catch {
                throw fail("error: \(error)\n    hint: \(PageSizeError.hint)")
            }
        }
        do {
            let prepared = try spec.prepare()
            let bytes = try prepared.render(chosen)
            try OutputFile.write(bytes, to: output)
            if let note = prepared.note { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            if let warning = try prepared.smallTextWarning(chosen) { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            if smallestText {
                let size = try prepared.smallestText(chosen).map { String(format: "%.1f pt", $0) } ?? "the theme's sizes (no page)"
                FileHandle.standardError.write(Data("smallest text: \(size)\n".utf8))
            }
        } catch {
            throw fail("\(error)")
        }
    }
}
