import ArgumentParser
import OrgImport

/// `orgchart import csv`: a spreadsheet of posts and reporting lines as a model.
struct ImportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a spreadsheet (id, name, reports-to …) as a model.",
        discussion: """
        Reads CSV files of posts and writes a model in which every post is a unit of kind `post` under the post it \
        reports to, with the name of the person holding it. Columns are found by their headers (raw and cleaned UK \
        organogram exports are recognized as they are) or named with the options below, by header or column number. \
        A reports-to names a post by id, by its holder's name or by its title. Junior rows (no id, marked Junior or \
        giving an FTE) become staff groups of the post they report to. Placeholders (XX, N/D, N/A, NaN, empty) count \
        as missing. A file holding several snapshots (ids repeating, one column telling them apart) needs --where. \
        Rows that cannot be placed (a reports-to naming no post, a cycle, a second top post, a repeated id) are \
        reported with file and line on standard error, or in the --report file; unless --allow-unplaced is given, \
        the import then fails and writes no model.
        """
    )

    @Argument(help: "CSV files, read in order (e.g. a senior posts file, then a junior posts file reporting to its posts).")
    var files: [String]

    @OptionGroup var options: ImportTableOptions

    func run() throws {
        try options.run(files, what: "spreadsheet", hint: "check the path; export the sheet as CSV (comma-separated, UTF-8)") { table, inputs in
            try table.run(inputs)
        }
    }
}
