import Foundation
import GraphvizRender
import OrgModel

/// Renders the charts of a manifest into its output directory, skipping those whose inputs and
/// outputs have not changed since the last build, or checks that committed charts are current.
public struct Build {
    /// What happened to one output file.
    public enum Outcome: String, Sendable {
        case written, unchanged, stale, current
    }

    /// One output file and what happened to it.
    public struct Result: Sendable {
        /// The output path, relative to the manifest's directory.
        public var path: String
        /// Written, skipped as unchanged, or (with `check`) stale or current.
        public var outcome: Outcome
        /// A warning about the chart just written, e.g. text below 6 pt on its page.
        public var warning: String?
    }

    /// The manifest being built.
    public var manifest: Manifest

    /// Creates a build of `manifest`.
    public init(manifest: Manifest) { self.manifest = manifest }

    /// The name of the file, inside the output directory, that records what each output was built from.
    public static let stampsFile = ".orgchart-stamps"

    /// Builds every chart. With `check`, writes nothing and reports each output as stale or current.
    public func run(check: Bool = false) throws -> [Result] {
        let outputDirectory = "\(manifest.directory)/\(manifest.output)"
        let stampsPath = "\(outputDirectory)/\(Self.stampsFile)"
        var stamps = Stamps(text: (try? InputFile.text(stampsPath, what: "stamps file")) ?? "")
        var results: [Result] = []
        for entry in manifest.entries {
            let prepared: PreparedChart
            do { prepared = try entry.spec.prepare() } catch {
                throw PipelineError("chart '\(entry.name)': \(error)")
            }
            for format in entry.formats {
                let relative = "\(manifest.output)/\(entry.name).\(format.rawValue)"
                let path = "\(manifest.directory)/\(relative)"
                var inputs = Fingerprint()
                if !prepared.drawsItself { inputs.add(prepared.dot) }
                inputs.add("\(format.rawValue) \(prepared.engine.rawValue) \(prepared.drawing.rawValue) \(Renderer.shared.graphvizVersion)")
                let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                let existingDigest = existing.map { bytes -> String in var f = Fingerprint(); f.add(bytes); return f.hex }
                if check {
                    let bytes = try prepared.render(format)
                    results.append(Result(path: relative, outcome: existing == bytes ? .current : .stale))
                    continue
                }
                let key = "\(entry.name).\(format.rawValue)"
                // A chart orgchart draws itself is drawn again every time (it takes a fraction of
                // a second), so that a new version of the drawing is never taken for unchanged;
                // Graphviz's renders are skipped when their DOT text and Graphviz are the same.
                if !prepared.drawsItself, let recorded = stamps.entries[key], recorded == Stamps.Record(inputs: inputs.hex, output: existingDigest ?? "") {
                    results.append(Result(path: relative, outcome: .unchanged))
                    continue
                }
                let bytes = try prepared.render(format)
                var digest = Fingerprint()
                digest.add(bytes)
                stamps.entries[key] = Stamps.Record(inputs: inputs.hex, output: digest.hex)
                if bytes == existing {
                    results.append(Result(path: relative, outcome: .unchanged))
                    continue
                }
                try OutputFile.write(bytes, to: path)
                results.append(Result(path: relative, outcome: .written, warning: try prepared.smallTextWarning(format)))
            }
        }
        if !check { try OutputFile.write(Array(stamps.text.utf8), to: stampsPath) }
        return results
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
