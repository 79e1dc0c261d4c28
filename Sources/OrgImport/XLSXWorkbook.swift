import Foundation
import XMLCoder
import ZIPFoundation

/// The cells of one sheet of an Excel workbook (.xlsx, Office Open XML) as rows of text, read
/// through ZIPFoundation and XMLCoder: shared strings, inline strings, numbers and booleans as
/// written in the file (no number formats applied, so dates stay serial numbers). Each row keeps
/// its number in the sheet as its line, so reports name `book.xlsx:12` for row 12. Parts are
/// read to at most `maximumPartBytes` each, so that a small archive cannot expand without bound.
public struct XLSXWorkbook {
    /// The largest part (a sheet, the shared strings) read, uncompressed.
    public static let maximumPartBytes = 256 << 20

    /// The sheets' names, in workbook order.
    public let sheetNames: [String]
    private let archive: Archive
    private let file: String
    private let targets: [String]

    /// Opens the workbook in `bytes`. Throws a short `CSVError` for a file that is not a workbook.
    public init(_ bytes: [UInt8], file: String) throws {
        self.file = file
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw CSVError(file: file, line: 1, message: "this file is not a readable zip archive, so not an Excel workbook (.xlsx)",
                           hint: "save the sheet as .xlsx (Excel 2007 or later) or as CSV UTF-8")
        }
        guard archive["xl/workbook.xml"] != nil else {
            throw CSVError(file: file, line: 1, message: "this zip archive holds no xl/workbook.xml, so it is not an Excel workbook (.xlsx)",
                           hint: "save the sheet as .xlsx (Excel 2007 or later) or as CSV UTF-8")
        }
        let workbook = try Self.decode(XLSXParts.Workbook.self, "xl/workbook.xml", from: archive, file: file)
        let relations = (try? Self.decode(XLSXParts.Relationships.self, "xl/_rels/workbook.xml.rels", from: archive, file: file))?.relationship ?? []
        let sheets = workbook.sheets.sheet ?? []
        sheetNames = sheets.map(\.name)
        targets = sheets.enumerated().map { offset, sheet in
            let target = relations.first { $0.id == sheet.id }?.target ?? "worksheets/sheet\(offset + 1).xml"
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
    }

    /// The rows of the sheet named `name` (case ignored), or of the first sheet: empty rows
    /// skipped, cells placed by their column letters. Throws when there is no such sheet.
    public func records(sheet name: String?) throws -> [CSVRecord] {
        let index: Int
        if let name {
            guard let found = sheetNames.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw CSVError(file: file, line: 1, message: "the workbook has no sheet '\(name)'",
                               hint: "its sheets are: \(CSVColumns.listing(sheetNames))")
            }
            index = found
        } else {
            guard !sheetNames.isEmpty else { throw CSVError(file: file, line: 1, message: "the workbook has no sheets", hint: "save a workbook with the table on its first sheet") }
            index = 0
        }
        let strings = archive["xl/sharedStrings.xml"] == nil ? [] : try Self.decode(XLSXParts.SharedStrings.self, "xl/sharedStrings.xml", from: archive, file: file).si ?? []
        let sheet = try Self.decode(XLSXParts.Worksheet.self, targets[index], from: archive, file: file)
        var records: [CSVRecord] = []
        var next = 1
        for row in sheet.sheetData.row ?? [] {
            let number = row.r ?? next
            next = number + 1
            var fields: [String] = []
            var column = 0
            for cell in row.c ?? [] {
                column = cell.r.flatMap(Self.column) ?? column
                let text: String
                switch cell.t {
                case "s":
                    guard let i = cell.v.flatMap({ Int($0.trimmingBlanks()) }), strings.indices.contains(i) else {
                        throw CSVError(file: file, line: number, message: "cell \(cell.r ?? "of row \(number)") refers to shared string '\(cell.v ?? "")', which the workbook does not have",
                                       hint: "open and save the workbook again in a spreadsheet program")
                    }
                    text = strings[i].text
                case "inlineStr":
                    text = cell.inline?.text ?? ""
                case "b":
                    text = cell.v == "1" ? "TRUE" : "FALSE"
                default:
                    text = cell.v ?? ""
                }
                guard column < 16_384 else { continue }
                if fields.count <= column { fields += Array(repeating: "", count: column + 1 - fields.count) }
                fields[column] = text
                column += 1
            }
            if fields.contains(where: { !$0.isEmpty }) { records.append(CSVRecord(line: number, fields: fields)) }
        }
        return records
    }

    /// The 0-based column of a cell reference: `A1` → 0, `AB7` → 27; nil when it has no letters.
    static func column(_ reference: String) -> Int? {
        var value = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            value = value * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : value - 1
    }

    /// The part at `path`, decoded; throws a short error naming the part.
    private static func decode<Part: Decodable>(_ type: Part.Type, _ path: String, from archive: Archive, file: String) throws -> Part {
        guard let entry = archive[path] else {
            throw CSVError(file: file, line: 1, message: "the workbook has no part \(path)", hint: "open and save the workbook again in a spreadsheet program")
        }
        var data = Data()
        do {
            guard entry.uncompressedSize <= UInt64(maximumPartBytes) else { throw XLSXParts.TooLarge() }
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartBytes { throw XLSXParts.TooLarge() }
            }
        } catch is XLSXParts.TooLarge {
            throw CSVError(file: file, line: 1, message: "the part \(path) of the workbook is larger than \(maximumPartBytes >> 20) MB uncompressed",
                           hint: "export the sheet as CSV, or split it")
        } catch {
            throw CSVError(file: file, line: 1, message: "the part \(path) of the workbook cannot be unpacked (the archive is damaged)",
                           hint: "open and save the workbook again in a spreadsheet program")
        }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        decoder.trimValueWhitespaces = false
        do {
            return try decoder.decode(Part.self, from: data)
        } catch {
            throw CSVError(file: file, line: 1, message: "the part \(path) of the workbook is not the XML a workbook holds",
                           hint: "open and save the workbook again in a spreadsheet program, or export the sheet as CSV")
        }
    }
}

