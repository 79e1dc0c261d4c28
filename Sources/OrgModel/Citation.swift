/// Where a fact comes from: a document of the model and the section or paragraph that states it.
///
/// Written in model files as `DOCUMENT §SECTION`, e.g. `sgb-2010-1 §4.3`, or as a mapping with
/// `document`, `section`, optionally `quote` and `inferred`.
public struct Citation: Hashable, Sendable, CustomStringConvertible {
    /// The id of a document in the model's `documents` list.
    public var document: String
    /// Section or paragraph, e.g. `4.3` or `2.4(b)`; empty when the whole document is meant.
    public var section: String
    /// True when the fact is inferred from the text rather than stated in it.
    public var inferred: Bool
    /// A short quotation or explanation, optional.
    public var note: String?

    /// Creates a citation.
    public init(document: String, section: String = "", inferred: Bool = false, note: String? = nil) {
        self.document = document
        self.section = section
        self.inferred = inferred
        self.note = note
    }

    /// Parses `DOC §SECTION` (the `§` part optional). Returns nil for an empty string.
    public init?(parsing text: String) {
        let trimmed = text[...].trimmingBlanks()
        guard !trimmed.isEmpty else { return nil }
        if let mark = trimmed.firstIndex(of: "§") {
            document = trimmed[..<mark].trimmingBlanks()
            section = trimmed[trimmed.index(after: mark)...].trimmingBlanks()
        } else {
            document = trimmed
            section = ""
        }
        inferred = false
        note = nil
        if document.isEmpty { return nil }
    }

    /// `DOC §SECTION`, with `(inferred)` when inferred.
    public var description: String {
        (section.isEmpty ? document : "\(document) §\(section)") + (inferred ? " (inferred)" : "")
    }
}
