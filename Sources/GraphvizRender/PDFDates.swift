/// cairo writes the time of rendering into every PDF (`/CreationDate (D:…)`, `/ModDate`), in the
/// local time zone: `D:20261201132900Z` in UTC, `D:20261201142900+01'00` in Paris. Charts must be
/// identical on every machine, so each date is replaced by one fixed string whatever its length,
/// and the cross-reference table and `startxref` are moved by the bytes that changed, which keeps
/// the file valid.
public enum PDFDates {
    /// The date every PDF carries: 1 January 2000, UTC.
    static let fixedDate = Array("D:20000101000000Z".utf8)

    /// `pdf` with its creation and modification dates replaced by the fixed one.
    public static func fixed(_ pdf: [UInt8]) -> [UInt8] {
        // The dates, as ranges of their text between the parentheses, in file order.
        var dates: [Range<Int>] = []
        for key in ["/CreationDate (", "/ModDate ("] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: pdf, from: index) {
                let start = found + pattern.count
                guard let end = pdf[start...].firstIndex(of: UInt8(ascii: ")")) else { break }
                dates.append(start..<end)
                index = end
            }
        }
        guard !dates.isEmpty else { return pdf }
        dates.sort { $0.lowerBound < $1.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(pdf.count + 16 * dates.count)
        var copied = 0
        for date in dates {
            out.append(contentsOf: pdf[copied..<date.lowerBound])
            out.append(contentsOf: fixedDate)
            copied = date.upperBound
        }
        out.append(contentsOf: pdf[copied...])
        /// Where a byte at `offset` of the input is in the output.
        func moved(_ offset: Int) -> Int {
            var shift = 0
            for date in dates where date.upperBound <= offset { shift += fixedDate.count - date.count }
            return offset + shift
        }
        return repairingCrossReferences(out, moved: moved)
    }

    /// `pdf` with the offsets of its classic cross-reference table and of `startxref` mapped
    /// through `moved`; a file without them (or with a compressed table) is returned unchanged.
    private static func repairingCrossReferences(_ pdf: [UInt8], moved: (Int) -> Int) -> [UInt8] {
        let marker = Array("startxref\n".utf8)
        guard let at = lastIndex(of: marker, in: pdf) else { return pdf }
        var cursor = at + marker.count
        guard let oldTable = integer(in: pdf, at: &cursor) else { return pdf }
        let tableEnd = cursor
        let table = moved(oldTable)
        guard table >= 0, table + 4 <= pdf.count, Array(pdf[table..<table + 4]) == Array("xref".utf8) else { return pdf }
        var bytes = pdf
        var position = table + 4
        skipSpace(bytes, &position)
        // Subsections: `FIRST COUNT` then COUNT entries of 20 bytes, `OOOOOOOOOO GGGGG n\r\n`.
        while let _ = integer(in: bytes, at: &position) {
            skipSpace(bytes, &position, newlines: false)
            guard let count = integer(in: bytes, at: &position) else { return pdf }
            skipSpace(bytes, &position)
            for _ in 0..<count {
                guard position + 20 <= bytes.count else { return pdf }
                if bytes[position + 17] == UInt8(ascii: "n") {
                    var digits = position
                    guard let offset = integer(in: bytes, at: &digits) else { return pdf }
                    let text = Array(String(moved(offset)).utf8)
                    guard text.count <= 10 else { return pdf }
                    let padded = [UInt8](repeating: UInt8(ascii: "0"), count: 10 - text.count) + text
                    bytes.replaceSubrange(position..<position + 10, with: padded)
                }
                position += 20
            }
        }
        bytes.replaceSubrange(at + marker.count..<tableEnd, with: Array(String(table).utf8))
        return bytes
    }

    /// The decimal number at `cursor`, which moves past it; nil when there is none.
    private static func integer(in bytes: [UInt8], at cursor: inout Int) -> Int? {
        var value = 0, digits = 0
        while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), digits < 18 {
            value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
            cursor += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    private static func skipSpace(_ bytes: [UInt8], _ cursor: inout Int, newlines: Bool = true) {
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || newlines && (bytes[cursor] == 10 || bytes[cursor] == 13) {
            cursor += 1
        }
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = bytes.count - pattern.count
        while i >= 0 {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i -= 1
        }
        return nil
    }
}
