import ChartGraph
import Foundation

/// Gives a rendered SVG the accessible name and description that screen readers and search use:
/// a `<title>` (the chart's title) and a `<desc>` (subtitle and sources) as the first children
/// of `<svg>`. Graphviz writes neither at that level.
enum SVGDescription {
    static func add(to svg: [UInt8], chart: Chart) -> [UInt8] {
        let text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<svg "), let end = text[open.upperBound...].range(of: ">") else { return svg }
        let description = ([chart.subtitle].compactMap { $0 } + chart.footer).joined(separator: ". ")
        let insert = "\n<title>\(escaped(chart.title))</title>\n<desc>\(escaped(description))</desc>"
        var result = text
        result.insert(contentsOf: insert, at: end.upperBound)
        return Array(result.utf8)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
