import Foundation

/// The review as JSON for other programs: the snapshots compared, counts by class, every change
/// of units and lines, the matches and the notes. Keys are sorted, so the bytes are stable.
public enum JSONReport {
    struct Side: Codable {
        var model: String
        var title: String
        var date: String?
        var root: String?
    }

    struct Document: Codable {
        var title: String
        var before: Side
        var after: Side
        var counts: [String: Int]
        var changes: [UnitChange]
        var lines: [LineChange]
        var matches: [Match]
        var notes: [String]
    }

    /// The JSON bytes, pretty-printed with sorted keys.
    public static func data(_ review: RestructuringReview) throws -> [UInt8] {
        func side(_ snapshot: Snapshot) -> Side {
            Side(model: snapshot.model.id, title: snapshot.model.title, date: snapshot.model.date, root: snapshot.root)
        }
        let document = Document(title: review.restructuring.title, before: side(review.restructuring.old), after: side(review.restructuring.new),
                                counts: Dictionary(uniqueKeysWithValues: review.counts.map { ($0.key.rawValue, $0.value) }),
                                changes: review.changes, lines: review.lineChanges, matches: review.matches, notes: review.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(document)) + [0x0A]
    }
}
