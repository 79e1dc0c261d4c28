/// What a JSON value is.
indirect enum JSONValue {
    /// Members in file order (a key written twice keeps both).
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// A number as written, e.g. `12` or `7.5`.
    case number(String)
    case bool(Bool)
    case null
}

/// A member of a JSON object.
struct JSONMember {
    var key: String
    var value: JSONNode
}

/// A JSON value with the place it starts at, for errors and reports that name file:line:column.
struct JSONNode {
    /// What the value is.
    var value: JSONValue
    /// Where the value starts (1-based; columns in characters).
    var line: Int, column: Int

    /// The members of an object, nil for other values.
    var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The items of an array, nil for other values.
    var items: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// A string, number or boolean as text; "" for null; nil for objects and arrays.
    var text: String? {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .object, .array: return nil
        }
    }

    /// What the value is, for messages: "an object", "a list", "a string" …
    var kind: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// Reads JSON (RFC 8259) into `JSONNode`s that remember where each value starts. Errors name
/// the line and column of the first character that does not fit, never echo the input, and
/// nesting is bounded so that no input can exhaust the stack.
struct JSONReader {
    /// The deepest nesting of lists and objects accepted.
    static let maximumDepth = 500

    private let bytes: [UInt8]
    private let file: String
    private var index = 0, line = 1, column = 1

    /// Reads the single JSON value of `bytes` (a UTF-8 byte order mark skipped). Throws a
    /// located `CSVError` for anything that is not JSON.
    static func read(_ bytes: [UInt8], file: String) throws -> JSONNode {
        var reader = JSONReader(bytes: bytes, file: file)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipSpace()
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count { throw reader.error("there is more after the end of the JSON value", hint: "a file holds one value: wrap several in a list [ … ]") }
        return node
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func error(_ message: String, hint: String) -> CSVError {
        CSVError(file: file, line: line, message: message, hint: hint, column: column)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, counting lines and (on the first byte of each character) columns.
    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    /// A description of the character at the current place, for messages.
    private var found: String {
        guard let byte = current else { return "the end of the file" }
        return byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func value(depth: Int) throws -> JSONNode {
        let startLine = line, startColumn = column
        func node(_ value: JSONValue) -> JSONNode { JSONNode(value: value, line: startLine, column: startColumn) }
        switch current {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("lists and objects are nested more than \(Self.maximumDepth) deep", hint: "flatten the tree into a list of {id, parentId} entries") }
            advance()
            var members: [JSONMember] = []
            skipSpace()
            if current == UInt8(ascii: "}") { advance(); return node(.object(members)) }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)", hint: "write members as \"key\": value, separated by commas") }
                let key = try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key.prefix(40))\", found \(found)", hint: "write members as \"key\": value") }
                advance()
                skipSpace()
                members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
                skipSpace()
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == UInt8(ascii: "}") { advance(); return node(.object(members)) }
                throw error("expected ',' or '}' in the object opened at line \(startLine), column \(startColumn), found \(found)", hint: "separate members with commas; JSON allows no comma after the last one")
            }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("lists and objects are nested more than \(Self.maximumDepth) deep", hint: "flatten the tree into a list of {id, parentId} entries") }
            advance()
            var items: [JSONNode] = []
            skipSpace()
            if current == UInt8(ascii: "]") { advance(); return node(.array(items)) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == UInt8(ascii: "]") { advance(); return node(.array(items)) }
                throw error("expected ',' or ']' in the list opened at line \(startLine), column \(startColumn), found \(found)", hint: "separate items with commas; JSON allows no comma after the last one")
            }
        case UInt8(ascii: "\""):
            return node(.string(try string()))
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] where bytes[index...].starts(with: word.utf8) {
                for _ in word.utf8 { advance() }
                return node(value)
            }
            throw error("expected a value, found \(found)", hint: "values are \"text\", numbers, true, false, null, [lists] and {objects}")
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return node(.number(try number()))
        default:
            throw error("expected a value, found \(found)", hint: "values are \"text\", numbers, true, false, null, [lists] and {objects}")
        }
    }

    /// A string from its opening quote; escapes decoded, surrogate pairs joined.
    private mutating func string() throws -> String {
        let openLine = line, openColumn = column
        advance()
        var out: [UInt8] = []
        while true {
            guard let byte = current else {
                line = openLine
                column = openColumn
                throw error("the string opened here is never closed", hint: "close it with a double quote; a quote inside a string is written \\\"")
            }
            if byte == UInt8(ascii: "\"") { advance(); break }
            if byte < 0x20 { throw error("a control character (e.g. a line break) inside a string", hint: "write a line break as \\n") }
            guard byte == UInt8(ascii: "\\") else { out.append(byte); advance(); continue }
            advance()
            guard let escaped = current else { continue }
            advance()
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), bytes[index...].starts(with: "\\u".utf8) {
                    advance(); advance()
                    let low = try hex4()
                    scalar = (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                throw error("unknown escape \\\(Character(Unicode.Scalar(escaped)))", hint: "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw error("\\u must be followed by four hexadecimal digits", hint: "write e.g. \\u00E9")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    /// A number as written, checked against JSON's grammar.
    private mutating func number() throws -> String {
        let start = index
        func digits() -> Int {
            var count = 0
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { advance(); count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        guard digits() > 0 else { throw error("a number needs digits, found \(found)", hint: "write numbers like 12, -3 or 7.5") }
        if current == UInt8(ascii: ".") {
            advance()
            guard digits() > 0 else { throw error("a number needs digits after its decimal point, found \(found)", hint: "write numbers like 7.5") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard digits() > 0 else { throw error("a number needs digits in its exponent, found \(found)", hint: "write numbers like 1e3") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
