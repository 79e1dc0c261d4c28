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
        let grouping = ServiceGroups(model: model)
        let providers = headers(grouping.providers(of: relations))
        let clients = headers(grouping.clients(of: relations))
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

        var notes = ["Totals count the marks of each row and column in the whole matrix."]
        if clients.groups.contains(where: { $0.id.hasPrefix(ServiceGroups.missionsOf) }) {
            notes.append("Missions stand under the division that backstops them (their region).")
        }
        let matrix = Matrix(rowHeading: "Providers", columnHeading: "Clients", rows: providers.headers, columns: clients.headers,
                            rowGroups: providers.groups, columnGroups: clients.groups, marks: marks, sources: sources.list, notes: notes)
        var legend = Set(relations.map(\.kind)).sorted().map { LegendEntry(.mark, style: $0.rawValue, label: $0.label) }
        if marks.contains(where: \.inferred) {
            legend.append(LegendEntry(.mark, style: Mark.inferredStyle, label: "hollow: inferred from the text, not stated"))
        }
        let furniture = Furniture("Shared services: who serves whom", of: model, options: options, boxes: [], lines: [],
                                  citations: relations.map(\.source))
        var chart = Chart(id: "\(model.id)-services-matrix", title: furniture.title, subtitle: furniture.subtitle,
                          footer: furniture.footer, legend: legend)
        chart.matrix = matrix
        return chart
    }

    /// The headers of grouped members, with their groups.
    private func headers(_ grouped: (members: [ServiceGroups.Member], groups: [Group])) -> (headers: [MatrixHeader], groups: [Group]) {
        let headers = grouped.members.map { member in
            let unit = model.unit(member.id)
            return MatrixHeader(id: member.id, label: unit.map(\.name) ?? name(of: member.id), shortLabel: unit?.abbreviation,
                                group: member.group.id, tooltip: tooltip(of: member.id))
        }
        return (headers, grouped.groups)
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
