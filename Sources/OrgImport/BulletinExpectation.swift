import OrgModel

/// The model a person reads in a bulletin, written by hand in a compact form, for comparing an import
/// with it (`orgchart import bulletin … --compare FILE.expected`, and the corpus of the tests):
///
///     # a comment
///     unit NAME [< PARENT] [= ALIAS] [headed by TITLE]
///     post TITLE
///     KIND: FROM -> TO
///
/// A unit's PARENT is declared before it; an end of a line is a unit's name, `NAME < PARENT` when the
/// name recurs, or `post TITLE`; KIND is a relationship kind of the model format (`accountable-to` …).
public enum BulletinExpectation {
    /// The model the text describes; the first unit is its root. Throws, naming `file:line:column`, on a
    /// line that is none of the three forms or names what was not declared before it.
    public static func model(_ text: String, file: String) throws(BulletinImportError) -> Model {
        var units: [Unit] = []
        var posts: [Post] = []
        var relationships: [Relationship] = []
        var lineNumber = 0
        func failure(_ message: String, _ hint: String) -> BulletinImportError {
            BulletinImportError(place: "\(file):\(lineNumber):1", message: message, hint: hint)
        }
        func end(_ text: String) throws(BulletinImportError) -> String {
            let spec = text.trimmingSpaces
            if spec.hasPrefix("post ") {
                let title = String(spec.dropFirst(5))
                guard let post = posts.first(where: { $0.title == title }) else {
                    throw failure("no post '\(title)' is declared before this line", "declare it with a line 'post \(title)' above")
                }
                return post.id
            }
            let parts = spec.components(separatedBy: " < ")
            let matches = units.filter { unit in unit.name == parts[0] && (parts.count == 1 || units.first { $0.id == unit.parent }?.name == parts[1]) }
            guard matches.count == 1 else {
                throw failure("'\(spec)' names \(matches.count) units declared before this line",
                              matches.isEmpty ? "declare it with a line 'unit \(parts[0])' above" : "name it with its parent: '\(parts[0]) < PARENT'")
            }
            return matches[0].id
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("unit ") {
                var rest = String(line.dropFirst(5))
                var head: Post?
                if let r = rest.ranges(of: " headed by ").last {
                    head = Post(id: "u\(units.count)", title: String(rest[r.upperBound...]))
                    rest = String(rest[..<r.lowerBound])
                }
                var aliases: [String] = []
                if let r = rest.firstRange(of: " = ") {
                    aliases = [String(rest[r.upperBound...])]
                    rest = String(rest[..<r.lowerBound])
                }
                let parts = rest.components(separatedBy: " < ")
                let parent = parts.count > 1 ? try end(parts[1...].joined(separator: " < ")) : nil
                units.append(Unit(id: "u\(units.count)", name: parts[0], kind: .unit, parent: parent, head: head, aliases: aliases))
            } else if line.hasPrefix("post ") {
                posts.append(Post(id: "p\(posts.count)", title: String(line.dropFirst(5))))
            } else if let colon = line.firstRange(of: ": "), let arrow = line.firstRange(of: " -> "), colon.upperBound <= arrow.lowerBound {
                guard let kind = RelationKind(rawValue: String(line[..<colon.lowerBound])) else {
                    throw failure("'\(line[..<colon.lowerBound])' is not a kind of relationship",
                                  "one of: \(RelationKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                relationships.append(Relationship(kind: kind, from: try end(String(line[colon.upperBound..<arrow.lowerBound])),
                                                  to: try end(String(line[arrow.upperBound...]))))
            } else {
                throw failure("this line is not 'unit …', 'post …' or 'KIND: FROM -> TO'",
                              "write e.g. 'unit Treaty Section < Office of Legal Affairs headed by Chief', 'post Deputy Director' or "
                                  + "'accountable-to: Treaty Section -> Office of Legal Affairs'")
            }
        }
        return Model(id: "expected", title: units.first?.name ?? file, root: units.first?.id, units: units, posts: posts,
                     relationships: relationships)
    }
}
