import OrgModel

/// The result of importing a bulletin: the model, its YAML text, and what a person should check.
public struct BulletinImport: Sendable {
    /// The model read from the bulletin.
    public var model: Model
    /// The model in the project's YAML format, deterministic (same input, same bytes).
    public var yaml: String
    /// Sentences that looked structural but were not understood, phrases that could not be placed.
    public var report: ImportReport
    /// Inferred or uncertain facts, as `(place, what, confidence)`, in model order.
    public var inferences: [BulletinInference]
}

/// A fact the importer inferred or is unsure of, for the report.
public struct BulletinInference: Sendable, Equatable {
    /// The paragraph, e.g. `4.3`.
    public var place: String
    /// The fact, e.g. "unit dpo-ousg in dpo".
    public var fact: String
    /// 0…1.
    public var confidence: Double
    /// Why.
    public var reason: String
}

/// Why a text could not be imported, with where and a hint.
public struct BulletinImportError: Error, Sendable, CustomStringConvertible {
    /// The file or place concerned.
    public var place: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String

    /// `FILE: error: message` and an indented hint line.
    public var description: String { "\(place): error: \(message)\n    hint: \(hint)" }
}

/// Reads the plain text of a Secretary-General's bulletin on the organization of a department or
/// office ("Organization of the …") into a model: units and containment, heads, accountability
/// (including dual), reporting and direction, direct access, deputies, shared resources and their
/// consumers, core functions, each with its paragraph; and the document's symbol, title, date in
/// force and what it abolishes.
public enum BulletinImporter {
    /// The largest text accepted (bulletins are far smaller).
    public static let maximumLength = 2_000_000

    /// Imports `text`. `file` names the input in errors; `symbol` gives the document symbol when the
    /// text does not carry it (e.g. `ST/SGB/2010/1`).
    public static func importBulletin(_ text: String, file: String = "bulletin.txt", symbol: String? = nil) throws -> BulletinImport {
        guard text.utf8.count <= maximumLength else {
            throw BulletinImportError(place: file, message: "the text is \(text.utf8.count) bytes long, more than a bulletin",
                                      hint: "give the plain text of one bulletin (at most \(maximumLength) bytes)")
        }
        var editorialNotes: [EditorialNote] = []
        let normalized = BulletinText.normalized(text, notes: &editorialNotes)
        var reader = BulletinReader(normalized)
        let layout = reader.read()
        let headerLines = normalized.split(separator: "\n", omittingEmptySubsequences: true).prefix(40).map { $0.trimmingSpaces }
        let metadata = BulletinMetadata(layout: layout, headerLines: headerLines, symbol: symbol)
        var draft = BulletinDraft(text: normalized)
        let sectionUnits = read(layout, into: &draft)
        try checkIsBulletin(layout, draft, header: headerLines, file: file)
        draft.finish(sectionUnits: sectionUnits)
        let assembly = BulletinAssembly(draft: draft, metadata: metadata)
        let model = assembly.model()
        var report = ImportReport(items: draft.report)
        for note in editorialNotes {
            var item = ImportReport.Item(place: "text", message: "editorial note [\(note.text)], kept out of the text it annotates")
            item.excerpt = note.after.isEmpty ? nil : "… " + note.after
            report.items.append(item)
        }
        if metadata.symbol == nil {
            report.items.insert(ImportReport.Item(place: "title", message: "no document symbol found in the text; give it with --symbol"), at: 0)
        }
        if metadata.dateInForce == nil {
            let message = metadata.inForceOnIssuance ? "the bulletin enters into force on the date of its issuance, which the text does not give"
                : "no date of entry into force found"
            report.items.append(ImportReport.Item(place: metadata.dateSource ?? "final provisions", message: message))
        } else if metadata.inForceOnIssuance {
            report.items.append(ImportReport.Item(place: metadata.dateSource ?? "final provisions",
                                                  message: "in force on the date of its issuance, read as \(metadata.dateInForce ?? "") from the date under the symbol"))
        }
        return BulletinImport(model: model, yaml: ModelWriter.yaml(model, comment: "Imported from \(String((model.documents.first?.symbol ?? file).filter { $0 != "\n" && $0 != "\r" }.prefix(200))) by `orgchart import bulletin`; check the import report before use."), report: report,
                              inferences: BulletinInferences.list(model))
    }

