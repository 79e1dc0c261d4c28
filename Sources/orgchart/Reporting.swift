import ArgumentParser
import Foundation
import OrgChart

/// Prints `message` on standard error and ends with exit status 1: the input was wrong or
/// something failed.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    return ExitCode(1)
}

/// Prints `error`'s message, worded for the command line, on standard error and ends with exit status 1.
func fail(_ error: any Error) -> ExitCode {
    fail(commandLineMessage(error))
}

/// Prints `message` on standard error and ends with exit status 64 (EX_USAGE, as for an unknown
/// option): the command line itself was wrong, e.g. an option's value is not one of its choices.
func usageError(_ message: String) -> ExitCode {
    _ = fail(message)
    return ExitCode.validationFailure
}

/// Exit status 2: `build --check` found charts to rebuild, or `diff --fail-on` matched.
let checkFailed = ExitCode(2)

/// `count` and `noun`, in the plural unless `count` is 1: "1 warning", "3 warnings".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Prints `value` as sorted, indented JSON on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
}

/// How `validate` and `build` report: lines for people, one JSON object, or workflow commands
/// that GitHub Actions shows as annotations on the files.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}

/// A diagnostic as `--format json` writes it.
struct DiagnosticRecord: Encodable {
    var severity: String
    var file: String?
    var line: Int?
    var column: Int?
    var subject: String?
    var message: String
    var hint: String?

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        file = diagnostic.location?.file
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        subject = diagnostic.subject
        message = diagnostic.message
        hint = diagnostic.hint
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), which the runner
/// turns into annotations on the lines of the files.
enum GitHubAnnotation {
    /// The command for `diagnostic`: an error or a warning at its place, its subject and hint in
    /// the message.
    static func line(_ diagnostic: Diagnostic) -> String {
        // Standard input is no file of the repository to annotate: its place goes into the message.
        let annotated = diagnostic.location.flatMap { $0.file == InputFile.name(of: InputFile.standardInput) ? nil : $0 }
        var message = diagnostic.message
        if annotated == nil, let location = diagnostic.location { message = "\(location): \(message)" }
        if let subject = diagnostic.subject, !message.contains("'\(subject)'") { message += " [\(subject)]" }
        if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
        return line(diagnostic.severity == .error ? "error" : "warning", file: annotated?.file, line: annotated?.line, column: annotated?.column, message)
    }

    /// The command `kind` (error, warning or notice) for `message`, at a file and place when given.
    static func line(_ kind: String, file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String) -> String {
        var properties: [String] = []
        if let file { properties.append("file=\(escapeProperty(file))") }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        return "::\(kind)\(properties.isEmpty ? "" : " " + properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// `text` as a command's message: `%`, carriage returns and line feeds encoded.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// `text` as a property value: also `:` and `,`, which end a value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
