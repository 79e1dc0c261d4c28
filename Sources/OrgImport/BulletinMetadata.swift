/// United Nations document symbols such as `ST/SGB/2010/1` or `ST/SGB/2019/2/Rev.1`.
enum DocumentSymbol {
    /// Every symbol in `text`, in order of appearance, without repeats.
    static func all(in text: String) -> [String] {
        let chars = Array(text)
        var found: [String] = []
        var i = 0
        while i + 3 < chars.count {
            if chars[i] == "S", chars[i + 1] == "T", chars[i + 2] == "/", i == 0 || !chars[i - 1].isLetter,
               let (symbol, end) = symbol(in: chars, from: i) {
                if !found.contains(symbol) { found.append(symbol) }
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// True when the whole line is one symbol (a running header).
    static func isSymbolLine(_ line: String) -> Bool {
        let chars = Array(line.trimmingSpaces)
        guard chars.count >= 8, let (_, end) = symbol(in: chars, from: 0) else { return false }
        return end == chars.count
    }

    /// A symbol starting at `start` (`ST/`), and the index after it.
    private static func symbol(in chars: [Character], from start: Int) -> (String, Int)? {
        var i = start + 3
        func run(_ accept: (Character) -> Bool, max: Int) -> String? {
            var s = ""
            while i < chars.count, accept(chars[i]), s.count < max { s.append(chars[i]); i += 1 }
            return s.isEmpty ? nil : s
        }
        guard let series = run({ $0.isUpperLetter && $0.isASCII }, max: 8), i < chars.count, chars[i] == "/" else { return nil }
        i += 1
        guard let year = run(\.isASCIIDigit, max: 4), year.count == 4, i < chars.count, chars[i] == "/" else { return nil }
        i += 1
        guard let number = run(\.isASCIIDigit, max: 4) else { return nil }
        var symbol = "ST/\(series)/\(year)/\(number)"
        while i + 1 < chars.count, chars[i] == "/" {
            let save = i
            i += 1
            guard let word = run({ $0.isLetter && $0.isASCII }, max: 6), ["Rev", "Amend", "Add", "Corr"].contains(word),
                  i < chars.count, chars[i] == "." else { i = save; break }
            i += 1
            guard let n = run(\.isASCIIDigit, max: 3) else { i = save; break }
            symbol += "/\(word).\(n)"
        }
        return (symbol, i)
    }
}

/// The document facts of a bulletin: symbol, title, date in force and what it abolishes.
struct BulletinMetadata: Sendable, Equatable {
    var symbol: String?
    var title: String?
    var dateInForce: String?
    var abolishes: [String] = []
    /// The paragraph stating the date in force.
    var dateSource: String?
    /// True when the bulletin enters into force on the date of its issuance (the date under its symbol).
    var inForceOnIssuance = false

    /// Reads the metadata from the layout and the raw lines at the top of the text.
    init(layout: BulletinLayout, headerLines: [String], symbol given: String?) {
        title = layout.title
        symbol = given ?? Self.headerSymbol(headerLines)
        for paragraph in layout.paragraphs {
            for sentence in Sentences.split(paragraph.text) {
                let lower = sentence.lowercased()
                if dateInForce == nil, lower.contains("enter into force") || lower.contains("entry into force") || lower.contains("come into force"),
                   let date = Self.isoDate(in: sentence) {
                    dateInForce = date
                    dateSource = paragraph.number
                } else if dateInForce == nil, lower.contains("into force on the date of its issuance") || lower.contains("into force upon its issuance")
                            || lower.contains("into force on the date of issuance") {
                    // In force when issued: the date the bulletin carries under its symbol.
                    dateInForce = headerLines.prefix(12).lazy.compactMap(Self.isoDate).first
                    dateSource = paragraph.number
                    inForceOnIssuance = true
                }
                if lower.contains("hereby abolished") || lower.contains("hereby superseded") || lower.contains("hereby revoked")
                    || lower.contains("are abolished") || lower.contains("is abolished") {
                    for s in DocumentSymbol.all(in: sentence) where s != symbol && !abolishes.contains(s) { abolishes.append(s) }
                }
            }
        }
    }

    /// A symbol standing alone on a line near the top, or repeated as a running header.
    static func headerSymbol(_ lines: [String]) -> String? {
        for line in lines.prefix(40) where DocumentSymbol.isSymbolLine(line) { return line.trimmingSpaces }
        return nil
    }

    /// `1 January 2010` → `2010-01-01`, the first date of the sentence.
    static func isoDate(in sentence: String) -> String? {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == ";" }).map(String.init)
        guard words.count >= 3 else { return nil }
        for i in 1..<(words.count - 1) {
            guard let month = months.firstIndex(of: words[i].lowercased()),
                  let day = Int(words[i - 1]), (1...31).contains(day),
                  words[i + 1].count == 4, let year = Int(words[i + 1]), (1945...2200).contains(year) else { continue }
            let mm = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
            let dd = day < 10 ? "0\(day)" : "\(day)"
            return "\(year)-\(mm)-\(dd)"
        }
        return nil
    }
}
