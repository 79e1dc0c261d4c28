/// Who serves whom: the shared-service, backstopping, hosting and secretariat relationships of a model.
public struct ServiceLinks: Sendable {
    /// Relationship kinds that mean one unit serves another.
    public static let kinds: Set<RelationKind> = [.providesServicesTo, .backstops, .hosts, .secretariatOf]
    /// The kinds a services matrix shows: who serves whom, and the lead department of each mission.
    public static let matrixKinds: Set<RelationKind> = kinds.union([.leadDepartmentFor])

    /// The model.
    public let model: Model

    /// Creates the links of `model`.
    public init(model: Model) { self.model = model }

    /// The relationships in which `unit` serves others, in model order.
    public func served(by unit: String) -> [Relationship] {
        model.relationships.filter { Self.kinds.contains($0.kind) && $0.from == unit }
    }

    /// The relationships in which others serve `unit`, in model order.
    public func providers(of unit: String) -> [Relationship] {
        model.relationships.filter { Self.kinds.contains($0.kind) && $0.to == unit }
    }
}

/// How many posts answer directly to each post.
public struct SpanOfControl: Sendable, Equatable {
    /// The post (a unit id for the head of a unit, or a post id).
    public var post: String
    /// Its title and unit, for people.
    public var title: String
    /// Posts whose main line goes to it.
    public var direct: Int
    /// Posts with another line to it (dual accountability, reporting, command).
    public var other: Int

    /// The span of every post with at least one subordinate, largest first, then by id.
    public static func all(in graph: AccountabilityGraph) -> [SpanOfControl] {
        var spans: [SpanOfControl] = []
        for (post, links) in graph.down {
            let direct = links.filter { graph.mainLine(of: $0.from) == $0 }.count
            spans.append(SpanOfControl(post: post, title: graph.describe(post), direct: direct, other: links.count - direct))
        }
        return spans.sorted { ($1.direct, $1.other, $0.post) < ($0.direct, $0.other, $1.post) }
    }
}
