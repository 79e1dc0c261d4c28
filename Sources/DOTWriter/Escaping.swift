/// Escaping of text for the two kinds of DOT strings the writer emits.
enum Escape {
    /// Text inside an HTML-like label: markup characters become entities, every non-ASCII
    /// character a numeric reference, line breaks `<br/>`, other control characters are dropped.
    static func html(_ text: String) -> String {
        if isPlain(text, also: [UInt8(ascii: "\\")]) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br/>"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            case _ where scalar.value > 0x7E: out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A double-quoted DOT string. Backslashes are doubled (Graphviz reads `\\` as one backslash
    /// in labels and tooltips), quotes escaped, line breaks written `\n`, control characters dropped.
    static func quoted(_ text: String) -> String {
        if isPlain(text, also: [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'")]) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A double-quoted DOT string for a tooltip: as `quoted`, with every non-ASCII character
    /// and every `&` written as a character reference. Graphviz decodes references in strings,
    /// so the SVG is the same, but it reads plain ASCII much faster (at 20,000 boxes, seconds).
    static func tooltip(_ text: String) -> String {
        if isPlain(text, also: [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'")]) { return "\"" + text + "\"" }
        var plain = ""
        plain.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": plain += "&amp;"
            case _ where scalar.value > 0x7E: plain += "&#\(scalar.value);"
            default: plain.unicodeScalars.append(scalar)
            }
        }
        return quoted(plain)
    }

    /// True when `text` is printable ASCII without the characters every escape rewrites (`"`,
    /// `\\`, `&`, `<`, `>`, `'`), so that it needs no escaping: a fast path for large charts.
    /// `also` lists characters the caller does not rewrite and may therefore allow.
    private static func isPlain(_ text: String, also allowed: [UInt8]) -> Bool {
        text.utf8.allSatisfy { byte in
            guard byte >= 0x20, byte < 0x7F else { return false }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "'"):
                return allowed.contains(byte)
            default: return true
            }
        }
    }
}
