import OrgModel

/// Compares an imported model with a hand-checked model of the same bulletin. Ids differ, so units
/// are matched by normalized name and parent name, heads and posts by title, and lines by kind and ends.
public struct BulletinComparison: Sendable {
    /// Reference units found in the import with the same name and the same parent name.
    public var matchedUnits: [String] = []
    /// Reference units not found with the right parent (`name in parent`).
    public var missingUnits: [String] = []
    /// Imported units whose name is in the reference but under another parent.
    public var misplacedUnits: [String] = []
    /// Imported units whose name is nowhere in the reference, or that repeat a reference unit found
    /// already (a heading and its body read as two units).
    public var inventedUnits: [String] = []
    /// Reference accountability lines (accountable-to, also-accountable-to) found in the import.
    public var matchedAccountability: [String] = []
    /// Reference accountability lines not found.
    public var missingAccountability: [String] = []
    /// Reference lines of every kind found / not found.
    public var matchedLines: [String] = []
    /// Reference lines of every kind not found.
    public var missingLines: [String] = []
    /// Imported lines not in the reference.
    public var extraLines: [String] = []
    /// Reference units with a head whose unit the import has (same name and parent) headed by the same title.
    public var matchedHeads: [String] = []
    /// Reference heads not found: `unit: title (imported: other title)`.
    public var wrongHeads: [String] = []
    /// Number of reference units.
    public var referenceUnits = 0
    /// Number of reference accountability lines.
    public var referenceAccountability = 0

    /// Compares `imported` with `reference`.
    public init(imported: Model, reference: Model) {
        let importedKeys = Set(imported.units.map { Self.unitKey($0, in: imported) })
        let referenceNames = Set(reference.units.flatMap { [Self.normalized($0.name)] + $0.aliases.map(Self.normalized) })
        let referenceKeys = Set(reference.units.map { Self.unitKey($0, in: reference) })
        referenceUnits = reference.units.count
        for u in reference.units {
            let key = Self.unitKey(u, in: reference)
            if importedKeys.contains(key) { matchedUnits.append(key) } else { missingUnits.append(key) }
        }
        for u in imported.units {
            let key = Self.unitKey(u, in: imported)
            guard !referenceKeys.contains(key) else { continue }
            let name = Self.normalized(u.name)
            guard referenceNames.contains(name) else { inventedUnits.append(key); continue }
            // A unit whose reference units (by name or alias) are all found already is a second unit for one.
            let namesakes = reference.units.filter { Self.normalized($0.name) == name || $0.aliases.map(Self.normalized).contains(name) }
            if namesakes.allSatisfy({ importedKeys.contains(Self.unitKey($0, in: reference)) }) {
                inventedUnits.append("\(key) (a second unit for \(namesakes.map { Self.normalized($0.name) }.joined(separator: ", ")))")
            } else {
                misplacedUnits.append(key)
            }
        }
        var importedHeads: [String: String] = [:]
        for u in imported.units { importedHeads[Self.unitKey(u, in: imported)] = u.head.map { Self.normalized($0.title) } }
        for u in reference.units {
            guard let head = u.head.map({ Self.normalized($0.title) }) else { continue }
            let key = Self.unitKey(u, in: reference)
            if importedHeads[key] == head { matchedHeads.append(key) } else { wrongHeads.append("\(key): \(head) (imported: \(importedHeads[key] ?? "none"))") }
        }
        let importedLines = Set(imported.relationships.map { Self.lineKey($0, in: imported) })
        let referenceLines = Set(reference.relationships.map { Self.lineKey($0, in: reference) })
        for r in reference.relationships {
            let key = Self.lineKey(r, in: reference)
            let found = importedLines.contains(key)
            if found { matchedLines.append(key) } else { missingLines.append(key) }
            guard r.kind == .accountableTo || r.kind == .alsoAccountableTo else { continue }
            referenceAccountability += 1
            if found { matchedAccountability.append(key) } else { missingAccountability.append(key) }
        }
        extraLines = imported.relationships.map { Self.lineKey($0, in: imported) }.filter { !referenceLines.contains($0) }
    }

    /// Share of reference units recovered with the right parent, 0…1.
    public var unitRecall: Double { referenceUnits == 0 ? 1 : Double(matchedUnits.count) / Double(referenceUnits) }
    /// Share of reference accountability lines recovered, 0…1.
    public var accountabilityRecall: Double {
        referenceAccountability == 0 ? 1 : Double(matchedAccountability.count) / Double(referenceAccountability)
    }

    /// Share of reference heads found on the right unit with the right title, 0…1.
    public var headRecall: Double {
        matchedHeads.isEmpty && wrongHeads.isEmpty ? 1 : Double(matchedHeads.count) / Double(matchedHeads.count + wrongHeads.count)
    }

    /// The differences, one per line, for a test log or a person.
    public var summary: String {
        var lines = ["units with the right parent: \(matchedUnits.count)/\(referenceUnits) (\(Self.percent(unitRecall)))",
                     "heads: \(matchedHeads.count)/\(matchedHeads.count + wrongHeads.count) (\(Self.percent(headRecall)))",
                     "accountability lines: \(matchedAccountability.count)/\(referenceAccountability) (\(Self.percent(accountabilityRecall)))",
                     "lines of every kind: \(matchedLines.count)/\(matchedLines.count + missingLines.count), \(extraLines.count) not in the reference",
                     "invented units: \(inventedUnits.count), misplaced units: \(misplacedUnits.count)"]
        lines += missingUnits.map { "  missing unit: \($0)" }
        lines += misplacedUnits.map { "  misplaced unit: \($0)" }
        lines += inventedUnits.map { "  invented unit: \($0)" }
        lines += wrongHeads.map { "  wrong head: \($0)" }
        lines += missingAccountability.map { "  missing accountability: \($0)" }
        lines += missingLines.filter { !missingAccountability.contains($0) }.map { "  missing line: \($0)" }
        lines += extraLines.map { "  extra line: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// `name in parent name`, normalized.
    static func unitKey(_ unit: Unit, in model: Model) -> String {
        let parent = unit.parent.flatMap { model.unit($0) }.map { normalized($0.name) } ?? "(top)"
        return "\(normalized(unit.name)) in \(parent)"
    }

    /// `kind: from → to`, each end a unit key or `post: title`.
    static func lineKey(_ r: Relationship, in model: Model) -> String {
        func end(_ id: String) -> String {
            if let unit = model.unit(id) { return unitKey(unit, in: model) }
            if let post = model.posts.first(where: { $0.id == id }) { return "post: \(normalized(post.title))" }
            return "?\(id)"
        }
        return "\(r.kind.rawValue): \(end(r.from)) → \(end(r.to))"
    }

    /// Lower case, single spaces, no leading "the".
    static func normalized(_ name: String) -> String { Names.key(name) }

    private static func percent(_ x: Double) -> String { "\(Int((x * 1000).rounded()) / 10).\(Int((x * 1000).rounded()) % 10)%" }
}
