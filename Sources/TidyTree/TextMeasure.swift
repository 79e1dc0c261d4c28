/// Widths of text as the charts set it, from the advance widths of Liberation Sans, the themes'
/// font (metric-compatible with Arial and Helvetica, the SVG's fallbacks), so that a box is as
/// wide as its longest line and no wider. For another font, or characters outside printable
/// ASCII, a generous average stands in.
public enum TextMeasure {
    /// Advance widths in thousandths of an em of the characters from space (32) to tilde (126),
    /// regular and bold.
    static let regular: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]
    static let bold: [UInt16] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
    /// The fonts the tables measure.
    static let measuredFonts: Set<String> = ["Liberation Sans", "Arial", "Helvetica"]
    /// Width of an average character of bold and of regular text, in ems, for other fonts.
    public static let boldAdvance = 0.60, regularAdvance = 0.52
    /// A margin for renderers whose hinting or substitute fonts set text a little wider.
    static let slack = 1.03

    /// The width in points of `text` set in `font` at `size` points, bold or regular.
    public static func width(_ text: some StringProtocol, size: Double, bold: Bool, font: String) -> Double {
        guard measuredFonts.contains(font) else {
            return Double(text.count) * size * (bold ? boldAdvance : regularAdvance)
        }
        let table = bold ? Self.bold : Self.regular
        var thousandths = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 32...126: thousandths += Int(table[Int(scalar.value) - 32])
            case 0x300...0x36F, 0x200B...0x200D: break // combining marks and zero-width spaces
            case 0x2E80...: thousandths += 1000 // CJK and wider scripts
            default: thousandths += bold ? 611 : 556
            }
        }
        return Double(thousandths) / 1000 * size * slack
    }
}
