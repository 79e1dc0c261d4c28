import ChartGraph
import OrgModel

/// The overview: the Secretary-General (or whoever the top units answer to) at the top, the
/// departments, offices and service centres that stand alone in the model under their lines of
/// accountability, each with its main subunits, and the shared-service lines between them.
/// Sized for one A4 landscape page.
struct Overview {
    let model: Model
    let options: ViewOptions

    /// Kinds of top units an overview shows (missions and bodies are left to other views).
    static let topKinds: Set<UnitKind> = [.organization, .pillar, .department, .office, .serviceCentre]
    /// Kinds of subunits an overview shows under a top unit.
    static let subKinds: Set<UnitKind> = [.department, .office, .division, .service, .serviceCentre, .capacity, .branch]

    func chart() throws -> Chart {
        let graph = AccountabilityGraph(model: model)
        let depth = options.depth ?? 1
        var tops: [Unit]
        if options.root != nil {
            tops = try model.roots(for: options)
        } else {
            tops = model.children(of: nil).filter { Self.topKinds.contains($0.kind) }
        }
        // A pillar or organization with no head of its own is a frame around its parts, not a box.
        tops = tops.flatMap { top -> [Unit] in
            guard top.head == nil, top.kind == .pillar || top.kind == .organization else { return [top] }
            let parts = model.children(of: top.id).filter { Self.topKinds.contains($0.kind) }
            guard !parts.isEmpty else { return [top] }
            return parts
        }
        guard !tops.isEmpty else { throw ViewError("model '\(model.id)' has no departments or offices to show", hint: "give --root UNIT") }
        var boxes: [Box] = []
        var lines: [Line] = []
        var shown = Set<String>()
        // Whoever the top units answer to, up to the top.
        var superiors: [String] = []
        for top in tops {
            var current = top.id
            while let up = graph.mainLine(of: current)?.to, !superiors.contains(up), superiors.count < 16 {
                superiors.append(up)
                current = up
            }
        }
        for post in superiors.reversed() where model.unit(post) == nil || !tops.contains(where: { $0.id == post }) {
            boxes.append(model.unit(post).map { model.box(for: $0, level: 0) } ?? model.box(forPost: post, level: 0))
            shown.insert(post)
        }
        func visit(_ unit: Unit, level: Int) {
            boxes.append(model.box(for: unit, level: level + 1))
            shown.insert(unit.id)
            guard level < depth else { return }
            for child in model.children(of: unit.id) where Self.subKinds.contains(child.kind) {
                lines.append(Line(from: unit.id, to: child.id, style: "contains", tooltip: model.cite(child.source).map { "Established by \($0)" }))
                visit(child, level: level + 1)
            }
        }
        for top in tops where !shown.contains(top.id) { visit(top, level: 0) }
        for relation in model.relationships where shown.contains(relation.from) && shown.contains(relation.to) {
            let main = graph.mainLine(of: relation.from)
            let isMain = main?.to == relation.to && main?.kind == relation.kind && tops.contains { $0.id == relation.from }
            guard isMain || ServiceLinks.kinds.contains(relation.kind) || [.alsoAccountableTo, .reportsTo].contains(relation.kind) else { continue }
            var line = model.line(for: relation, shapesLayout: isMain)
            line.ranksUpward = isMain
            lines.append(line)
        }
        let title = options.root.flatMap { model.unit($0)?.name } ?? model.title
        var chart = Chart(id: "\(model.id)-overview", title: title, subtitle: "Overview" + (model.date.map { " as at \($0)" } ?? ""),
                          footer: model.sourceLines.map { "Source: \($0)" }, boxes: boxes, lines: lines,
                          legend: Legend.entries(boxes: boxes, lines: lines))
        chart.page = PageSize.a4.landscape
        chart.splitsAcrossPages = false
        chart.arrangement = .tree
        return chart
    }
}
