import Foundation

/// A restructuring shipped with orgchart: two built-in models, the units compared in each, and
/// a mapping file for the lineage the models do not state.
public struct BuiltinRestructuring: Sendable, Equatable {
    /// The id used on the command line, e.g. `dpko-2010-dpo-2019`.
    public var id: String
    /// The heading of its charts and reports.
    public var title: String
    /// The built-in model id of the earlier snapshot.
    public var old: String
    /// The built-in model id of the later snapshot.
    public var new: String
    /// The unit compared in the earlier model (default: its root).
    public var oldRoot: String?
    /// The unit compared in the later model (default: its root; `*` for the whole model, when a
    /// department was created beside the old one).
    public var newRoot: String?
    /// A file under `Sources/OrgDiff/Mappings/` with pinned matches, when the models' own
    /// lineage does not say everything.
    public var mapping: String?
}

/// The restructurings shipped with orgchart.
public enum BuiltinRestructurings {
    /// Every built-in restructuring, oldest first.
    public static let all: [BuiltinRestructuring] = [
        BuiltinRestructuring(id: "dpko-2007", title: "DPKO before and after the 2007 restructuring (A/62/659)",
                             old: "dpko-2007", new: "dpko-2008", oldRoot: "dpko", newRoot: Snapshot.wholeModel, mapping: nil),
        BuiltinRestructuring(id: "dpko-2010-dpo-2019", title: "DPKO 2010 → DPO 2019",
                             old: "dpko-2010", new: "dpo-2019", oldRoot: "dpko", newRoot: "dpo", mapping: "dpko-2010-to-dpo-2019.yaml"),
        BuiltinRestructuring(id: "dpko-oo-2010-regional-2019", title: "Office of Operations 2010 → regional structure 2019",
                             old: "dpko-2010", new: "peace-security-2021", oldRoot: "dpko-oo", newRoot: "reg", mapping: "dpko-oo-2010-to-regional-2019.yaml"),
    ]

    /// The built-in restructuring with this id.
    public static func named(_ id: String) -> BuiltinRestructuring? { all.first { $0.id == id } }

    /// The path of a built-in mapping file.
    public static func mappingPath(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Mappings").appendingPathComponent(name).path
    }
}
