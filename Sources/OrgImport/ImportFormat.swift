/// The kinds of file the importers read, told apart by their first bytes, so that a file of the
/// wrong kind gets a short error naming what it is (never an echo of its content).
public enum ImportFormat: String, Sendable {
    case csv, json, xlsx
    /// An Excel 97–2003 workbook (an OLE2 compound file).
    case xls
    case pdf
    /// A zip archive that may be a workbook or anything else.
    case zip

    /// What the first bytes of `bytes` say the file is; nil for plain text that is not JSON.
    public static func sniff(_ bytes: [UInt8]) -> ImportFormat? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let xlsx = bytes.prefix(4096).contains(bytes: Array("xl/".utf8)) || bytes.prefix(4096).contains(bytes: Array("[Content_Types].xml".utf8))
            return xlsx ? .xlsx : .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .xls }
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = text.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : nil
    }

    /// How people call the kind.
    var label: String {
        switch self {
        case .csv: return "CSV"
        case .json: return "JSON"
        case .xlsx: return "an Excel workbook (.xlsx)"
        case .xls: return "an Excel 97–2003 workbook (.xls)"
        case .pdf: return "a PDF document"
        case .zip: return "a zip archive"
        }
    }

    /// Throws a short `CSVError` when `bytes` are of another kind than `wanted`, with the import
    /// command that reads them, if any.
    static func expect(_ wanted: ImportFormat, in bytes: [UInt8], file: String) throws {
        let found = sniff(bytes) ?? .csv
        // A workbook's first part may be too long for its name to show among the first bytes.
        guard found != wanted, !(wanted == .xlsx && found == .zip) else { return }
        let hint: String
        switch found {
        case .csv, .json, .xlsx:
            hint = "import it with `orgchart import \(found.rawValue) \(file)`"
        case .xls:
            hint = "save it as .xlsx or as CSV UTF-8 in the spreadsheet program, then import that"
        case .pdf, .zip:
            hint = "export the table as CSV from the program that made it"
        }
        let message = found == .csv ? "this file is not \(wanted.label); it is text, perhaps CSV" : "this file is \(found.label), not \(wanted.label)"
        throw CSVError(file: file, line: 1, message: message, hint: hint)
    }
}

extension Collection where Element == UInt8 {
    /// True when `needle` occurs in the bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
