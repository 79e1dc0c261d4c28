import OrgChart

// The library's errors as the command line words them: where a library message says what to
// change in a value, the command line names the option or command that sets it.

/// `error`'s message on the command line: an `OrgChartError` or an `OutputError` worded for
/// the command line, any other error as it describes itself.
func commandLineMessage(_ error: any Error) -> String {
    switch error {
    case let error as OrgChartError: error.commandLineMessage
    case let error as OutputError: error.commandLineMessage
    case let error as ViewError: error.commandLineMessage
    case let error as RenderError: error.commandLineMessage
    default: "\(error)"
    }
}

extension OrgChartError {
    /// The message with the options and commands of `orgchart` in its hints, and what was not written.
    var commandLineMessage: String {
        switch self {
        case .invalidModel(let error):
            "\(error)\nthe model is not valid; nothing was written (run `orgchart validate` for every problem)"
        case .invalidSnapshot(let error, let reference):
            "\(error)\nthe model '\(reference)' cannot be used; nothing was written (run `orgchart validate \(reference)` for every problem)"
        case .unreadableManifest(let path):
            "error: cannot read the manifest '\(path)'\n    hint: run `orgchart build` in the directory that holds orgchart.yml, or pass --manifest FILE"
        case .output(let error):
            error.commandLineMessage
        case .view(let error):
            error.commandLineMessage
        case .rendering(let error):
            error.commandLineMessage
        case .unsupported(let chart, let format, .matrixNotEditable):
            "error: the \(chart) chart is a matrix, which orgchart does not write as \(Self.documentName(format))\n    hint: render it as svg, pdf or png, or draw the services view as the two-column chart (--view services-chart)"
        case .unsupported(_, let format, .laidOutByGraphviz):
            "error: \(Self.documentName(format)) is drawn from orgchart's own layout, but this chart is laid out by Graphviz (--layout dot)\n    hint: leave out --layout dot, or give --layout tidy"
        case .chart(let name, let error):
            "chart '\(name)': \(error.commandLineMessage)"
        default:
            description
        }
    }
}

extension ViewError {
    /// The message with the option to change, and the command that lists unit ids.
    var commandLineMessage: String {
        switch reason {
        case .negativeDepth(let depth): "error: --depth must be 0 or more, not \(depth)\n    hint: use --depth 1 for a unit and its direct subunits"
        case .unknownRoot(near: []): "error: \(message)\n    hint: run `orgchart query units` to list unit ids"
        case .unknownSnapshotRoot(let side, let model, nil): "error: \(message)\n    hint: give a unit id of '\(model)' as --\(side)-root"
        case .overviewTooSmall: "error: \(message)\n    hint: draw its organigramme (--view organigramme), or the overview of the unit containing it"
        case .nothingToShow: "error: \(message)\n    hint: give --root UNIT"
        case .unknownRoot, .unknownSnapshotRoot, .other: description
        }
    }
}

extension RenderError {
    /// The message with the options that choose another layout or engine.
    var commandLineMessage: String {
        switch reason {
        case .notAGraphvizFormat: "error: \(message)\n    hint: orgchart writes them from its own layout: leave out --layout dot"
        case .layoutFailed: "error: \(message)\n    hint: try another engine (--engine dot), or check that the Graphviz plugins are installed (apt-get install libgvc6)"
        case .other: description
        }
    }
}

extension OutputError {
    /// The message, with `-o -` offered where a file cannot be replaced.
    var commandLineMessage: String {
        guard case .notRegularFile(let isDirectory) = reason else { return description }
        return "error: will not write over \(path): it is \(Self.kind(isDirectory: isDirectory))\n    hint: name a regular file, or write to standard output with `-o -`"
    }
}

extension SmallTextWarning {
    /// The warning with the options that make the text larger.
    var commandLineMessage: String {
        message(naming: Settings(page: "--page A4", largerPage: "--page A3", pdf: "-o chart.pdf", pages: "--pages", part: "--root, --depth"))
    }
}
