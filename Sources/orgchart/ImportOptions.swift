import ArgumentParser
import Foundation
import OrgChart
import OrgImport

/// The options of the table imports (`import csv`, `import json`): which columns or fields hold
/// what, which rows to take, and where the model and the report go.
struct ImportTableOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The model file to write (.yaml); `-` writes to standard output.")
    var output: String = "-"

    @Option(help: "Write the report of rows not placed to this file instead of standard error.")
    var report: String?

    @Option(help: "The column of post ids (header or number).")
    var id: String?

    @Option(help: "The column of post titles (or unit names).")
    var name: String?

    @Option(name: .customLong("reports-to"), help: "The column naming the post each post reports to: its id, its holder's name or its title.")
    var reportsTo: String?

    @Option(name: .customLong("dotted-line"), help: "The column of the post a post also reports to (dotted line).")
    var dottedLine: String?

    @Option(help: "The column of units or teams (shown under each title).")
    var unit: String?

    @Option(help: "The column of grades.")
    var grade: String?

    @Option(help: "The column of the names of the people holding the posts (`Vacant` marks a vacant post).")
    var person: String?

    @Option(help: "The column saying Senior or Junior: junior rows without an id become staff groups of the post they report to.")
    var seniority: String?

    @Option(help: "The column of full-time equivalents of junior staff groups.")
    var fte: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Import only the rows whose COLUMN holds VALUE, e.g. one snapshot of several.", valueName: "COLUMN=VALUE"))
    var selection: String?

    @Flag(name: .customLong("allow-unplaced"), help: "Write the model even when some rows could not be placed (they are still reported).")
    var allowUnplaced = false

    @Option(help: "The model's title (default: from the file name).")
    var title: String?

    @Option(name: .customLong("model-id"), help: "The model's id (default: the file name followed by -organogram).")
    var modelID: String?

    /// The import the options describe; throws a usage error for a `--where` without `=`.
    func tableImport() throws -> CSVImport {
        var picked: CSVSelection?
        if let selection {
            guard let parsed = CSVSelection(selection) else {
                throw ValidationError("--where takes COLUMN=VALUE, e.g. --where 'Back to Index=Sep-16' (got '\(selection)')")
            }
            picked = parsed
        }
        let named: [CSVColumns.Role: String] = [.id: id, .name: name, .reportsTo: reportsTo, .dottedLine: dottedLine, .unit: unit, .grade: grade,
                                                .person: person, .seniority: seniority, .fte: fte].compactMapValues { $0 }
        return CSVImport(columns: named, selection: picked, modelID: modelID, title: title)
    }

    /// Reads `files` (a failure naming a file that cannot be read, with `hint`), imports them with
    /// `importing` given the import these options describe, then finishes as `finish` does.
    func run(_ files: [String], what: String, hint: String,
             importing: (CSVImport, [(path: String, bytes: [UInt8])]) throws -> CSVImport.Result) throws {
        var inputs: [(path: String, bytes: [UInt8])] = []
        for file in files {
            do { inputs.append((file, try InputFile.bytes(file, what: what))) } catch {
                guard case .invalid(let diagnostic) = error else { throw fail("\(file): error: cannot read the \(what)\n    hint: \(hint)") }
                throw fail(diagnostic.description)
            }
        }
        let result: CSVImport.Result
        do { result = try importing(tableImport(), inputs) } catch let error as CSVError { throw fail(error) }
        try finish(result, input: files.first ?? "-")
    }

    /// Checks the imported model, then writes it and the report, and says what was imported.
    /// Fails without writing the model (an error naming `input`) when rows were left unplaced and
    /// `--allow-unplaced` is not given.
    private func finish(_ result: CSVImport.Result, input: String) throws {
        let loaded = ModelLoader.load(file: output == "-" ? "import.yaml" : output) { _ in result.yaml }
        guard loaded.isValid else {
            throw fail(ModelError(diagnostics: loaded.diagnostics).description + "\nthe imported model is not valid; this is a bug in the importer, please report it with the file")
        }
        let lines = result.report.items.map { "\($0.place): \($0.message)" }
        let refused = result.unplaced > 0 && !allowUnplaced
        do {
            if !refused { try OutputFile.write(Array(result.yaml.utf8), to: output) }
            if let report {
                try OutputFile.write(Array((lines + [result.summary]).map { $0 + "\n" }.joined().utf8), to: report)
            } else {
                FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
            }
        } catch {
            throw fail(error)
        }
        FileHandle.standardError.write(Data((result.summary + "\n").utf8))
        if refused {
            throw fail("\(input): error: \(result.unplaced) of \(result.rows) rows could not be placed; no model was written\n"
                + "    hint: correct the rows \(report.map { "listed in \($0)" } ?? "listed above"), or pass --allow-unplaced to write the model without them")
        }
    }
}
