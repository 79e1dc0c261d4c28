import ArgumentParser
import BuiltinModels
import OrgTemplates

/// `orgchart models`: the built-in models.
struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in models.")

    func run() throws {
        for id in BuiltinModels.ids {
            let loaded = BuiltinModels.load(id)
            print("\(id)\t\(loaded.model?.title ?? "")\(loaded.model?.date.map { " (\($0))" } ?? "")")
        }
    }
}

/// `orgchart themes`: the built-in themes.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in themes.")

    func run() throws {
        for name in Theme.builtinNames { print(name) }
    }
}
