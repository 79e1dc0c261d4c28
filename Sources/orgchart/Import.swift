import ArgumentParser

/// `orgchart import`: models from other sources.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a model from a Secretary-General's bulletin, a spreadsheet (CSV or Excel) or org-chart JSON.",
        subcommands: [ImportBulletin.self, ImportCSV.self, ImportJSON.self, ImportXLSX.self]
    )
}
