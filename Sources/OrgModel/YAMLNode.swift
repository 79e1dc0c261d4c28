internal import CYaml
import Foundation
import Yams

/// A node of a model file as the loader reads it: a scalar, a sequence or a mapping, with the
/// 1-based line and column where it starts. Read straight from libyaml's events, without
/// building a Yams `Node` tree; any text outside the plain subset the models use goes through
/// Yams' composer instead (see `ModelLoader.parseModel`), so both give the same nodes and errors.
struct YAMLNode {
    /// What the node holds.
    enum Content {
        /// A scalar's text; `plain` when written without quotes or block indicators.
        case scalar(String, plain: Bool, tag: ScalarTag)
        /// The items of a sequence.
        case sequence([YAMLNode])
        /// The pairs of a mapping, in file order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// What the node holds.
    var content: Content
    /// 1-based line of the node's first character.
    var line: Int32
    /// 1-based column of the node's first character, counted in characters.
    var column: Int32

    /// What a scalar's tag, as Yams keeps it before resolution, says about reading the scalar.
    enum ScalarTag: UInt8 {
        /// No tag: a plain scalar's.
        case implicit
        /// Text: implied by quotes or a block indicator, or written `!!str`.
        case text
        /// `!!value`, which Yams reads through when a mapping is a key.
        case value
        /// Any other tag.
        case other
    }

    /// The text of a scalar, nil for a sequence or a mapping.
    var text: String? {
        if case .scalar(let text, _, _) = content { return text }
        return nil
    }

    /// The text of a mapping key as Yams reads it (`Node.string`): a scalar's text, or for a
    /// mapping the value under its `!!value` key.
    var keyText: String? {
        switch content {
        case .scalar(let text, _, _): return text
        case .mapping(let pairs): return pairs.first { $0.key.tag == .value }.flatMap { $0.value.keyText }
        case .sequence: return nil
        }
    }

    /// The tag of a scalar.
    private var tag: ScalarTag? {
        if case .scalar(_, _, let tag) = content { return tag }
        return nil
    }

    /// The scalar as a boolean the way Yams reads `Node.bool`: `true`, `yes`, `on` (any case)
    /// and their opposites, unless quoted or tagged as text.
    var bool: Bool? {
        guard case .scalar(let text, _, let tag) = content, tag != .text else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

extension YAMLNode {
    /// Reads the single document of `text` from libyaml's events; nil for an empty stream, a
    /// syntax error, anchors, aliases, tags, keys that are not scalars, a key written twice or a
    /// second document, which are left to Yams' composer.
    static func read(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            let reader = EventReader(bytes)
            defer { reader.close() }
            guard reader.next(), reader.type == YAML_STREAM_START_EVENT,
                  reader.next(), reader.type == YAML_DOCUMENT_START_EVENT,
                  reader.next(), let root = reader.node(),
                  reader.next(), reader.type == YAML_DOCUMENT_END_EVENT,
                  reader.next(), reader.type == YAML_STREAM_END_EVENT else { return nil }
            return root
        }
    }

    /// Converts a node composed by Yams (aliases already replaced by the nodes they name).
    init(_ node: Node) {
        let mark = node.mark
        line = Int32(mark?.line ?? 1)
        column = Int32(mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            let tag: ScalarTag = switch scalar.tag.description {
            case Tag.Name.implicit.rawValue: .implicit
            case Tag.Name.str.rawValue: .text
            case Tag.Name.value.rawValue: .value
            default: .other
            }
            content = .scalar(scalar.string, plain: scalar.style == .plain, tag: tag)
        case .sequence(let sequence):
            content = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping):
            content = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) })
        case .alias:
            // The composer replaces every alias by the node it names; never reached.
            content = .scalar("", plain: true, tag: .implicit)
        }
    }
}

