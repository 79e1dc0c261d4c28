import OrgModel

/// A correspondence between a unit of the old snapshot and a unit of the new one, with what it
/// rests on and how sure it is.
public struct Match: Sendable, Hashable, Codable {
    /// What a match rests on.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The same id in both snapshots.
        case id
        /// A lineage entry of the new model (`formerly`, `succeeds`, `merged-from`, `split-from`).
        case lineage
        /// An entry of a mapping file.
        case mapping
        /// The old name is an alias of the new unit (or the other way round).
        case alias
        /// Similar names and abbreviations under corresponding parents.
        case name
    }

    /// The unit's id in the old snapshot.
    public var old: String
    /// The unit's id in the new snapshot.
    public var new: String
    /// What the match rests on.
    public var basis: Basis
    /// The kind of descent, for lineage and mapping matches.
    public var lineage: String?
    /// From 0 to 1: 1 for ids and stated lineage, less for inferred lineage and similar names.
    public var confidence: Double
    /// Where the descent is stated, rendered for people (`ST/SGB/2019/2 §5`), when it is.
    public var source: String?
    /// True when a text states the descent; false when it is inferred or guessed.
    public var stated: Bool
    /// A remark from the mapping file or the model.
    public var note: String?

    /// Creates a match.
    public init(old: String, new: String, basis: Basis, lineage: String? = nil, confidence: Double, source: String? = nil, stated: Bool, note: String? = nil) {
        self.old = old
        self.new = new
        self.basis = basis
        self.lineage = lineage
        self.confidence = confidence
        self.source = source
        self.stated = stated
        self.note = note
    }

    /// "id", "lineage: succeeds (stated)", "name similarity 0.82" …
    public var explanation: String {
        switch basis {
        case .id: return "same id"
        case .alias: return "former name listed as an alias"
        case .name: return "similar name (confidence \(Self.percent(confidence)))"
        case .lineage, .mapping:
            let origin = basis == .mapping ? "mapping" : "model lineage"
            return "\(origin): \(lineage ?? "succeeds"), \(stated ? "stated" : "inferred")"
        }
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
