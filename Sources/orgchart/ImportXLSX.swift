import ArgumentParser
import OrgImport

/// `orgchart import xlsx`: a sheet of an Excel workbook, read as `import csv` reads a CSV file.
struct ImportXLSX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xlsx",
        abstract: "Import a sheet of an Excel workbook (.xlsx) as a model.",
        discussion: """
        Reads the first sheet of the workbook, or the one --sheet names, and imports its rows exactly as \
        `import csv` imports a CSV file: the same columns found by header, the same options, junior staff groups, \
        --where, the same report. Cells are read as the file stores them (dates as serial numbers). Reports name \
        the sheet's row numbers.
        """
    )

    @Argument(help: "The workbook (.xlsx); `-` reads standard input.")
    var file: String

    @Option(help: "The sheet to read (its name, case ignored; default: the first sheet).")
    var sheet: String?

    @OptionGroup var options: ImportTableOptions

    func run() throws {
        try options.run([file], what: "workbook", hint: "check the path") { table, inputs in
            try XLSXImport(table: table, sheet: sheet).run(path: inputs[0].path, bytes: inputs[0].bytes)
        }
    }
}
