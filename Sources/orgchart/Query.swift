import ArgumentParser
import Foundation
import OrgChart

/// `orgchart query`: the questions a reader asks of a model, as text or JSON.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer questions about a model: chains of accountability, services, spans of control, gaps.",
        discussion: "Each question takes the model last, as the other commands do (`orgchart query chain UNIT MODEL`), or with -m MODEL.",
        subcommands: [Chain.self, Serves.self, Span.self, Gaps.self, Units.self]
    )

    /// Options shared by every query.
    struct Common: ParsableArguments {
        @Option(name: [.short, .long], help: "A model file (.yaml), `-` for standard input, or the id of a built-in model (the same as MODEL).")
        var model: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        /// The valid model named by the positional `argument` or by `-m`, or a located error.
        func load(_ argument: String?) throws -> Model {
            if let argument, let model, argument != model {
                throw usageError("error: two models given: '\(argument)' and -m '\(model)'\n    hint: give the model once, last or with -m")
            }
            let loaded = BuiltinModels.load(argument ?? model)
            guard loaded.isValid, let model = loaded.model else {
                throw fail(ModelError(diagnostics: loaded.diagnostics).description + "\nthe model is not valid (run `orgchart validate`)")
            }
            return model
        }
    }

    /// The help of the positional MODEL of every question.
    static let modelHelp = ArgumentHelp("A model file (.yaml), `-` for standard input, or the id of a built-in model (or -m MODEL).", valueName: "model")

    /// Fails with a hint when `id` is neither a unit nor a post of `model`.
    static func check(_ id: String, in model: Model) throws {
        guard model.unit(id) == nil, !model.posts.contains(where: { $0.id == id }) else { return }
        let near = model.units.map(\.id).filter { $0.contains(id) || id.contains($0) }.prefix(5)
        let hint = BuiltinModels.isPath(id) || BuiltinModels.ids.contains(id)
            ? "'\(id)' names a model: the unit comes first (`orgchart query serves UNIT MODEL`), or give the model with -m"
            : near.isEmpty ? "run `orgchart query units` to list the ids" : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"
        throw fail("error: no unit or post '\(id)' in model '\(model.id)'\n    hint: \(hint)")
    }
}

/// One link of a chain, for JSON.
struct LinkRecord: Encodable {
    var from: String, fromTitle: String, to: String, toTitle: String, kind: String, source: String?
}

extension Query {
    /// `orgchart query chain UNIT`.
    struct Chain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The chains of accountability from a unit's head up to the top, every path where accountability is dual.")

        @OptionGroup var common: Common
        @Argument(help: "The unit (its head) or post to start from.")
        var unit: String
        @Argument(help: Query.modelHelp)
        var modelArgument: String?

        /// The most paths shown.
        static let limit = 64

