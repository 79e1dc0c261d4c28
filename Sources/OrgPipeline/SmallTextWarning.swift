import OrgPaging

/// Text smaller than `PagedChart.smallestReadable` (6 pt) on the page or slide of a chart, and
/// what would make it larger.
public struct SmallTextWarning: Sendable, Equatable, CustomStringConvertible {
    /// What would make the text larger.
    public enum Remedy: Sendable, Equatable {
        /// A page, which cuts the chart into readable slides, or a smaller part of the chart: the
        /// chart is on one widescreen slide.
        case page
        /// A PDF, which is cut into readable pages, or a larger page: the format draws the whole
        /// chart on one page.
        case pdf
        /// More pages than `morePagesThan` (when a count was set), a larger page (when
        /// `largerPage`: the page is smaller than A3), or a smaller part of the chart.
        case fewerLimits(morePagesThan: Int?, largerPage: Bool)
    }

    /// The chart's id.
    public var chart: String
    /// The smallest text in points, to a tenth below.
    public var size: Double
    /// The page's name (`A4 landscape`); nil for the widescreen slide of a presentation without a page.
    public var page: String?
    /// What would make the text larger.
    public var remedy: Remedy

    /// Creates the warning.
    public init(chart: String, size: Double, page: String?, remedy: Remedy) {
        self.chart = chart
        self.size = size
        self.page = page
        self.remedy = remedy
    }

    /// `warning: on A4 landscape the smallest text of 'ID' is 5.2 pt, below 6 pt`: where and how small.
    public var summary: String {
        "warning: on \(page ?? "the widescreen slide") the smallest text of '\(chart)' is \(size) pt, below \(Int(PagedChart.smallestReadable)) pt"
    }

    /// The settings a hint names, each as a reader changes it: in code, or as an option of a command.
    public struct Settings: Sendable {
        /// The page (`ChartStyle's page`, `--page A4`).
        public var page: String
        /// A larger page (`--page A3`).
        public var largerPage: String
        /// A PDF (`-o chart.pdf`).
        public var pdf: String
        /// The page count (`ChartStyle's maxPages`, `--pages`).
        public var pages: String
        /// The root and depth of the chart (`--root, --depth`).
        public var part: String

        /// Creates the names.
        public init(page: String, largerPage: String, pdf: String, pages: String, part: String) {
            self.page = page
            self.largerPage = largerPage
            self.pdf = pdf
            self.pages = pages
            self.part = part
        }

        /// The library's names of the settings.
        public static let library = Settings(page: "ChartStyle's page", largerPage: "ChartStyle's page", pdf: "OutputFormat.pdf",
                                             pages: "ChartStyle's maxPages", part: "ViewOptions' root and depth")
    }

    /// The summary and a hint naming `settings`.
    public func message(naming settings: Settings) -> String {
        let smaller = "a smaller part of the chart (\(settings.part))"
        switch remedy {
        case .page: return "\(summary)\n    hint: a page (\(settings.page)), which cuts the chart into readable slides, or \(smaller)"
        case .pdf: return "\(summary)\n    hint: a PDF (\(settings.pdf)), which is cut into readable pages, or a larger page"
        case .fewerLimits(let pages, let largerPage):
            let more = pages.map { "more pages than \($0) (\(settings.pages)), " } ?? ""
            return "\(summary)\n    hint: \(more)\(largerPage ? "a larger page (\(settings.largerPage)), or " : "")\(smaller)"
        }
    }

    /// The summary and a hint naming the library's settings.
    public var description: String { message(naming: .library) }
}
