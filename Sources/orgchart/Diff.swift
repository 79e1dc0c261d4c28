import ArgumentParser
import Foundation
import OrgChart

/// `orgchart diff`: compare two snapshots of an organization as a chart, a report and a review page.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two snapshots of an organization: what was added, removed, renamed, moved, merged or split.",
        discussion: """
        With no output option the Markdown report goes to standard output. Built-in restructurings \
        (one argument instead of OLD NEW): \(BuiltinRestructurings.all.map(\.id).joined(separator: ", ")).
        Exit status: 0, or 1 on an error (nothing written), 2 when a class named by --fail-on is present, \
        64 when the command line is wrong.
        """
    )

    @Argument(help: "OLD NEW: model files (one may be `-`, standard input) or built-in model ids; or one built-in restructuring id (see --list).")
    var snapshots: [String] = []

    @Flag(help: "List the built-in restructurings and exit.")
    var list = false

    @Option(help: "Compare the subtree of this unit of the old model (default: its root).")
    var oldRoot: String?

    @Option(help: "Compare the subtree of this unit of the new model (default: its root).")
    var newRoot: String?

    @Option(help: "A mapping file pinning or refusing matches (may be repeated).")
    var mapping: [String] = []

    @Option(help: "The heading of the chart, report and page.")
    var title: String?

    @OptionGroup var theme: ThemeOption

    @Option(name: .shortAndLong, help: "Write every output into this directory: NAME.svg/.pdf/.png (see --formats), NAME.md, NAME.json, NAME.html.")
    var output: String?

    @Option(help: "The file name (without extension) of the outputs written with -o (default: the restructuring's id, or OLD-NEW).")
    var name: String?

    @Option(help: "Chart formats written with -o, comma-separated: svg, pdf, png, dot, pptx, drawio.")
    var formats: String = "svg,pdf,png"

    @Option(help: "Write the merged chart to this file; the format comes from the extension (.svg, .pdf, .png, .gv, .pptx, .drawio). May be repeated.")
    var chart: [String] = []

    @Option(help: "Write the Markdown report to this file (`-` for standard output).")
    var report: String?

    @Option(help: "Write the JSON report to this file (`-` for standard output).")
    var json: String?

    @Option(help: "Write the self-contained HTML review page to this file.")
    var html: String?

    @Option(help: "Exit with status 2 when any of these classes is present, comma-separated: \(ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")), or `any` (every class but unchanged).")
    var failOn: String?

    func run() throws {
        if list {
            for builtin in BuiltinRestructurings.all {
                print("\(builtin.id)\t\(builtin.old) → \(builtin.new)\t\(builtin.title)")
            }
            return
        }
        let flagged = try parseFailOn()
        let (spec, defaultName) = try makeSpec()
        let outputs = try plannedOutputs(defaultName: defaultName)
        let prepared: PreparedReview
        do {
            prepared = try spec.prepare()
            if outputs.isEmpty {
                try OutputFile.write(prepared.markdown, to: "-")
            } else {
                try prepared.write(outputs)
            }
        } catch {
            throw fail(error)
        }
        let present = prepared.review.present(flagged)
        if !present.isEmpty {
            let counts = prepared.review.counts
            FileHandle.standardError.write(Data("orgchart diff: flagged changes present: \(present.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))\n".utf8))
            throw checkFailed
        }
    }

    /// The classes named by --fail-on.
    private func parseFailOn() throws -> Set<ChangeKind> {
        guard let failOn else { return [] }
        var kinds = Set<ChangeKind>()
        for word in failOn.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            if word == "any" {
                kinds.formUnion(ChangeKind.allCases.filter { $0 != .unchanged })
            } else if let kind = ChangeKind(rawValue: word) {
                kinds.insert(kind)
            } else {
                throw usageError("error: unknown change class '\(word)' in --fail-on\n    hint: classes: \(ChangeKind.allCases.map(\.rawValue).joined(separator: ", ")), or any")
            }
        }
        return kinds
    }

    /// The comparison asked for, and the default name of its output files.
    private func makeSpec() throws -> (DiffSpec, String) {
        switch snapshots.count {
        case 1:
            guard let builtin = BuiltinRestructurings.named(snapshots[0]) else {
                throw fail("error: '\(snapshots[0])' is not a built-in restructuring\n    hint: give OLD and NEW models, or one of: \(BuiltinRestructurings.all.map(\.id).joined(separator: ", "))")
            }
            var spec = DiffSpec(builtin: builtin, template: theme.template)
            spec.oldRoot = oldRoot ?? spec.oldRoot
            spec.newRoot = newRoot ?? spec.newRoot
            spec.mappings += mapping
            spec.title = title ?? spec.title
            return (spec, builtin.id)
        case 2:
            guard snapshots[0] != InputFile.standardInput || snapshots[1] != InputFile.standardInput else {
                throw usageError("error: OLD and NEW cannot both be standard input\n    hint: give one of them as a file: orgchart diff old.yaml - < new.yaml")
            }
            let base = { (reference: String) in
                reference == InputFile.standardInput ? "stdin" : ((reference as NSString).lastPathComponent as NSString).deletingPathExtension
            }
            return (DiffSpec(old: snapshots[0], new: snapshots[1], oldRoot: oldRoot, newRoot: newRoot, mappings: mapping, title: title, template: theme.template),
                    "\(base(snapshots[0]))-\(base(snapshots[1]))")
        default:
            throw fail("error: orgchart diff needs OLD and NEW models, or one built-in restructuring id\n    hint: orgchart diff old.yaml new.yaml -o review/   or   orgchart diff --list")
        }
    }

    /// Every file to write, checked before anything is computed.
    private func plannedOutputs(defaultName: String) throws -> [(path: String, output: PreparedReview.Output)] {
        var outputs: [(path: String, output: PreparedReview.Output)] = []
        if let output {
            guard let safe = OutputFile.safeName(name ?? defaultName) else {
                throw usageError("error: --name '\(name ?? defaultName)' would be written outside the output directory '\(output)'\n    hint: \(OutputFile.safeNameHint)")
            }
            let base = (output as NSString).appendingPathComponent(safe)
            for word in formats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
                // NAME.html is the review page, written anyway.
                let chartFormats = OutputFormat.allCases.filter { $0 != .html }
                guard let format = OutputFormat(rawValue: word), chartFormats.contains(format) else {
                    throw usageError("error: unknown chart format '\(word)' in --formats\n    hint: formats: \(chartFormats.map(\.rawValue).joined(separator: ", "))")
                }
                outputs.append(("\(base).\(format.fileExtension)", .chart(format)))
            }
            outputs += [("\(base).md", .markdown), ("\(base).json", .json), ("\(base).html", .html)]
        }
        for path in chart {
            guard case .chart(let format)? = PreparedReview.Output(fileName: path) else {
                throw usageError("error: cannot tell the chart format of '\(path)'\n    hint: end the file name with .svg, .pdf, .png, .gv, .pptx or .drawio")
            }
            outputs.append((path, .chart(format)))
        }
        if let report { outputs.append((report, .markdown)) }
        if let json { outputs.append((json, .json)) }
        if let html { outputs.append((html, .html)) }
        return outputs
    }
}
