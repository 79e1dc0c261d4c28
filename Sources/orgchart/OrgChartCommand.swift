import ArgumentParser
import Foundation

/// The `orgchart` command: organization models in, organigrammes out.
@main
struct OrgChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgchart",
        abstract: "Draw organigrammes and other charts of an organization from a model with sources.",
        discussion: "With no MODEL, commands use the built-in model (dpko-2010, ST/SGB/2010/1).",
        subcommands: [Render.self, Validate.self, Query.self, Build.self, Diff.self, Import.self, Models.self, Themes.self, Catalog.self]
    )
}

/// Prints `message` on standard error and ends with exit status 1.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(1)
}
