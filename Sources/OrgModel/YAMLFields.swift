import Yams

/// Reads the fields of one YAML mapping of a model file, remembering where each value is and
/// reporting keys it does not know, missing keys and values of the wrong shape.
public struct YAMLFields {
    /// The mapping node.
    public let node: Node
    /// The file it was read from.
    public let file: String
    private(set) var pairs: [(key: String, value: Node)] = []
    private let reporter: DiagnosticSink

    /// Wraps `node`; reports a diagnostic when it is not a mapping or has keys outside `known`.
    public init?(_ node: Node, what: String, known: [String], file: String, reporter: DiagnosticSink) {
        self.node = node
        self.file = file
        self.reporter = reporter
        guard let mapping = node.mapping else {
            reporter.error(at: node.location(in: file), "\(what) must be a mapping of keys to values",
                           hint: "write it as `key: value` lines, e.g. `- id: my-unit`")
            return nil
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !known.contains(name) {
                let suggestion = closest(to: name, among: known)
                reporter.error(at: key.location(in: file), "unknown key '\(name)' in \(what)",
                               hint: suggestion.map { "did you mean '\($0)'? Known keys: \(known.joined(separator: ", "))" }
                                   ?? "known keys: \(known.joined(separator: ", "))")
                continue
            }
            pairs.append((name, value))
        }
    }

    /// The node under `key`, or nil when absent or null.
    public func node(_ key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return value
    }

    /// The string under `key`; reports an error when it is a list or mapping.
    public func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            reporter.error(at: value.location(in: file), "'\(key)' must be a single value, not a list or mapping",
                           hint: "write `\(key): text`")
            return nil
        }
        return scalar.string
    }

    /// The string under `key`; reports an error naming `what` when it is missing or empty.
    public func required(_ key: String, of what: String) -> String? {
        guard let value = string(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            reporter.error(at: node.location(in: file), "\(what) has no '\(key)'", hint: "add `\(key): …`")
            return nil
        }
        return value
    }

    /// A list of strings under `key` (a single string counts as a list of one).
    public func strings(_ key: String) -> [String] {
        guard let value = node(key) else { return [] }
        switch value {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let items):
            return items.compactMap { item in
                guard case .scalar(let scalar) = item else {
                    reporter.error(at: item.location(in: file), "items of '\(key)' must be plain text", hint: nil)
                    return nil
                }
                return scalar.string
            }
        default:
            reporter.error(at: value.location(in: file), "'\(key)' must be a list", hint: "write `\(key): [a, b]`")
            return []
        }
    }

    /// The list of nodes under `key`; reports an error when it is not a list.
    public func list(_ key: String) -> [Node] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let items) = value else {
            reporter.error(at: value.location(in: file), "'\(key)' must be a list of entries", hint: "start each entry with `- `")
            return []
        }
        return Array(items)
    }

    /// The location of the value under `key`, or of the mapping itself.
    public func location(_ key: String? = nil) -> SourceLocation {
        (key.flatMap { node($0) } ?? node).location(in: file)
    }
}

/// Collects the diagnostics of one load.
public final class DiagnosticSink {
    /// Creates an empty sink.
    public init() {}

    /// The diagnostics collected, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Records an error.
    public func error(at location: SourceLocation?, subject: String? = nil, _ message: String, hint: String?) {
        diagnostics.append(Diagnostic(.error, at: location, subject: subject, message, hint: hint))
    }

    /// Records a warning.
    public func warning(at location: SourceLocation?, subject: String? = nil, _ message: String, hint: String?) {
        diagnostics.append(Diagnostic(.warning, at: location, subject: subject, message, hint: hint))
    }

    /// Records several diagnostics.
    public func append(_ more: [Diagnostic]) { diagnostics += more }
}

extension Node {
    /// Where this node starts in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[x.count][y.count]
}
