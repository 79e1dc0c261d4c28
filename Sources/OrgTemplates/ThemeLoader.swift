import Foundation
import OrgModel
import Yams

extension Theme {
    /// Names of the built-in themes, sorted.
    public static var builtinNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The largest theme file: 1 MiB (the built-in themes are under 10 kB).
    public static let maximumFileBytes = 1 << 20

    /// The theme named `reference` (a built-in name) or stored at that path (a `.yaml` file).
    /// Every key and value is checked; a `ThemeError` lists each problem at its file, line and
    /// column, in the file of the `extends` chain that holds it.
    public static func load(_ reference: String) throws -> Theme {
        var seen: [String] = []
        let sink = DiagnosticSink()
        let theme = resolve(reference, from: nil, seen: &seen, sink: sink)
        guard let theme, sink.diagnostics.isEmpty else { throw ThemeError(diagnostics: sink.diagnostics.sortedByPlace()) }
        return theme
    }

    /// The files a theme is read from, the theme itself first and then what it extends.
    public static func files(of reference: String) throws -> [String] {
        var seen: [String] = []
        let sink = DiagnosticSink()
        _ = resolve(reference, from: nil, seen: &seen, sink: sink)
        if !sink.diagnostics.isEmpty { throw ThemeError(diagnostics: sink.diagnostics.sortedByPlace()) }
        return seen
    }

    static var themesDirectory: String {
        Bundle.module.resourceURL!.appendingPathComponent("themes").path
    }

    /// Keys of a theme file, of a box or group style, of a line style and of `layout`.
    static let themeKeys = ["extends", "name", "font", "title-size", "heading-size", "detail-size", "footer-size", "stack-leaves",
                            "hang-below", "tree-shape", "layout", "boxes", "groups", "lines", "marks"]
    static let boxKeys = ["fill", "stroke", "text", "shape", "style", "penwidth"]
    static let lineKeys = ["color", "style", "arrowhead", "penwidth"]
    static let markKeys = ["symbol", "color"]
    /// The symbols of matrix marks.
    static let markSymbols = ["circle", "square", "triangle", "diamond", "cross"]
    /// Graph attributes of `layout` that are distances in inches (`pad` and `margin` may give two,
    /// `x,y`), range-checked with `separations`.
    static let distanceKeys: Set<String> = ["nodesep", "ranksep", "pad", "margin"]
    /// Point sizes of text, widths of lines in points, spacing in inches; each with a value to
    /// suggest.
    static let fontSizes = (range: 4.0...72.0, example: 10.0), penWidths = (range: 0.0...20.0, example: 1.0),
               separations = (range: 0.0...10.0, example: 0.25)

    /// Whether `reference` is written as the path of a theme file (ending in `.yaml` or holding a
    /// `/`) rather than as the name of a built-in theme.
    public static func isPath(_ reference: String) -> Bool { reference.hasSuffix(".yaml") || reference.contains("/") }

    /// The theme `reference` names, read from its file over the theme it extends; nil when a
    /// file cannot be read or parsed (the problems are in `sink`). `extends` is where
    /// `reference` was named, when another theme names it.
    private static func resolve(_ reference: String, from extends: SourceLocation?, seen: inout [String], sink: DiagnosticSink) -> Theme? {
        let path = isPath(reference) ? reference : "\(themesDirectory)/\(reference).yaml"
        guard !seen.contains(path) else {
            sink.error(at: extends, subject: reference, "theme '\(reference)' extends itself", hint: "remove `extends` from one theme of the chain")
            return nil
        }
        seen.append(path)
        let text: String
        do { text = try InputFile.text(path, what: "theme", limit: maximumFileBytes) } catch {
            switch error {
            case .invalid(let diagnostic): sink.append([diagnostic])
            case .unreadable:
                sink.error(at: extends, subject: reference, "no theme '\(reference)'",
                           hint: "built-in themes: \(builtinNames.joined(separator: ", ")), or give the path of a .yaml theme file")
            }
            return nil
        }
        guard let root = ModelLoader.parse(text, file: path, sink: sink, what: "theme",
                                           emptyHint: "start with `extends: default` and list what changes; see Sources/OrgTemplates/README.md"),
              let fields = YAMLFields(root, what: "a theme", known: themeKeys, file: path, reporter: sink) else { return nil }
        var theme: Theme
        if let base = fields.string("extends") {
            guard let extended = resolve(base, from: fields.location("extends"), seen: &seen, sink: sink) else { return nil }
            theme = extended
        } else {
            theme = Theme(name: reference, font: "Liberation Sans", titleSize: 16, headingSize: 10, detailSize: 8, footerSize: 7,
                          stackLeaves: 3, layout: [:], boxes: [:], lines: [:])
        }
        ThemeFields(fields: fields, sink: sink).apply(to: &theme)
        return theme
    }
}

