import Foundation

/// The values a theme may give, checked when a theme file is read: every one of them reaches DOT
/// text, SVG attributes or the review page's style sheet, so none may carry quotes, markup or
/// Graphviz attributes of its own.
enum ThemeValues {
    /// Graph attributes `layout` may set: how Graphviz places and spaces boxes and lines. Others
    /// (`label`, `URL`, `stylesheet`, `imagepath`, `fontpath` …) add text, links or files.
    static let layoutKeys: Set<String> = [
        "K", "TBbalance", "bgcolor", "center", "clusterrank", "compound", "concentrate", "defaultdist", "dim", "dimen", "epsilon",
        "esep", "forcelabels", "landscape", "levelsgap", "margin", "maxiter", "mclimit", "mindist", "mode", "model", "newrank",
        "nodesep", "nojustify", "normalize", "nslimit", "nslimit1", "ordering", "orientation", "outputorder", "overlap",
        "overlap_scaling", "overlap_shrink", "pack", "packmode", "pad", "quadtree", "quantum", "rankdir", "ranksep", "ratio",
        "remincross", "repulsiveforce", "rotate", "searchsize", "sep", "size", "smoothing", "splines", "start", "voro_margin",
    ]

    /// Graphviz styles a box, frame or line may combine (comma-separated).
    static let styles: Set<String> = ["solid", "dashed", "dotted", "bold", "invis", "filled", "rounded", "diagonals", "striped", "wedged", "radial", "tapered"]

    /// `#rgb`, `#rrggbb`, `#rrggbbaa` or a name of letters and digits starting with a letter.
    static func isColour(_ text: String?) -> Bool {
        guard let text, let first = text.utf8.first else { return false }
        if first == UInt8(ascii: "#") {
            let digits = text.utf8.dropFirst()
            return [3, 6, 8].contains(digits.count) && digits.allSatisfy { Character(UnicodeScalar($0)).isHexDigit }
        }
        return isName(text, extra: "")
    }

    /// Styles of `styles`, separated by commas.
    static func isStyle(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        return text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { styles.contains($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A font family: letters and digits (any script), spaces, `-`, `.`, `,`, `_`.
    static func isFontName(_ text: String?) -> Bool {
        guard let text, let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || " -.,_".unicodeScalars.contains($0) }
    }

    /// A Graphviz shape name: ASCII letters, digits and `_`, starting with a letter.
    static func isShapeName(_ text: String?) -> Bool { isName(text, extra: "_") }

    /// A Graphviz arrow name: ASCII letters and digits, starting with a letter.
    static func isArrowheadName(_ text: String?) -> Bool { isName(text, extra: "") }

    /// A value of `layout`: letters, digits, spaces and `. , : _ + ! # -`.
    static func isLayoutValue(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy(isLayoutCharacter) }

    /// ASCII letters and digits (and the characters of `extra`) starting with a letter.
    private static func isName(_ text: String?, extra: String) -> Bool {
        guard let text, let first = text.utf8.first, isLetterOrDigit(first), first > UInt8(ascii: "9") else { return false }
        return text.utf8.allSatisfy { isLetterOrDigit($0) || extra.utf8.contains($0) }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isLayoutCharacter(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || " .,:_+!#-".utf8.contains(byte)
    }
}

extension Theme {
    /// True for a colour a theme file may give: `#rgb`, `#rrggbb`, `#rrggbbaa` or a name of
    /// letters and digits. Writers drop any other colour of a theme made in code: Graphviz 2.43
    /// crashes on some (`a;b`), and none may leave its attribute.
    public static func isColour(_ text: String) -> Bool { ThemeValues.isColour(text) }
}
