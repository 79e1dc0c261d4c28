import Foundation

/// The size of an SVG document, as Graphviz and orgchart write it.
public enum SVGImage {
    /// Width and height in points from the `<svg width="…pt" height="…pt"` header.
    public static func size(of svg: [UInt8]) -> (width: Double, height: Double)? {
        let head = String(decoding: svg.prefix(2048), as: UTF8.self)
        func number(_ name: String) -> Double? {
            guard let start = head.range(of: "\(name)=\""), let end = head[start.upperBound...].range(of: "pt\"") else { return nil }
            return Double(head[start.upperBound..<end.lowerBound])
        }
        guard let width = number("<svg width"), let height = number(" height") else { return nil }
        return (width, height)
    }
}
