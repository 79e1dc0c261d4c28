import Foundation

/// XML being written, for the parts of an Office package and draw.io files: markup as it is,
/// text escaped for element content and attribute values, integers and decimals written the
/// same on every machine.
public struct XMLText: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    /// Starts empty, with room for about `capacity` characters.
    public init(capacity: Int = 0) { text.reserveCapacity(capacity) }

    /// Appends markup as it is.
    public mutating func raw(_ markup: String) { text += markup }

    /// Appends `value` escaped for element content or an attribute value.
    public mutating func escaped(_ value: String) { text += Self.escape(value) }

    /// Appends ` name="value"`, the value escaped.
    public mutating func attribute(_ name: String, _ value: String) {
        text += " \(name)=\""
        text += Self.escape(value)
        text += "\""
    }

    /// Appends ` name="value"` for a whole number.
    public mutating func attribute(_ name: String, _ value: Int) {
        text += " \(name)=\"\(value)\""
    }

    /// `value` for XML: `&`, `<`, `>`, quotes as entities, tabs and line breaks as character
    /// references (so that they survive in attribute values), other control characters (which XML
    /// 1.0 cannot hold) dropped.
    public static func escape(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || "&<>\"'".unicodeScalars.contains($0) }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` with at most two decimals and no trailing zeros, `.` as the decimal point; NaN and
    /// infinities as 0.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((min(max(value, -1e12), 1e12) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }
}

/// Colours of a theme (`#rrggbb`, `#rgb`, `#rrggbbaa` or a name) as the six hex digits Office
/// and draw.io files hold, and their opacity.
public enum HexColor {
    /// The HTML colour names and the grays Graphviz themes use most.
    static let names = ["black": "000000", "white": "FFFFFF", "gray": "808080", "grey": "808080", "silver": "C0C0C0", "maroon": "800000",
                        "red": "FF0000", "purple": "800080", "fuchsia": "FF00FF", "green": "008000", "lime": "00FF00", "olive": "808000",
                        "yellow": "FFFF00", "navy": "000080", "blue": "0000FF", "teal": "008080", "aqua": "00FFFF", "orange": "FFA500",
                        "darkgray": "A9A9A9", "darkgrey": "A9A9A9", "lightgray": "D3D3D3", "lightgrey": "D3D3D3", "dimgray": "696969", "dimgrey": "696969"]

    /// The six upper-case hex digits of `color`, or nil for `none` or a name not known here.
    public static func digits(_ color: String) -> String? {
        let value = color.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = names[value] { return named }
        guard value.hasPrefix("#") else { return nil }
        let hex = value.dropFirst()
        guard hex.allSatisfy(\.isHexDigit) else { return nil }
        switch hex.count {
        case 6, 8: return String(hex.prefix(6)).uppercased()
        case 3: return hex.map { "\($0)\($0)" }.joined().uppercased()
        default: return nil
        }
    }

    /// The opacity of `#rrggbbaa` in 100,000ths; nil for an opaque colour.
    public static func alpha(_ color: String) -> Int? {
        let value = color.trimmingCharacters(in: .whitespaces)
        guard value.hasPrefix("#"), value.count == 9, let byte = Int(value.suffix(2), radix: 16), byte < 255 else { return nil }
        return Int((Double(byte) / 255 * 100_000).rounded())
    }
}

extension Double {
    /// The nearest whole number; 0 for NaN and infinities, at most ±10¹⁵, so that no conversion
    /// of a coordinate traps.
    var whole: Int { isFinite ? Int(Swift.min(Swift.max(self, -1e15), 1e15).rounded()) : 0 }
}
