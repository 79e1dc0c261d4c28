/// Escaping of text for the kinds of DOT strings the writer emits. Graphviz reads its own
/// escapes (`\N`, `\G`, `\L`, `\E`, `\T`, `\H`, `\n` …) in labels, tooltips and links, and
/// unescapes backslashes once in labels and links but twice in tooltips: each function writes a
/// backslash so that it is drawn as one, and nothing in a name is ever read as an escape.
/// Every function works on UTF-8 bytes and returns printable ASCII text unchanged without copying it.
enum Escape {
    /// Text inside an HTML-like label: markup characters become entities, every non-ASCII
    /// character a numeric reference, line breaks `<br/>`, backslashes `\\`, other control
    /// characters are dropped.
    static func html(_ text: String) -> String {
        if isPlain(text, allowing: []) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "<br/>".utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            // Graphviz 2.43 decodes references above U+FFFF into invalid UTF-8: those go as they are.
            case _ where scalar.value > 0xFFFF: out.append(contentsOf: String(scalar).utf8)
            case _ where scalar.value > 0x7E: out.append(contentsOf: "&#\(scalar.value);".utf8)
            default: out.append(UInt8(scalar.value))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A double-quoted DOT string for an id, a class or a theme value. Backslashes are doubled
    /// (Graphviz reads `\\` as one backslash in ids), quotes escaped, line breaks written `\n`,
    /// control characters dropped.
    static func quoted(_ text: String) -> String {
        if isPlain(text, allowing: [.ampersand, .markup, .apostrophe]) { return "\"" + text + "\"" }
        return quoted(text, backslash: "\\\\", references: false)
    }

    /// A double-quoted DOT string for a tooltip: as `quoted`, with each backslash written as four
    /// (Graphviz unescapes tooltips twice), and every non-ASCII character and every `&` written
    /// as a character reference. Graphviz decodes references in strings, so the SVG is the same,
    /// but it reads plain ASCII much faster (at 20,000 boxes, seconds).
    static func tooltip(_ text: String) -> String {
        if isPlain(text, allowing: [.markup, .apostrophe]) { return "\"" + text + "\"" }
        return quoted(text, backslash: "\\\\\\\\", references: true)
    }

    /// A double-quoted DOT string for a link (`URL`). Graphviz 2.43 copies links into the SVG
    /// without escaping them, so markup characters and `&` are written as XML references here
    /// (newer versions keep references as they are); backslashes are doubled.
    static func url(_ text: String) -> String {
        if isPlain(text, allowing: []) { return "\"" + text + "\"" }
        return quoted(text, backslash: "\\\\", references: true, markup: true)
    }

    /// The quoted string, with each backslash written as `backslash`; `&` and characters outside
    /// ASCII (and DEL) as character references when `references` is true; `<`, `>`, `"` and `'`
    /// as references when `markup` is true.
    private static func quoted(_ text: String, backslash: String, references: Bool, markup: Bool = false) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&" where references: out.append(contentsOf: "&amp;".utf8)
            case "<" where markup: out.append(contentsOf: "&lt;".utf8)
            case ">" where markup: out.append(contentsOf: "&gt;".utf8)
            case "\"" where markup: out.append(contentsOf: "&quot;".utf8)
            case "'" where markup: out.append(contentsOf: "&#39;".utf8)
            case _ where references && scalar.value > 0x7E && scalar.value <= 0xFFFF: out.append(contentsOf: "&#\(scalar.value);".utf8)
            case "\\": out.append(contentsOf: backslash.utf8)
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters that some escapes rewrite and others may leave alone.
    struct Specials: OptionSet {
        let rawValue: UInt8
        static let ampersand = Specials(rawValue: 1), markup = Specials(rawValue: 2), apostrophe = Specials(rawValue: 4)
    }

    /// True when `text` is printable ASCII without `"` and `\\`, and without the characters some
    /// escapes rewrite (`&`, `<`, `>`, `'`) other than those `allowed`, so that it needs no escaping: a
    /// fast path for large charts.
    private static func isPlain(_ text: String, allowing allowed: Specials) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case 0..<0x20, 0x7F...: return false
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): return false
            case UInt8(ascii: "&"): return allowed.contains(.ampersand)
            case UInt8(ascii: "<"), UInt8(ascii: ">"): return allowed.contains(.markup)
            case UInt8(ascii: "'"): return allowed.contains(.apostrophe)
            default: return true
            }
        }
    }
}
