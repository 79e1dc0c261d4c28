/// Reads one sentence with each statement reader in turn, and reports a sentence that looks
/// structural but that none of them understood.
extension BulletinDraft {
    /// Words that make a sentence look structural.
    static let structuralWords = ["headed by", "accountable to", "comprises", "comprise ", "composed of", "consists of", "consist of",
                                  "reports to", "report to", "direct access", "shared resource", "services to", "serves as deputy",
                                  "under the direction of", "under the authority of", "supervis", "divided into", "organized into",
                                  "answerable to", "responsible to", "reporting line", "receives direction", "is led by"]

    /// Reads a sentence; true when some fact was taken from it.
    @discardableResult
    mutating func read(sentence: String, _ context: inout ReadingContext) -> Bool {
        guard sentence.count <= 4000 else {
            note(context.place, "a sentence of \(sentence.count) characters was skipped", excerpt: sentence)
            return false
        }
        let before = report.count
        let understood = readHeadedBy(sentence, &context) || readComprises(sentence, &context) || readAccountable(sentence, &context)
            || readServices(sentence, &context) || readLine(sentence, &context)
        if !understood, report.count == before, Self.looksStructural(sentence) {
            note(context.place, "a sentence that looks structural was not understood", excerpt: sentence)
        }
        return understood
    }

    /// True when the sentence uses the words of structure ("headed by", "comprises", "accountable to" …).
    static func looksStructural(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return structuralWords.contains { lower.contains($0) }
    }

    /// Reads a paragraph: its sentences, then its items, unless they list functions.
    mutating func read(paragraph: BulletinParagraph, _ context: inout ReadingContext) {
        context.place = paragraph.number
        listContainers = []
        for sentence in Sentences.split(paragraph.text) where !isFull {
            read(sentence: sentence, &context)
        }
        if !listContainers.isEmpty, !paragraph.items.isEmpty {
            placeListedItems(paragraph, context)
            return
        }
        listContainers = []
        guard !paragraph.items.isEmpty, !readFunctions(paragraph, &context) else { return }
        for item in paragraph.items where !isFull {
            context.place = item.place(in: paragraph)
            for sentence in Sentences.split(item.text) where !isFull {
                read(sentence: sentence, &context)
            }
        }
        context.place = paragraph.number
    }
}
