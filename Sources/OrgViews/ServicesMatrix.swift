import ChartGraph
import OrgModel

/// The shared-service map as a matrix: providers as rows grouped under their department or
/// structure, clients as columns grouped under theirs (departments, missions under the
/// division that backstops them, i.e. by region, intergovernmental bodies), one mark per relationship whose
/// style is its kind, and the numbered sources the marks cite. It reads at any scale, where
/// the node-link chart turns into trunks of merged lines.
struct ServicesMatrix {
    let model: Model
    let options: ViewOptions

    func chart() throws -> Chart {
        let relations = try model.relationships(of: ServiceLinks.matrixKinds, options: options)
        let rank = Dictionary(uniqueKeysWithValues: model.units.enumerated().map { ($0.element.id, $0.offset) })
        let providers = ordered(relations.map(\.from), placement: rowPlacement, rank: rank)
        let clients = ordered(relations.map(\.to), placement: columnPlacement, rank: rank)
        let rowIndex = Dictionary(uniqueKeysWithValues: providers.headers.enumerated().map { ($0.element.id, $0.offset) })
        let columnIndex = Dictionary(uniqueKeysWithValues: clients.headers.enumerated().map { ($0.element.id, $0.offset) })

        let sources = numberedSources(relations)
        var marks = relations.map { relation in
            Mark(row: rowIndex[relation.from]!, column: columnIndex[relation.to]!, style: relation.kind.rawValue,
                 inferred: relation.source?.inferred ?? false, source: relation.source.flatMap { sources.numbers[SourceKey($0)] },
                 tooltip: [name(of: relation.from) + " " + relation.kind.label + " " + name(of: relation.to), model.cite(relation.source)]
                    .compactMap { $0 }.joined(separator: " — "))
        }
        marks.sort { ($0.row, $0.column, RelationKind(rawValue: $0.style)!) < ($1.row, $1.column, RelationKind(rawValue: $1.style)!) }

        var notes = ["Totals count the marks of each row and column."]
        if clients.groups.contains(where: { $0.id.hasPrefix(Self.missionsOf) }) {
            notes.append("Missions stand under the division that backstops them (their region).")
        }
        let matrix = Matrix(rowHeading: "Providers", columnHeading: "Clients", rows: providers.headers, columns: clients.headers,
                            rowGroups: providers.groups, columnGroups: clients.groups, marks: marks, sources: sources.list, notes: notes)
        var legend = Set(relations.map(\.kind)).sorted().map { LegendEntry(.mark, style: $0.rawValue, label: $0.label) }
        if marks.contains(where: \.inferred) {
            legend.append(LegendEntry(.mark, style: Mark.inferredStyle, label: "hollow: inferred from the source, not stated"))
        }
        let title = options.root.flatMap { model.unit($0)?.name } ?? model.title
        var chart = Chart(id: "\(model.id)-services-matrix", title: title,
                          subtitle: "Shared services: who serves whom" + (model.date.map { " as at \($0)" } ?? ""),
                          footer: model.sourceLines.map { "Source: \($0)" }, legend: legend)
        chart.matrix = matrix
        return chart
    }

    /// The id prefix of the groups of missions under the division that backstops them.
    static let missionsOf = "missions-of-"

    /// Where a header goes: its group, and the rank of the group among groups.
    struct Placement {
        var group: Group
        var rank: [Int]
    }

    /// The distinct ends, grouped and sorted by group then model order, with their groups.
    private func ordered(_ ids: [String], placement: (String) -> Placement, rank: [String: Int]) -> (headers: [MatrixHeader], groups: [Group]) {
        var seen = Set<String>()
        let distinct = ids.filter { seen.insert($0).inserted }
        let placed = distinct.map { id in (id: id, placement: placement(id)) }.sorted { a, b in
            if a.placement.rank != b.placement.rank { return a.placement.rank.lexicographicallyPrecedes(b.placement.rank) }
            return (rank[a.id] ?? Int.max, a.id) < (rank[b.id] ?? Int.max, b.id)
        }
        var groups: [Group] = []
        for item in placed where !groups.contains(where: { $0.id == item.placement.group.id }) { groups.append(item.placement.group) }
        let headers = placed.map { item in
            let unit = model.unit(item.id)
            return MatrixHeader(id: item.id, label: unit.map(\.name) ?? name(of: item.id), shortLabel: unit?.abbreviation,
                                group: item.placement.group.id, tooltip: tooltip(of: item.id))
        }
        return (headers, groups)
    }

    /// A provider's group: its department or the structure it belongs to.
    private func rowPlacement(_ id: String) -> Placement {
        guard let unit = model.unit(id) else { return officials }
        return placement(under: structure(of: unit), of: unit)
    }

    /// The group of `unit` under its structure `top`; a unit that stands alone, without
    /// subunits, joins the others of its kind.
    private func placement(under top: Unit, of unit: Unit) -> Placement {
        if top.id == unit.id, top.kind != .department, model.children(of: unit.id).isEmpty { return others(like: unit) }
        return Placement(group: group(for: top), rank: [Self.category(of: top), rankOf(top)])
    }

