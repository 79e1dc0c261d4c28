/// A place in a model file: file path, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file the element was read from (as given on the command line or a built-in model's name).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found while loading or validating a model, with where it is and how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is, when it comes from a file.
    public var location: SourceLocation?
    /// The unit, post or relationship concerned, when there is one.
    public var subject: String?
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation?, subject: String? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.subject = subject
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (unit id)` followed by an indented hint line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let subject, !message.contains("'\(subject)'") { text += " [\(subject)]" }
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

/// Raised when a model cannot be used: carries every problem found, sorted by place.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// All the problems, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        return (errors.isEmpty ? diagnostics : errors).map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column; diagnostics without a location come last, by subject.
    public func sortedByPlace() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?):
                return (x.file, x.line, x.column, a.message) < (y.file, y.line, y.column, b.message)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (a.subject ?? "", a.message) < (b.subject ?? "", b.message)
            }
        }
    }
}