/// The checked values of one theme file.
private struct ThemeFields {
    let fields: YAMLFields
    let sink: DiagnosticSink

    /// Overlays what the file sets on `theme`: scalars replace, and each entry of `layout`,
    /// `boxes`, `groups`, `lines` and `marks` replaces the entry of that name.
    func apply(to theme: inout Theme) {
        if let name = fields.string("name") { theme.name = name }
        if let font = fields.string("font") {
            if ThemeValues.isFontName(font) { theme.font = font } else {
                refuse(fields, "font", font, "'font' is not a font name", hint: "give a font family such as Liberation Sans (letters, digits, spaces, '-', '.', ',')")
            }
        }
        if let size = number("title-size", in: Theme.fontSizes, of: fields) { theme.titleSize = size }
        if let size = number("heading-size", in: Theme.fontSizes, of: fields) { theme.headingSize = size }
        if let size = number("detail-size", in: Theme.fontSizes, of: fields) { theme.detailSize = size }
        if let size = number("footer-size", in: Theme.fontSizes, of: fields) { theme.footerSize = size }
        if let count = wholeNumber("stack-leaves", in: 0...1000) { theme.stackLeaves = count }
        if let depth = wholeNumber("hang-below", in: 0...100) { theme.hangBelow = depth }
        if let shape = fields.string("tree-shape") {
            if ["page", "wide"].contains(shape) { theme.pageShaped = shape == "page" } else {
                refuse(fields, "tree-shape", shape, "unknown 'tree-shape' '\(shape)'", hint: "`page` (the default) or `wide`")
            }
        }
        if let node = fields.node("layout"),
           let layout = YAMLFields(node, what: "'layout'", known: ThemeValues.layoutKeys.sorted(), file: fields.file, reporter: sink) {
            for key in ThemeValues.layoutKeys.sorted() {
                guard let value = layout.string(key) else { continue }
                if !ThemeValues.isLayoutValue(value) {
                    refuse(layout, key, value, "'layout.\(key)' is not a plain value", hint: "write a number, a word or a list such as 0.5,0.3 (letters, digits, spaces and . , : _ + ! # -)")
                } else if Theme.distanceKeys.contains(key),
                          !value.split(separator: ",").allSatisfy({ Double($0).map { $0.isFinite && Theme.separations.range.contains($0) } ?? false }) {
                    refuse(layout, key, value, "'layout.\(key)' must be a distance from 0 to 10 inches, not '\(value)'", hint: "write e.g. `\(key): 0.25`")
                } else {
                    theme.layout[key] = value
                }
            }
        }
        for (key, style) in styles("boxes", known: Theme.boxKeys) { theme.boxes[key] = boxStyle(style, at: "boxes.\(key)") }
        for (key, style) in styles("groups", known: Theme.boxKeys) { theme.groups[key] = boxStyle(style, at: "groups.\(key)") }
        for (key, style) in styles("lines", known: Theme.lineKeys) {
            let place = "lines.\(key)"
            theme.lines[key] = LineStyle(color: color("color", of: style, at: place), style: lineStyle(style, at: place),
                                         arrowhead: checked("arrowhead", of: style, at: place, by: ThemeValues.isArrowheadName, "is not an arrowhead name",
                                                            hint: "give a Graphviz arrow such as normal, vee, onormal or none"),
                                         penwidth: number("penwidth", in: Theme.penWidths, of: style))
        }
        for (key, style) in styles("marks", known: Theme.markKeys) {
            let place = "marks.\(key)"
            theme.marks[key] = MarkStyle(symbol: checked("symbol", of: style, at: place, by: { Theme.markSymbols.contains($0 ?? "") }, "is not a symbol",
                                                         hint: "one of \(Theme.markSymbols.joined(separator: ", "))"),
                                         color: color("color", of: style, at: place))
        }
    }

