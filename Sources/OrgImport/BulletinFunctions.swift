/// Lists of core functions: "The core functions of the X are as follows:", "The Department of X:",
/// "The X shall:", followed by the (a), (b) … items.
extension BulletinDraft {
    /// When the paragraph's last sentence introduces its items as functions, records them; true if it did.
    mutating func readFunctions(_ paragraph: BulletinParagraph, _ context: inout ReadingContext) -> Bool {
        guard !paragraph.items.isEmpty, let intro = Sentences.split(paragraph.text).last, intro.hasSuffix(":") else { return false }
        let lower = intro.lowercased()
        var subject = String(intro.dropLast())
        if let r = lower.firstRange(of: "functions of ") {
            subject = String(intro[r.upperBound...])
            for end in [" are ", " shall ", " include", " is "] {
                if let e = subject.firstRange(of: end) { subject = String(subject[..<e.lowerBound]); break }
            }
        } else if let r = intro.firstRange(of: " is responsible for") ?? intro.firstRange(of: " shall") ?? intro.firstRange(of: " will") {
            subject = String(intro[..<r.lowerBound])
        } else if lower.hasPrefix("the following") || lower.contains(" following ") && !lower.contains("functions") {
            return false
        }
        guard let targets = functionSubjects(subject, context), !targets.isEmpty else {
            if lower.contains("functions") {
                note(context.place, "the unit whose functions are listed was not recognized", excerpt: intro)
            }
            return false
        }
        let functions = paragraph.items.map { Self.function($0.text) }.filter { !$0.isEmpty }
        for unit in targets where units[unit].functions.isEmpty {
            units[unit].functions = functions
            units[unit].functionsPlace = paragraph.number
        }
        if targets.count == 1 { context.topic = targets[0] }
        return true
    }

    /// The units a functions list is about, trying the phrase and then its part before each " of ".
    private func functionSubjects(_ phrase: String, _ context: ReadingContext) -> [Int]? {
        var candidate = Names.bare(phrase)
        for _ in 0..<6 {
            let found = subjects(candidate, in: context)
            if !found.isEmpty { return found }
            guard let r = candidate.ranges(of: " of ").last else { return nil }
            candidate = String(candidate[..<r.lowerBound])
        }
        return nil
    }

    /// An item's text without the closing "; and" or full stop.
    static func function(_ text: String) -> String {
        var t = text.trimmingSpaces
        for suffix in ["; and", ";and", ", and", ";", "."] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count))
            break
        }
        return t.trimmingSpaces
    }
}
