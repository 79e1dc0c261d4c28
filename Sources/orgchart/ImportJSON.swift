import ArgumentParser
import OrgImport

/// `orgchart import json`: a nested tree or a flat list of entries as a model.
struct ImportJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Import org-chart JSON (a nested {name, children} tree or a flat {id, parentId} list) as a model.",
        discussion: """
        Reads a nested tree (`{"name": …, "children": […]}`, as d3-org-chart and OrgChart.js take it), a list of \
        such trees, or a flat list of entries naming their parent (`[{"id": …, "parentId": …, "name": …}]`, or \
        `pid`, `parent`, `manager` …), also under one key of a wrapping object. Each entry is read like a spreadsheet \
        row whose columns are its keys: the field options name keys where the defaults are not found. In a tree an \
        entry's parent is the entry holding it; entries without an id get one from the file name and their order. \
        Errors name file:line:column; entries that cannot be placed are reported as for `import csv`.
        """
    )

    @Argument(help: "The JSON file; `-` reads standard input.")
    var file: String

    @Option(help: "The key holding each entry's children (default: children, _children, subordinates, directReports, reports, items or nodes).")
    var children: String?

    @OptionGroup var options: ImportTableOptions

    func run() throws {
        guard let input = try ImportTableOptions.read([file], what: "JSON file", hint: "check the path").first else { return }
        let result: CSVImport.Result
        do {
            result = try JSONImport(table: options.tableImport(), childrenKey: children).run(path: input.path, bytes: input.bytes)
        } catch let error as CSVError {
            throw fail("\(error)")
        }
        try options.finish(result, input: file)
    }
}
