/// Splitting a paragraph into sentences: at `. ` before a capital letter or a quote, except after
/// abbreviations (`No.`, `Corr.`, `i.e.`) and initials.
enum Sentences {
    private static let abbreviations: Set<String> = ["no", "nos", "corr", "rev", "add", "amend", "e.g", "i.e", "mr", "ms", "mrs",
                                                     "dr", "st", "para", "paras", "art", "vol", "cf", "etc", "viz", "op", "cit"]

    /// The sentences of `text`, trimmed, each ending with its full stop.
    static func split(_ text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            if chars[i] == ".", i + 2 < chars.count, chars[i + 1] == " ",
               chars[i + 2].isUpperLetter || chars[i + 2] == "\"" || chars[i + 2] == "'" || chars[i + 2] == "(",
               !endsWithAbbreviation(chars, at: i) {
                sentences.append(String(chars[start...i]).trimmingSpaces)
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        if start < chars.count {
            let last = String(chars[start...]).trimmingSpaces
            if !last.isEmpty { sentences.append(last) }
        }
        return sentences
    }

    /// True when the word before the full stop at `dot` is an abbreviation or a single letter.
    private static func endsWithAbbreviation(_ chars: [Character], at dot: Int) -> Bool {
        var j = dot - 1
        var word = ""
        while j >= 0, chars[j] != " ", word.count < 12 { word.insert(chars[j], at: word.startIndex); j -= 1 }
        let bare = word.trimming("(\"'")
        if bare.count == 1, bare.first?.isLetter == true { return true }
        return abbreviations.contains(bare.lowercased())
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
