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
        try options.run([file], what: "JSON file", hint: "check the path") { table, inputs in
            try JSONImport(table: table, childrenKey: children).run(path: inputs[0].path, bytes: inputs[0].bytes)
        }
    }
}