/// libyaml's parser over UTF-8 bytes, one event at a time.
private final class EventReader {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    /// The items of the sequences and the pairs of the mappings being read, innermost last;
    /// each node gets an array of its own size when it ends.
    private var items: [YAMLNode] = [], pairs: [(key: YAMLNode, value: YAMLNode)] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        event.initialize(to: yaml_event_t())
    }

    /// Frees the parser and the last event.
    func close() {
        yaml_event_delete(event)
        yaml_parser_delete(parser)
        event.deallocate()
        parser.deallocate()
    }

    /// The type of the current event.
    var type: yaml_event_type_t { event.pointee.type }

    /// Moves to the next event; false on a syntax error.
    func next() -> Bool {
        yaml_event_delete(event)
        return yaml_parser_parse(parser, event) == 1
    }

    /// The node starting at the current event, its last event current on return; nil when it
    /// is outside the plain subset or the text is not valid YAML.
    func node() -> YAMLNode? {
        let line = Int32(event.pointee.start_mark.line + 1), column = Int32(event.pointee.start_mark.column + 1)
        switch type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil else { return nil }
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            // Yams decodes with Foundation, which drops a leading byte order mark.
            let text = bytes.first == 0xEF ? String(bytes: bytes, encoding: .utf8) : String(decoding: bytes, as: UTF8.self)
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            return text.map { YAMLNode(content: .scalar($0, plain: plain, tag: plain ? .implicit : .text), line: line, column: column) }
        case YAML_SEQUENCE_START_EVENT:
            guard event.pointee.data.sequence_start.anchor == nil, event.pointee.data.sequence_start.tag == nil else { return nil }
            let start = items.count
            defer { items.removeSubrange(start...) }
            while next(), type != YAML_SEQUENCE_END_EVENT {
                guard let item = node() else { return nil }
                items.append(item)
            }
            guard type == YAML_SEQUENCE_END_EVENT else { return nil }
            return YAMLNode(content: .sequence(Array(items[start...])), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            guard event.pointee.data.mapping_start.anchor == nil, event.pointee.data.mapping_start.tag == nil else { return nil }
            let start = pairs.count
            defer { pairs.removeSubrange(start...) }
            while next(), type != YAML_MAPPING_END_EVENT {
                guard let key = node(), key.text != nil, next(), let value = node() else { return nil }
                pairs.append((key, value))
            }
            let mapping = Array(pairs[start...])
            guard type == YAML_MAPPING_END_EVENT, !Self.repeatsKey(mapping) else { return nil }
            return YAMLNode(content: .mapping(mapping), line: line, column: column)
        default:
            return nil
        }
    }

    /// True when two keys are equal as Swift strings (as Yams compares them).
    private static func repeatsKey(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> Bool {
        if pairs.count > 16 { return Set(pairs.map { $0.key.text }).count < pairs.count }
        for i in pairs.indices {
            let key = pairs[i].key.text
            for j in 0..<i where pairs[j].key.text == key { return true }
        }
        return false
    }
}

extension YAMLNode {
    /// The size a YAML text may reach with every alias written out in full: 4 times its own
    /// size, and at least 1 MiB.
    static func expansionLimit(of text: String) -> Int { max(4 * text.utf8.count, 1 << 20) }

    /// The 1-based line and column of the alias at which the first document of `text`, with
    /// every alias `*NAME` written out as the value marked `&NAME`, grows past `limit` bytes
    /// (scalars by their length, collections and separators 2 bytes a node); nil when it stays
    /// within. Counts without building any node, so a "billion laughs" text is refused in the
    /// time it takes to read it. Reads up to the first syntax error.
    static func aliasExpansionExceeds(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { bytes in
            let reader = EventReader(bytes)
            defer { reader.close() }
            return reader.aliasExpansionExceeds(limit)
        }
    }
}

/// A key written more than once in one mapping of a YAML text.
struct RepeatedKey: Equatable {
    /// The key's text.
    var key: String
    /// 1-based line and column of its second occurrence.
    var line: Int, column: Int
    /// 1-based line and column of its first occurrence.
    var firstLine: Int, firstColumn: Int
    /// How many times the mapping holds the key.
    var count: Int
}

