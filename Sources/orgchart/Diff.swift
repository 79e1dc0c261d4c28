import ArgumentParser

/// `orgchart diff`.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compare two snapshots of an organization.")
}
