/// Cleaning of a bulletin's plain text before it is read: line breaks, typographic quotes and
/// spaces, editorial notes in brackets, and page furniture (page numbers, running headers, job numbers).
enum BulletinText {
    /// The text with uniform line breaks, ASCII quotes and spaces, and editorial notes such as
    /// `[Superseded by ST/SGB/2015/3]` removed.
    static func normalized(_ raw: String) -> String {
        var notes: [EditorialNote] = []
        return normalized(raw, notes: &notes)
    }

    /// The normalized text, and in `notes` the editorial notes taken out of it with the words before each.
    static func normalized(_ raw: String, notes: inout [EditorialNote]) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(raw.unicodeScalars.count)
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append("\n") }
            case "\u{0C}", "\u{0B}", "\u{2028}", "\u{2029}", "\u{85}": out.append("\n")
            case "\t", "\u{A0}", "\u{2002}"..."\u{200A}", "\u{202F}", "\u{3000}": out.append(" ")
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": out.append("\"")
            case "\u{2010}", "\u{2011}": out.append("-")
            case "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}": break
            default:
                if scalar.value < 0x20 { out.append(" ") } else { out.append(scalar) }
            }
        }
        return withoutEditorialNotes(String(out), notes: &notes)
    }

    /// Removes `[…]` notes of at most 300 characters, and the space before them; records each (at most
    /// 100, the first) with the 60 characters before it.
    static func withoutEditorialNotes(_ text: String, notes: inout [EditorialNote]) -> String {
        let chars = Array(text)
        var result: [Character] = []
        result.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if chars[i] == "[" {
                var j = i + 1
                while j < chars.count, j - i <= 300, chars[j] != "]", chars[j] != "[" { j += 1 }
                if j < chars.count, chars[j] == "]" {
                    while result.last == " " { result.removeLast() }
                    if notes.count < 100 {
                        let after = String(result.suffix(60)).split(separator: "\n").last.map(String.init) ?? ""
                        notes.append(EditorialNote(text: String(chars[(i + 1)..<j]).trimmingSpaces, after: after.trimmingSpaces))
                    }
                    i = j + 1
                    continue
                }
            }
            result.append(chars[i])
            i += 1
        }
        return String(result)
    }

    /// True for a line that is page furniture: a page number, `2/12`, `Page 3`, `-3-`, a job number
    /// such as `10-20345 (E)`, or a document symbol standing alone.
    static func isPageFurniture(_ line: String) -> Bool {
        let t = line.trimmingSpaces
        if t.isEmpty { return false }
        if t.count <= 4, t.allSatisfy(\.isASCIIDigit) { return true }
        let lower = t.lowercased()
        if lower.hasPrefix("page "), t.dropFirst(5).allSatisfy({ $0.isASCIIDigit || $0 == " " || "of".contains($0) }) { return true }
        if t.count <= 9, t.allSatisfy({ $0.isASCIIDigit || $0 == "/" || $0 == "-" || $0 == " " }), t.contains(where: \.isASCIIDigit) { return true }
        if t.count <= 20, t.first?.isASCIIDigit == true, t.contains("-"),
           t.allSatisfy({ $0.isASCIIDigit || "-() E*".contains($0) }) { return true }
        if DocumentSymbol.isSymbolLine(t) { return true }
        return false
    }
}

/// An editorial note in brackets, such as `[Superseded by ST/SGB/2015/3]`, and the words it follows.
struct EditorialNote: Sendable, Equatable {
    var text: String
    var after: String
}

extension Character {
    /// `0`…`9`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// `A`…`Z`, or an uppercase letter of another script.
    var isUpperLetter: Bool { isUppercase && isLetter }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" { s.removeLast() }
        return String(s)
    }

    /// The text with runs of spaces collapsed to one.
    var collapsingSpaces: String {
        var out = ""
        var space = false
        for c in self {
            if c == " " || c == "\n" { space = true; continue }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }
}