    private func boxStyle(_ style: YAMLFields, at place: String) -> BoxStyle {
        BoxStyle(fill: color("fill", of: style, at: place), stroke: color("stroke", of: style, at: place), text: color("text", of: style, at: place),
                 shape: checked("shape", of: style, at: place, by: ThemeValues.isShapeName, "is not a shape name", hint: "give a Graphviz shape such as box"),
                 style: lineStyle(style, at: place), penwidth: number("penwidth", in: Theme.penWidths, of: style))
    }

    /// The `style` of a box, frame or line: Graphviz styles separated by commas.
    private func lineStyle(_ style: YAMLFields, at place: String) -> String? {
        checked("style", of: style, at: place, by: ThemeValues.isStyle, "is not a style",
                hint: "combine, separated by commas: \(ThemeValues.styles.sorted().joined(separator: ", "))")
    }

    /// The colour under `key` of `style`: `#rgb`, `#rrggbb`, `#rrggbbaa` or a colour name.
    private func color(_ key: String, of style: YAMLFields, at place: String) -> String? {
        checked(key, of: style, at: place, by: ThemeValues.isColour, "is not a colour", hint: "write #rrggbb (or #rgb, #rrggbbaa) or a colour name such as navy")
    }

    /// The text under `key` of `style` when `accepts` it; else an error "'PLACE.KEY' `problem`: 'TEXT'".
    private func checked(_ key: String, of style: YAMLFields, at place: String, by accepts: (String?) -> Bool, _ problem: String, hint: String) -> String? {
        guard let text = style.string(key) else { return nil }
        guard accepts(text) else {
            refuse(style, key, text, "'\(place).\(key)' \(problem)", hint: hint)
            return nil
        }
        return text
    }

    /// Reports `text`, the value under `key` of `mapping`: `message` and the text, cut to 60
    /// characters, unless the message quotes it.
    private func refuse(_ mapping: YAMLFields, _ key: String, _ text: String, _ message: String, hint: String) {
        sink.error(at: mapping.location(key), message.contains("'\(text)'") ? message : "\(message): '\(text.prefix(60))'", hint: hint)
    }

    /// The entries of the mapping under `key` (style class to style), each checked against `known`.
    private func styles(_ key: String, known: [String]) -> [(String, YAMLFields)] {
        guard let node = fields.node(key) else { return [] }
        guard let pairs = node.mapping else {
            sink.error(at: node.location(in: fields.file), "'\(key)' must be a mapping of style classes to styles",
                       hint: "write `\(key):` and under it lines such as `  default: {\(known[0]): …}`")
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.key.string,
                  let style = YAMLFields(pair.value, what: "the style '\(name)' of '\(key)'", known: known, file: fields.file, reporter: sink) else { return nil }
            return (name, style)
        }
    }

    /// The number under `key` of `mapping`, when it is one within `range`; else an error.
    private func number(_ key: String, in bounds: (range: ClosedRange<Double>, example: Double), of mapping: YAMLFields) -> Double? {
        guard let text = mapping.string(key) else { return nil }
        let range = bounds.range
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            sink.error(at: mapping.location(key), "'\(key)' must be a number from \(format(range.lowerBound)) to \(format(range.upperBound)), not '\(text)'",
                       hint: "write e.g. `\(key): \(format(bounds.example))`")
            return nil
        }
        return value
    }

    /// The whole number under `key` of the theme, when it is one within `range`; else an error.
    private func wholeNumber(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = fields.string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            sink.error(at: fields.location(key), "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                       hint: "write e.g. `\(key): \(range.lowerBound + 1)`; 0 turns it off")
            return nil
        }
        return value
    }

    /// `value` without a trailing `.0`.
    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
