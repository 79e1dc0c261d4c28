import Foundation
import Yams

extension Theme {
    /// Names of the built-in themes, sorted.
    public static var builtinNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The theme named `reference` (a built-in name) or stored at that path (a `.yaml` file).
    public static func load(_ reference: String) throws -> Theme {
        var seen: [String] = []
        return try decode(resolve(reference, seen: &seen), name: reference)
    }

    /// The files a theme is read from, the theme itself first and then what it extends.
    public static func files(of reference: String) throws -> [String] {
        var seen: [String] = []
        _ = try resolve(reference, seen: &seen)
        return seen
    }

    static var themesDirectory: String {
        Bundle.module.resourceURL!.appendingPathComponent("themes").path
    }

    /// Reads the theme's mapping, merged over the mapping of the theme it extends.
    private static func resolve(_ reference: String, seen: inout [String]) throws -> [String: Node] {
        let path = reference.hasSuffix(".yaml") || reference.contains("/") ? reference : "\(themesDirectory)/\(reference).yaml"
        guard !seen.contains(path) else { throw ThemeError(message: "theme '\(reference)' extends itself") }
        seen.append(path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ThemeError(message: "no theme '\(reference)'; built-in themes: \(builtinNames.joined(separator: ", ")), or give the path of a .yaml theme file")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ThemeError(message: located(error, path: path))
        }
        guard let mapping = root?.mapping else { throw ThemeError(message: "\(path): a theme is a mapping of keys to values") }
        var own: [String: Node] = [:]
        for (key, value) in mapping { if let key = key.string { own[key] = value } }
        try ThemeValues.check(own, path: path)
        guard let base = own.removeValue(forKey: "extends")?.string else { return own }
        var merged = try resolve(base, seen: &seen)
        for (key, value) in own {
            if let mine = value.mapping, let theirs = merged[key]?.mapping {
                var combined = theirs
                for (k, v) in mine { combined[k] = v }
                merged[key] = .mapping(combined)
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    /// Yams' error as `FILE:LINE:COLUMN: message`, on one line: never the theme's text, which
    /// some of Yams' descriptions hold.
    static func located(_ error: YamlError, path: String) -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return "\(path):\(mark.line):\(mark.column): YAML syntax error: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.sorted().joined(separator: ", ")
            return "\(path):\(context.mark.line):\(context.mark.column): this mapping repeats the key \(keys); keep one of each key"
        default:
            let first = String(describing: error).prefix { !$0.isNewline }
            return "\(path): YAML syntax error: \(first.prefix(80))"
        }
    }

    private static func decode(_ fields: [String: Node], name: String) throws -> Theme {
        func number(_ key: String, _ fallback: Double) -> Double { fields[key]?.float ?? fallback }
        func map(_ key: String) -> [String: [String: Node]] {
            var result: [String: [String: Node]] = [:]
            for (style, entry) in fields[key]?.mapping ?? [:] {
                guard let style = style.string else { continue }
                var values: [String: Node] = [:]
                for (k, v) in entry.mapping ?? [:] { if let k = k.string { values[k] = v } }
                result[style] = values
            }
            return result
        }
        var layout: [String: String] = [:]
        for (key, value) in fields["layout"]?.mapping ?? [:] { if let key = key.string, let value = value.string { layout[key] = value } }
        func boxStyles(_ key: String) -> [String: BoxStyle] {
            map(key).mapValues { v in
                BoxStyle(fill: v["fill"]?.string, stroke: v["stroke"]?.string, text: v["text"]?.string,
                         shape: v["shape"]?.string, style: v["style"]?.string, penwidth: v["penwidth"]?.float)
            }
        }
        var theme = Theme(
            name: fields["name"]?.string ?? name,
            font: fields["font"]?.string ?? "Liberation Sans",
            titleSize: number("title-size", 16), headingSize: number("heading-size", 10),
            detailSize: number("detail-size", 8), footerSize: number("footer-size", 7),
            stackLeaves: fields["stack-leaves"]?.int ?? 3,
            layout: layout,
            boxes: boxStyles("boxes"),
            lines: map("lines").mapValues { v in
                LineStyle(color: v["color"]?.string, style: v["style"]?.string, arrowhead: v["arrowhead"]?.string, penwidth: v["penwidth"]?.float)
            })
        theme.groups = boxStyles("groups")
        theme.hangBelow = max(0, fields["hang-below"]?.int ?? 0)
        theme.pageShaped = fields["tree-shape"]?.string != "wide"
        theme.marks = map("marks").mapValues { v in MarkStyle(symbol: v["symbol"]?.string, color: v["color"]?.string) }
        return theme
    }
}
