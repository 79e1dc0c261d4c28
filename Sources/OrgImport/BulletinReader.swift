/// Reads the layout of a bulletin from its cleaned text, line by line: section headings,
/// subheadings, numbered paragraphs (alone on a line, run into the text as in `2.1The`, or with a
/// trailing dot as in `8.10.`), lettered items (alone on a line or run in), and hard line breaks.
struct BulletinReader {
    private let lines: [String]
    private var blocks: [BulletinLayout.Block] = []
    private var paragraph: BulletinParagraph?
    private var itemLines: [String] = []
    private var paragraphLines: [String] = []
    private var section = "0"
    private var lastNumber: (Int, Int) = (0, 0)
    private(set) var dropped = 0

    /// Prepares to read `text` (already normalized).
    init(_ text: String) {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var counts: [String: Int] = [:]
        for line in raw where !line.isEmpty && line.count <= 80 { counts[line, default: 0] += 1 }
        var kept: [String] = []
        var dropped = 0
        for line in raw {
            let repeatedHeader = (counts[line] ?? 0) >= 3 && (line.contains("ST/") || line.lowercased().contains("bulletin") || line.contains(where: \.isASCIIDigit))
                && Self.paragraphNumber(line) == nil && Self.item(line) == nil
            if BulletinText.isPageFurniture(line) || repeatedHeader { dropped += 1; continue }
            kept.append(line)
        }
        lines = kept
        self.dropped = dropped
    }

    /// The layout.
    mutating func read() -> BulletinLayout {
        var index = 0
        var title: String?
        var preamble: [String] = []
        // Header: everything before the first section or numbered paragraph.
        while index < lines.count, Self.sectionHeading(lines[index]) == nil, Self.paragraphNumber(lines[index]) == nil {
            let line = lines[index]
            let lower = line.lowercased()
            if title == nil, lower.hasPrefix("organization of") || lower.hasPrefix("organisation of") {
                var parts = [line]
                let capitals = !line.contains(where: \.isLowercase)
                while index + 1 < lines.count, parts.count < 3 {
                    // A title in capitals may be broken by blank lines; another title continues on the next line.
                    var next = index + 1
                    if capitals { while next < lines.count, lines[next].isEmpty, next - index < 4 { next += 1 } }
                    guard next < lines.count, !lines[next].isEmpty, lines[next].first?.isLetter == true,
                          !capitals || !lines[next].contains(where: \.isLowercase),
                          !lines[next].lowercased().hasPrefix("the secretary-general"),
                          Self.sectionHeading(lines[next]) == nil else { break }
                    index = next
                    parts.append(lines[index])
                }
                title = parts.joined(separator: " ").collapsingSpaces
            } else if !line.isEmpty {
                preamble.append(line)
            }
            index += 1
        }
        while index < lines.count {
            index = consume(at: index)
        }
        closeParagraph()
        return BulletinLayout(title: title, preamble: Self.joined(preamble), blocks: blocks, droppedLines: dropped)
    }

    /// Reads the line at `index` (and, for headings, the lines after it); returns the next index.
    private mutating func consume(at index: Int) -> Int {
        let line = lines[index]
        if line.isEmpty { return index + 1 }
        if let (number, rest) = Self.sectionHeading(line) {
            closeParagraph()
            section = number
            var heading = rest.isEmpty ? [] : [rest]
            var next = index + 1
            while next < lines.count, heading.count < 3 {
                let candidate = lines[next]
                if candidate.isEmpty { if heading.isEmpty { next += 1; continue } else { break } }
                if Self.paragraphNumber(candidate) != nil || Self.item(candidate) != nil || Self.sectionHeading(candidate) != nil { break }
                if candidate.count > 120 || Self.endsSentence(candidate) { break }
                heading.append(candidate)
                next += 1
            }
            blocks.append(.section(number: number, heading: heading.joined(separator: " ").collapsingSpaces))
            return next
        }
        if let (major, minor, text) = Self.paragraphNumber(line), Self.follows((major, minor), lastNumber) {
            closeParagraph()
            lastNumber = (major, minor)
            paragraph = BulletinParagraph(number: "\(major).\(minor)", text: "")
            if !text.isEmpty { paragraphLines.append(text) }
            return index + 1
        }
        if let (label, text) = Self.item(line) {
            if paragraph == nil { paragraph = BulletinParagraph(number: section, text: "") }
            closeItem()
            paragraph?.items.append(BulletinItem(label: label, text: ""))
            if !text.isEmpty { itemLines.append(text) }
            return index + 1
        }
        if isSubheading(at: index) {
            closeParagraph()
            blocks.append(.subheading(line.collapsingSpaces))
            return index + 1
        }
        if paragraph == nil { paragraph = BulletinParagraph(number: section, text: "") }
        if paragraph?.items.isEmpty == false { itemLines.append(line) } else { paragraphLines.append(line) }
        return index + 1
    }

