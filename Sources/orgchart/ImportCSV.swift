import ArgumentParser
import Foundation
import OrgBuild
import OrgImport
import OrgModel

/// `orgchart import csv`: a spreadsheet of posts and reporting lines as a model.
struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a spreadsheet (id, name, reports-to …) as a model.",
        discussion: """
        Reads CSV files of posts and writes a model in which every post is a unit of kind `post` under the post it \
        reports to. Columns are found by their headers (UK organogram exports are recognized as they are) or named \
        with the options below, by header or column number. Placeholders (XX, N/D, N/A, NaN, empty) count as missing. \
        Rows that cannot be placed (a reports-to naming no post, a cycle, a second top post, a repeated id) are \
        reported with file and line on standard error, or in the --report file, and the rest is imported.
        """
    )

    @Argument(help: "CSV files, read in order (e.g. a senior posts file, then a junior posts file reporting to its posts).")
    var files: [String]

    @Option(name: .shortAndLong, help: "The model file to write (.yaml); `-` writes to standard output.")
    var output: String = "-"

    @Option(help: "Write the report of rows not placed to this file instead of standard error.")
    var report: String?

    @Option(help: "The column of post ids (header or number).")
    var id: String?

    @Option(help: "The column of post titles or names.")
    var name: String?

    @Option(name: .customLong("reports-to"), help: "The column of the id each post reports to.")
    var reportsTo: String?

    @Option(name: .customLong("dotted-line"), help: "The column of the id a post also reports to (dotted line).")
    var dottedLine: String?

    @Option(help: "The column of units or teams (shown under each title).")
    var unit: String?

    @Option(help: "The column of grades.")
    var grade: String?

    @Option(help: "The model's title (default: from the file name).")
    var title: String?

    @Option(name: .customLong("model-id"), help: "The model's id (default: the file name followed by -organogram).")
    var modelID: String?

    func run() throws {
        var inputs: [(path: String, bytes: [UInt8])] = []
        for file in files {
            do { inputs.append((file, try InputFile.bytes(file, what: "spreadsheet"))) } catch {
                guard case .invalid(let diagnostic) = error else {
                    throw fail("\(file): error: cannot read the spreadsheet\n    hint: check the path; export the sheet as CSV (comma-separated, UTF-8)")
                }
                throw fail(diagnostic.description)
            }
        }
        let named: [CSVColumns.Role: String] = [.id: id, .name: name, .reportsTo: reportsTo, .dottedLine: dottedLine, .unit: unit, .grade: grade]
            .compactMapValues { $0 }
        let result: CSVImport.Result
        do {
            result = try CSVImport(columns: named, modelID: modelID, title: title).run(inputs)
        } catch {
            throw fail("\(error)")
        }
        let loaded = ModelLoader.load(file: output == "-" ? "import.yaml" : output) { _ in result.yaml }
        guard loaded.isValid else {
            throw fail(ModelError(diagnostics: loaded.diagnostics).description + "\nthe imported model is not valid; this is a bug in the importer, please report it with the file")
        }
        let lines = result.report.items.map { "\($0.place): \($0.message)" }
        let summary = "imported \(result.placed) of \(result.rows) rows as posts; \(result.rows - result.placed) not placed"
        do {
            try OutputFile.write(Array(result.yaml.utf8), to: output)
            if let report {
                try OutputFile.write(Array((lines + [summary]).map { $0 + "\n" }.joined().utf8), to: report)
            } else {
                FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
            }
        } catch {
            throw fail("\(error)")
        }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
}