extension YAMLNode {
    /// The keys written more than once in a mapping of the first document of `text`, in file
    /// order of their second occurrence. Keys are compared as Yams' composer compares them with
    /// the basic resolver: by text and tag, an alias as the scalar it names; keys that are
    /// collections are not compared. Reads up to the first syntax error.
    static func repeatedKeys(in text: String) -> [RepeatedKey] {
        var text = text
        return text.withUTF8 { bytes in
            let reader = EventReader(bytes)
            defer { reader.close() }
            return reader.repeatedKeys().sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
    }
}

extension EventReader {
    /// See `YAMLNode.aliasExpansionExceeds(_:in:)`.
    func aliasExpansionExceeds(_ limit: Int) -> (line: Int, column: Int)? {
        let nodeBytes = 2
        var written = 0
        var anchored: [String: Int] = [:]
        var open: [(anchor: String?, start: Int)] = []
        func name(_ chars: UnsafeMutablePointer<yaml_char_t>?) -> String? { chars.map { String(cString: $0) } }
        while next() {
            switch type {
            case YAML_SCALAR_EVENT:
                let size = event.pointee.data.scalar.length + nodeBytes
                written += size
                if let anchor = name(event.pointee.data.scalar.anchor) { anchored[anchor] = size }
            case YAML_ALIAS_EVENT:
                written += name(event.pointee.data.alias.anchor).flatMap { anchored[$0] } ?? nodeBytes
                if written > limit { return (Int(event.pointee.start_mark.line) + 1, Int(event.pointee.start_mark.column) + 1) }
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.pointee.data.sequence_start.anchor), written))
                written += nodeBytes
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.pointee.data.mapping_start.anchor), written))
                written += nodeBytes
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return nil }
                if let anchor = collection.anchor { anchored[anchor] = written - collection.start }
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
        }
        return nil
    }

    /// A scalar as a mapping key: its tag (nil for text, as the basic resolver reads any
    /// scalar without a tag or with `!` or `!!str`) and its text.
    private struct Key: Hashable {
        var tag: String?
        var text: String
    }

    /// An open collection: for a mapping, its keys so far and whether the next node is a key.
    private struct Frame {
        var isMapping: Bool
        var keys: [(key: Key?, line: Int, column: Int)] = []
        var expectsKey = true
    }

    /// See `YAMLNode.repeatedKeys(in:)`; not sorted.
    func repeatedKeys() -> [RepeatedKey] {
        var frames: [Frame] = []
        var anchors: [String: Key?] = [:]
        var found: [RepeatedKey] = []
        func name(_ chars: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            chars.map { String(cString: $0) }
        }
        // A node starts at (line, column): a key when its mapping expects one.
        func started(_ key: Key?, line: Int, column: Int) {
            guard let last = frames.indices.last, frames[last].isMapping else { return }
            if frames[last].expectsKey { frames[last].keys.append((key, line, column)) }
            frames[last].expectsKey.toggle()
        }
        while next() {
            let line = Int(event.pointee.start_mark.line) + 1, column = Int(event.pointee.start_mark.column) + 1
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // As in `node()`: Yams decodes with Foundation, which drops a leading byte order mark.
                let text = (bytes.first == 0xEF ? String(bytes: bytes, encoding: .utf8) : nil) ?? String(decoding: bytes, as: UTF8.self)
                let tag = name(scalar.tag).flatMap { $0 == "!" || $0 == Tag.Name.str.rawValue ? nil : $0 }
                let key = Key(tag: tag, text: text)
                if let anchor = name(scalar.anchor) { anchors[anchor] = key }
                started(key, line: line, column: column)
            case YAML_ALIAS_EVENT:
                started(name(event.pointee.data.alias.anchor).flatMap { anchors[$0] ?? nil }, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                if let anchor = name(event.pointee.data.sequence_start.anchor) { anchors[anchor] = .some(nil) }
                started(nil, line: line, column: column)
                frames.append(Frame(isMapping: false))
            case YAML_MAPPING_START_EVENT:
                if let anchor = name(event.pointee.data.mapping_start.anchor) { anchors[anchor] = .some(nil) }
                started(nil, line: line, column: column)
                frames.append(Frame(isMapping: true))
            case YAML_SEQUENCE_END_EVENT:
                frames.removeLast()
            case YAML_MAPPING_END_EVENT:
                let keys = frames.removeLast().keys
                var seen: [Key: (index: Int, count: Int)] = [:]
                for (index, entry) in keys.enumerated() {
                    guard let key = entry.key else { continue }
                    seen[key, default: (index, 0)].count += 1
                }
                var reported = Set<Key>()
                for (index, entry) in keys.enumerated() {
                    guard let key = entry.key, let (first, count) = seen[key], count > 1, index != first,
                          reported.insert(key).inserted else { continue }
                    found.append(RepeatedKey(key: key.text, line: entry.line, column: entry.column,
                                             firstLine: keys[first].line, firstColumn: keys[first].column, count: count))
                }
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return found
            default:
                break
            }
        }
        return found
    }
}
