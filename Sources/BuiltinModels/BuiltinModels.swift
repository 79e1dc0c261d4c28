import Foundation
import OrgModel

/// The models shipped with orgchart, as plain YAML files under `Sources/BuiltinModels/yaml/`.
public enum BuiltinModels {
    /// The model used when a command is given none.
    public static let defaultID = "dpko-2010"

    /// The directory holding the built-in model files.
    public static var directory: String {
        Bundle.module.resourceURL!.appendingPathComponent("yaml").path
    }

    /// Ids of the built-in models (file names without `.yaml`), sorted. Files whose names start
    /// with `_` are parts included by other models, not models of their own.
    public static var ids: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The path of the model file for `reference`: an existing file path, `-` (standard input),
    /// or the id of a built-in model.
    public static func path(for reference: String?) -> String {
        let reference = reference ?? defaultID
        if FileManager.default.fileExists(atPath: reference) || isPath(reference) { return reference }
        return "\(directory)/\(reference).yaml"
    }

    /// Whether `reference` is written as a path (`-` for standard input, a name with a `/`, or
    /// ending in `.yaml` or `.yml`) rather than as the id of a built-in model.
    public static func isPath(_ reference: String) -> Bool {
        reference == InputFile.standardInput || reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }

    /// Loads and validates the model named by `reference` (a path or a built-in id; nil for the
    /// default), with the warnings of `ModelLint` unless `lint` is false (see `ModelLoader.load(file:lint:)`).
    public static func load(_ reference: String?, lint: Bool = true) -> LoadedModel {
        let path = path(for: reference)
        if !FileManager.default.fileExists(atPath: path), !(reference.map(isPath) ?? false) {
            let name = reference ?? defaultID
            return LoadedModel(model: nil, diagnostics: [Diagnostic(.error, at: nil, subject: name,
                "no model file or built-in model '\(name)'", hint: "built-in models: \(ids.joined(separator: ", ")); or give the path of a .yaml model file")],
                files: [])
        }
        var loaded = ModelLoader.load(file: path, lint: lint)
        // Diagnostics of built-in models name the file as it is in the repository.
        let prefix = directory + "/"
        for index in loaded.diagnostics.indices {
            if let file = loaded.diagnostics[index].location?.file, file.hasPrefix(prefix) {
                loaded.diagnostics[index].location?.file = "Sources/BuiltinModels/yaml/" + file.dropFirst(prefix.count)
            }
        }
        return loaded
    }
}
