/// cairo writes the time of rendering into every PDF (`/CreationDate (D:…)`); charts must be
/// identical run to run, so the date is overwritten in place with a fixed one of the same length,
/// which keeps every byte offset of the file valid.
public enum PDFDates {
    static let fixedDate = Array("D:20000101000000".utf8)

    /// `pdf` with its creation date replaced by a fixed one of the same length.
    public static func fixed(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate (", "/ModDate ("] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: bytes, from: index) {
                var cursor = found + pattern.count
                // Overwrite `D:YYYYMMDDHHmmSS` and then any zone suffix (`Z`, `+01'00`) up to `)`.
                for byte in fixedDate where cursor < bytes.count && bytes[cursor] != UInt8(ascii: ")") {
                    bytes[cursor] = byte
                    cursor += 1
                }
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ")") {
                    bytes[cursor] = UInt8(ascii: " ")
                    cursor += 1
                }
                index = cursor
            }
        }
        return bytes
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }
}