    /// Reads every block; returns the unit each section is about.
    private static func read(_ layout: BulletinLayout, into draft: inout BulletinDraft) -> [String: Int] {
        let rootName = rootName(layout)
        var context = ReadingContext(place: "0", section: "0", sectionUnit: nil, topic: nil)
        if let rootName, let kind = Names.kind(of: rootName) {
            let place = layout.paragraphs.first { Names.key($0.text).contains(Names.key(rootName)) }?.number ?? ""
            draft.root = draft.addUnit(rootName, kind: kind, parent: nil, evidence: Evidence(place: place), section: "0")
            context.topic = draft.root
        }
        var sectionUnits: [String: Int] = [:]
        let nextParagraph = paragraphNumbersAfter(layout)
        for (i, block) in layout.blocks.enumerated() {
            if draft.isFull { break }
            switch block {
            case .section(let number, let heading):
                context.section = number
                context.place = nextParagraph[i] ?? number
                context.sectionUnit = nil
                context.isGeneral = ["general provision", "general provisions", "definitions", "scope", "general"].contains(Names.key(heading))
                context.sectionUnit = draft.headingUnit(heading, following: text(after: i, in: layout, untilSection: true), topLevel: true, context)
                if let s = context.sectionUnit { sectionUnits[number] = s }
                context.topic = context.sectionUnit ?? draft.root
            case .subheading(let heading):
                context.place = nextParagraph[i] ?? context.section
                context.topic = draft.headingUnit(heading, following: text(after: i, in: layout, untilSection: false), topLevel: false, context)
                    ?? context.sectionUnit ?? draft.root
            case .paragraph(let paragraph):
                draft.read(paragraph: paragraph, &context)
            }
        }
        if draft.isFull {
            draft.note(context.place, "the text names \(BulletinDraft.maximumNames) units and officials or more, more than any bulletin; the rest of it was not read")
        }
        return sectionUnits
    }

    /// "Organization of the Department of X" → "Department of X"; else the preamble's "organizational structure of the …".
    static func rootName(_ layout: BulletinLayout) -> String? {
        if let title = layout.title {
            let rest = title.split(separator: " ").dropFirst(2).joined(separator: " ")
            let name = Names.bare(rest)
            if !name.contains(where: \.isLowercase), let written = writtenForm(of: name, in: layout) { return written }
            if Names.kind(of: name) != nil { return name }
        }
        for marker in ["organizational structure of the ", "organization of the "] {
            if let r = layout.preamble.lowercased().firstRange(of: marker) {
                let offset = layout.preamble.lowercased().distance(from: layout.preamble.lowercased().startIndex, to: r.upperBound)
                guard offset <= layout.preamble.count else { continue }
                let tail = layout.preamble.dropFirst(offset)
                let name = String(tail.prefix { $0 != "," && $0 != "." && $0 != ";" }).trimmingSpaces
                if Names.kind(of: name) != nil, name.count <= 120 { return Names.bare(name) }
            }
        }
        return nil
    }

    /// A name given in capitals ("DEPARTMENT OF …") as the preamble or the first paragraphs write it.
    private static func writtenForm(of name: String, in layout: BulletinLayout) -> String? {
        let texts = [layout.preamble] + layout.paragraphs.prefix(6).map(\.text)
        for text in texts {
            let lower = text.lowercased()
            guard lower.count == text.count, let r = lower.firstRange(of: name.lowercased()) else { continue }
            let start = lower.distance(from: lower.startIndex, to: r.lowerBound)
            let written = String(text.dropFirst(start).prefix(name.count))
            if Names.kind(of: written) != nil { return written }
        }
        return nil
    }

    /// For each block, the number of the first paragraph after it, if any (one pass from the end).
    private static func paragraphNumbersAfter(_ layout: BulletinLayout) -> [String?] {
        var numbers = [String?](repeating: nil, count: layout.blocks.count)
        var next: String?
        for i in layout.blocks.indices.reversed() {
            numbers[i] = next
            if case .paragraph(let p) = layout.blocks[i] { next = p.number }
        }
        return numbers
    }

    /// The text of the paragraphs after a heading, up to the next heading (or section).
    private static func text(after index: Int, in layout: BulletinLayout, untilSection: Bool) -> String {
        var parts: [String] = []
        for block in layout.blocks[(index + 1)...] {
            switch block {
            case .section: return parts.joined(separator: " ")
            case .subheading: if !untilSection { return parts.joined(separator: " ") }
            case .paragraph(let p): parts.append(p.text)
            }
            if parts.count > 40 { break }
        }
        return parts.joined(separator: " ")
    }

    /// A bulletin on organization has numbered paragraphs and says who heads what or what comprises what.
    /// It also names itself: a title "Organization of the …", or "bulletin" or "promulgates" before its first section.
    private static func checkIsBulletin(_ layout: BulletinLayout, _ draft: BulletinDraft, header: [String], file: String) throws {
        let numbered = layout.paragraphs.filter { $0.number.contains(".") }.count
        let heads = draft.units.filter { $0.head != nil }.count
        let contained = draft.units.filter { $0.parent != nil && $0.parentEvidence?.inferred == false }.count
        let named = layout.title != nil || layout.preamble.lowercased().contains("promulgates")
            || header.contains { $0.lowercased().contains("bulletin") }
        guard named, numbered >= 2, heads + contained + draft.relations.count >= 2 else {
            throw BulletinImportError(
                place: file,
                message: "this does not look like a Secretary-General's bulletin on the organization of a department or office "
                    + "(\(named ? "" : "no title \"Organization of the …\", ")\(numbered) numbered paragraphs, \(heads) heads, "
                    + "\(contained) stated containments, \(draft.relations.count) lines found)",
                hint: "give the plain text of a bulletin titled \"Organization of the …\", with numbered paragraphs such as "
                    + "\"4.3 The Office of … is headed by …, who is accountable to …\"")
        }
    }
}
