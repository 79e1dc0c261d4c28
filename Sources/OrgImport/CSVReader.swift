/// One record of a CSV file: its fields and where it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The line of the file the record starts on (1-based); a quoted field may span lines.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A spreadsheet or data file that cannot be imported.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file and line where the problem starts.
    public var file: String, line: Int
    /// What is wrong, and how to fix it.
    public var message: String, hint: String
    /// The column (1-based, in characters) where the problem starts, when known.
    public var column: Int? = nil

    public var description: String { "\(file):\(line):\(column.map { "\($0):" } ?? "") error: \(message)\n    hint: \(hint)" }
}

/// Reads comma-separated values as RFC 4180 describes them, and as spreadsheets write them:
/// fields in double quotes may hold commas, line breaks and doubled quotes (`""`); lines end in
/// CRLF, LF or CR; a UTF-8 byte order mark is skipped; bytes that are not UTF-8 are replaced,
/// never fatal (`utf8(_:)` first reads a file that is not UTF-8 as Windows-1252). A quote inside
/// an unquoted field is kept as text. Empty lines are skipped.
public enum CSVReader {
    /// Where a file stops being UTF-8: the line and column (1-based, in characters) of the first
    /// byte that is not UTF-8, and that byte.
    public struct NotUTF8: Sendable, Equatable {
        /// The line and column of the byte.
        public var line: Int, column: Int
        /// The byte, e.g. 0xF6 for `ö` in Latin-1.
        public var byte: UInt8
    }

    /// `bytes` as UTF-8: unchanged when they are UTF-8; otherwise read as Windows-1252 (whose
    /// printable characters include every one of Latin-1), as spreadsheets export "CSV" in
    /// western locales, and where the first byte that is not UTF-8 stands.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], notUTF8: NotUTF8?) {
        var line = 1, column = 1, offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" || (scalar == "\r" && (offset >= bytes.count || bytes[offset] != UInt8(ascii: "\n"))) {
                    line += 1
                    column = 1
                } else if scalar != "\r" {
                    column += 1
                }
            case .emptyInput:
                return (bytes, nil)
            case .error:
                break decoding
            }
        }
        var text = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252[Int(byte - 0x80)] : UInt32(byte)
            text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return (Array(String(text).utf8), NotUTF8(line: line, column: column, byte: bytes[offset]))
    }

    /// The characters of Windows-1252's bytes 0x80…0x9F; the five it leaves undefined stand for
    /// the control characters of the same number, as in Latin-1.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The records of `bytes`, the header included. Throws only for a quoted field still open
    /// at the end of the file, naming the line it was opened on.
    public static func records(_ bytes: [UInt8], file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var quoted = false, wasQuoted = false
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == lf || (byte == cr && (index >= bytes.count || bytes[index] != lf)) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case comma:
                endField()
            case cr, lf:
                if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if quoted {
            throw CSVError(file: file, line: quoteLine, message: "a quoted field opened here is never closed",
                           hint: "close the field with a double quote; a quote inside a quoted field is written twice (\"\")")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
