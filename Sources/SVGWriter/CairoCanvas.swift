import ChartGraph
import CPagesShim
import Foundation
import MatrixLayout
import OrgTemplates
import Placement
import TidyTree

/// cairo and pango drawing the painter's shapes and text: the PDF and PNG of a tidy-tree chart,
/// with the look of its SVG. Text is laid out by pango in the theme's font, as in the SVG.
struct CairoCanvas: Canvas {
    let drawing: OpaquePointer
    let font: String
    /// Colours and dash patterns read so far: a chart uses a few, thousands of times.
    private var colors: [String: RGB] = [:]
    private var dashPatterns: [String: [Double]] = [:]

    init(drawing: OpaquePointer, font: String) {
        self.drawing = drawing
        self.font = font
    }

    /// Boxes never overlap one another: cairo draws a run of them together (see
    /// `orgchart_draw_element`). Every other element is drawn in order.
    func begin(_ element: ChartElement) {
        if case .node = element { orgchart_draw_element(drawing, 1) } else { orgchart_draw_element(drawing, 0) }
    }

    func end(_ element: ChartElement) {}

    mutating func rect(_ frame: BoxFrame, radius: Double, paint: Paint) {
        let (fill, stroke) = style(paint)
        orgchart_draw_rect(drawing, frame.minX, frame.minY, frame.width, frame.height, radius, fill.red, fill.green, fill.blue, stroke.red, stroke.green, stroke.blue)
    }

    mutating func ellipse(_ frame: BoxFrame, paint: Paint) {
        let (fill, stroke) = style(paint)
        orgchart_draw_ellipse(drawing, frame.center.x, frame.center.y, frame.width / 2, frame.height / 2, fill.red, fill.green, fill.blue, stroke.red, stroke.green, stroke.blue)
    }

    mutating func path(_ points: [ChartPoint], closed: Bool, paint: Paint) {
        let (fill, stroke) = style(paint)
        var xy: [Double] = []
        xy.reserveCapacity(2 * points.count)
        for point in points { xy.append(point.x); xy.append(point.y) }
        orgchart_draw_path(drawing, xy, Int32(points.count), closed ? 1 : 0, fill.red, fill.green, fill.blue, stroke.red, stroke.green, stroke.blue)
    }

    mutating func text(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?, anchor: TextAnchor) {
        let rgb = self.color(color ?? "#000000")
        orgchart_draw_text(drawing, text, font, size, bold ? 1 : 0, x, baseline, anchor == .middle ? 1 : anchor == .end ? 2 : 0, 0, rgb.red, rgb.green, rgb.blue)
    }

    mutating func turnedText(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, color: String?) {
        let rgb = self.color(color ?? "#000000")
        orgchart_draw_text(drawing, text, font, size, bold ? 1 : 0, x, baseline, 0, 1, rgb.red, rgb.green, rgb.blue)
    }

    /// Sets the width and dashes of the outline to come; its fill and outline colours.
    private mutating func style(_ paint: Paint) -> (fill: RGB, stroke: RGB) {
        let dashes: [Double]
        if let pattern = paint.dashes {
            dashes = dashPatterns[pattern] ?? pattern.split(separator: ",").compactMap { Double($0) }
            dashPatterns[pattern] = dashes
        } else {
            dashes = []
        }
        orgchart_draw_stroke_style(drawing, paint.width, dashes, Int32(dashes.count))
        return (color(paint.fill), color(paint.stroke))
    }

    /// `color` as `rgb(_:)` reads it, remembered.
    private mutating func color(_ color: String?) -> RGB {
        guard let color else { return Self.rgb(nil) }
        if let known = colors[color] { return known }
        let rgb = Self.rgb(color)
        colors[color] = rgb
        return rgb
    }

    /// Red, green and blue from 0 to 1; red -1 for no colour.
    typealias RGB = (red: Double, green: Double, blue: Double)

    /// A colour as red, green and blue from 0 to 1: `#rgb`, `#rrggbb`, `white` or `black`; nil,
    /// `none` and `transparent` are no colour (red -1); any other name is drawn black.
    static func rgb(_ color: String?) -> RGB {
        guard let color, color != "none", color != "transparent" else { return (-1, 0, 0) }
        if color == "white" { return (1, 1, 1) }
        var hex = color.hasPrefix("#") ? String(color.dropFirst()) : ""
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return (0, 0, 0) }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }
}

/// A failure of cairo while drawing a chart.
public struct DrawingError: Error, Sendable, CustomStringConvertible {
    /// What cairo said.
    public var description: String
}

/// Placed charts and matrix sheets drawn as PDF and PNG by cairo and pango, from the same
/// shapes as their SVG. Not thread-safe with other users of fontconfig and cairo: callers serialize.
public enum ChartPrint {
    /// The largest side of a PDF page in points (200 inches): larger pages are refused or cut by
    /// common PDF readers.
    public static let largestPage = 14_400.0

