/// The layout of a bulletin once its page furniture is gone: numbered sections with their headings,
/// numbered paragraphs, the lettered items of each paragraph, and the subheadings between them.
struct BulletinLayout: Sendable, Equatable {
    /// One block of the text, in reading order.
    enum Block: Sendable, Equatable {
        /// `Section 4` and its heading, e.g. "Office of the Under-Secretary-General".
        case section(number: String, heading: String)
        /// A short line standing alone before a paragraph, e.g. "Front office".
        case subheading(String)
        /// A numbered paragraph (or the unnumbered text of a section).
        case paragraph(BulletinParagraph)
    }

    /// The title, e.g. "Organization of the Department of Peacekeeping Operations", when found.
    var title: String?
    /// The text between the title and the first section or paragraph (the preamble).
    var preamble: String
    /// The blocks after the title.
    var blocks: [Block]
    /// Lines that look like page headers or footers and were dropped.
    var droppedLines: Int

    /// The paragraphs, in order.
    var paragraphs: [BulletinParagraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}

/// A paragraph of a bulletin: its number (`4.3`), its text with line breaks joined, and its
/// lettered items `(a)`, `(b)` ….
struct BulletinParagraph: Sendable, Equatable {
    /// The paragraph number, e.g. `4.3`, or the section number for unnumbered text.
    var number: String
    /// The text before the first item, line breaks joined.
    var text: String
    /// The lettered items, in order.
    var items: [BulletinItem]

    /// Creates a paragraph.
    init(number: String, text: String, items: [BulletinItem] = []) {
        self.number = number
        self.text = text
        self.items = items
    }
}

/// A lettered item of a paragraph: `(b) Formulates policies …`.
struct BulletinItem: Sendable, Equatable {
    /// The letter or numeral without brackets, e.g. `b`.
    var label: String
    /// The item's text, line breaks joined.
    var text: String

    /// Creates an item.
    init(label: String, text: String) {
        self.label = label
        self.text = text
    }

    /// The place of the item for citations, e.g. `2.4(b)`.
    func place(in paragraph: BulletinParagraph) -> String { "\(paragraph.number)(\(label))" }
}
