import ArgumentParser
import BuiltinModels
import OrgModel

/// `orgchart validate`: every problem of a model, with where it is and how to fix it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a model and print every problem with its file, line and column.")

    @Argument(help: "A model file (.yaml) or the id of a built-in model.")
    var model: String?

    func run() throws {
        let loaded = BuiltinModels.load(model)
        for diagnostic in loaded.diagnostics { print(diagnostic) }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        guard loaded.isValid, let result = loaded.model else {
            throw fail("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"): the model is not valid")
        }
        print("\(result.id): valid — \(result.units.count) units, \(result.posts.count) posts, \(result.relationships.count) relationships, \(result.documents.count) documents" + (warnings > 0 ? ", \(warnings) warnings" : ""))
    }
}
