import Foundation
import BuiltinModels
import GraphvizRender
import OrgModel
import OrgOutput
import OrgPaging
import OrgPipeline
import TidyTree

/// Renders the charts of a manifest into its output directory, skipping those whose inputs and
/// outputs have not changed since the last build, or checks that committed charts are current.
public struct Build: Sendable {
    /// What happened to one output file.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Rendered and written: the file was new or its bytes changed.
        case written
        /// Skipped, or rendered to the bytes already in the file.
        case unchanged
        /// With `check`: the committed file differs from what the model gives now.
        case stale
        /// With `check`: there is no file where the chart should be (never built, or deleted).
        case missing
        /// With `check`: the committed file is what the model gives now.
        case current

        /// Whether `build --check` fails on this outcome.
        public var failsCheck: Bool { self == .stale || self == .missing }
    }

    /// One output file and what happened to it.
    public struct Result: Sendable {
        /// The output path, relative to the manifest's directory.
        public var path: String
        /// Written, skipped as unchanged, or (with `check`) stale, missing or current.
        public var outcome: Outcome
        /// A warning about the chart just written: text below 6 pt on its page.
        public var warning: SmallTextWarning?
    }

    /// The manifest being built.
    public var manifest: Manifest

    /// Creates a build of `manifest`.
    public init(manifest: Manifest) { self.manifest = manifest }

    /// The name of the file, inside the output directory, that records what each output was built from.
    public static let stampsFile = ".orgchart-stamps"

    /// Builds every chart. With `check`, writes nothing and reports each output as stale, missing
    /// or current.
    ///
    /// Charts are prepared and rendered by `workers` threads at once (by default one per active
    /// processor); Graphviz and cairo calls stay serialized (`Renderer.serialized`). Each model is
    /// loaded once per build, however many charts show it. Files are written, and results
    /// returned, in manifest order, so the outputs and the stamps do not depend on `workers`;
    /// the first failing chart in manifest order stops the build after the charts before it are
    /// written.
    public func run(check: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(OrgChartError) -> [Result] {
        try OrgChartError.wrapping { try results(check: check, workers: workers) }
    }

    /// The results of `run`, with the stages' own errors.
    private func results(check: Bool, workers: Int) throws -> [Result] {
        let outputDirectory = manifest.path(manifest.output)
        let stampsPath = "\(outputDirectory)/\(Self.stampsFile)"
        var stamps = Stamps(text: (try? InputFile.text(stampsPath, what: "stamps file")) ?? "")
        let models = ModelCache(references: manifest.entries.map(\.spec.model), workers: workers)
        let charts = Parallel.map(manifest.entries, workers: workers) { [stamps] entry in
            Swift.Result<[Output], Error> { try self.outputs(of: entry, models: models, stamps: stamps, check: check) }
        }
        var results: [Result] = []
        for chart in charts {
            for output in try chart.get() {
                if let stamp = output.stamp { stamps.entries[output.key] = stamp }
                if output.result.outcome == .written, let bytes = output.bytes {
                    try OutputFile.write(bytes, to: manifest.path(output.result.path))
                }
                results.append(output.result)
            }
        }
        if !check { try OutputFile.write(Array(stamps.text.utf8), to: stampsPath) }
        return results
    }

    /// One output file of a chart as rendered, before anything is written.
    private struct Output: Sendable {
        /// The file's name in the stamps.
        var key: String
        /// What happens to the file.
        var result: Result
        /// The new stamp of the file; nil when it was not rendered.
        var stamp: Stamps.Record?
        /// The bytes to write when the outcome is `written`.
        var bytes: [UInt8]?
    }

    /// Prepares one chart and renders those of its formats that must be, without writing anything.
    private func outputs(of entry: Manifest.Entry, models: ModelCache, stamps: Stamps, check: Bool) throws -> [Output] {
        let prepared: PreparedChart
        do { prepared = try entry.spec.prepare(loaded: models.model(entry.spec.model)) } catch {
            throw OrgChartError.chart(name: entry.name, error: OrgChartError(error))
        }
        return try entry.formats.map { format in
            let relative = "\(manifest.output)/\(entry.name).\(format.rawValue)"
            let key = "\(entry.name).\(format.rawValue)"
            let path = manifest.path(relative)
            // PowerPoint, draw.io and HTML files are drawn by orgchart whoever draws the chart.
            let graphvizDraws = !prepared.drawsItself && format.graphvizWrites
            var inputs = Fingerprint()
            if graphvizDraws { inputs.add(prepared.dot) }
            inputs.add("\(format.rawValue) \(prepared.engine.rawValue) \(prepared.drawing.rawValue) \(Renderer.shared.graphvizVersion)")
            let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            if check {
                let bytes = try prepared.render(format)
                let outcome: Outcome = existing == nil ? .missing : existing == bytes ? .current : .stale
                return Output(key: key, result: Result(path: relative, outcome: outcome))
            }
            // A chart orgchart draws itself is drawn again every time (it takes a fraction of
            // a second), so that a new version of the drawing is never taken for unchanged;
            // Graphviz's renders are skipped when their DOT text and Graphviz are the same.
            if graphvizDraws, let existing, let recorded = stamps.entries[key],
               recorded == Stamps.Record(inputs: inputs.hex, output: Fingerprint(existing).hex) {
                return Output(key: key, result: Result(path: relative, outcome: .unchanged))
            }
            let bytes = try prepared.render(format)
            let stamp = Stamps.Record(inputs: inputs.hex, output: Fingerprint(bytes).hex)
            if bytes == existing { return Output(key: key, result: Result(path: relative, outcome: .unchanged), stamp: stamp) }
            return Output(key: key, result: Result(path: relative, outcome: .written, warning: try prepared.smallTextWarning(format)), stamp: stamp, bytes: bytes)
        }
    }
}

/// What each output was last built from: a digest of its inputs (the DOT text Graphviz renders,
/// format, engine, drawing and Graphviz version) and of its bytes. One sorted line per output file.
struct Stamps {
    struct Record: Equatable {
        var inputs: String
        var output: String
    }

    var entries: [String: Record] = [:]

    init(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            if parts.count == 3 { entries[parts[0]] = Record(inputs: parts[1], output: parts[2]) }
        }
    }

    var text: String {
        entries.keys.sorted().map { "\($0) \(entries[$0]!.inputs) \(entries[$0]!.output)\n" }.joined()
    }
}

/// The models of a build, each loaded once however many charts show it.
struct ModelCache: Sendable {
    private let loaded: [String: LoadedModel]

    /// Loads the models `references` name (built-in ids or paths; nil for the default), by
    /// `workers` threads at once.
    init(references: [String?], workers: Int) {
        var seen = Set<String>()
        let unique = references.filter { seen.insert(BuiltinModels.path(for: $0)).inserted }
        let models = Parallel.map(unique, workers: workers) { BuiltinModels.load($0, lint: false) }
        loaded = Dictionary(uniqueKeysWithValues: zip(unique.map { BuiltinModels.path(for: $0) }, models))
    }

    /// The loaded model `reference` names; it must be one of the references the cache was made with.
    func model(_ reference: String?) -> LoadedModel { loaded[BuiltinModels.path(for: reference)]! }
}
