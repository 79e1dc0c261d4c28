import ChartGraph
import OrgModel
import OrgViews

/// The charts of a review: the merged organigramme coloured by change, and the two snapshots'
/// own organigrammes. All are computed by the organigramme view; this only decides which units
/// the merged model holds and restyles boxes and lines by their change.
public enum ReviewCharts {
    /// The merged chart: the new snapshot's units plus the removed ones under their former
    /// parents, each box coloured by its change (a moved box says "moved from" its former parent
    /// rather than a line to it), lines added and removed drawn across the tree; without links,
    /// as the snapshots' own charts.
    public static func merged(_ review: RestructuringReview) throws -> Chart {
        let old = review.restructuring.old, new = review.restructuring.new
        let byBox = Dictionary(review.changes.flatMap { change in change.boxes.map { ($0, change) } }, uniquingKeysWith: { a, _ in a })
        var chart = try Views.chart(.organigramme, of: mergedModel(review), options: ViewOptions())
        let describer = ChangeBadges(review: review)
        for index in chart.boxes.indices {
            chart.boxes[index].url = nil
            guard let change = byBox[chart.boxes[index].id] else { continue }
            chart.boxes[index].style = change.primary.style
            // An announced unit's badge gives its date: its "planned: …" line would say it twice.
            if change.kinds.contains(.announced) { chart.boxes[index].details.removeAll { $0.hasPrefix("planned: ") } }
            chart.boxes[index].details += describer.badges(change)
            chart.boxes[index].tooltip = ([change.summary] + change.sources).joined(separator: "\n")
        }
        for index in chart.lines.indices {
            let line = chart.lines[index]
            if line.style == "contains" {
                let kinds = byBox[line.to]?.kinds ?? []
                chart.lines[index].style = kinds.contains(.announced) ? "diff-contains-announced" : kinds.contains(.added) ? "diff-contains-added"
                    : kinds.contains(.removed) ? "diff-contains-removed" : kinds.contains(.moved) ? "diff-contains-moved" : "diff-contains"
            } else {
                chart.lines[index].style = "diff-line-unchanged"
            }
        }
        // Lines of units added or removed go with those units (listed in the report, not drawn):
        // the chart draws the lines that changed between units found in both snapshots.
        let survivors = Set(review.changes.filter { !$0.old.isEmpty && !$0.new.isEmpty }.flatMap(\.boxes))
        for line in review.lineChanges where survivors.contains(line.from) && survivors.contains(line.to) {
            chart.lines.append(Line(from: line.from, to: line.to, style: "diff-line-\(line.change.rawValue)",
                                    tooltip: (["\(line.change.label.capitalized) line: \(line.summary)"] + [line.source].compactMap { $0 }).joined(separator: "\n"),
                                    shapesLayout: false))
        }
        chart.id = "restructuring-review"
        chart.title = review.restructuring.title
        chart.subtitle = "\(old.caption) → \(new.caption)"
        chart.footer = ["Changes: " + ReviewSummary.counts(review)] + ReviewSummary.sources(review)
        chart.legend = legend(chart)
        return chart
    }

    /// The organigramme of the old snapshot, without links.
    public static func before(_ review: RestructuringReview) throws -> Chart {
        try snapshot(review.restructuring.old, id: "before")
    }

    /// The organigramme of the new snapshot, without links.
    public static func after(_ review: RestructuringReview) throws -> Chart {
        try snapshot(review.restructuring.new, id: "after")
    }

    private static func snapshot(_ snapshot: Snapshot, id: String) throws -> Chart {
        var model = snapshot.model
        model.root = snapshot.root
        var chart = try Views.chart(.organigramme, of: model, options: ViewOptions())
        chart.id = id
        for index in chart.boxes.indices { chart.boxes[index].url = nil }
        return chart
    }

    /// The units drawn in the merged chart: the new snapshot's, then the removed ones under the
    /// boxes of their former parents; the lines kept from the new snapshot.
    static func mergedModel(_ review: RestructuringReview) -> Model {
        let old = review.restructuring.old, new = review.restructuring.new
        let scope = Set(new.units.map(\.id))
        var units = new.units.map { unit -> Unit in
            var copy = unit
            if copy.parent.map(scope.contains) != true { copy.parent = nil }
            return copy
        }
        let boxesOfOld = review.boxesOfOld()
        for unit in old.units {
            guard let box = review.removedBoxes[unit.id] else { continue }
            var copy = unit
            copy.id = box
            copy.parent = unit.id == old.root ? nil : unit.parent.flatMap { boxesOfOld($0).first }
            units.append(copy)
        }
        let shown = Set(units.map(\.id))
        let kept = LineComparison(old: old, new: new, translate: boxesOfOld).kept
        let relationships = kept.filter { shown.contains($0.from) && shown.contains($0.to) }.map { Relationship(kind: $0.kind, from: $0.from, to: $0.to) }
        // Both snapshots' documents, so that every box cites its source by symbol and title.
        var documents = new.model.documents
        for document in old.model.documents where !documents.contains(where: { $0.id == document.id }) { documents.append(document) }
        return Model(id: "restructuring-review", title: review.restructuring.title, documents: documents, units: units, relationships: relationships)
    }

    /// One legend entry per change class and line style present.
    static func legend(_ chart: Chart) -> [LegendEntry] {
        let styles = Set(chart.boxes.map(\.style))
        var entries = ChangeKind.allCases.filter { styles.contains($0.style) }.map { kind in
            LegendEntry(.box, style: kind.style, label: kind == .removed ? "removed (dashed)" : kind.label)
        }
        let lineStyles = Set(chart.lines.map(\.style))
        let lines: [(String, String)] = [
            ("diff-contains", "contains"), ("diff-contains-added", "contains a new unit"), ("diff-contains-removed", "contained an abolished unit"),
            ("diff-contains-moved", "contains a moved unit"), ("diff-contains-announced", "contains an announced unit (planned, not yet established)"),
            ("diff-line-added", "line added (its kind and source in the report)"),
            ("diff-line-announced", "line announced, not yet in force (its kind, date and source in the report)"),
            ("diff-line-removed", "line removed (its kind and source in the report)"),
            ("diff-line-unchanged", "line unchanged"),
        ]
        entries += lines.filter { lineStyles.contains($0.0) }.map { LegendEntry(.line, style: $0.0, label: $0.1) }
        return entries + Views.standingLegend(boxes: chart.boxes, lines: chart.lines)
    }
}
