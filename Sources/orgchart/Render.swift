import ArgumentParser
import Foundation
import OrgChart

/// `orgchart render`: one chart of one model into one file.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render one view of a model as SVG, PDF, PNG, DOT, PowerPoint, draw.io or an interactive HTML page.")

    @Argument(help: "A model file (.yaml), `-` for standard input, or the id of a built-in model (see `orgchart models`).")
    var model: String?

    @Option(help: "Output format (pptx: PowerPoint, native shapes and connectors; drawio: draw.io; html: an interactive page). Defaults to the output file's extension (.svg, .pdf, .png, .gv or .dot, .pptx, .drawio, .html; another extension is refused), else svg.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Output file; `-` writes to standard output.")
    var output: String

    @OptionGroup var chart: ChartOptions

    @Flag(help: "With --page and a PDF: print how the pages are used (count, smallest text, the fewest pages the boxes need, the emptiest page) on standard error.")
    var stats = false

    func run() throws {
        let chosen = try format ?? Self.format(ofOutput: output) ?? .svg
        let spec = try chart.spec(model: model, format: chosen)
        do {
            let loaded = BuiltinModels.load(spec.model, lint: false)
            let prepared = try spec.prepare(loaded: loaded)
            let bytes = try prepared.render(chosen)
            try OutputFile.write(bytes, to: output)
            if let note = prepared.note { FileHandle.standardError.write(Data((note + "\n").utf8)) }
            if let warning = try prepared.smallTextWarning(chosen) { FileHandle.standardError.write(Data((warning.commandLineMessage + "\n").utf8)) }
            if stats, chosen == .pdf, let report = try prepared.pageReport() { FileHandle.standardError.write(Data("orgchart: \(report)\n".utf8)) }
            // The process ends next: the model, the chart, its layout and the caches behind them
            // are left to it rather than freed one string at a time (at 20,000 boxes, 30 ms
            // after writing and as much before drawing).
            _ = Unmanaged.passRetained(Kept((loaded, prepared)))
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

/// A value kept alive until the process ends.
private final class Kept<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
