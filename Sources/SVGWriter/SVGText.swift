import Placement

/// SVG text being written, as UTF-8 bytes: markup, escaped text and numbers. Appending bytes
/// instead of interpolating strings keeps a 20,000-box chart to a fraction of a second.
struct SVGText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends markup as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text that needs no escaping as it is.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends text for element content (`hyphens: false`) or an attribute value: markup
    /// characters become entities, in attributes `-` becomes `&#45;` (as Graphviz writes it, so
    /// ids read alike whoever drew the chart), a line break `&#10;`, other control characters
    /// are dropped; anything else, non-ASCII included, is written as UTF-8.
    mutating func escaped(_ text: String, hyphens: Bool = true) {
        var text = text
        text.withUTF8 { utf8 in
            let plain = utf8.allSatisfy { byte in
                byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                    && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && !(hyphens && byte == UInt8(ascii: "-"))
            }
            if plain {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case UInt8(ascii: "\""): raw("&quot;")
                case UInt8(ascii: "'"): raw("&#39;")
                case UInt8(ascii: "-") where hyphens: raw("&#45;")
                case UInt8(ascii: "\n"): raw("&#10;")
                case 0..<0x20, 0x7F: continue
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Appends a number with at most two decimals and no trailing zeros; NaN and infinities as
    /// 0, and values beyond ±10¹⁵ as ±10¹⁵, so that no value traps.
    mutating func number(_ value: Double) {
        guard value.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        var hundredths = Int((min(max(value, -1e15), 1e15) * 100).rounded())
        if hundredths < 0 {
            bytes.append(UInt8(ascii: "-"))
            hundredths = -hundredths
        }
        integer(hundredths / 100)
        let fraction = hundredths % 100
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    /// Appends `name="value"` with a leading space, the value escaped (`-` as `&#45;` unless
    /// `hyphens` is false).
    mutating func attribute(_ name: StaticString, _ value: String, hyphens: Bool = true) {
        raw(" ")
        raw(name)
        raw("=\"")
        escaped(value, hyphens: hyphens)
        raw("\"")
    }

    /// Appends `name="number"` with a leading space.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        raw(" ")
        raw(name)
        raw("=\"")
        number(value)
        raw("\"")
    }

    private mutating func integer(_ value: Int) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends one line of text in the drawing's font, anchored at `x` (`middle`: centred on it).
    mutating func text(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?, anchor: TextAnchor) {
        self.text(text, x: x, baseline: baseline, size: size, bold: bold, color: color, anchor: anchor, turned: false)
    }

    /// Appends one line of text turned a quarter counter-clockwise about its start.
    mutating func turnedText(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?) {
        self.text(text, x: x, baseline: baseline, size: size, bold: bold, color: color, anchor: .start, turned: true)
    }

    private mutating func text(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?, anchor: TextAnchor, turned: Bool) {
        raw("<text text-anchor=\"")
        raw(anchor.rawValue)
        raw("\"")
        if turned {
            raw(" transform=\"rotate(-90 ")
            number(x)
            raw(" ")
            number(baseline)
            raw(")\"")
        }
        attribute("x", x)
        attribute("y", baseline)
        if bold { raw(" font-weight=\"bold\"") }
        attribute("font-size", size)
        if let color { attribute("fill", color) }
        raw(">")
        escaped(text, hyphens: false)
        raw("</text>\n")
    }
}
