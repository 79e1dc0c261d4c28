import ChartGraph
import OrgModel

/// The title, subtitle and footer of a chart, in the style of the Organization's documents:
/// the date of the snapshot as "as at 1 January 2010", one "Sources:" list naming only the
/// documents whose facts the chart draws, and a title that does not repeat the box at the top
/// of the chart.
struct Furniture {
    let title: String
    let subtitle: String
    let footer: [String]

    /// The furniture of a chart of `view` (e.g. "Organigramme") drawing `boxes` and `lines`, plus
    /// the facts cited by `citations` (for a chart drawn without boxes, such as a matrix). Unless
    /// the first box heads the chart (`headed`), the title names the chart's subject.
    init(_ view: String, of model: Model, options: ViewOptions, boxes: [Box], lines: [Line], citations: [Citation?] = [], headed: Bool = true) {
        let subject = options.root.flatMap { model.unit($0)?.name } ?? model.title
        let asAt = model.date.map { "as at \(Self.inWords($0))" }
        if headed, let top = boxes.first?.heading, top == subject || top.hasPrefix(subject + " (") {
            // The top box names the unit already: the title says what the chart shows instead.
            title = view
            subtitle = asAt ?? ""
        } else {
            title = subject
            subtitle = [view, asAt].compactMap { $0 }.joined(separator: " ")
        }
        let cited = Set((citations + model.citations(of: boxes, lines: lines)).compactMap { $0?.document })
        let documents = model.documents.filter { cited.contains($0.id) }
        let listed = documents.map { document -> String in
            var line = document.symbol.map { "\($0) — \(document.title)" } ?? document.title
            if let date = document.date { line += " (\(Self.inWords(date)))" }
            return line
        }
        // One heading for the list, a document a line, so that no line outgrows the chart.
        footer = listed.enumerated().map { index, document in
            index > 0 ? document : "\(listed.count == 1 ? "Source" : "Sources"): \(document)"
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// An ISO date as the Organization's documents write it: `2010-01-01` → "1 January 2010",
    /// `2010-01` → "January 2010"; anything else (a year, "c. 2021") as it is.
    static func inWords(_ date: String) -> String {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, Int(parts[0]) != nil,
              let month = Int(parts[1]), (1...12).contains(month) else { return date }
        if parts.count == 2 { return "\(months[month - 1]) \(parts[0])" }
        guard let day = Int(parts[2]), (1...31).contains(day) else { return date }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }
}

extension Model {
    /// The sources of the facts a chart draws: each box's unit and head or post, each line's
    /// relationship (matched by kind and ends; a client box of the services chart by its unit).
    func citations(of boxes: [Box], lines: [Line]) -> [Citation?] {
        var citations: [Citation?] = []
        for box in boxes {
            let id = box.id.hasSuffix(ServicesChart.clientSuffix) ? String(box.id.dropLast(ServicesChart.clientSuffix.count)) : box.id
            if let unit = unit(id) {
                citations += [unit.source, unit.head?.source]
            } else if let post = posts.first(where: { $0.id == id }) {
                citations.append(post.source)
            }
        }
        let drawn = Set(lines.filter(\.isDrawn).map { line in
            let to = line.to.hasSuffix(ServicesChart.clientSuffix) ? String(line.to.dropLast(ServicesChart.clientSuffix.count)) : line.to
            return "\(line.style) \(line.from) \(to)"
        })
        for relation in relationships where drawn.contains("\(relation.kind.rawValue) \(relation.from) \(relation.to)") {
            citations.append(relation.source)
        }
        return citations
    }
}