    /// A client's group: a mission under the division that backstops it (its region), any other
    /// unit under its department or structure.
    private func columnPlacement(_ id: String) -> Placement {
        guard let unit = model.unit(id) else { return officials }
        if unit.kind == .mission, let division = backstopping(unit) {
            return Placement(group: Group(id: Self.missionsOf + division.id, label: division.name, style: UnitKind.mission.rawValue, shortLabel: division.abbreviation),
                             rank: [Self.category(of: unit), rankOf(division)])
        }
        return placement(under: structure(of: unit), of: unit)
    }

    /// The group of officials outside the units of the model.
    private var officials: Placement {
        Placement(group: Group(id: "officials", label: "Officials", style: UnitKind.post.rawValue), rank: [3, 0])
    }

    /// The group gathering stand-alone units of the kind of `unit` (bodies, missions, others).
    private func others(like unit: Unit) -> Placement {
        let category = Self.category(of: unit)
        let label = ["Other units", "Missions", "Intergovernmental bodies"][category]
        return Placement(group: Group(id: "other-\(category)", label: label, style: unit.kind.rawValue), rank: [category, Int.max])
    }

    /// Departments and offices first, then missions, then intergovernmental bodies.
    private static func category(of unit: Unit) -> Int {
        switch unit.kind {
        case .mission: return 1
        case .body, .mechanism: return 2
        default: return 0
        }
    }

    private func rankOf(_ unit: Unit) -> Int { model.units.firstIndex { $0.id == unit.id } ?? Int.max }

    /// The frame of a department or structure, labelled with its name and abbreviation.
    private func group(for unit: Unit) -> Group {
        Group(id: unit.id, label: unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name, style: unit.kind.rawValue, shortLabel: unit.abbreviation)
    }

    /// The nearest ancestor-or-self of `unit` that is a department, stands alone, or sits right
    /// under a pillar or the organization (the regional structure, a shared office).
    private func structure(of unit: Unit) -> Unit {
        var current = unit
        var steps = 0
        while current.kind != .department, current.kind != .pillar, current.kind != .organization,
              let parent = current.parent.flatMap({ model.unit($0) }), parent.kind != .pillar, parent.kind != .organization, steps <= model.units.count {
            current = parent
            steps += 1
        }
        return current
    }

    /// The division that backstops `mission` first in model order (its regional division).
    private func backstopping(_ mission: Unit) -> Unit? {
        model.relationships.lazy.filter { $0.kind == .backstops && $0.to == mission.id }
            .compactMap { self.model.unit($0.from) }.first { $0.kind == .division }
    }

    /// A unit's name, or a post's title.
    private func name(of id: String) -> String {
        model.unit(id)?.name ?? model.post(id)?.title ?? id
    }

    /// The full name, abbreviation and kind of a unit, for hovering over its header.
    private func tooltip(of id: String) -> String {
        guard let unit = model.unit(id) else { return name(of: id) }
        return (unit.abbreviation.map { "\(unit.name) (\($0))" } ?? unit.name) + " — \(unit.kind.label)"
    }

    /// One source per document, paragraph and inference, numbered in document then paragraph order.
    private func numberedSources(_ relations: [Relationship]) -> (list: [MatrixSource], numbers: [SourceKey: Int]) {
        var meanings: [SourceKey: Set<RelationKind>] = [:]
        for relation in relations {
            if let source = relation.source { meanings[SourceKey(source), default: []].insert(relation.kind) }
        }
        let documentRank = Dictionary(uniqueKeysWithValues: model.documents.enumerated().map { ($0.element.id, $0.offset) })
        let keys = meanings.keys.sorted { a, b in
            let ra = documentRank[a.document] ?? Int.max, rb = documentRank[b.document] ?? Int.max
            if ra != rb { return ra < rb }
            if a.document != b.document { return a.document < b.document }
            if a.section != b.section { return Self.paragraphOrder(a.section, b.section) }
            return !a.inferred && b.inferred
        }
        var numbers: [SourceKey: Int] = [:]
        let list = keys.enumerated().map { offset, key in
            numbers[key] = offset + 1
            return MatrixSource(number: offset + 1, document: model.document(key.document)?.reference ?? key.document,
                                section: key.section.isEmpty ? "" : "§\(key.section)", inferred: key.inferred,
                                meaning: meanings[key]!.sorted().map(\.label).joined(separator: ", "))
        }
        return (list, numbers)
    }

    /// True when paragraph `a` comes before `b`: `1.10` after `1.9`, numbers compared as numbers.
    static func paragraphOrder(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: "."), pb = b.split(separator: ".")
        for (x, y) in zip(pa, pb) where x != y {
            if let nx = Int(x), let ny = Int(y) { return nx < ny }
            return x < y
        }
        return pa.count < pb.count
    }
}

/// A source as marks share it: the document, the paragraph and whether it is inferred.
struct SourceKey: Hashable {
    let document: String, section: String, inferred: Bool

    init(_ citation: Citation) {
        document = citation.document
        section = citation.section
        inferred = citation.inferred
    }
}
