import ArgumentParser
import Foundation
import OrgChart

/// `orgchart render`: one chart of one model into one file.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render one view of a model as SVG, PDF, PNG, DOT, PowerPoint, draw.io or an interactive HTML page.")

    @Argument(help: "A model file (.yaml), `-` for standard input, or the id of a built-in model (see `orgchart models`).")
    var model: String?

    @Option(help: "The view: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: String = ViewKind.organigramme.rawValue

    @Option(help: "Output format: svg, pdf, png, dot, pptx (PowerPoint: native shapes and connectors), drawio (draw.io) or html (an interactive page). Defaults to the output file's extension (.svg, .pdf, .png, .gv or .dot, .pptx, .drawio, .html; another extension is refused), else svg.")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file; `-` writes to standard output.")
    var output: String

    @Option(help: "Start the chart at this unit id.")
    var root: String?

    @Option(help: "Draw at most this many levels below the root.")
    var depth: Int?

    @Flag(help: "Leave out the units and lines the model marks as inferred from its sources; draw only what the texts state.")
    var statedOnly = false

    @Option(help: "A built-in theme (see `orgchart themes`) or a theme file.")
    var template: String = "default"

    @Option(help: "Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var engine: String = LayoutEngine.dot.rawValue

    @Option(help: "Who places the boxes: dot, tidy (orgchart's own layout: the linear-time tree, or two columns for the services chart) or auto (tidy for tree and two-column charts, dot for the others).")
    var layout: String = ChartLayout.auto.rawValue

    @Option(help: "Who draws a chart the tidy tree placed: builtin (orgchart's own SVG; PDF and PNG from it) or graphviz (libgvc's nop2). Two-column charts are always drawn by orgchart.")
    var drawing: String = Drawing.builtin.rawValue

    @Option(help: "Scale the chart to fit a page: A4, A3 or letter, optionally followed by ,landscape or ,portrait (without one, the orientation that fits better). A PDF, PowerPoint or draw.io file is cut into readable pages (slides, diagram pages) of that size.")
    var page: String?

    @Flag(help: "With --page and a PDF: print how the pages are used (count, smallest text, the fewest pages the boxes need, the emptiest page) on standard error.")
    var stats = false

    @Option(help: "With --page and a PDF, PowerPoint or draw.io file: at most this many pages, the text as large as that allows (it may fall below 6 pt; a warning says how small).")
    var pages: Int?

    func run() throws {
        guard let viewKind = ViewKind(rawValue: view) else {
            throw usageError("error: unknown view '\(view)'\n    hint: views: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let layout = LayoutEngine(rawValue: engine) else {
            throw usageError("error: unknown engine '\(engine)'\n    hint: engines: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let chosen: OutputFormat
        if let format {
            guard let parsed = OutputFormat(rawValue: format.lowercased()) else {
                throw usageError("error: unknown format '\(format)'\n    hint: formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chosen = parsed
        } else {
            chosen = try Self.format(ofOutput: output) ?? .svg
        }
        var spec = ChartSpec(model: model, view: viewKind, options: ViewOptions(root: root, depth: depth, statedOnly: statedOnly), template: template, engine: layout)
        guard let placement = ChartLayout(rawValue: self.layout) else {
            throw usageError("error: unknown layout '\(self.layout)'\n    hint: layouts: \(ChartLayout.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        spec.layout = placement
        guard let drawer = Drawing(rawValue: drawing) else {
            throw usageError("error: unknown drawing '\(drawing)'\n    hint: drawings: \(Drawing.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        spec.drawing = drawer
        if let page {
            do {
                spec.page = try PageSize.parse(page)
            } catch {
                throw usageError("error: \(error)\n    hint: \(PageSizeError.hint)")
            }
        }
        if let pages {
            guard pages >= 1, pages <= 10_000 else { throw usageError("error: --pages must be a whole number from 1 to 10000, not \(pages)\n    hint: --pages 2") }
            guard spec.page != nil, [.pdf, .pptx, .drawio].contains(chosen) else {
                throw usageError("error: --pages needs a PDF, PowerPoint or draw.io file on a page\n    hint: orgchart render MODEL --page A3 --pages 2 -o chart.pdf")
            }
            spec.maxPages = pages
        }
        do {
            let prepared = try spec.prepare()
            let bytes = try prepared.render(chosen)
            try OutputFile.write(bytes, to: output)
            if let note = prepared.note { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            if let warning = try prepared.smallTextWarning(chosen) { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            if stats, chosen == .pdf, let report = try prepared.pageReport() { FileHandle.standardError.write(Data("orgchart: \(report)\n".utf8)) }
        } catch {
            throw fail(error)
        }
    }

    /// The format the extension of the output file `path` asks for: nil when it has none (or
    /// is `-`), a usage error when it is one orgchart cannot write (`.jpg`, `.vsdx` …).
    static func format(ofOutput path: String) throws -> OutputFormat? {
        let ext = (path as NSString).pathExtension
        guard path != "-", !ext.isEmpty else { return nil }
        guard let format = OutputFormat(fileName: path) else {
            throw usageError("error: orgchart cannot write '.\(ext)' files ('\(path)')\n    hint: end the file name with .svg, .pdf, .png, .gv (DOT text), .pptx (PowerPoint), .drawio (draw.io) or .html (interactive page), "
                             + "or give --format to write one of those formats under this name")
        }
        return format
    }
}
