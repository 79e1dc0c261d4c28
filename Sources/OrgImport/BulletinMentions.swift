/// The names of departments and offices the text mentions ("Department of Field Support"), indexed once,
/// so that finding whether an outside department is named does not scan the whole text each time.
struct DepartmentMentions: Sendable {
    static let forms = ["Department of ", "Department for ", "Office of ", "Office for "]
    /// `form + first word` → the text after each mention (at most 160 characters).
    private var snippets: [String: [String]] = [:]

    init(_ text: String) {
        for form in Self.forms {
            for r in text.ranges(of: form) {
                let tail = String(text[r.upperBound...].prefix(160))
                guard let first = tail.split(separator: " ").first else { continue }
                snippets[form + first, default: []].append(tail)
            }
        }
    }

    /// True when the text contains `form` followed by `name`.
    func mentions(_ form: String, _ name: String) -> Bool {
        guard let first = name.split(separator: " ").first else { return false }
        return snippets[form + first]?.contains { $0.hasPrefix(name) } ?? false
    }
}