/// The XML parts of a workbook, as far as the import reads them.
enum XLSXParts {
    struct TooLarge: Error {}

    /// `xl/workbook.xml`: the sheets and their relationship ids.
    struct Workbook: Decodable {
        struct Sheets: Decodable { var sheet: [Sheet]? }
        struct Sheet: Decodable {
            var name: String
            /// The relationship id (`r:id`), whether or not the decoder strips the prefix.
            var id: String?
            enum CodingKeys: String, CodingKey { case name, id, prefixed = "r:id" }
            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                id = try container.decodeIfPresent(String.self, forKey: .id) ?? container.decodeIfPresent(String.self, forKey: .prefixed)
            }
        }
        var sheets: Sheets
    }

    /// `xl/_rels/workbook.xml.rels`: where each sheet's part is.
    struct Relationships: Decodable {
        struct Relationship: Decodable {
            var id: String, target: String
            enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
        }
        var relationship: [Relationship]?
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    }

    /// Text with runs: `<t>…</t>` or `<r><t>…</t></r>…` (phonetic runs ignored).
    struct RichText: Decodable {
        struct Text: Decodable {
            var value: String
            enum CodingKeys: String, CodingKey { case value = "" }
            init(from decoder: Decoder) throws {
                value = (try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .value)) ?? (try? decoder.singleValueContainer().decode(String.self)) ?? ""
            }
        }
        struct Run: Decodable { var t: Text? }
        var t: Text?
        var r: [Run]?
        var text: String { (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    /// `xl/sharedStrings.xml`.
    struct SharedStrings: Decodable { var si: [RichText]? }

    /// A worksheet: its rows of cells.
    struct Worksheet: Decodable {
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable { var r: Int?; var c: [Cell]? }
        struct Cell: Decodable {
            var r: String?, t: String?, v: String?
            var inline: RichText?
            enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
        }
        var sheetData: SheetData
    }
}

/// Imports one sheet of an Excel workbook as `CSVImport` imports a CSV file.
public struct XLSXImport: Sendable {
    /// How rows are read and the model named, as for CSV.
    public var table: CSVImport
    /// The sheet's name; nil for the first sheet.
    public var sheet: String?

    /// Creates an import.
    public init(table: CSVImport = CSVImport(), sheet: String? = nil) {
        self.table = table
        self.sheet = sheet
    }

    /// Imports the sheet of the workbook in `bytes`. Throws a short `CSVError` for a file that is
    /// not a workbook, a missing sheet, or rows none of which can be placed.
    public func run(path: String, bytes: [UInt8]) throws -> CSVImport.Result {
        try ImportFormat.expect(.xlsx, in: bytes, file: path)
        let workbook = try XLSXWorkbook(bytes, file: path)
        return try table.run(tables: [(path, workbook.records(sheet: sheet))], report: ImportReport(), importer: "import xlsx")
    }
}
