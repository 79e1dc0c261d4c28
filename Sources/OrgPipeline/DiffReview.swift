import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import OrgDiff
import OrgModel
import OrgPaging
import TidyTree
import OrgTemplates

/// Everything that decides a restructuring review: the two snapshots, the mapping and the theme.
public struct DiffSpec: Sendable, Equatable {
    /// The old and new models: files or built-in ids.
    public var old: String, new: String
    /// The units compared; nil for each model's root.
    public var oldRoot: String?, newRoot: String?
    /// Mapping files with pinned and refused matches, applied in order.
    public var mappings: [String]
    /// The heading; nil for "Restructuring review: OLD → NEW".
    public var title: String?
    /// A built-in theme name or a theme file.
    public var template: String

    /// Creates a spec.
    public init(old: String, new: String, oldRoot: String? = nil, newRoot: String? = nil, mappings: [String] = [], title: String? = nil, template: String = "default") {
        self.old = old
        self.new = new
        self.oldRoot = oldRoot
        self.newRoot = newRoot
        self.mappings = mappings
        self.title = title
        self.template = template
    }

    /// The spec of a built-in restructuring, with its mapping file.
    public init(builtin: BuiltinRestructuring, template: String = "default") {
        self.init(old: builtin.old, new: builtin.new, oldRoot: builtin.oldRoot, newRoot: builtin.newRoot,
                  mappings: builtin.mapping.map { [BuiltinRestructurings.mappingPath($0)] } ?? [], title: builtin.title, template: template)
    }

    /// Loads both models and the mappings, compares them and writes the three charts' DOT text.
    public func prepare() throws(OrgChartError) -> PreparedReview {
        do { return try assemble() } catch let error as ModelError {
            // Both snapshots are valid by now: located problems are the mappings'.
            throw OrgChartError.invalidFile(error)
        } catch {
            throw OrgChartError(error)
        }
    }

    private func assemble() throws -> PreparedReview {
        let oldModel = try Self.model(old), newModel = try Self.model(new)
        var mapping = Mapping()
        for path in mappings {
            let more = try Mapping.load(file: path)
            mapping.pins += more.pins
            mapping.refusals += more.refusals
            mapping.documents += more.documents
            mapping.oldModel = mapping.oldModel ?? more.oldModel
            mapping.newModel = mapping.newModel ?? more.newModel
            mapping.file = mapping.file ?? path
        }
        let restructuring = Restructuring(title: title, old: Snapshot(oldModel, root: oldRoot), new: Snapshot(newModel, root: newRoot), mapping: mapping)
        let review = try restructuring.review()
        let theme = try Theme.load(template)
        let writer = DOTWriter(theme: theme)
        func prepared(_ chart: Chart) -> PreparedChart {
            PreparedChart(chart: chart, writer: writer, tidy: ChartLayout.auto.resolved(for: chart) == .tidy)
        }
        return PreparedReview(review: review, merged: prepared(try ReviewCharts.merged(review)),
                              before: prepared(try ReviewCharts.before(review)), after: prepared(try ReviewCharts.after(review)), theme: theme)
    }

    private static func model(_ reference: String) throws -> Model {
        let loaded = BuiltinModels.load(reference)
        guard loaded.isValid, let model = loaded.model else {
            throw OrgChartError.invalidSnapshot(ModelError(diagnostics: loaded.diagnostics), reference: reference)
        }
        return model
    }
}

/// A review computed as far as the DOT text of its charts, ready to render and write.
public struct PreparedReview: Sendable {
    /// The matches and changes.
    public var review: RestructuringReview
    /// The merged chart coloured by change, and the two snapshots' organigrammes.
    public var merged: PreparedChart, before: PreparedChart, after: PreparedChart
    /// The theme the charts are drawn with.
    public var theme: Theme

    /// The Markdown report.
    public var markdown: [UInt8] { Array(MarkdownReport.text(review).utf8) }

    /// The JSON report.
    public func json() throws -> [UInt8] { try JSONReport.data(review) }

    /// The self-contained HTML review page with the three charts inline.
    public func html() throws -> [UInt8] {
        func svg(_ chart: PreparedChart) throws -> String { String(decoding: try chart.render(.svg), as: UTF8.self) }
        var colours: [String: ReviewPage.Colours] = [:]
        for kind in ChangeKind.allCases {
            let style = theme.box(kind.style)
            colours[kind.style] = ReviewPage.Colours(fill: style.fill ?? "#ffffff", stroke: style.stroke ?? "#000000")
        }
        let page = ReviewPage(review: review, merged: try svg(merged), before: try svg(before), after: try svg(after), colours: colours)
        return Array(page.html.utf8)
    }

    /// What each output is: the merged chart in a format, the Markdown or JSON report, the page.
    public enum Output: Sendable, Equatable {
        case chart(OutputFormat), markdown, json, html

        /// The output a file name's extension asks for: `.md`, `.json`, `.html`, else a chart format.
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "md", "markdown": self = .markdown
            case "json": self = .json
            case "html", "htm": self = .html
            default:
                guard let format = OutputFormat(fileName: fileName) else { return nil }
                self = .chart(format)
            }
        }
    }

    /// The bytes of one output.
    public func bytes(_ output: Output) throws -> [UInt8] {
        switch output {
        case .chart(let format): return try merged.render(format)
        case .markdown: return markdown
        case .json: return try json()
        case .html: return try html()
        }
    }

}
