import ArgumentParser
import OrgChart

// The library's choices as command-line values: a value that is not one of them is refused by the
// argument parser with exit status 64, naming the option and listing the choices.
extension ViewKind: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension ChartLayout: ExpressibleByArgument {}
extension Drawing: ExpressibleByArgument {}

extension OutputFormat: ExpressibleByArgument {
    /// A format by name, in any case (`svg`, `PDF`).
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--template`, shared by every command that draws charts.
struct ThemeOption: ParsableArguments {
    @Option(help: "A built-in theme (see `orgchart themes`) or a theme file.")
    var template: String = "default"
}

/// What to draw of a model and how: the view, its root and depth, the theme, who places and draws
/// the boxes, and the page. Shared by the commands that render one chart.
struct ChartOptions: ParsableArguments {
    @Option(help: "The view.")
    var view: ViewKind = .organigramme

    @Option(help: "Start the chart at this unit id.")
    var root: String?

    @Option(help: "Draw at most this many levels below the root.")
    var depth: Int?

    @Flag(help: "Leave out the units and lines the model marks as inferred from its sources; draw only what the texts state.")
    var statedOnly = false

    @OptionGroup var theme: ThemeOption

    @Option(help: "Graphviz layout engine.")
    var engine: LayoutEngine = .dot

    @Option(help: "Who places the boxes: dot, tidy (orgchart's own layout: the linear-time tree, or two columns for the services chart) or auto (tidy for tree and two-column charts, dot for the others).")
    var layout: ChartLayout = .auto

    @Option(help: "Who draws a chart the tidy tree placed: builtin (orgchart's own SVG; PDF and PNG from it) or graphviz (libgvc's nop2). Two-column charts are always drawn by orgchart.")
    var drawing: Drawing = .builtin

    @Option(help: "Scale the chart to fit a page: A4, A3 or letter, optionally followed by ,landscape or ,portrait (without one, the orientation that fits better). A PDF, PowerPoint or draw.io file is cut into readable pages (slides, diagram pages) of that size.")
    var page: String?

    @Option(help: "With --page and a PDF, PowerPoint or draw.io file: at most this many pages, the text as large as that allows (it may fall below 6 pt; a warning says how small).")
    var pages: Int?

    /// The chart spec of `model` (a path, `-` or a built-in id; nil for the default) to be written
    /// as `format`; a usage error when the page or the page count cannot be used.
    func spec(model: String?, format: OutputFormat) throws -> ChartSpec {
        var spec = ChartSpec(model: model, view: view, options: ViewOptions(root: root, depth: depth, statedOnly: statedOnly), template: theme.template, engine: engine)
        spec.layout = layout
        spec.drawing = drawing
        if let page {
            do {
                spec.page = try PageSize.parse(page)
            } catch {
                throw usageError("error: \(error)\n    hint: \(PageSizeError.hint)")
            }
        }
        if let pages {
            guard pages >= 1, pages <= 10_000 else { throw usageError("error: --pages must be a whole number from 1 to 10000, not \(pages)\n    hint: --pages 2") }
            guard spec.page != nil, [.pdf, .pptx, .drawio].contains(format) else {
                throw usageError("error: --pages needs a PDF, PowerPoint or draw.io file on a page\n    hint: orgchart render MODEL --page A3 --pages 2 -o chart.pdf")
            }
            spec.maxPages = pages
        }
        return spec
    }
}
