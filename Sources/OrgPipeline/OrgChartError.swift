import GraphvizRender
import OfficeWriter
import OrgModel
import OrgOutput
import OrgTemplates
import OrgViews
import ChartGraph
import SVGWriter

/// Every failure of the pipeline, wrapping the located error of the stage that failed: a model
/// that is not valid, a theme, a view, a page size, Graphviz, cairo, a writer or an output file.
///
/// `description` is `error: …` lines with `file:line:column` where there is a place, each with an
/// indented `hint: …`; `diagnostics` gives the located problems themselves.
public enum OrgChartError: Error, Sendable, CustomStringConvertible {
    /// The model is not valid: its errors and warnings, in file order (a model built in code has
    /// no places; its diagnostics name the unit or line they are about).
    case invalidModel(ModelError)
    /// A snapshot of a restructuring review, named by `reference` (a path or a built-in id), is
    /// not a valid model.
    case invalidSnapshot(ModelError, reference: String)
    /// A manifest or a mapping file with problems at their places.
    case invalidFile(ModelError)
    /// The manifest at `path` cannot be read.
    case unreadableManifest(path: String)
    /// A file or standard input that cannot be read, is too large or is not UTF-8.
    case input(InputError)
    /// A theme that cannot be found, read or used.
    case theme(ThemeError)
    /// A view that cannot be computed for the options given (an unknown root unit, say).
    case view(ViewError)
    /// A page size that cannot be read.
    case page(PageSizeError)
    /// Graphviz failed.
    case rendering(RenderError)
    /// cairo failed while drawing.
    case drawing(DrawingError)
    /// A PowerPoint or draw.io file could not be written.
    case office(OfficeWriterError)
    /// An output file could not be written.
    case output(OutputError)
    /// The chart `chart` (its id) cannot be written as `format`, for `reason`.
    case unsupported(chart: String, format: OutputFormat, reason: Unsupported)
    /// The chart named `name` in a manifest failed with `error`.
    indirect case chart(name: String, error: OrgChartError)
    /// A failure of a library orgchart calls (JSON encoding, say), with its message.
    case unexpected(String)

    /// Why a chart cannot be written in a format.
    public enum Unsupported: Sendable, Equatable {
        /// A matrix has no DOT text.
        case matrixHasNoDOT
        /// A matrix is not written as a PowerPoint presentation, a draw.io diagram or an interactive page.
        case matrixNotEditable
        /// PowerPoint, draw.io and interactive pages are drawn from orgchart's own layout, and
        /// this chart is laid out by Graphviz.
        case laidOutByGraphviz
    }

    /// `error` as the pipeline reports it: an `OrgChartError` as it is, a stage's error wrapped
    /// in its case, anything else as `unexpected`.
    public init(_ error: any Error) {
        switch error {
        case let error as OrgChartError: self = error
        case let error as ModelError: self = .invalidModel(error)
        case let error as InputError: self = .input(error)
        case let error as ThemeError: self = .theme(error)
        case let error as ViewError: self = .view(error)
        case let error as PageSizeError: self = .page(error)
        case let error as RenderError: self = .rendering(error)
        case let error as DrawingError: self = .drawing(error)
        case let error as OfficeWriterError: self = .office(error)
        case let error as OutputError: self = .output(error)
        default: self = .unexpected("\(error)")
        }
    }

    /// The value of `body`, any error it throws wrapped as `init(_:)` does.
    public static func wrapping<T>(_ body: () throws -> T) throws(OrgChartError) -> T {
        do { return try body() } catch { throw OrgChartError(error) }
    }

    /// The located problems behind the error, when it comes from a model, a manifest, a mapping,
    /// a theme or an input file (errors and warnings, in file order); empty otherwise.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidModel(let error), .invalidSnapshot(let error, _), .invalidFile(let error): error.diagnostics
        case .theme(let error): error.diagnostics
        case .input(.invalid(let diagnostic)): [diagnostic]
        case .chart(_, let error): error.diagnostics
        default: []
        }
    }

    /// The format's name in a message: "a PowerPoint presentation", "a draw.io diagram", "an interactive page".
    public static func documentName(_ format: OutputFormat) -> String {
        format == .pptx ? "a PowerPoint presentation" : format == .drawio ? "a draw.io diagram" : "an interactive page"
    }

    public var description: String {
        switch self {
        case .invalidModel(let error): "\(error)\nthe model is not valid"
        case .invalidSnapshot(let error, let reference): "\(error)\nthe model '\(reference)' cannot be used"
        case .invalidFile(let error): error.description
        case .unreadableManifest(let path): "error: cannot read the manifest '\(path)'\n    hint: check the path, and that it names a readable file"
        case .input(let error): error.description
        case .theme(let error): error.description
        case .view(let error): error.description
        case .page(let error): "error: \(error)\n    hint: \(PageSizeError.hint)"
        case .rendering(let error): error.description
        case .drawing(let error): error.description
        case .office(let error): error.description
        case .output(let error): error.description
        case .unsupported(let chart, _, .matrixHasNoDOT):
            "error: the \(chart) chart is a matrix, which has no DOT text\n    hint: render it as svg, pdf or png"
        case .unsupported(let chart, let format, .matrixNotEditable):
            "error: the \(chart) chart is a matrix, which orgchart does not write as \(Self.documentName(format))\n    hint: render it as svg, pdf or png, or draw the services view as the two-column chart (ViewKind.servicesChart)"
        case .unsupported(_, let format, .laidOutByGraphviz):
            "error: \(Self.documentName(format)) is drawn from orgchart's own layout, but this chart is laid out by Graphviz\n    hint: lay it out with the tidy layout (ChartLayout.tidy or .auto)"
        case .chart(let name, let error): "chart '\(name)': \(error)"
        case .unexpected(let message): "error: \(message)"
        }
    }
}
