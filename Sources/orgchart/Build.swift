import Foundation
import ArgumentParser
import OrgBuild

/// `orgchart build`: every chart of the manifest into the output directory.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every chart listed in the manifest (orgchart.yml), skipping charts whose inputs did not change.")

    @Option(help: "The manifest file.")
    var manifest: String = "orgchart.yml"

    @Flag(help: "Write nothing; exit 1 and name the charts whose committed files no longer match their model.")
    var check = false

    @Option(help: "How many charts to render at once (default: one per processor). The files are the same whatever the number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    func run() throws {
        let results: [OrgBuild.Build.Result]
        do {
            results = try OrgBuild.Build(manifest: Manifest.load(file: manifest)).run(check: check, workers: jobs)
        } catch {
            throw fail("\(error)")
        }
        for result in results {
            print("\(result.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(result.path)")
            if let warning = result.warning { FileHandle.standardError.write(Data("\(result.path): \(warning)\n".utf8)) }
        }
        let stale = results.filter { $0.outcome == .stale }
        if check, !stale.isEmpty {
            throw fail("\(stale.count) chart\(stale.count == 1 ? " is" : "s are") stale: \(stale.map(\.path).joined(separator: ", "))\n    hint: run `orgchart build` and commit the charts")
        }
    }
}