    /// A PDF of one page the size of the drawing, scaled down when a side would exceed
    /// `largestPage`.
    public static func pdf(_ placed: PlacedChart) throws -> [UInt8] {
        let scale = min(1, largestPage / placed.width, largestPage / placed.height)
        return try draw(orgchart_draw_pdf(placed.width * scale, placed.height * scale), theme: placed.theme) { canvas in
            orgchart_draw_transform(canvas.drawing, placed.offset.x * scale, placed.offset.y * scale, scale)
            ChartPainter(placed).paint(on: &canvas)
        }
    }

    /// A PDF with one page of `width` × `height` points per placed chart, each drawing scaled
    /// down to fit inside `margin`, centred across the page and at the top margin.
    public static func pdf(pages: [PlacedChart], theme: Theme, width: Double, height: Double, margin: Double) throws -> [UInt8] {
        try draw(orgchart_draw_pdf(width, height), theme: theme) { canvas in
            for (index, placed) in pages.enumerated() {
                if index > 0 { orgchart_draw_next_page(canvas.drawing) }
                let scale = min(1, (width - 2 * margin) / placed.width, (height - 2 * margin) / placed.height)
                let left = (width - placed.width * scale) / 2
                orgchart_draw_transform(canvas.drawing, left + placed.offset.x * scale, margin + placed.offset.y * scale, scale)
                ChartPainter(placed).paint(on: &canvas)
            }
        }
    }

    /// A PDF of the sheets of a matrix chart (see `MatrixLayout.sheets`): on pages of `page`'s
    /// size, each sheet scaled by its `scale` and centred across the page at the top margin, or,
    /// without a page, one sheet on a page of its own size.
    public static func pdf(sheets: [MatrixSheet], of chart: Chart, theme: Theme, page: PageSize?, margin: Double) throws -> [UInt8] {
        let width = page.map { $0.width * 72 } ?? sheets[0].width, height = page.map { $0.height * 72 } ?? sheets[0].height
        return try draw(orgchart_draw_pdf(width, height), theme: theme) { canvas in
            for (index, sheet) in sheets.enumerated() {
                if index > 0 { orgchart_draw_next_page(canvas.drawing) }
                if page != nil { orgchart_draw_transform(canvas.drawing, (width - sheet.width * sheet.scale) / 2, margin, sheet.scale) }
                MatrixPainter(chart: chart, sheet: sheet, theme: theme).paint(on: &canvas)
            }
        }
    }

    /// A PNG image of a placed chart at `pixelsPerPoint`, scaled down further so that neither
    /// side exceeds `maximumSide` pixels and the image has at most `maximumPixels` pixels. Text
    /// whose letters would be under half a pixel is left out. The drawing runs inside
    /// `serialized`; the encoding, which reads only the image's own pixels, after it, outside.
    /// An image of two million pixels or more is drawn in two bands of rows at once, unless
    /// `inBands` is false (the same pixels).
    public static func png(_ placed: PlacedChart, pixelsPerPoint: Double, maximumSide: Double, maximumPixels: Double,
                           serialized: Serialized, inBands: Bool = true) throws -> [UInt8] {
        try png(width: placed.width, height: placed.height, theme: placed.theme, pixelsPerPoint: pixelsPerPoint, maximumSide: maximumSide,
                maximumPixels: maximumPixels, serialized: serialized,
                boxes: inBands ? placed.frames.map { $0.center.y + placed.offset.y } : nil) { canvas, rows in
            orgchart_draw_transform(canvas.drawing, placed.offset.x, placed.offset.y, 1)
            var painter = ChartPainter(placed)
            painter.rows = rows.lowerBound - placed.offset.y...rows.upperBound - placed.offset.y
            painter.paint(on: &canvas)
        }
    }

    /// A PNG image of one sheet of a matrix chart, sized as `png(_:pixelsPerPoint:…)` sizes a chart's.
    public static func png(_ sheet: MatrixSheet, of chart: Chart, theme: Theme, pixelsPerPoint: Double, maximumSide: Double, maximumPixels: Double,
                           serialized: Serialized) throws -> [UInt8] {
        try png(width: sheet.width, height: sheet.height, theme: theme, pixelsPerPoint: pixelsPerPoint, maximumSide: maximumSide,
                maximumPixels: maximumPixels, serialized: serialized) { canvas, _ in
            MatrixPainter(chart: chart, sheet: sheet, theme: theme).paint(on: &canvas)
        }
    }

