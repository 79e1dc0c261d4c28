import ArgumentParser

/// `orgchart import csv`.
struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv", abstract: "Import a spreadsheet (id, name, reports-to …) as a model.")
}
