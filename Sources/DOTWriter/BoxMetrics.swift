import ChartGraph
import OrgTemplates

/// The text of a box as the writer draws it (bold heading, smaller detail lines, wrapped at
/// spaces) and its size estimated from character counts, without asking Graphviz. Both
/// layouts use it: dot to give boxes of one level one width, the tidy tree to place every box.
struct BoxMetrics {
    /// The theme giving the point sizes.
    let theme: Theme

    /// Heading lines are wrapped at about this many characters, detail lines at `detailWrap`.
    static let headingWrap = 30, detailWrap = 38
    /// Narrower wraps for themes that hang deep levels in columns (`hang-below`), so that the
    /// columns stay modest in width.
    static let hangingHeadingWrap = 26, hangingDetailWrap = 32
    /// Vertical margins and smallest height in inches of a box hanging in a column.
    static let compactMargin = 0.10, compactMinimumHeight = 0.22

    /// The heading wrap width of this theme.
    var headingWrap: Int { theme.hangBelow > 0 ? Self.hangingHeadingWrap : Self.headingWrap }
    /// The detail wrap width of this theme.
    var detailWrap: Int { theme.hangBelow > 0 ? Self.hangingDetailWrap : Self.detailWrap }
    /// Graphviz's box margins (`margin="0.10,0.05"`) in inches, both sides together.
    static let horizontalMargin = 0.25, verticalMargin = 0.14
    /// The smallest box height, as in the writer's node defaults (`height=0.4`).
    static let minimumHeight = 0.4

    /// The heading, wrapped.
    func headingLines(_ box: Box) -> [String] { Escape.wrap(box.heading, width: headingWrap) }

    /// The detail lines, wrapped.
    func detailLines(_ box: Box) -> [String] { box.details.flatMap { Escape.wrap($0, width: detailWrap) } }

    /// The HTML-like label: the heading in bold, each detail in the detail size.
    func label(_ box: Box) -> String {
        var label = headingLines(box).map { "<b>\(Escape.html($0))</b>" }.joined(separator: "<br/>")
        for detail in box.details {
            let wrapped = Escape.wrap(detail, width: detailWrap).map(Escape.html).joined(separator: "<br/>")
            label += "<br/><font point-size=\"\(format(theme.detailSize))\">\(wrapped)</font>"
        }
        return label
    }

    /// The width in inches the box's longest line needs (a generous estimate for bold text).
    func width(_ box: Box) -> Double {
        let heading = headingLines(box).map(\.count).max() ?? 0
        let detail = detailLines(box).map(\.count).max() ?? 0
        return max(Double(heading) * theme.headingSize * 0.60, Double(detail) * theme.detailSize * 0.52) / 72 + Self.horizontalMargin
    }

    /// The height in inches of the box's lines of text.
    func height(_ box: Box) -> Double {
        let text = Double(headingLines(box).count) * theme.headingSize * 1.2 + Double(detailLines(box).count) * theme.detailSize * 1.2
        return max(Self.minimumHeight, text / 72 + Self.verticalMargin)
    }

    /// The height in inches of a box hanging in a column: as tight as its lines allow.
    func compactHeight(_ box: Box) -> Double {
        let text = Double(headingLines(box).count) * theme.headingSize * 1.2 + Double(detailLines(box).count) * theme.detailSize * 1.2
        return max(Self.compactMinimumHeight, text / 72 + Self.compactMargin)
    }

    /// One width per level, wide enough for the longest wrapped text of that level.
    func levelWidths(_ chart: Chart) -> [Int: Double] {
        var widths: [Int: Double] = [:]
        for box in chart.boxes { widths[box.level] = max(widths[box.level] ?? 0, width(box)) }
        return widths
    }
}
