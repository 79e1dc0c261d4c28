import OrgModel

/// One side of a restructuring: a model and the unit the comparison starts from.
public struct Snapshot: Sendable {
    /// The model.
    public var model: Model { didSet { units = model.subtree(of: root) } }
    /// The unit whose subtree is compared; nil for the model's `root`, or every unit when it has none.
    public var root: String? { didSet { units = model.subtree(of: root) } }
    /// The units compared, in depth-first source order (kept, since every stage of a comparison reads them).
    public private(set) var units: [Unit]

    /// The root that stands for every unit of the model, whatever its `root` says.
    public static let wholeModel = "*"

    /// Creates a snapshot of `model` from `root` (default: the model's root; `*` for every unit).
    public init(_ model: Model, root: String? = nil) {
        self.model = model
        self.root = root == Self.wholeModel ? nil : root ?? model.root
        units = model.subtree(of: self.root)
    }

    /// "Department of Peacekeeping Operations (2010-01-01)".
    public var caption: String {
        let title = root.flatMap { model.unit($0)?.name } ?? model.title
        return model.date.map { "\(title) (\($0))" } ?? title
    }

    /// A citation rendered for people, resolving documents of the model, then `extra` ones.
    func cite(_ citation: Citation?, extra: [Document] = []) -> String? {
        guard let citation else { return nil }
        if model.document(citation.document) == nil, let document = extra.first(where: { $0.id == citation.document }) {
            var copy = model
            copy.documents.append(document)
            return copy.cite(citation)
        }
        return model.cite(citation)
    }

    /// The unit named by a lineage entry: an id, else a unique name, alias or abbreviation.
    func resolve(_ reference: String) -> Unit? {
        if let unit = model.unit(reference) { return unit }
        let wanted = Similarity.normalized(reference)
        let found = model.units.filter { unit in
            Similarity.normalized(unit.name) == wanted || unit.aliases.contains { Similarity.normalized($0) == wanted }
                || unit.abbreviation.map(Similarity.normalized) == wanted
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The id among `ids` closest to `id`, when one is close enough to be a typo.
    static func closest(to id: String, among ids: [String]) -> String? {
        let scored = ids.map { ($0, Similarity.editDistance(id, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, id.count / 3) ? best.0 : nil
    }
}

extension Array where Element == Unit {
    /// The place of each unit id in the array (the first, for a repeated id).
    var placesByID: [String: Int] {
        Dictionary(enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
