import ChartGraph
import Foundation

/// Gives a rendered SVG the accessible name and description that screen readers and search use:
/// a `<title>` (the chart's title) and a `<desc>` (subtitle and sources) as the first children
/// of `<svg>`. Graphviz writes neither at that level.
enum SVGDescription {
    /// Works on the bytes: the SVG of a large chart is megabytes long, and the tag is near its start.
    static func add(to svg: [UInt8], chart: Chart) -> [UInt8] {
        guard let open = index(of: Array("<svg ".utf8), in: svg),
              let end = svg[(open + 5)...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let description = ([chart.subtitle].compactMap { $0 } + chart.footer).joined(separator: ". ")
        let insert = "\n<title>\(escaped(chart.title))</title>\n<desc>\(escaped(description))</desc>"
        var result: [UInt8] = []
        result.reserveCapacity(svg.count + insert.utf8.count)
        result.append(contentsOf: svg[...end])
        result.append(contentsOf: insert.utf8)
        result.append(contentsOf: svg[(end + 1)...])
        return result
    }

    /// The first index of `pattern` in `bytes`.
    private static func index(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var i = 0
        while i <= bytes.count - pattern.count {
            if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
