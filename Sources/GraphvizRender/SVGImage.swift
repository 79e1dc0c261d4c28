import Foundation
import CPagesShim

/// An SVG document drawn as PDF or PNG by librsvg and cairo, in-process: how the charts
/// orgchart draws itself become print and bitmap files, with the look of the SVG.
public struct SVGImage: Sendable {
    /// The SVG document.
    public var svg: [UInt8]

    /// Pixels per point of PNG images: 96 dpi, as Graphviz's PNGs.
    public static let pixelsPerPoint = 96.0 / 72.0
    /// A PNG image is scaled down until neither side exceeds this many pixels (cairo's limit)
    /// and it has at most `maximumPixels` pixels.
    public static let maximumSide = 32_000.0, maximumPixels = 40_000_000.0

    /// Wraps `svg`.
    public init(_ svg: [UInt8]) { self.svg = svg }

    /// One PDF page the size of the drawing.
    public func pdf() throws -> [UInt8] {
        guard let size = SVGImage.size(of: svg) else { throw RenderError("cannot read the size of the SVG drawing") }
        return try PagedPDF.compose([svg], width: size.width, height: size.height, margin: 0)
    }

    /// A PNG image at 96 dpi (smaller for very large drawings), on white.
    public func png() throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 512)
        let rc = svg.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                Renderer.serialized {
                    orgchart_svg_png(text.baseAddress, text.count, Self.pixelsPerPoint, Self.maximumSide, Self.maximumPixels,
                                     &output, &length, &message, message.count)
                }
            }
        }
        guard rc == 0, let output else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw RenderError("cannot draw the PNG image: \(text)", hint: "check that librsvg is installed (apt-get install librsvg2-2)")
        }
        defer { orgchart_pages_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

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
