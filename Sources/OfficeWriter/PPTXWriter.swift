import Foundation
import Placement
import ZIPFoundation

/// Writes placed charts as a PowerPoint presentation (PresentationML, `.pptx`), one slide per
/// placed chart, every box a native shape with editable text and every line a connector glued to
/// its boxes, so that a box moved in PowerPoint or LibreOffice Impress keeps its lines. The
/// package's parts are written from templates in a fixed order, each with a fixed date, so that
/// the same charts give the same bytes.
public enum PPTXWriter {
    /// A widescreen (16:9) slide, in points: 13.333 × 7.5 inches.
    public static let widescreen = (width: 960.0, height: 540.0)
    /// The largest side of a slide PowerPoint accepts, in points (56 inches).
    public static let largestSide = 4032.0
    /// The date every part of the package carries (the earliest a ZIP file can hold).
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The presentation of `slides`, each on a slide of `width` × `height` points, the drawing
    /// scaled down to fit inside `margin` when it is larger. `title` names the presentation.
    public static func pptx(_ slides: [PlacedChart], title: String, width: Double, height: Double, margin: Double) throws -> [UInt8] {
        let width = min(max(width, 72), largestSide), height = min(max(height, 72), largestSide)
        var parts: [(path: String, text: String)] = []
        let drawn = slides.map { SlideDrawing.slide($0, width: width, height: height, margin: margin) }
        parts.append(("[Content_Types].xml", OfficeParts.contentTypes(slides: drawn.count)))
        parts.append(("_rels/.rels", OfficeParts.packageRelationships))
        parts.append(("docProps/core.xml", OfficeParts.core(title: title)))
        parts.append(("docProps/app.xml", OfficeParts.app(slides: drawn.count)))
        parts.append(("ppt/presentation.xml", OfficeParts.presentation(slides: drawn.count, width: emu(width), height: emu(height))))
        parts.append(("ppt/_rels/presentation.xml.rels", OfficeParts.presentationRelationships(slides: drawn.count)))
        parts.append(("ppt/presProps.xml", OfficeParts.presentationProperties))
        parts.append(("ppt/viewProps.xml", OfficeParts.viewProperties))
        parts.append(("ppt/tableStyles.xml", OfficeParts.tableStyles))
        parts.append(("ppt/theme/theme1.xml", OfficeParts.theme(font: slides.first?.theme.font ?? "Liberation Sans")))
        parts.append(("ppt/slideMasters/slideMaster1.xml", OfficeParts.slideMaster))
        parts.append(("ppt/slideMasters/_rels/slideMaster1.xml.rels", OfficeParts.slideMasterRelationships))
        parts.append(("ppt/slideLayouts/slideLayout1.xml", OfficeParts.slideLayout))
        parts.append(("ppt/slideLayouts/_rels/slideLayout1.xml.rels", OfficeParts.slideLayoutRelationships))
        for (number, slide) in drawn.enumerated() {
            parts.append(("ppt/slides/slide\(number + 1).xml", slide.xml))
            parts.append(("ppt/slides/_rels/slide\(number + 1).xml.rels", OfficeParts.slideRelationships(links: slide.links)))
        }
        return try zip(parts)
    }

    /// The scale at which `placed` fits on a slide of `width` × `height` points inside `margin`:
    /// at most 1 (a chart is never enlarged).
    public static func scale(of placed: PlacedChart, width: Double, height: Double, margin: Double) -> Double {
        min(1, (width - 2 * margin) / placed.width, (height - 2 * margin) / placed.height)
    }

    /// `points` in EMU.
    static func emu(_ points: Double) -> Int { (points * SlideFrame.emuPerPoint).whole }

    /// The ZIP archive of `parts`, in order, deflated, each dated `fixedDate`.
    static func zip(_ parts: [(path: String, text: String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        guard let data = archive.data else { throw OfficeWriterError("the PowerPoint package could not be assembled in memory") }
        return [UInt8](data)
    }
}

/// A failure writing an Office or draw.io file.
public struct OfficeWriterError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { "error: \(message)" }
}
