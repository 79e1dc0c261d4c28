import BuiltinModels
import ChartGraph
import GraphvizRender
import OrgModel
import OrgPaging
import OrgPipeline
import OrgTemplates
import OrgViews
import TidyTree

extension Model {
    /// Reads a model from YAML text in memory (the model format of the README). `name` names the
    /// text in diagnostics, and its directory is where `include`d files are read from.
    ///
    /// Throws `OrgChartError.invalidModel` with every error and warning, each at its
    /// `name:line:column`, when the text is not a valid model.
    public static func load(yaml text: String, name: String = "model.yaml") throws(OrgChartError) -> Model {
        let loaded = ModelLoader.load(file: name) { path in path == name ? text : try InputFile.text(path, what: "model file") }
        guard loaded.isValid, let model = loaded.model else { throw OrgChartError.invalidModel(ModelError(diagnostics: loaded.diagnostics)) }
        return model
    }

    /// The built-in model `id` (`BuiltinModels.ids`; the default is `BuiltinModels.defaultID`).
    public static func builtin(_ id: String = BuiltinModels.defaultID) throws(OrgChartError) -> Model {
        let loaded = BuiltinModels.load(id)
        guard loaded.isValid, let model = loaded.model else { throw OrgChartError.invalidModel(ModelError(diagnostics: loaded.diagnostics)) }
        return model
    }

    /// Every problem validation finds in the model: errors (which stop a chart) and warnings.
    /// A model built in code has no file: each diagnostic names the unit, post or line it is about.
    public var problems: [Diagnostic] { Validation.check(self) }

    /// The chart of `view` of this model, computed as far as the writers' input: render it as
    /// SVG, PDF, PNG, DOT, PowerPoint, draw.io or an interactive page with
    /// `PreparedChart.render(_:)`, or take the boxes and lines as placed with `PreparedChart.placed`.
    ///
    /// - Parameters:
    ///   - view: What to draw: the organigramme, accountability lines, services, an overview.
    ///   - options: The unit the chart starts at, how many levels it shows, whether inferred
    ///     units and lines are left out.
    ///   - style: The theme, page, layout and drawing.
    /// - Throws: `OrgChartError.invalidModel` with every problem when the model is not valid;
    ///   `OrgChartError.view` when the view cannot be computed (an unknown root unit, say).
    public func chart(_ view: ViewKind = .organigramme, options: ViewOptions = ViewOptions(), style: ChartStyle = ChartStyle()) throws(OrgChartError) -> PreparedChart {
        var spec = ChartSpec(view: view, options: options, engine: style.engine)
        spec.page = style.page
        spec.maxPages = style.maxPages
        spec.layout = style.layout
        spec.drawing = style.drawing
        return try OrgChartError.wrapping { try spec.prepare(model: self, theme: style.theme ?? Theme.named("default")) }
    }
}

/// How a chart is drawn: its theme, the page it is fitted to, and who places and draws its boxes.
public struct ChartStyle: Sendable {
    /// Fonts, colours and line styles; nil for the built-in `default` theme.
    public var theme: Theme?
    /// The paper the chart is fitted to (a PDF is cut into readable pages of it); nil for the
    /// view's own (none: the chart at its natural size).
    public var page: PageSize?
    /// With a page, at most this many pages, the text as large as that allows; nil for as many
    /// pages as text of at least 6 pt needs.
    public var maxPages: Int?
    /// Who places the boxes: orgchart's tidy tree (`auto` for the charts it lays out) or Graphviz.
    public var layout: ChartLayout
    /// Who draws a chart orgchart placed: orgchart itself, or Graphviz.
    public var drawing: Drawing
    /// The Graphviz engine for the charts Graphviz lays out.
    public var engine: LayoutEngine

    /// Creates a style; every value has the default the command line gives it.
    public init(theme: Theme? = nil, page: PageSize? = nil, maxPages: Int? = nil, layout: ChartLayout = .auto, drawing: Drawing = .builtin, engine: LayoutEngine = .dot) {
        self.theme = theme
        self.page = page
        self.maxPages = maxPages
        self.layout = layout
        self.drawing = drawing
        self.engine = engine
    }
}

extension Theme {
    /// The built-in theme `name` (`Theme.builtinNames`: `default`, `print`, `high-contrast`), or
    /// the theme file at a path ending in `.yaml`.
    public static func named(_ name: String) throws(OrgChartError) -> Theme {
        try OrgChartError.wrapping { try Theme.load(name) }
    }
}
