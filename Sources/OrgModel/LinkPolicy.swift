/// The links a chart, a page or a report may carry, shared by every output: `http`, `https` and
/// `mailto` links and relative ones (no scheme). Any other scheme (`javascript:`, `data:`,
/// `vbscript:`, `file:` …) is refused and the link dropped, whatever its case and whatever
/// blanks and control characters come before it.
public enum LinkPolicy {
    /// The schemes a link may have, lowercase.
    public static let schemes: Set<String> = ["http", "https", "mailto"]

    /// `url` as outputs write it, or nil when it is refused or empty. The link is read as a
    /// browser reads it (leading and trailing blanks and control characters removed, tabs and
    /// line breaks removed everywhere), its scheme checked, and every byte that is not a URL
    /// character (space, quotes, `<`, `>`, `\`, controls, non-ASCII …) percent-encoded; the
    /// result still needs escaping for its context (`&` in XML, HTML and DOT).
    public static func allowed(_ url: String) -> String? {
        let bytes = cleaned(url)
        guard !bytes.isEmpty else { return nil }
        if let scheme = scheme(of: bytes), !schemes.contains(scheme) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if isURLCharacter(byte) {
                out.append(byte)
            } else {
                out += Array("%\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0xF)])".utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Why a link is refused, for diagnostics; nil when `allowed(url)` keeps it.
    public static func refusal(_ url: String) -> String? {
        let bytes = cleaned(url)
        guard !bytes.isEmpty else { return "the link is empty" }
        guard let scheme = scheme(of: bytes), !schemes.contains(scheme) else { return nil }
        return "links with the scheme '\(scheme):' are not allowed"
    }

    /// The bytes of `url` as a browser reads them: without leading and trailing blanks and C0
    /// control characters, and without tabs and line breaks anywhere.
    private static func cleaned(_ url: String) -> [UInt8] {
        var bytes = url.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        while let first = bytes.first, first <= 0x20 { bytes.removeFirst() }
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        return bytes
    }

    /// The lowercase scheme of a URL (letters, digits, `+`, `-`, `.` before the first `:`,
    /// starting with a letter), or nil for a relative URL.
    private static func scheme(of bytes: [UInt8]) -> String? {
        guard let first = bytes.first, isLetter(first) else { return nil }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return String(decoding: bytes[..<index], as: UTF8.self).lowercased() }
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Unreserved and reserved characters of RFC 3986, and `%` (links may hold escapes already).
    private static func isURLCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte)
    }

    private static let hexDigits = Array("0123456789ABCDEF")
}

extension Unit {
    /// The unit's `url` as outputs write it (see `LinkPolicy`); nil when it has none or it is refused.
    public var link: String? { url.flatMap(LinkPolicy.allowed) }
}
