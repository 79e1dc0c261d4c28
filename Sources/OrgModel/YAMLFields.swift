import Yams

/// A YAML node that `LocatedFields` can read: a scalar, a sequence or a mapping, with its place
/// in the file.
public protocol LocatedYAMLValue {
    /// The text of a scalar; nil for a sequence or a mapping.
    var scalarText: String? { get }
    /// True for a scalar written without quotes or block indicators.
    var isPlainScalar: Bool { get }
    /// The items of a sequence; nil for a scalar or a mapping.
    var sequenceItems: [Self]? { get }
    /// The pairs of a mapping in file order; nil for a scalar or a sequence.
    var mappingPairs: [(key: Self, value: Self)]? { get }
    /// The text of this node as a mapping key; nil when it has none.
    var keyText: String? { get }
    /// Where this node starts in `file`.
    func location(in file: String) -> SourceLocation
}

/// The fields of a mapping of Yams nodes (manifests, mapping files).
public typealias YAMLFields = LocatedFields<Node>

/// Reads the fields of one YAML mapping of a model file, remembering where each value is and
/// reporting keys it does not know, missing keys and values of the wrong shape.
public struct LocatedFields<Value: LocatedYAMLValue> {
    /// The mapping node.
    public let node: Value
    /// The file it was read from.
    public let file: String
    /// The known keys, in file order, and their values.
    private let keys: [String]
    private let values: [Value]
    private let reporter: DiagnosticSink

    /// Wraps `node`; reports a diagnostic when it is not a mapping or has keys outside `known`.
    /// `what` names the mapping in those diagnostics.
    public init?(_ node: Value, what: @autoclosure () -> String, known: [String], file: String, reporter: DiagnosticSink) {
        self.node = node
        self.file = file
        self.reporter = reporter
        guard let mapping = node.mappingPairs else {
            reporter.error(at: node.location(in: file), "\(what()) must be a mapping of keys to values",
                           hint: "write it as `key: value` lines, e.g. `- id: my-unit`")
            return nil
        }
        var keys: [String] = [], values: [Value] = []
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let name = key.keyText else { continue }
            if !known.contains(name) {
                let suggestion = closest(to: name, among: known)
                reporter.error(at: key.location(in: file), "unknown key '\(ModelLoader.shortened(name))' in \(what())",
                               hint: suggestion.map { "did you mean '\($0)'? Known keys: \(known.joined(separator: ", "))" }
                                   ?? "known keys: \(known.joined(separator: ", "))")
                continue
            }
            keys.append(name)
            values.append(value)
        }
        self.keys = keys
        self.values = values
    }

    /// The node under `key`, or nil when absent or null.
    public func node(_ key: String) -> Value? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        let value = values[index]
        if value.isPlainScalar, let text = value.scalarText {
            switch text {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return value
    }

    /// The string under `key`; reports an error when it is a list or mapping.
    public func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalarText else {
            reporter.error(at: value.location(in: file), "'\(key)' must be a single value, not a list or mapping",
                           hint: "write `\(key): text`")
            return nil
        }
        return bounded(text, of: key, at: value)
    }

    /// `text`, or when it is longer than `InputFile.maximumValueBytes` its beginning, the
    /// error reported at `value`.
    private func bounded(_ text: String, of key: String, at value: Value) -> String {
        let limit = InputFile.maximumValueBytes
        guard text.utf8.count > limit else { return text }
        reporter.error(at: value.location(in: file), "the value of '\(key)' is \(text.utf8.count) bytes long; a value has at most \(limit)",
                       hint: "shorten it: names, titles and notes are drawn in boxes and tooltips")
        return String(decoding: text.utf8.prefix(limit), as: UTF8.self)
    }

    /// The link under `key` as written, or nil when absent or refused by `LinkPolicy`; a refused
    /// link is reported as a warning and dropped, so that no output carries it.
    public func link(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard let refusal = LinkPolicy.refusal(text) else { return text }
        reporter.warning(at: location(key), "\(refusal); the link is dropped from every chart, page and report",
                         hint: "give an http:, https: or mailto: link, or a relative one")
        return nil
    }

    /// The string under `key`; reports an error naming `what` when it is missing or empty.
    public func required(_ key: String, of what: @autoclosure () -> String) -> String? {
        guard let value = string(key), !value.isBlank else {
            reporter.error(at: node.location(in: file), "\(what()) has no '\(key)'", hint: "add `\(key): …`")
            return nil
        }
        return value
    }

    /// A list of strings under `key` (a single string counts as a list of one).
    public func strings(_ key: String) -> [String] {
        guard let value = node(key) else { return [] }
        if let text = value.scalarText { return [bounded(text, of: key, at: value)] }
        guard let items = value.sequenceItems else {
            reporter.error(at: value.location(in: file), "'\(key)' must be a list", hint: "write `\(key): [a, b]`")
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalarText else {
                reporter.error(at: item.location(in: file), "items of '\(key)' must be plain text", hint: nil)
                return nil
            }
            return bounded(text, of: key, at: item)
        }
    }

    /// The list of nodes under `key`; reports an error when it is not a list.
    public func list(_ key: String) -> [Value] {
        guard let value = node(key) else { return [] }
        guard let items = value.sequenceItems else {
            reporter.error(at: value.location(in: file), "'\(key)' must be a list of entries", hint: "start each entry with `- `")
            return []
        }
        return items
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

extension Node: LocatedYAMLValue {
    /// Where this node starts in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    public var scalarText: String? { scalar?.string }
    public var isPlainScalar: Bool { scalar?.style == .plain }
    public var sequenceItems: [Node]? { sequence.map(Array.init) }
    public var mappingPairs: [(key: Node, value: Node)]? { mapping.map { $0.map { ($0.key, $0.value) } } }
    public var keyText: String? { string }
}

extension YAMLNode: LocatedYAMLValue {
    func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: Int(line), column: Int(column)) }

    var scalarText: String? { text }

    var isPlainScalar: Bool {
        if case .scalar(_, let plain, _) = content { return plain }
        return false
    }

    var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mappingPairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }
}

extension StringProtocol {
    /// True when empty or only spaces and tabs: what `trimmingCharacters(in: .whitespaces)` would
    /// empty (tab, the Unicode space separators and U+200B).
    var isBlank: Bool { unicodeScalars.allSatisfy(\.isBlank) }
}

extension Substring {
    /// Without leading and trailing spaces and tabs, like `trimmingCharacters(in: .whitespaces)`.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }), let last = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Tab, a space separator (general category Zs) or U+200B, Foundation's `.whitespaces`.
    var isBlank: Bool {
        switch value {
        case 0x09, 0x20: return true
        case 0..<0x80: return false
        default: return value == 0x200B || properties.generalCategory == .spaceSeparator
        }
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
func closest(to word: String, among candidates: [String]) -> String? {
    // The distance is at least the difference of lengths: a word much longer than every
    // candidate is no typo of one, and is not compared (its table would be large).
    let length = word.count
    guard length - (candidates.map(\.count).max() ?? 0) <= max(2, length / 3) else { return nil }
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    // A suggestion keeps at least one character of the word: "zz" is not a typo of "a".
    return best.1 <= min(max(2, word.count / 3), word.count - 1) ? best.0 : nil
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
