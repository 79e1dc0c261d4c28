import ArgumentParser
import OrgChart

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

/// `orgchart catalog`: the built-in models and the charts each can give.
struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in models (id first) and the charts that can be made from each.")

    func run() throws {
        for id in BuiltinModels.ids {
            let loaded = BuiltinModels.load(id)
            guard let model = loaded.model else { continue }
            let departments = model.units.filter { $0.kind == .department || $0.kind == .office && $0.parent == nil }.map(\.id)
            let hasServices = model.relationships.contains { ServiceLinks.kinds.contains($0.kind) }
            var views = ["organigramme", "accountability", "overview"]
            if hasServices { views += ["services", "services-chart", "services-matrix"] }
            print("\(id)\t\(model.title)\(model.date.map { " (\($0))" } ?? "")\t\(plural(model.units.count, "unit"))")
            print("    views: \(views.joined(separator: ", "))")
            if !departments.isEmpty { print("    roots: \(departments.joined(separator: ", "))") }
        }
    }
}
