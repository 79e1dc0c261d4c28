import ArgumentParser
import Foundation

/// The `orgchart` command: organization models in, organigrammes out.
@main
struct OrgChartCommand: ParsableCommand {
    /// The version `orgchart --version` prints.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "orgchart",
        abstract: "Draw organigrammes and other charts of an organization from a model with sources.",
        discussion: """
        With no MODEL, commands use the built-in model (dpko-2010, ST/SGB/2010/1); MODEL `-` reads the model from standard input.
        Exit status: 0 success; 1 an error (invalid input, a file that cannot be read or written; nothing is written); \
        2 `build --check` found charts to rebuild, or `diff --fail-on` matched; 64 the command line is wrong.
        """,
        version: version,
        subcommands: [Render.self, Validate.self, Query.self, Build.self, Diff.self, Import.self, Models.self, Themes.self, Catalog.self]
    )
}
