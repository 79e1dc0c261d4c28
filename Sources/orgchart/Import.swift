import ArgumentParser

/// `orgchart import`: models from other sources.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a model from a Secretary-General's bulletin or a spreadsheet.",
        subcommands: [ImportBulletin.self, ImportCSV.self]
    )
}
