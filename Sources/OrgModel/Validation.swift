/// The checks a model must pass before charts are drawn from it: unique ids, references that
/// resolve, containment without cycles, citations of declared documents.
public enum Validation {
    /// Every problem of `model`, errors first in file order.
    public static func check(_ model: Model) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += duplicateIDs(model)
        found += danglingReferences(model)
        found += containmentCycles(model)
        found += citations(model)
        return found
    }

    private static func duplicateIDs(_ model: Model) -> [Diagnostic] {
        var seen: [String: SourceLocation?] = [:]
        var found: [Diagnostic] = []
        let entries = model.documents.map { ($0.id, $0.location, "document") }
            + model.posts.map { ($0.id, $0.location, "post") }
            + model.units.map { ($0.id, $0.location, "unit") }
        for (id, location, what) in entries {
            if let first = seen[id] {
                found.append(Diagnostic(.error, at: location, subject: id, "duplicate id '\(id)' (\(what))",
                                        hint: "ids must be unique; the first '\(id)' is at \(first.map { "\($0)" } ?? "another file")"))
            } else {
                seen[id] = location
            }
        }
        return found
    }

    private static func danglingReferences(_ model: Model) -> [Diagnostic] {
        let units = Set(model.units.map(\.id))
        let ends = units.union(model.posts.map(\.id))
        var found: [Diagnostic] = []
        if let root = model.root, !units.contains(root) {
            found.append(Diagnostic(.error, at: nil, subject: root, "the model's root '\(root)' is not a unit of the model",
                                    hint: suggestion(root, among: units) ?? "set `root:` to the id of a unit"))
        }
        for i in model.units.indices {
            guard let parent = model.units[i].parent, !units.contains(parent) else { continue }
            let unit = model.units[i]
            found.append(Diagnostic(.error, at: unit.location, subject: unit.id, "unit '\(unit.id)' has parent '\(parent)', which is not a unit of the model",
                                    hint: suggestion(parent, among: units.subtracting([unit.id])) ?? "declare a unit with id '\(parent)' or correct the parent"))
        }
        for post in model.posts {
            if let unit = post.unit, !units.contains(unit) {
                found.append(Diagnostic(.error, at: post.location, subject: post.id, "post '\(post.id)' belongs to unit '\(unit)', which is not a unit of the model",
                                        hint: suggestion(unit, among: units) ?? "correct the unit id"))
            }
        }
        for relation in model.relationships {
            for end in [relation.from, relation.to] where !ends.contains(end) {
                found.append(Diagnostic(.error, at: relation.location, subject: end, "'\(relation.kind.rawValue)' relationship refers to '\(end)', which is neither a unit nor a post",
                                        hint: suggestion(end, among: ends) ?? "declare '\(end)' under units or posts"))
            }
            if relation.from == relation.to {
                found.append(Diagnostic(.error, at: relation.location, subject: relation.from, "'\(relation.kind.rawValue)' relationship from '\(relation.from)' to itself",
                                        hint: "a relationship links two different units or posts"))
            }
        }
        return found
    }

    private static func containmentCycles(_ model: Model) -> [Diagnostic] {
        // The first unit of each id, as `Model.unit(_:)` finds it: a duplicate is reported as
        // such, and its parent (even its twin) makes no cycle. By position, so that units are
        // not copied.
        var parent: [String: String] = [:]
        var first: [Int] = []
        var ids = Set<String>()
        for i in model.units.indices where ids.insert(model.units[i].id).inserted {
            first.append(i)
            parent[model.units[i].id] = model.units[i].parent
        }
        var reported = Set<String>()
        var found: [Diagnostic] = []
        let cyclic = unitsOnCycles(parent)
        for i in first where cyclic.contains(model.units[i].id) && !reported.contains(model.units[i].id) {
            let unit = model.units[i]
            var path = [unit.id]
            var current = parent[unit.id]
            while let next = current, path.count <= parent.count {
                if next == unit.id {
                    let cycle = Set(path)
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        found.append(Diagnostic(.error, at: unit.location, subject: unit.id,
                                                "containment cycle: \((path + [unit.id]).joined(separator: " → "))",
                                                hint: "a unit cannot contain itself; change the parent of one of these units"))
                    }
                    break
                }
                path.append(next)
                current = parent[next]
            }
        }
        return found
    }

    /// The ids on a cycle of `parent` links, each id walked over once.
    private static func unitsOnCycles(_ parent: [String: String]) -> Set<String> {
        var walkOf: [String: Int] = [:], onCycle = Set<String>()
        for (walk, start) in parent.keys.enumerated() where walkOf[start] == nil {
            var current: String? = start
            while let id = current, walkOf[id] == nil {
                walkOf[id] = walk
                current = parent[id]
            }
            // Back on this walk: `current` is on a cycle; go round it once.
            guard let entry = current, walkOf[entry] == walk else { continue }
            var id = entry
            repeat {
                onCycle.insert(id)
                id = parent[id] ?? entry
            } while id != entry
        }
        return onCycle
    }

    private static func citations(_ model: Model) -> [Diagnostic] {
        let documents = Set(model.documents.map(\.id))
        var found: [Diagnostic] = []
        func check(_ citation: Citation?, at location: SourceLocation?, subject: String) {
            guard let citation, !documents.contains(citation.document) else { return }
            found.append(Diagnostic(.error, at: location, subject: subject, "source cites '\(citation.document)', which is not a document of the model",
                                    hint: suggestion(citation.document, among: documents) ?? "declare it under documents, or write the source as `DOCUMENT-ID §SECTION`"))
        }
        for unit in model.units {
            check(unit.source, at: unit.location, subject: unit.id)
            check(unit.head?.source, at: unit.head?.location ?? unit.location, subject: unit.id)
            for lineage in unit.lineage { check(lineage.source, at: unit.location, subject: unit.id) }
        }
        for post in model.posts { check(post.source, at: post.location, subject: post.id) }
        for relation in model.relationships { check(relation.source, at: relation.location, subject: relation.from) }
        return found
    }

    private static func suggestion(_ id: String, among ids: Set<String>) -> String? {
        closest(to: id, among: ids.sorted()).map { "did you mean '\($0)'?" }
    }
}