    /// A PNG image of a drawing of `width` × `height` points painted by `paint`, whose boxes stand
    /// at heights `boxes` (in points; empty if not known, nil to draw it in one band). A large
    /// image is drawn in bands of rows at once, on several processors, and their rows deflated at
    /// once too; `paint` is told the heights (in points) of the band it paints, to leave out what
    /// lies wholly outside.
    private static func png(width: Double, height: Double, theme: Theme, pixelsPerPoint: Double, maximumSide: Double, maximumPixels: Double,
                            serialized: Serialized, boxes: [Double]? = [],
                            paint: @escaping (inout CairoCanvas, ClosedRange<Double>) -> Void) throws -> [UInt8] {
        let scale = min(pixelsPerPoint, maximumSide / width, maximumSide / height, (maximumPixels / (width * height)).squareRoot())
        // Whole pixels, rounded down so that the cap holds.
        let pixelWidth = max(1, Int32((width * scale).rounded(.down))), pixelHeight = max(1, Int32((height * scale).rounded(.down)))
        var bands: [(top: Int32, rows: Int32)] = [(top: 0, rows: pixelHeight)]
        if let boxes { bands = Self.bands(width: pixelWidth, height: pixelHeight, boxes: boxes.map { $0 * scale }) }
        let painter = Shared(paint)
        var images: [Shared<OpaquePointer>] = []
        try serialized {
            let drawings = Parallel.map(bands, workers: bands.count) { band in
                Result {
                    let rows = Double(band.top) / scale...Double(band.top + band.rows) / scale
                    return Shared(try drawn(orgchart_draw_png_band(pixelWidth, band.top, band.rows, scale), theme: theme) { painter.value(&$0, rows) })
                }
            }
            images = drawings.compactMap { try? $0.get() }
            if let failed = drawings.first(where: { (try? $0.get()) == nil }) {
                for image in images { discard(image.value) }
                _ = try failed.get()
            }
        }
        let ended = images
        let parts = Parallel.map(Array(ended.indices), workers: ProcessInfo.processInfo.activeProcessorCount) { index in
            var part = orgchart_png_part_t()
            var message = [CChar](repeating: 0, count: 256)
            let status = orgchart_png_part(ended[index].value, index == ended.count - 1 ? 1 : 0, &part, &message, message.count)
            return (Shared(part), status == 0 ? nil : text(of: message))
        }
        var pieces = parts.map(\.0.value)
        if let message = parts.compactMap(\.1).first {
            for piece in pieces { orgchart_pages_free(piece.data) }
            throw DrawingError(description: "cairo could not draw the chart: \(message)")
        }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard orgchart_png_file(&pieces, Int32(pieces.count), pixelWidth, pixelHeight, &output, &length) == 0, let output else {
            throw DrawingError(description: "cairo could not draw the chart: out of memory")
        }
        return taken(output, length)
    }

    /// Frees an ended image whose bytes are not wanted.
    private static func discard(_ image: OpaquePointer) {
        var part = orgchart_png_part_t()
        var message = [CChar](repeating: 0, count: 8)
        _ = orgchart_png_part(image, 1, &part, &message, message.count)
        orgchart_pages_free(part.data)
    }

    /// The bands of rows an image of `width` × `height` pixels is drawn in: one, or two for an
    /// image of two million pixels or more, split where half the boxes (at rows `boxes`) stand
    /// above (but no band under a quarter of the image), or else in the middle. The split depends
    /// on the image alone, so that it comes out the same on every machine.
    static func bands(width: Int32, height: Int32, boxes: [Double]) -> [(top: Int32, rows: Int32)] {
        guard Double(width) * Double(height) >= 2_000_000, height >= 4 else { return [(0, height)] }
        let median = boxes.isEmpty ? Double(height) / 2 : boxes.sorted()[boxes.count / 2]
        let split = min(max(Int32(median.rounded()), height / 4), height - height / 4)
        return [(0, split), (split, height - split)]
    }

    /// Runs its argument while no other thread uses cairo, pango or Graphviz, e.g. `Renderer.serialized`.
    public typealias Serialized = (() throws -> Void) throws -> Void

    /// The bytes of `drawing`, drawn by `body`; the caller serializes.
    private static func draw(_ drawing: OpaquePointer?, theme: Theme, _ body: (inout CairoCanvas) -> Void) throws -> [UInt8] {
        try finished(try drawn(drawing, theme: theme, body))
    }

    /// `drawing`, drawn by `body` and ended, ready for `finished` (a PDF) or `orgchart_png_part`
    /// (an image or a band of one); the caller serializes.
    private static func drawn(_ drawing: OpaquePointer?, theme: Theme, _ body: (inout CairoCanvas) -> Void) throws -> OpaquePointer {
        guard let drawing else { throw DrawingError(description: "out of memory") }
        var canvas = CairoCanvas(drawing: drawing, font: theme.font)
        body(&canvas)
        orgchart_draw_end(drawing)
        return drawing
    }

    /// The bytes of an ended PDF.
    private static func finished(_ drawing: OpaquePointer?) throws -> [UInt8] {
        guard let drawing else { throw DrawingError(description: "out of memory") }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        guard orgchart_draw_finish(drawing, &output, &length, &message, message.count) == 0, let output else {
            throw DrawingError(description: "cairo could not draw the chart: \(text(of: message))")
        }
        return taken(output, length)
    }

    /// The `length` bytes at `output`, a buffer of the C side, which is freed.
    private static func taken(_ output: UnsafeMutablePointer<UInt8>, _ length: Int) -> [UInt8] {
        defer { orgchart_pages_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// The message the C side wrote into `message`.
    private static func text(of message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A value handed to other threads that is safe there: a drawing only one thread draws at a
/// time, or a painter that only reads its chart.
private struct Shared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
