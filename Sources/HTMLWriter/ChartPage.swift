import ChartGraph
import Foundation
import OrgDiff
import Placement
import SVGWriter

/// One self-contained HTML page for exploring a placed chart, in the review page's conventions:
/// the chart inline as SVG with pan and zoom, a side panel with a search by name, abbreviation or
/// person (the matches outlined, the chosen box's path to the top highlighted), the chosen box's
/// text, source and lines, and subtrees that collapse and expand. It loads nothing from anywhere:
/// style, script and the chart's data are inline and boxes carry no links, so it works offline.
/// The address can ask for a state (`#search=…`, `#select=ID`, `#collapse=ID,ID`), which is how
/// a view is shared and how the page is tested.
public enum ChartPage {
    /// What the script knows of a box: its id, its tree parent and the line to it (indices, -1
    /// for none), its heading, details, tooltip and functions (lines of text).
    struct BoxData: Encodable {
        var i: String, p: Int, l: Int, h: String, d: String, t: String, f: String
    }

    /// What the script knows of a line: its ends (indices of boxes), the meaning of its kind, its
    /// tooltip, its label, and the id of its element in the SVG (empty when it is not drawn).
    struct LineData: Encodable {
        var f: Int, t: Int, k: String, s: String, e: String
    }

    struct PageData: Encodable {
        var boxes: [BoxData], lines: [LineData]
    }

    /// The page of `placed`.
    public static func html(_ placed: PlacedChart) throws -> [UInt8] {
        let chart = placed.chart
        let svg = ReviewPage.inline(String(decoding: SVGWriter.svg(placed, links: false), as: UTF8.self))
        var out = PageAssets.head(title: chart.title, style: ChartPageAssets.style)
        out += "<header><h1>\(ReviewPage.escape(chart.title))</h1>"
        for line in chart.subtitleLines { out += "<p class=\"sub\">\(ReviewPage.escape(line))</p>" }
        out += "</header>\n<div id=\"app\">\n<aside id=\"panel\">\n"
        out += "<input id=\"search\" type=\"search\" placeholder=\"Search by name, abbreviation or person\" aria-label=\"Search by name, abbreviation or person\" autocomplete=\"off\">\n"
        out += "<p id=\"search-count\" aria-live=\"polite\"></p>\n<ol id=\"results\"></ol>\n"
        out += "<section id=\"details\" hidden aria-live=\"polite\"></section>\n"
        out += "<p class=\"help\">Drag to pan, wheel or + and − to zoom, 0 to fit. Click a box for its source and lines; double-click it to collapse or expand what hangs below it.</p>\n"
        if !chart.footer.isEmpty {
            out += "<h2>Sources</h2>\n<ul class=\"sources\">" + chart.footer.map { "<li>\(ReviewPage.escape($0))</li>" }.joined() + "</ul>\n"
        }
        out += "</aside>\n<main id=\"viewer\">\n<nav id=\"tools\"><span id=\"status\"></span><span class=\"tools\">"
        out += "<button type=\"button\" id=\"expand-all\" title=\"Expand every collapsed subtree\">Expand all</button>"
        out += PageAssets.zoomButtons
        out += "<button type=\"button\" id=\"print\" title=\"Print what the window shows\">Print this view</button></span></nav>\n"
        // Until the chart is fitted, its text is not laid out (see the script).
        out += "<div class=\"stage far\" id=\"stage\">\n\(svg)\n</div>\n</main>\n</div>\n"
        out += "<script type=\"application/json\" id=\"chart-data\">\(try data(placed))</script>\n"
        out += "<script>\n\(PageAssets.panZoomScript)\(ChartPageAssets.script)</script>\n</body>\n</html>\n"
        return Array(out.utf8)
    }

    /// The boxes and lines as JSON, safe inside a script element (`<`, `>` and `&` as escapes).
    static func data(_ placed: PlacedChart) throws -> String {
        let chart = placed.chart
        var index: [String: Int] = [:]
        for (number, box) in chart.boxes.enumerated() where index[box.id] == nil { index[box.id] = number }
        var parents = [Int](repeating: -1, count: chart.boxes.count), parentLines = parents
        var lines: [LineData] = []
        var meanings: [String: String] = [:]
        for entry in chart.legend where entry.sample == .line && meanings[entry.style] == nil { meanings[entry.style] = entry.label }
        var drawn = Set<Int>()
        for connector in placed.connectors { drawn.insert(connector.line) }
        for (number, line) in chart.lines.enumerated() {
            guard let from = index[line.from], let to = index[line.to] else { continue }
            // A tree's lines that shape it give each box its parent; two columns have no tree.
            if line.shapesLayout, chart.arrangement == .tree {
                // The box placed below: the line's end, or its start when it ranks upward.
                let (upper, lower) = line.ranksUpward ? (to, from) : (from, to)
                if parents[lower] < 0, upper != lower {
                    parents[lower] = upper
                    parentLines[lower] = line.isDrawn ? lines.count : -1
                }
            }
            guard line.isDrawn else { continue }
            let tooltip = [line.label, line.tooltip].compactMap { $0 }.joined(separator: "\n")
            lines.append(LineData(f: from, t: to, k: meanings[line.style] ?? line.style, s: tooltip,
                                  e: drawn.contains(number) ? "\(line.style):\(line.from)->\(line.to)" : ""))
        }
        let boxes = chart.boxes.enumerated().map { number, box in
            BoxData(i: box.id, p: parents[number], l: parentLines[number], h: box.heading, d: box.details.joined(separator: "\n"), t: box.tooltip ?? "",
                    f: box.functions.joined(separator: "\n"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(PageData(boxes: boxes, lines: lines)), as: UTF8.self)
        return json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }
}
