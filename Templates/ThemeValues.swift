import Foundation
import Yams

/// The values a theme may give, checked when a theme file is read: every one of them reaches
/// DOT text, SVG attributes or the review page's style sheet, so none may carry quotes, markup
/// or Graphviz attributes of its own.
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

    /// Checks the values one theme file gives (before merging what it extends) and throws the
    /// first that is refused, located in `path`.
    static func check(_ fields: [String: Node], path: String) throws {
        func fail(_ node: Node, _ what: String, _ hint: String) -> ThemeError {
            ThemeError(message: "\(path):\(node.mark?.line ?? 1):\(node.mark?.column ?? 1): \(what): '\(node.string?.prefix(60) ?? "")'; \(hint)")
        }
        if let font = fields["font"], !isFontName(font.string) {
            throw fail(font, "'font' is not a font name", "give a font family such as Liberation Sans (letters, digits, spaces, '-', '.', ',')")
        }
        for (key, value) in fields["layout"]?.mapping ?? [:] {
            guard let name = key.string, layoutKeys.contains(name) else {
                throw fail(key, "'layout' cannot set this Graphviz attribute", "layout sets spacing and placement: \(layoutKeys.sorted().joined(separator: ", "))")
            }
            guard let text = value.string, !text.isEmpty, text.utf8.allSatisfy(isLayoutCharacter) else {
                throw fail(value, "'layout.\(name)' is not a plain value", "write a number, a word or a list such as 0.5,0.3 (letters, digits, spaces and . , : _ + ! # -)")
            }
        }
        for section in ["boxes", "groups", "lines"] {
            for (style, entry) in fields[section]?.mapping ?? [:] {
                for (key, value) in entry.mapping ?? [:] {
                    guard let key = key.string else { continue }
                    let place = "'\(section).\(style.string ?? "").\(key)'"
                    switch key {
                    case "fill", "stroke", "text", "color":
                        if !isColour(value.string) { throw fail(value, "\(place) is not a colour", "write #rrggbb (or #rgb, #rrggbbaa) or a colour name such as navy") }
                    case "style":
                        if !isStyle(value.string) { throw fail(value, "\(place) is not a style", "combine, separated by commas: \(styles.sorted().joined(separator: ", "))") }
                    case "shape":
                        if !isName(value.string, extra: "_") { throw fail(value, "\(place) is not a shape name", "give a Graphviz shape such as box") }
                    case "arrowhead":
                        if !isName(value.string, extra: "") { throw fail(value, "\(place) is not an arrowhead name", "give a Graphviz arrow such as normal, vee, onormal or none") }
                    default: continue
                    }
                }
            }
        }
    }

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
