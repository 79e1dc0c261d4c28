/// Warnings about how complete a model's accountability is: units with no head, heads with no
/// line of accountability, and accountability cycles. `orgchart validate` prints them.
public enum ModelLint {
    /// The warnings of `model`, in model order.
    public static func warnings(_ model: Model) -> [Diagnostic] {
        let graph = AccountabilityGraph(model: model)
        var found: [Diagnostic] = []
        // By position, so that only the units warned about are copied.
        let units = model.units
        for i in units.indices where units[i].head == nil && units[i].kind.isHeaded {
            let unit = units[i]
            found.append(Diagnostic(.warning, at: unit.location, subject: unit.id, "unit '\(unit.id)' has no head",
                                    hint: "add `head: {title: …}` when the text names one"))
        }
        for i in units.indices where units[i].head != nil && units[i].parent == nil && graph.up[units[i].id] == nil {
            let unit = units[i]
            found.append(Diagnostic(.warning, at: unit.location, subject: unit.id, "the head of '\(unit.id)' has no line of accountability",
                                    hint: "add an `accountable-to` relationship to the post it answers to"))
        }
        for cycle in graph.cycles() {
            let location = model.unit(cycle[0])?.location ?? model.posts.first { $0.id == cycle[0] }?.location
            found.append(Diagnostic(.warning, at: location, subject: cycle[0], "accountability cycle: \(cycle.joined(separator: " → "))",
                                    hint: "a post cannot answer, even indirectly, to itself; check the direction of these lines"))
        }
        return found
    }
}

extension UnitKind {
    /// Kinds whose units are always headed by a named official (the texts often leave the
    /// heads of sections, teams and cells unnamed, so those are not flagged).
    var isHeaded: Bool {
        switch self {
        case .department, .office, .division, .service, .serviceCentre, .mission: return true
        default: return false
        }
    }
}
