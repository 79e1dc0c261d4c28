import CPagesShim
import Foundation

/// Several rendered SVG charts laid out as the pages of one PDF, each scaled to fit the page
/// and centred; the creation date is fixed so that the file is identical run to run.
public enum PagedPDF {
    /// One PDF with a page of `width` × `height` points per SVG, inside `margin` points.
    public static func compose(_ pages: [[UInt8]], width: Double, height: Double, margin: Double = 28) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 512)
        let buffers = pages.map { page -> UnsafeMutablePointer<CChar> in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: page.count + 1)
            page.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { copy.initialize(from: $0.baseAddress!, count: page.count) }
            }
            copy[page.count] = 0
            return copy
        }
        defer { buffers.forEach { $0.deallocate() } }
        let pointers: [UnsafePointer<CChar>?] = buffers.map { UnsafePointer($0) }
        let lengths = pages.map(\.count)
        let rc = Renderer.serialized {
            orgchart_pages_pdf(pointers, lengths, Int32(pages.count), width, height, margin, &output, &length, &message, message.count)
        }
        guard rc == 0, let output else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw RenderError("cannot lay out the pages of the PDF: \(text)",
                              hint: "check that librsvg is installed (apt-get install librsvg2-2)")
        }
        defer { orgchart_pages_free(output) }
        return PDFDates.fixed(Array(UnsafeBufferPointer(start: output, count: length)))
    }
}
