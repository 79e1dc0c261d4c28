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

/// A CSV file that cannot be read as CSV.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file and line where the problem starts.
    public var file: String, line: Int
    /// What is wrong, and how to fix it.
    public var message: String, hint: String

    public var description: String { "\(file):\(line): error: \(message)\n    hint: \(hint)" }
}

/// Reads comma-separated values as RFC 4180 describes them, and as spreadsheets write them:
/// fields in double quotes may hold commas, line breaks and doubled quotes (`""`); lines end in
/// CRLF, LF or CR; a UTF-8 byte order mark is skipped; bytes that are not UTF-8 are replaced,
/// never fatal. A quote inside an unquoted field is kept as text. Empty lines are skipped.
public enum CSVReader {
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
