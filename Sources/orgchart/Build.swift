import ArgumentParser
import Foundation
import OrgChart

/// `orgchart build`: every chart of the manifest into the output directory.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every chart listed in the manifest (orgchart.yml), skipping charts whose inputs did not change.",
        discussion: """
        Paths in the manifest (models, theme files, the output directory) are relative to the manifest's directory, \
        so `orgchart build --manifest repo/orgchart.yml` works from any directory. Exit status: 0; 1 on an error \
        (the manifest or a model cannot be read or is not valid); 2 when --check finds charts stale or missing; 64 when the command line is wrong.
        """
    )

    @Option(help: "The manifest file.")
    var manifest: String = "orgchart.yml"

    @Flag(help: "Write nothing; exit 2 and name the charts whose committed files are stale (differ from what the model gives) or missing.")
    var check = false

    @Option(help: "How many charts to render at once (default: one per processor). The files are the same whatever the number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "How to report: text (a line per file), json (one object on standard output) or github (GitHub Actions annotations).")
    var format: ReportFormat = .text

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    /// One output file as `--format json` lists it.
    struct FileRecord: Encodable {
        var path: String
        var outcome: String
        var warning: String?
    }

    /// What `--format json` prints: every file and its outcome, or the error that stopped the build.
    struct Report: Encodable {
        var manifest: String
        var check: Bool
        var ok: Bool
        var charts: [FileRecord]
        var stale: [String]
        var missing: [String]
        var error: String?
        var diagnostics: [DiagnosticRecord]?
    }

    func run() throws {
        let results: [OrgBuild.Build.Result]
        let directory: String
        do {
            let loaded = try Manifest.load(file: manifest)
            directory = loaded.directory
            results = try OrgBuild.Build(manifest: loaded).run(check: check, workers: jobs)
        } catch {
            throw report(error)
        }
        let stale = results.filter { $0.outcome == .stale }.map(\.path)
        let missing = results.filter { $0.outcome == .missing }.map(\.path)
        switch format {
        case .json:
            try printJSON(Report(manifest: manifest, check: check, ok: stale.isEmpty && missing.isEmpty,
                                 charts: results.map { FileRecord(path: $0.path, outcome: $0.outcome.rawValue, warning: $0.warning?.commandLineMessage) },
                                 stale: stale, missing: missing))
        case .github, .text:
            for result in results {
                print("\(result.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(result.path)")
                guard let warning = result.warning?.commandLineMessage else { continue }
                if format == .github {
                    print(GitHubAnnotation.line("warning", file: Self.file(result.path, in: directory), warning))
                } else {
                    FileHandle.standardError.write(Data("\(result.path): \(warning)\n".utf8))
                }
            }
            if format == .github {
                for result in results where result.outcome.failsCheck {
                    let what = result.outcome == .stale ? "no longer matches its model" : "is missing"
                    print(GitHubAnnotation.line("error", file: Self.file(result.path, in: directory),
                                                "\(result.path) \(what): run `orgchart build` and commit the charts"))
                }
            }
        }
        guard !stale.isEmpty || !missing.isEmpty else { return }
        var parts: [String] = []
        if !stale.isEmpty { parts.append("\(stale.count) stale (\(stale.joined(separator: ", ")))") }
        if !missing.isEmpty { parts.append("\(missing.count) missing (\(missing.joined(separator: ", ")))") }
        let hint = missing.isEmpty ? "run `orgchart build` and commit the charts" : "run `orgchart build` and commit the charts (with the new files)"
        FileHandle.standardError.write(Data("\(plural(stale.count + missing.count, "chart")) to rebuild: \(parts.joined(separator: ", "))\n    hint: \(hint)\n".utf8))
        throw checkFailed
    }

    /// Reports `error`, which stopped the build, in the chosen format, and returns exit status 1.
    private func report(_ error: Error) -> ExitCode {
        let diagnostics = (error as? OrgChartError).map(Self.annotated) ?? []
        let message = commandLineMessage(error)
        switch format {
        case .json:
            try? printJSON(Report(manifest: manifest, check: check, ok: false, charts: [], stale: [], missing: [],
                                  error: message, diagnostics: diagnostics.map(DiagnosticRecord.init)))
        case .github:
            if diagnostics.isEmpty { print(GitHubAnnotation.line("error", message)) }
            for diagnostic in diagnostics { print(GitHubAnnotation.line(diagnostic)) }
        case .text:
            break
        }
        return fail(message)
    }

    /// The located problems a report lists for `error`: those of a model or a manifest that is not
    /// valid; any other error is reported by its message alone.
    private static func annotated(_ error: OrgChartError) -> [Diagnostic] {
        switch error {
        case .invalidModel(let error), .invalidFile(let error): error.diagnostics
        case .chart(_, let error): annotated(error)
        default: []
        }
    }

    /// `path`, relative to the manifest's `directory` unless absolute, as a path from the working
    /// directory (without a leading `./`, as annotations name files).
    private static func file(_ path: String, in directory: String) -> String {
        directory == "." || path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
