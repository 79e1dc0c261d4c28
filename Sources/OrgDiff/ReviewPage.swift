import Foundation

/// One self-contained HTML page for reviewing a restructuring: the merged, before and after
/// charts inline as SVG with pan and zoom, a searchable list of changes that highlights their
/// boxes when clicked, and the sources of each change. It loads nothing from anywhere: styles and
/// script are inline and every link is dropped, so it works offline and can be attached to a review.
public struct ReviewPage: Sendable {
    /// Colours of a change class, taken from the theme so that the list matches the charts.
    public struct Colours: Sendable, Equatable {
        /// Fill and stroke (`#rrggbb`).
        public var fill: String, stroke: String

        /// Creates colours.
        public init(fill: String, stroke: String) {
            self.fill = fill
            self.stroke = stroke
        }
    }

    /// Element ids of the before and after charts start with these, so that the three charts can
    /// share one page; the merged chart keeps the units' own ids.
    public static let beforePrefix = "before:", afterPrefix = "after:"

    /// The review shown.
    public var review: RestructuringReview
    /// The SVG text of the merged, before and after charts.
    public var merged: String, before: String, after: String
    /// Colours by style class (`diff-added` …).
    public var colours: [String: Colours]

    /// Creates a page from the review and the three rendered charts.
    public init(review: RestructuringReview, merged: String, before: String, after: String, colours: [String: Colours]) {
        self.review = review
        self.merged = merged
        self.before = before
        self.after = after
        self.colours = colours
    }

    /// The page.
    public var html: String {
        let restructuring = review.restructuring
        let changes = review.actualChanges
        var out = PageAssets.head(title: restructuring.title, style: ReviewPageAssets.style + palette)
        out += "<header><h1>\(Self.escape(restructuring.title))</h1>"
        out += "<p class=\"sub\">\(Self.escape(restructuring.old.caption)) → \(Self.escape(restructuring.new.caption))</p>"
        out += "<p class=\"counts\">\(Self.escape(ReviewSummary.counts(review)))</p></header>\n"
        out += "<div id=\"app\">\n<aside id=\"panel\">\n"
        out += "<input id=\"search\" type=\"search\" placeholder=\"Search units and changes\" aria-label=\"Search units and changes\" autocomplete=\"off\">\n"
        out += "<p id=\"search-count\" aria-live=\"polite\"></p>\n"
        out += "<h2>Changes (\(changes.count))</h2>\n<ol id=\"changes\">\n"
        for change in changes { out += item(change) }
        if changes.isEmpty { out += "<li class=\"empty\">No structural change.</li>\n" }
        out += "</ol>\n"
        if !review.lineChanges.isEmpty {
            out += "<h2>Lines (\(review.lineChanges.count))</h2>\n<ol id=\"lines\">\n"
            for line in review.lineChanges { out += item(line) }
            out += "</ol>\n"
        }
        if !review.notes.isEmpty {
            out += "<h2>Notes on matching</h2>\n<ul class=\"notes\">\n" + review.notes.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        out += "</aside>\n<main id=\"viewer\">\n<nav id=\"tabs\">"
        out += "<button type=\"button\" data-view=\"merged\" aria-selected=\"true\">Merged</button>"
        out += "<button type=\"button\" data-view=\"before\" aria-selected=\"false\">Before</button>"
        out += "<button type=\"button\" data-view=\"after\" aria-selected=\"false\">After</button>"
        out += "<span class=\"tools\">\(PageAssets.zoomButtons)</span></nav>\n"
        for (view, svg) in [("merged", merged), ("before", before), ("after", after)] {
            let svg = Self.inline(svg, prefix: view == "before" ? Self.beforePrefix : view == "after" ? Self.afterPrefix : "")
            out += "<div class=\"stage\" id=\"stage-\(view)\" data-view=\"\(view)\"\(view == "merged" ? "" : " hidden")>\n\(svg)\n</div>\n"
        }
        out += "</main>\n</div>\n<script>\n\(PageAssets.panZoomScript)\(ReviewPageAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// One change in the list, with the ids of its boxes in each chart.
    private func item(_ change: UnitChange) -> String {
        let before = change.old.map { Self.beforePrefix + $0 }.joined(separator: " ")
        let after = change.new.map { Self.afterPrefix + $0 }.joined(separator: " ")
        var out = "<li class=\"change\" id=\"\(Self.escape(change.id))\" tabindex=\"0\" data-boxes=\"\(Self.escape(change.boxes.joined(separator: " ")))\""
        out += " data-before=\"\(Self.escape(before))\" data-after=\"\(Self.escape(after))\">"
        out += change.kinds.map { "<span class=\"chip \($0.style)\">\($0.label)</span>" }.joined(separator: " ")
        out += "<div class=\"name\">\(Self.escape(change.name))</div><div class=\"summary\">\(Self.escape(change.summary))</div>"
        if !change.details.isEmpty { out += "<ul class=\"details\">" + change.details.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>" }
        out += sources(change.sources)
        return out + "</li>\n"
    }

    /// One line added or removed, with the boxes at its ends.
    private func item(_ line: LineChange) -> String {
        var out = "<li class=\"change line\" id=\"\(Self.escape(line.id))\" tabindex=\"0\" data-boxes=\"\(Self.escape("\(line.from) \(line.to)"))\" data-before=\"\" data-after=\"\">"
        out += "<span class=\"chip line-\(line.change.rawValue)\">line \(line.change.label)</span>"
        out += "<div class=\"summary\">\(Self.escape(line.summary))</div>"
        out += sources([line.source].compactMap { $0 })
        return out + "</li>\n"
    }

    private func sources(_ sources: [String]) -> String {
        guard !sources.isEmpty else { return "<div class=\"nosource\">No source stated</div>" }
        return "<details class=\"sources\"><summary>Sources (\(sources.count))</summary><ul>"
            + sources.map { "<li\($0.contains("(inferred)") ? " class=\"inferred\"" : "")>\(Self.escape($0))</li>" }.joined() + "</ul></details>"
    }

    /// CSS rules giving each change class the theme's colours.
    private var palette: String {
        colours.keys.sorted().map { key in
            let c = colours[key]!
            return ".chip.\(key) { background: \(c.fill); border-color: \(c.stroke); }\n"
        }.joined()
    }

    /// SVG text as an element of an HTML page: without the XML prolog, the document type, the
    /// comments and the namespace declarations (which HTML does not need and which name URLs).
    /// Every element id gets `prefix`, so that the three charts' ids stay unique in the page.
    public static func inline(_ svg: String, prefix: String = "") -> String {
        var text = svg
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        while let open = text.range(of: "<!--"), let close = text.range(of: "-->", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        for declaration in [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            text = text.replacingOccurrences(of: declaration, with: "")
        }
        if !prefix.isEmpty { text = text.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
