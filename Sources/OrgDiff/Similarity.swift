/// How alike two names are, for matching units that neither an id nor a stated lineage links.
enum Similarity {
    /// Words that say little about which unit is meant: articles and the like, and the words
    /// for kinds of unit (the kind is compared on its own).
    static let minorWords: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "a", "an", "&",
                                          "office", "division", "branch", "service", "section", "unit", "team", "cell", "capacity"]

    /// Lower case, punctuation as spaces, single spaces.
    static func normalized(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }

    /// The words of a name that carry meaning.
    static func words(_ text: String) -> Set<String> { Name(text).words }

    /// A name prepared for comparison, so that one compared with many is normalized once.
    struct Name {
        /// `normalized(text)`.
        let normalized: String
        /// `words(text)`.
        let words: Set<String>

        init(_ text: String) {
            normalized = Similarity.normalized(text)
            words = Set(normalized.split(separator: " ").map(String.init).filter { !minorWords.contains($0) })
        }
    }

    /// From 0 to 1: the Dice coefficient of the names' words, 1 for equal names.
    static func names(_ a: String, _ b: String) -> Double { names(Name(a), Name(b)) }

    /// `names(_:_:)` of prepared names.
    static func names(_ a: Name, _ b: Name) -> Double {
        if a.normalized == b.normalized { return 1 }
        guard !a.words.isEmpty, !b.words.isEmpty else { return 0 }
        return 2 * Double(a.words.intersection(b.words).count) / Double(a.words.count + b.words.count)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