        func run() throws {
            let model = try common.load(modelArgument)
            try Query.check(unit, in: model)
            let graph = AccountabilityGraph(model: model)
            // One more than is shown tells whether there are more.
            let found = graph.chains(from: unit, limit: Self.limit + 1)
            let note = found.count > Self.limit
                ? "only the first \(Self.limit) paths are shown: dual lines of accountability divide the chain into more" : nil
            let shown = found.prefix(Self.limit)
            // Where accountability is dual, a link lies on many paths: each is described once.
            var records: [AccountabilityLink: LinkRecord] = [:]
            func record(_ link: AccountabilityLink) -> LinkRecord {
                if let known = records[link] { return known }
                let described = LinkRecord(from: link.from, fromTitle: graph.describe(link.from), to: link.to, toTitle: graph.describe(link.to),
                                           kind: link.kind?.rawValue ?? "containment", source: model.cite(link.source))
                records[link] = described
                return described
            }
            if common.json {
                var object = ["unit": AnyEncodable(unit), "chains": AnyEncodable(shown.map { $0.map(record) })]
                if let note { object["note"] = AnyEncodable(note) }
                return try printJSON(object)
            }
            // Written in blocks: a deep chain has tens of thousands of links on each path.
            var text = graph.describe(unit) + "\n"
            for (index, chain) in shown.enumerated() {
                if shown.count > 1 { text += "path \(index + 1):\n" }
                if chain.isEmpty { text += "  answers to no one in the model\n" }
                for link in chain {
                    let described = record(link)
                    let how = link.kind.map(\.label) ?? "accountable (by containment) to"
                    text += "  \(how) → \(described.toTitle)  [\(described.source ?? "no source")]\n"
                    if text.utf8.count >= 1 << 16 {
                        FileHandle.standardOutput.write(Data(text.utf8))
                        text = ""
                    }
                }
            }
            if let note { text += "note: \(note)\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// `orgchart query serves UNIT`, or `orgchart query serves --matrix` for every unit.
    struct Serves: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Whom a unit serves and who serves it; with --matrix, who serves whom across the model as a table.")

        @OptionGroup var common: Common
        @Argument(help: "The unit (with --matrix: optional, limits the table to the relations with an end in its subtree).")
        var unit: String?
        @Argument(help: Query.modelHelp)
        var modelArgument: String?

        @Flag(help: "Print the services matrix (providers × clients, as `--view services-matrix` draws it) as a table.")
        var matrix = false

        @Option(help: "The table's format with --matrix: csv or markdown.")
        var format: MatrixFormat = .csv

        /// The text formats of the services matrix.
        enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
            case csv, markdown
        }

        func run() throws {
            let model = try common.load(modelArgument)
            if matrix { return try printMatrix(of: model) }
            guard let unit else { throw fail("error: which unit?\n    hint: write `orgchart query serves UNIT`, or `--matrix` for the whole model") }
            try Query.check(unit, in: model)
            let links = ServiceLinks(model: model)
            func records(_ relations: [Relationship], other: (Relationship) -> String) -> [[String: String]] {
                relations.map { ["unit": other($0), "name": model.unit(other($0))?.name ?? other($0), "kind": $0.kind.rawValue, "source": model.cite($0.source) ?? ""] }
            }
            let serves = records(links.served(by: unit)) { $0.to }
            let servedBy = records(links.providers(of: unit)) { $0.from }
            if common.json { return try printJSON(["unit": AnyEncodable(unit), "serves": AnyEncodable(serves), "servedBy": AnyEncodable(servedBy)]) }
            print(model.unit(unit)?.name ?? unit)
            print("  serves:\(serves.isEmpty ? " no one" : "")")
            for record in serves { print("    \(record["kind"]!) → \(record["name"]!)  [\(record["source"]!)]") }
            print("  served by:\(servedBy.isEmpty ? " no one" : "")")
            for record in servedBy { print("    \(record["name"]!) (\(record["kind"]!))  [\(record["source"]!)]") }
        }

        /// Prints the services matrix of `model` (of `unit`'s subtree, if given) as CSV or Markdown.
        private func printMatrix(of model: Model) throws {
            if let unit { try Query.check(unit, in: model) }
            let chart: Chart
            do { chart = try Views.chart(.servicesMatrix, of: model, options: ViewOptions(root: unit)) } catch { throw fail(error) }
            let text = format == .csv ? MatrixTable.csv(chart) : MatrixTable.markdown(chart)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// `orgchart query span`.
    struct Span: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Span of control: how many posts answer to each post, largest first.")

        @OptionGroup var common: Common
        @Argument(help: Query.modelHelp)
        var modelArgument: String?

        func run() throws {
            let model = try common.load(modelArgument)
            let spans = SpanOfControl.all(in: AccountabilityGraph(model: model))
            if common.json {
                return try printJSON(spans.map { ["post": AnyEncodable($0.post), "title": AnyEncodable($0.title), "direct": AnyEncodable($0.direct), "other": AnyEncodable($0.other)] })
            }
            print("direct  other  post")
            for span in spans { print("\(String(span.direct).leftPadded(6))  \(String(span.other).leftPadded(5))  \(span.title) [\(span.post)]") }
        }
    }

    /// `orgchart query gaps`.
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Units with no head, heads with no line of accountability, accountability cycles.")

        @OptionGroup var common: Common
        @Argument(help: Query.modelHelp)
        var modelArgument: String?

        func run() throws {
            let model = try common.load(modelArgument)
            let warnings = ModelLint.warnings(model)
            if common.json {
                return try printJSON(warnings.map { ["subject": $0.subject ?? "", "message": $0.message, "location": $0.location?.description ?? ""] })
            }
            if warnings.isEmpty { print("no gaps found") }
            for warning in warnings { print(warning) }
        }
    }

    /// `orgchart query units`.
    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the ids and names of the units and posts.")

        @OptionGroup var common: Common
        @Argument(help: Query.modelHelp)
        var modelArgument: String?

        func run() throws {
            let model = try common.load(modelArgument)
            if common.json {
                return try printJSON(model.units.map { ["id": $0.id, "name": $0.name, "kind": $0.kind.rawValue, "parent": $0.parent ?? ""] })
            }
            for unit in model.units { print("\(unit.id)\t\(unit.kind.rawValue)\t\(unit.name)") }
            for post in model.posts { print("\(post.id)\tpost\t\(post.title)") }
        }
    }
}

/// A value of any encodable type, for heterogeneous JSON objects.
struct AnyEncodable: Encodable {
    private let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}

extension String {
    /// The string right-aligned in `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
