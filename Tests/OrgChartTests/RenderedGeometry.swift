import ChartGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OrgTemplates
import Placement
import TidyTree

/// The geometry of a chart read back from its rendered SVG — orgchart's drawing or
/// Graphviz's — so that the geometry check can run on what a reader sees, not only on the
/// placed chart: each box's frame from its `rect` or `polygon`, each line's route from its
/// `path` (Bézier control points of straight segments lie on them) with the tip of its
/// arrowhead, and the lines of text in each box.
struct RenderedGeometry {
    /// The frame of each box of the chart, in the chart's order (nil when the SVG has none).
    var frames: [BoxFrame?]
    /// The route of every drawn line found, tip included, oriented as the placed chart's.
    var connectors: [Connector]
    /// The pieces each drawn line is stroked in, by line (index in the chart's lines): the
    /// points of each of its paths, arrowhead left out.
    var pieces: [Int: [[ChartPoint]]] = [:]
    /// Lines of text found outside the frame of their box: "box id: text".
    var strayText: [String]
    /// Drawn lines of the chart that the SVG does not have.
    var missingLines: [String]

    /// Reads `svg`, a drawing of `chart`.
    init(svg: [UInt8], chart: Chart, theme: Theme) throws {
        let document = try XMLDocument(data: Data(svg))
        var boxIndex: [String: Int] = [:]
        for (index, box) in chart.boxes.enumerated() where boxIndex[box.id] == nil { boxIndex[box.id] = index }
        frames = Array(repeating: nil, count: chart.boxes.count)
        strayText = []
        for case let node as XMLElement in try document.nodes(forXPath: "//*[local-name()='g'][starts-with(@class, 'node ')]") {
            guard let id = Self.attribute("id", of: node), let index = boxIndex[id] else { continue }
            var points: [ChartPoint] = []
            for case let shape as XMLElement in try node.nodes(forXPath: ".//*[local-name()='rect' or local-name()='polygon' or local-name()='ellipse' or local-name()='path']") {
                switch shape.localName {
                case "rect":
                    let x = Self.number("x", of: shape), y = Self.number("y", of: shape)
                    points += [ChartPoint(x: x, y: y), ChartPoint(x: x + Self.number("width", of: shape), y: y + Self.number("height", of: shape))]
                case "ellipse":
                    let cx = Self.number("cx", of: shape), cy = Self.number("cy", of: shape), rx = Self.number("rx", of: shape), ry = Self.number("ry", of: shape)
                    points += [ChartPoint(x: cx - rx, y: cy - ry), ChartPoint(x: cx + rx, y: cy + ry)]
                case "path":
                    points += Self.points(Self.attribute("d", of: shape) ?? "")
                default:
                    points += Self.points(Self.attribute("points", of: shape) ?? "")
                }
            }
            guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { continue }
            let frame = BoxFrame(center: ChartPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2), width: maxX - minX, height: maxY - minY)
            frames[index] = frame
            for case let text as XMLElement in try node.nodes(forXPath: ".//*[local-name()='text']") {
                let size = Self.number("font-size", of: text), content = text.stringValue ?? ""
                let width = TextMeasure.width(content, size: size, bold: Self.attribute("font-weight", of: text) == "bold", font: theme.font)
                let x = Self.number("x", of: text), baseline = Self.number("y", of: text)
                // Graphviz sets a label's lines from their start, centred in the box by its own
                // measure of the text: the line stays inside when its start does.
                let (left, right): (Double, Double) = switch Self.attribute("text-anchor", of: text) {
                case "middle": (x - width / 2, x + width / 2)
                case "end": (x - width, x)
                default: (x, 2 * frame.center.x - x)
                }
                if left < frame.minX - 1 || right > frame.maxX + 1 || baseline - size * 0.8 < frame.minY - 1 || baseline > frame.maxY + 1 {
                    strayText.append("\(id): \(content)")
                }
            }
        }
        var lineIndex: [String: Int] = [:]
        for (index, line) in chart.lines.enumerated() where line.isDrawn { lineIndex["\(line.style):\(line.from)->\(line.to)"] = index }
        var found = Set<Int>()
        connectors = []
        for case let edge as XMLElement in try document.nodes(forXPath: "//*[local-name()='g'][starts-with(@class, 'edge ')]") {
            guard let id = Self.attribute("id", of: edge), let index = lineIndex[id] else { continue }
            var route: [ChartPoint] = []
            var drawn = try edge.nodes(forXPath: ".//*[local-name()='path']").compactMap { $0 as? XMLElement }.map { Self.points(Self.attribute("d", of: $0) ?? "") }
            pieces[index] = drawn
            // The pieces of a broken line in the order they chain (Graphviz may give them last first).
            func jumps(_ pieces: [[ChartPoint]]) -> Double {
                zip(pieces, pieces.dropFirst()).reduce(0) { total, pair in
                    guard let end = pair.0.last, let start = pair.1.first else { return total }
                    return total + Self.distance(end, start)
                }
            }
            if jumps(drawn.reversed()) < jumps(drawn) { drawn.reverse() }
            for point in drawn.joined() where route.last != point { route.append(point) }
            guard route.count >= 2 else { continue }
            // The arrowhead's tip: the corner of its polygon farthest from the end of the path it sits on.
            if let polygon = try edge.nodes(forXPath: ".//*[local-name()='polygon']").first as? XMLElement {
                let corners = Self.points(Self.attribute("points", of: polygon) ?? "")
                let centre = ChartPoint(x: corners.map(\.x).reduce(0, +) / Double(max(1, corners.count)), y: corners.map(\.y).reduce(0, +) / Double(max(1, corners.count)))
                let atStart = Self.distance(route[0], centre) < Self.distance(route[route.count - 1], centre)
                let end = atStart ? route[0] : route[route.count - 1]
                if let tip = corners.max(by: { Self.distance($0, end) < Self.distance($1, end) }) {
                    if atStart { route.insert(tip, at: 0) } else { route.append(tip) }
                    // The check expects the tip first for lines drawn upwards, last otherwise.
                    if atStart != chart.lines[index].ranksUpward { route.reverse() }
                }
            }
            connectors.append(Connector(line: index, points: route))
            found.insert(index)
        }
        missingLines = lineIndex.filter { !found.contains($0.value) }.map(\.key).sorted()
    }

    /// The geometry check of what was read; boxes the SVG lacks are put far away.
    func check(_ chart: Chart, theme: Theme) -> GeometryCheck {
        let far = frames.enumerated().map { index, frame in
            frame ?? BoxFrame(center: ChartPoint(x: -1e7 - Double(index) * 10, y: -1e7), width: 1, height: 1)
        }
        return GeometryCheck(chart: chart, frames: far, texts: nil, connectors: connectors, theme: theme)
    }

    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    static func number(_ name: String, of element: XMLElement) -> Double {
        attribute(name, of: element).flatMap(Double.init) ?? .nan
    }

    /// The points of an SVG `points` list or path (`M x,y C x,y …` or `M x y L x y …`): every
    /// pair of numbers in order.
    static func points(_ text: String) -> [ChartPoint] {
        let numbers = text.split(whereSeparator: { !"0123456789.-eE".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { ChartPoint(x: numbers[$0], y: numbers[$0 + 1]) }
    }

    static func distance(_ a: ChartPoint, _ b: ChartPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
}
