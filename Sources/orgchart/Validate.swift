import ArgumentParser
import Foundation
import OrgChart

/// `orgchart validate`: every problem of a model, with where it is and how to fix it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a model and print every problem with its file, line and column.",
        discussion: """
        Problems go to standard error and the summary of a valid model to standard output; exit status 1 when there is an error. \
        --format json prints one object on standard output instead; --format github prints GitHub Actions annotations \
        (::error file=…,line=…,col=…::message) on standard output.
        """
    )

    @Argument(help: "A model file (.yaml), `-` for standard input, or the id of a built-in model.")
    var model: String?

    @Option(help: "How to report: text, json or github.")
    var format: ReportFormat = .text

    /// What `--format json` prints.
    struct Report: Encodable {
        var model: String?
        var valid: Bool
        var errors: Int
        var warnings: Int
        var units, posts, relationships, documents: Int?
        var diagnostics: [DiagnosticRecord]
    }

    func run() throws {
        let loaded = BuiltinModels.load(model)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        let valid = loaded.isValid ? loaded.model : nil
        switch format {
        case .json:
            try printJSON(Report(model: loaded.model?.id, valid: valid != nil, errors: errors, warnings: warnings,
                                 units: valid?.units.count, posts: valid?.posts.count, relationships: valid?.relationships.count,
                                 documents: valid?.documents.count, diagnostics: loaded.diagnostics.map(DiagnosticRecord.init)))
            if valid == nil { throw ExitCode.failure }
            return
        case .github:
            for diagnostic in loaded.diagnostics { print(GitHubAnnotation.line(diagnostic)) }
        case .text:
            FileHandle.standardError.write(Data(loaded.diagnostics.map { "\($0)\n" }.joined().utf8))
        }
        guard let valid else {
            throw fail("\(plural(errors, "error")), \(plural(warnings, "warning")): the model is not valid")
        }
        print("\(valid.id): valid — \(plural(valid.units.count, "unit")), \(plural(valid.posts.count, "post")), "
              + "\(plural(valid.relationships.count, "relationship")), \(plural(valid.documents.count, "document"))"
              + (warnings > 0 ? ", \(plural(warnings, "warning"))" : ""))
    }
}
