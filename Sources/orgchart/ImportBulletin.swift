import ArgumentParser

/// `orgchart import bulletin`.
struct ImportBulletin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bulletin", abstract: "Import a Secretary-General's bulletin (plain text) as a model.")
}