    /// A short line, after a blank line or a finished sentence, before a paragraph number or a section.
    private func isSubheading(at index: Int) -> Bool {
        let line = lines[index]
        guard line.count <= 100, line.split(separator: " ").count <= 14, line.first?.isUpperLetter == true,
              !Self.endsSentence(line), !line.hasSuffix(",") else { return false }
        let previousBlank = index == 0 || lines[index - 1].isEmpty
        let previousText = paragraph?.items.isEmpty == false ? itemLines.last : paragraphLines.last
        guard previousBlank || previousText.map(Self.endsSentence) ?? true else { return false }
        var next = index + 1
        while next < lines.count, lines[next].isEmpty { next += 1 }
        guard next < lines.count else { return false }
        return Self.paragraphNumber(lines[next]) != nil || Self.sectionHeading(lines[next]) != nil
    }

    private mutating func closeItem() {
        // In place: a copy of the paragraph would copy its items, once per item.
        if !itemLines.isEmpty, let last = paragraph?.items.indices.last { paragraph?.items[last].text = Self.joined(itemLines) }
        itemLines = []
    }

    private mutating func closeParagraph() {
        closeItem()
        guard var p = paragraph else { paragraphLines = []; return }
        p.text = Self.joined(paragraphLines)
        if p.items.isEmpty { p = Self.splittingRunInItems(p) }
        if !p.text.isEmpty || !p.items.isEmpty { blocks.append(.paragraph(p)) }
        paragraph = nil
        paragraphLines = []
    }

    /// `… as follows: (a) Doing this; (b) Doing that.` split into items.
    static func splittingRunInItems(_ p: BulletinParagraph) -> BulletinParagraph {
        guard let start = p.text.firstRange(of: ": (a) ") ?? p.text.firstRange(of: ":(a) ") else { return p }
        var result = p
        result.text = String(p.text[..<start.lowerBound]) + ":"
        var rest = Substring(p.text[start.upperBound...])
        var label: Unicode.Scalar = "a"
        while label.value < UInt32(("z" as Unicode.Scalar).value) {
            let nextLabel = Unicode.Scalar(label.value + 1) ?? "z"
            if let cut = rest.firstRange(of: " (\(nextLabel)) ") {
                result.items.append(BulletinItem(label: String(label), text: rest[..<cut.lowerBound].trimmingSpaces))
                rest = rest[cut.upperBound...]
                label = nextLabel
            } else {
                break
            }
        }
        result.items.append(BulletinItem(label: String(label), text: rest.trimmingSpaces))
        return result
    }

    /// Lines joined with spaces; a line ending in a hyphen after a letter joins the next word
    /// directly. Linear: only the end of the text joined so far is looked at.
    static func joined(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if text.isEmpty { text = line; continue }
            let last = text.index(before: text.endIndex)
            if text[last] == "-", last > text.startIndex, text[text.index(before: last)].isLetter,
               let first = line.split(separator: " ").first, !["and", "or"].contains(first) {
                text += line
            } else {
                text += " " + line
            }
        }
        return text.collapsingSpaces
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".;:".contains(last)
    }

    /// `Section 4` or `Section 4 Office of …`: the number and the rest of the line.
    static func sectionHeading(_ line: String) -> (String, String)? {
        guard line.hasPrefix("Section ") || line.hasPrefix("SECTION ") else { return nil }
        let rest = line.dropFirst(8)
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        var tail = rest.dropFirst(digits.count)
        if tail.first == "." || tail.first == ":" { tail = tail.dropFirst() }
        guard tail.isEmpty || tail.first == " " else { return nil }
        return (String(digits), tail.trimmingSpaces)
    }

    /// `4.3`, `8.10.`, `2.1The …`: the number and the text after it.
    static func paragraphNumber(_ line: String) -> (Int, Int, String)? {
        let majorDigits = line.prefix(while: \.isASCIIDigit)
        guard !majorDigits.isEmpty, majorDigits.count <= 2 else { return nil }
        var rest = line.dropFirst(majorDigits.count)
        guard rest.first == "." else { return nil }
        rest = rest.dropFirst()
        let minorDigits = rest.prefix(while: \.isASCIIDigit)
        guard !minorDigits.isEmpty, minorDigits.count <= 3, let major = Int(majorDigits), let minor = Int(minorDigits) else { return nil }
        rest = rest.dropFirst(minorDigits.count)
        if rest.first == "." { rest = rest.dropFirst() }
        guard let next = rest.first else { return (major, minor, "") }
        guard next == " " || next.isUpperLetter || next == "\"" || next == "'" || next == "(" else { return nil }
        return (major, minor, rest.trimmingSpaces)
    }

    /// `(b)` or `(iv)` at the start of a line: the label and the text after it.
    static func item(_ line: String) -> (String, String)? {
        guard line.first == "(", let close = line.firstIndex(of: ")") else { return nil }
        let label = line[line.index(after: line.startIndex)..<close]
        guard !label.isEmpty, label.count <= 4, label.allSatisfy({ $0.isLowercase && $0.isASCII }) else { return nil }
        return (String(label), line[line.index(after: close)...].trimmingSpaces)
    }

    /// Paragraph numbers only go forward; a number out of order is text (e.g. `1.5 million` after a line break).
    static func follows(_ number: (Int, Int), _ last: (Int, Int)) -> Bool {
        number.0 > last.0 || (number.0 == last.0 && number.1 > last.1)
    }
}
