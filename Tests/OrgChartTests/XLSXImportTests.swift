import Foundation
import OrgImport
import OrgModel
import XCTest
import ZIPFoundation

/// Excel workbooks: sheets read as CSV rows are.
final class XLSXImportTests: XCTestCase {
    /// A workbook written as Excel writes one: a workbook part naming the sheets through
    /// relationships, shared strings (one with rich-text runs), numbers and booleans, cells
    /// placed by reference (with gaps), rows numbered.
    func workbook(sheets: [(name: String, rows: [[String]])], in directory: URL) throws -> [UInt8] {
        var strings: [String] = []
        func shared(_ text: String) -> Int {
            if let i = strings.firstIndex(of: text) { return i }
            strings.append(text)
            return strings.count - 1
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var parts: [(String, String)] = []
        for (offset, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                // Row numbers skip 3 (an empty row) to check that rows keep their number.
                let number = r + 1 < 3 ? r + 1 : r + 2
                xml += "<row r=\"\(number)\">"
                for (c, value) in row.enumerated() where !value.isEmpty {
                    let reference = String(UnicodeScalar(UInt8(65 + c))) + "\(number)"
                    if Double(value) != nil {
                        xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                    } else if value == "TRUE" {
                        xml += "<c r=\"\(reference)\" t=\"b\"><v>1</v></c>"
                    } else {
                        xml += "<c r=\"\(reference)\" t=\"s\"><v>\(shared(value))</v></c>"
                    }
                }
                xml += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(offset + 1).xml", xml + "</sheetData></worksheet>"))
        }
        let items = strings.map { text -> String in
            // Split in two runs when there is a space, as bold words are stored.
            if let space = text.firstIndex(of: " ") {
                return "<si><r><rPr><b/></rPr><t>\(escaped(String(text[..<space])))</t></r><r><t xml:space=\"preserve\">\(escaped(String(text[space...])))</t></r></si>"
            }
            return "<si><t>\(escaped(text))</t></si>"
        }
        parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + items.joined() + "</sst>"))
        parts.append(("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + sheets.enumerated().map { "<sheet name=\"\(escaped($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined() + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "</Relationships>"))
        parts.append(("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#))
        let url = directory.appendingPathComponent("book-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](try Data(contentsOf: url))
    }

    func testTheFirstOrANamedSheetImportsAsItsCSVWould() throws {
        let directory = try temporaryDirectory(self)
        let people = [["Name", "Title", "Manager", "Department", "Remote"],
                      ["Ada Lovelace", "Chief Executive", "", "Board", "TRUE"],
                      ["Grace Hopper", "Director of Engineering", "Ada Lovelace", "Engineering & Data", ""],
                      ["Vacant", "Head of <Platform>", "Grace Hopper", "Engineering", ""]]
        let staff = [["id", "title", "parent", "grade"], ["1", "Director", "", "D-2"], ["2", "Chief", "1", "P-5"]]
        let bytes = try workbook(sheets: [("People", people), ("Staff list", staff)], in: directory)

        let first = try XLSXImport().run(path: "org.xlsx", bytes: bytes)
        let csv = people.map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n")
        let fromCSV = try CSVImport().run([("org.xlsx", Array(csv.utf8))])
        XCTAssertEqual(first.placed, 3)
        XCTAssertEqual(first.yaml.replacingOccurrences(of: "import xlsx", with: "import csv"), fromCSV.yaml, "the same model, citing the same data rows")
        let model = try ModelLoader.load(file: "org.yaml") { _ in first.yaml }.valid()
        XCTAssertEqual(model.units.map(\.name), ["Chief Executive", "Director of Engineering", "Head of <Platform>"])
        XCTAssertEqual(model.units[1].head?.title, "Engineering & Data", "rich-text runs are joined with their spaces")
        XCTAssertEqual(model.units[2].head?.vacant, true)

        let named = try XLSXImport(sheet: "staff LIST").run(path: "org.xlsx", bytes: bytes)
        let staffModel = try ModelLoader.load(file: "staff.yaml") { _ in named.yaml }.valid()
        XCTAssertEqual(staffModel.units.map(\.id), ["1", "2"], "numbers are read as written")
        XCTAssertEqual(staffModel.unit("2")?.parent, "1")

        XCTAssertThrowsError(try XLSXImport(sheet: "Budget").run(path: "org.xlsx", bytes: bytes)) {
            XCTAssertEqual("\($0)", "org.xlsx:1: error: the workbook has no sheet 'Budget'\n    hint: its sheets are: 'People', 'Staff list'")
        }
    }

    func testReportsNameTheSheetsRowNumbers() throws {
        let rows = [["id", "name", "reports to"], ["a", "A", ""], ["b", "B", "a"], ["c", "C", "nobody"]]
        let result = try XLSXImport().run(path: "book.xlsx", bytes: workbook(sheets: [("S", rows)], in: temporaryDirectory(self)))
        XCTAssertEqual(result.report.items.map(\.place), ["book.xlsx:5"], "row 3 of the sheet is empty, so the fourth row is row 5")
    }

    func testFilesThatAreNoWorkbookGetShortErrors() throws {
        XCTAssertThrowsError(try XLSXImport().run(path: "x.xlsx", bytes: Array("id,name\n1,a\n".utf8))) {
            XCTAssertEqual("\($0)", "x.xlsx:1: error: this file is not an Excel workbook (.xlsx); it is text, perhaps CSV\n    hint: import it with `orgchart import csv x.xlsx`")
        }
        XCTAssertThrowsError(try XLSXImport().run(path: "x.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) {
            XCTAssertTrue("\($0)".contains("not a readable zip archive"), "\($0)")
        }
        XCTAssertThrowsError(try XLSXImport().run(path: "old.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) {
            XCTAssertTrue("\($0)".contains("this file is an Excel 97–2003 workbook (.xls), not an Excel workbook (.xlsx)"), "\($0)")
        }
        // A zip archive of something else.
        let url = try temporaryDirectory(self).appendingPathComponent("other.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(data.count)) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        XCTAssertThrowsError(try XLSXImport().run(path: "other.zip", bytes: [UInt8](Data(contentsOf: url)))) {
            XCTAssertTrue("\($0)".contains("holds no xl/workbook.xml"), "\($0)")
        }
    }

    func testTheCommandReadsAWorkbook() throws {
        let directory = try temporaryDirectory(self)
        let bytes = try workbook(sheets: [("Org", [["id", "name", "parent"], ["1", "Board", ""], ["2", "Audit", "1"]])], in: directory)
        let path = directory.appendingPathComponent("org.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let output = directory.appendingPathComponent("org.yaml").path
        let result = try orgchart(["import", "xlsx", path, "--sheet", "Org", "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "imported 2 posts from 2 rows; 0 not placed\n")
        XCTAssertEqual(try ModelLoader.load(file: output).valid().units.map(\.name), ["Board", "Audit"])
    }
}
