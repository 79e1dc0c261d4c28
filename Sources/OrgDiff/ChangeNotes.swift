/// The kinds, summary lines, details and sources of one change being worked out.
struct ChangeNotes {
    var kinds: [ChangeKind] = []
    var lines: [String] = []
    var details: [String] = []
    var sources: [String] = []

    /// Records a class with its line (empty when another line says it); a class met again
    /// (lines of several merged or split units) adds to the line it already has.
    mutating func add(_ kind: ChangeKind, _ line: String) {
        if let index = kinds.firstIndex(of: kind) {
            if !line.isEmpty { lines[index] += "; " + line.drop { $0 != ":" }.dropFirst().drop { $0 == " " } }
            return
        }
        kinds.append(kind)
        lines.append(line)
    }

    mutating func cite(_ text: String?) {
        if let text, !sources.contains(text) { sources.append(text) }
    }

    func change(old: [String], new: [String], boxes: [String], name: String, matches: [Match]) -> UnitChange {
        let order = kinds.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
        var unique: [String] = []
        for source in sources where !unique.contains(source) { unique.append(source) }
        return UnitChange(kinds: order.map(\.element), old: old, new: new, boxes: boxes, name: name,
                          summary: order.map { lines[$0.offset] }.filter { !$0.isEmpty }.joined(separator: "; "),
                          details: details, sources: unique, matches: matches)
    }
}
