import Foundation
import GraphvizRender
import SVGWriter

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
        var stamps = Stamps(text: (try? String(contentsOfFile: stampsPath, encoding: .utf8)) ?? "")
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
                inputs.add(prepared.source)
                inputs.add("\(format.rawValue) \(prepared.engine.rawValue) \(prepared.drawing.rawValue) \(Renderer.shared.graphvizVersion) \(Self.toolIdentity)")
                let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                let existingDigest = existing.map { bytes -> String in var f = Fingerprint(); f.add(bytes); return f.hex }
                if check {
                    let bytes = try prepared.render(format)
                    results.append(Result(path: relative, outcome: existing == bytes ? .current : .stale))
                    continue
                }
                if let recorded = stamps.entries["\(entry.name).\(format.rawValue)"],
                   recorded == Stamps.Record(inputs: inputs.hex, output: existingDigest ?? "") {
                    results.append(Result(path: relative, outcome: .unchanged))
                    continue
                }
                let bytes = try prepared.render(format)
                try OutputFile.write(bytes, to: path)
                var digest = Fingerprint()
                digest.add(bytes)
                stamps.entries["\(entry.name).\(format.rawValue)"] = Stamps.Record(inputs: inputs.hex, output: digest.hex)
                results.append(Result(path: relative, outcome: .written))
            }
        }
        if !check { try OutputFile.write(Array(stamps.text.utf8), to: stampsPath) }
        return results
    }
}

/// What each output was last built from: a digest of its inputs (the DOT text, format, engine
/// and Graphviz version) and of its bytes. One sorted line per output file.
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

extension Build {
    /// The size and modification time of the running executable: a new build or version of
    /// orgchart may draw differently, so its outputs are rendered again.
    static let toolIdentity: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)@\(Int64(modified))"
    }()
}

extension PreparedChart {
    /// What the chart's files are made from, for the build stamps: the SVG orgchart draws
    /// itself (so that a change in the drawing is seen), or the DOT text Graphviz reads.
    var source: [UInt8] { drawsItself ? SVGWriter(theme: writer.theme).write(chart) : Array(dot.utf8) }
}
