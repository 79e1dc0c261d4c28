import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import OrgModel
import OrgOutput
import OrgPaging
import OrgPipeline
import OrgTemplates
import TidyTree
import OrgViews
import Yams

/// The charts a repository keeps rendered, read from `orgchart.yml`.
public struct Manifest: Sendable {
    /// One chart of the manifest, with the formats to write.
    public struct Entry: Sendable, Equatable {
        /// The file name of the outputs, without extension.
        public var name: String
        /// What to draw.
        public var spec: ChartSpec
        /// The formats to write, one file each.
        public var formats: [OutputFormat]
    }

    /// The directory outputs go to, relative to the manifest.
    public var output: String
    /// The charts, in manifest order.
    public var entries: [Entry]
    /// The directory of the manifest file; relative paths are resolved against it.
    public var directory: String

    static let topKeys = ["output", "charts"]
    static let entryKeys = ["name", "model", "view", "root", "depth", "template", "engine", "layout", "drawing", "page", "pages", "formats", "stated-only"]

    /// Reads a manifest file, reporting problems with their line and column.
    public static func load(file path: String) throws(OrgChartError) -> Manifest {
        let text: String
        do { text = try InputFile.text(path, what: "manifest") } catch {
            guard case .invalid = error else { throw OrgChartError.unreadableManifest(path: path) }
            throw OrgChartError.input(error)
        }
        let sink = DiagnosticSink()
        let directory = InputFile.directory(of: path)
        var manifest = Manifest(output: "Output", entries: [], directory: directory.isEmpty ? "." : directory)
        if let root = ModelLoader.parse(text, file: path, sink: sink),
           let fields = YAMLFields(root, what: "the manifest", known: topKeys, file: path, reporter: sink) {
            manifest.output = fields.string("output") ?? "Output"
            for node in fields.list("charts") {
                if let entry = Self.entry(node, file: path, directory: manifest.directory, sink: sink) { manifest.entries.append(entry) }
            }
            var names = Set<String>()
            for entry in manifest.entries where !names.insert(entry.name).inserted {
                // Names are compared in one spelling: `a` and `./a` are one file.
                sink.error(at: fields.location("charts"), "two charts are named '\(entry.name)'", hint: "give each chart its own name")
            }
        }
        if !sink.diagnostics.isEmpty {
            let diagnostics = sink.diagnostics.sortedByPlace()
            throw OrgChartError.invalidFile(ModelError(diagnostics: diagnostics))
        }
        return manifest
    }

    /// `path`, written in the manifest (the output directory, or a file inside it), as a path
    /// from the working directory: relative to the manifest's directory unless absolute.
    public func path(_ path: String) -> String {
        path.hasPrefix("/") ? path : "\(directory)/\(path)"
    }

    /// `reference` (a model or a theme) as the manifest in `directory` means it: a path written
    /// relative to the manifest joined to its directory, a built-in id or an absolute path as it is.
    static func resolve(_ reference: String, in directory: String, isPath: (String) -> Bool) -> String {
        guard directory != ".", !reference.hasPrefix("/"), reference != InputFile.standardInput else { return reference }
        let joined = (directory as NSString).appendingPathComponent(reference)
        return isPath(reference) || FileManager.default.fileExists(atPath: joined) ? joined : reference
    }

    private static func entry(_ node: Node, file: String, directory: String, sink: DiagnosticSink) -> Entry? {
        guard let f = YAMLFields(node, what: "a chart", known: entryKeys, file: file, reporter: sink),
              let given = f.required("name", of: "a chart") else { return nil }
        guard let name = OutputFile.safeName(given) else {
            sink.error(at: f.location("name"), "the chart name '\(given)' would be written outside the output directory", hint: OutputFile.safeNameHint)
            return nil
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ fallback: T) -> T where T.RawValue == String {
            guard let text = f.string(key) else { return fallback }
            guard let value = T(rawValue: text) else {
                sink.error(at: f.location(key), "unknown \(key) '\(text)' in chart '\(name)'",
                           hint: "choose one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return fallback
            }
            return value
        }
        var depth: Int?
        if let text = f.string("depth") {
            depth = Int(text)
            if depth == nil { sink.error(at: f.location("depth"), "depth must be a whole number, not '\(text)'", hint: "write `depth: 2`") }
        }
        let formats = f.strings("formats").compactMap { text -> OutputFormat? in
            guard let format = OutputFormat(rawValue: text) else {
                sink.error(at: f.location("formats"), "unknown format '\(text)' in chart '\(name)'",
                           hint: "formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return format
        }
        var statedOnly = false
        if let text = f.string("stated-only") {
            switch text.lowercased() {
            case "true", "yes": statedOnly = true
            case "false", "no": statedOnly = false
            default: sink.error(at: f.location("stated-only"), "stated-only must be true or false, not '\(text)'", hint: "write `stated-only: true`")
            }
        }
        let model = f.string("model").map { resolve($0, in: directory, isPath: BuiltinModels.isPath) }
        let template = f.string("template").map { resolve($0, in: directory, isPath: Theme.isPath) } ?? "default"
        let spec = ChartSpec(model: model, view: choice("view", ViewKind.organigramme),
                             options: ViewOptions(root: f.string("root"), depth: depth, statedOnly: statedOnly),
                             template: template, engine: choice("engine", LayoutEngine.dot))
        var paged = spec
        paged.layout = choice("layout", ChartLayout.auto)
        paged.drawing = choice("drawing", Drawing.builtin)
        if let text = f.string("page") {
            do {
                paged.page = try PageSize.parse(text)
            } catch {
                sink.error(at: f.location("page"), "\(error) in chart '\(name)'", hint: PageSizeError.hint)
            }
        }
        if let text = f.string("pages") {
            if let count = Int(text), (1...10_000).contains(count) {
                paged.maxPages = count
            } else {
                sink.error(at: f.location("pages"), "pages must be a whole number from 1 to 10000, not '\(text)'", hint: "write `pages: 2` (with a page)")
            }
        }
        return Entry(name: name, spec: paged, formats: formats.isEmpty ? [.svg] : formats)
    }
}
