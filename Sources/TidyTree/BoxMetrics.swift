import ChartGraph
import OrgTemplates

/// The text of a box as it is drawn: the heading's lines (bold) and the detail lines (smaller),
/// each detail wrapped on its own.
public struct BoxText: Sendable, Equatable {
    /// The heading, wrapped.
    public var heading: [String]
    /// Each detail, wrapped.
    public var details: [[String]]

    /// The detail lines in order.
    public var detailLines: [String] { details.flatMap { $0 } }

    /// Creates the text of a box from its wrapped heading and details.
    public init(heading: [String], details: [[String]]) {
        self.heading = heading
        self.details = details
    }

    /// The number of detail lines.
    var detailLineCount: Int { details.reduce(0) { $0 + $1.count } }
}

/// The text of a box as the writers draw it (bold heading, smaller detail lines, wrapped at
/// spaces) and its size estimated from character counts, without measuring fonts. Both layouts
/// use it: dot to give boxes of one level one width, the tidy tree to place every box, and the
/// SVG writer to set the lines in the boxes the tidy tree placed.
public struct BoxMetrics: Sendable {
    /// The theme giving the point sizes.
    public let theme: Theme

    /// Creates the metrics of `theme`.
    public init(theme: Theme) { self.theme = theme }

    /// Heading lines are wrapped at about this many characters, detail lines at `detailWrap`.
    static let headingWrap = 30, detailWrap = 38
    /// Narrower wraps for themes that hang deep levels in columns (`hang-below`), so that the
    /// columns stay modest in width.
    static let hangingHeadingWrap = 26, hangingDetailWrap = 32
    /// Vertical margins and smallest height in inches of a box hanging in a column.
    static let compactMargin = 0.10, compactMinimumHeight = 0.22
    /// Distance between the baselines of two lines of text, in ems.
    public static let lineHeight = 1.2

    /// The heading wrap width of this theme.
    var headingWrap: Int { theme.hangBelow > 0 || theme.pageShaped ? Self.hangingHeadingWrap : Self.headingWrap }
    /// The detail wrap width of this theme.
    var detailWrap: Int { theme.hangBelow > 0 || theme.pageShaped ? Self.hangingDetailWrap : Self.detailWrap }
    /// Graphviz's box margins (`margin="0.10,0.05"`) in inches, both sides together.
    static let horizontalMargin = 0.25, verticalMargin = 0.14
    /// The smallest box height, as in the DOT writer's node defaults (`height=0.4`).
    public static let minimumHeight = 0.4

    /// The box's text, wrapped.
    public func text(_ box: Box) -> BoxText { text(box, wrap: headingWrap) }

    /// The box's text, its heading wrapped at about `wrap` characters and its details at as
    /// many more as the theme's wraps differ.
    func text(_ box: Box, wrap: Int) -> BoxText {
        BoxText(heading: Self.wrap(box.heading, width: wrap), details: box.details.map { Self.wrap($0, width: wrap + detailWrap - headingWrap) })
    }

    /// Heading wraps a page-shaped layout tries besides the theme's: narrower boxes in more
    /// lines make a chart of many columns narrower, wider ones a chart of long columns shorter.
    static let shapeWraps = [22, 30]
    /// The wraps tried for a chart of a department's size: one step finer (the Department of
    /// Operational Support's five columns fit A4 landscape at 24 characters).
    static let finerShapeWraps = [22, 24, 30]

    /// The width in inches the longest line of `text` needs, margins included.
    public func width(_ text: BoxText) -> Double {
        let heading = text.heading.map { span($0, size: theme.headingSize, bold: true) }.max() ?? 0
        let detail = text.details.lazy.flatMap { $0 }.map { span($0, size: theme.detailSize, bold: false) }.max() ?? 0
        return max(heading, detail) / 72 + Self.horizontalMargin
    }

    /// The width in points of `text` set in the theme's font at `size` points (see `TextMeasure`).
    public func span(_ text: some StringProtocol, size: Double, bold: Bool) -> Double {
        TextMeasure.width(text, size: size, bold: bold, font: theme.font)
    }

    /// The height in points of the lines of `text`.
    public func textHeight(_ text: BoxText) -> Double {
        (Double(text.heading.count) * theme.headingSize + Double(text.detailLineCount) * theme.detailSize) * Self.lineHeight
    }

    /// The height in inches of a box with `text`.
    public func height(_ text: BoxText) -> Double {
        max(Self.minimumHeight, textHeight(text) / 72 + Self.verticalMargin)
    }

    /// The height in inches of a box hanging in a column: as tight as its lines allow.
    public func compactHeight(_ text: BoxText) -> Double {
        max(Self.compactMinimumHeight, textHeight(text) / 72 + Self.compactMargin)
    }

    /// One width per level, wide enough for the longest wrapped text of that level; `texts`
    /// are the chart's box texts in box order (computed when not given).
    public func levelWidths(_ chart: Chart, texts: [BoxText]? = nil) -> [Int: Double] {
        let texts = texts ?? chart.boxes.map(text)
        var widths: [Int: Double] = [:]
        for (box, text) in zip(chart.boxes, texts) { widths[box.level] = max(widths[box.level] ?? 0, width(text)) }
        return widths
    }

    /// Breaks text into lines of at most about `width` characters at spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var length = 0
        // Words are the runs between spaces, read as bytes: a layout search wraps every box's
        // text once per wrap it tries.
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            guard bytes[start] != 0x20 else {
                start = bytes.index(after: start)
                continue
            }
            var end = start, ascii = true
            while end < bytes.endIndex, bytes[end] != 0x20 {
                if bytes[end] >= 0x80 { ascii = false }
                end = bytes.index(after: end)
            }
            let word = String(decoding: bytes[start..<end], as: UTF8.self)
            let count = ascii ? bytes.distance(from: start, to: end) : word.count
            start = end
            if length == 0 {
                current = word
                length = count
            } else if length + 1 + count <= width {
                current += " "
                current += word
                length += 1 + count
            } else {
                lines.append(current)
                current = word
                length = count
            }
        }
        if length > 0 { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
