import BuiltinModels
import ChartGraph
import DOTWriter
import Foundation
import GraphvizRender
import HTMLWriter
import OrgModel
import OrgOutput
import OrgPaging
import OrgTemplates
import OrgViews
import Placement
import MatrixLayout
import OfficeWriter
import SVGWriter
import TidyTree

/// Everything that decides one chart: which model, which view of it, which theme and engine.
public struct ChartSpec: Sendable, Equatable {
    /// A model file path or a built-in model id; nil for the default built-in model.
    public var model: String?
    /// The view to compute.
    public var view: ViewKind
    /// Root and depth.
    public var options: ViewOptions
    /// A built-in theme name or a theme file path.
    public var template: String
    /// The Graphviz layout engine.
    public var engine: LayoutEngine
    /// The paper the chart is scaled to fit; nil for the view's default.
    public var page: PageSize?
    /// Who places the boxes: Graphviz's dot, orgchart's tidy tree, or auto.
    public var layout: ChartLayout = .auto
    /// Who draws a chart the tidy tree placed: orgchart itself, or Graphviz (`nop2`).
    public var drawing: Drawing = .builtin
    /// At most this many pages for a PDF with a page (`--pages`); nil for as many as readable text needs.
    public var maxPages: Int?

    /// Creates a spec.
    public init(model: String? = nil, view: ViewKind = .organigramme, options: ViewOptions = ViewOptions(), template: String = "default", engine: LayoutEngine = .dot) {
        self.model = model
        self.view = view
        self.options = options
        self.template = template
        self.engine = engine
    }
}

/// A chart computed as far as the writers' input, ready to be rendered.
public struct PreparedChart: Sendable {
    /// The chart graph.
    public var chart: Chart
    /// The engine to lay it out with.
    public var engine: LayoutEngine
    /// The writer of the DOT text.
    public var writer: DOTWriter
    /// True when the positions come from the tidy-tree layout.
    public var tidy: Bool
    /// Who draws a tidy-tree chart.
    public var drawing: Drawing
    /// A remark for the person rendering, e.g. which form the services view chose; nil when
    /// there is nothing to say.
    public var note: String?
    /// At most this many pages for a PDF with a page (`--pages`); nil for as many as readable text needs.
    public var maxPages: Int?
    /// The paging of the PDF once chosen, shared by the PDF, its warning and its report.
    let pagings = Memo<PagedChart>()
    /// The paging of the chart on each page before it is cut: its copies share what they lay
    /// out, so the one page placed for SVG is not laid out again for the PDF.
    private let uncut = Memo<PagedChart>()
    /// What the pagings of the chart on every page share (its boxes' texts and least areas).
    private let measures = PagedChart.Measures()
    /// The chart placed by the layout stage, computed once for every format.
    private let placements = Memo<PlacedChart>()

    /// Prepares `chart` for `writer`'s theme, laid out by the tidy-tree layout or by `engine`.
    public init(chart: Chart, writer: DOTWriter, tidy: Bool = false, engine: LayoutEngine = .dot, drawing: Drawing = .builtin) {
        self.chart = chart
        self.writer = writer
        if engine == .twopi {
            self.writer.tiesLegend = false
            self.writer.straightLines = true
        }
        self.tidy = tidy
        self.engine = tidy ? .nop2 : engine
        self.drawing = drawing
    }

    /// The DOT text: positioned for `nop2` when the tidy tree lays the chart out.
    public var dot: String { tidy && chart.arrangement != .bipartite ? writer.writePlaced(placed) : writer.write(chart) }

    /// The chart placed by the layout stage (the tidy tree, or two columns) in the writer's theme.
    /// A tree chart with a page that it can be read on whole is placed as the PDF's one page, so
    /// that every format draws the same chart.
    public var placed: PlacedChart {
        placements.value(for: "") {
            if let page = chart.page, drawsItself, chart.matrix == nil, chart.arrangement != .bipartite {
                let paging = paging(on: page)
                if let whole = try? paging.wholePage() { return paging.placed(whole).padded(to: PlacedChart.standalonePad) }
            }
            return PlacedChart(chart: chart, theme: writer.theme)
        }
    }

    /// The sheets of a matrix chart: on pages of size `page`, split into blocks when it must,
    /// or, without a page, one sheet of its natural size.
    func matrixSheets(page: PageSize?) -> [MatrixSheet] {
        MatrixLayout(chart: chart, theme: writer.theme).sheets(page: page, margin: page == nil ? 0 : PagedChart.margin)
    }

    /// Pixels per point of PNG images: 96 dpi, as Graphviz's PNGs.
    public static let pixelsPerPoint = 96.0 / 72.0
    /// A PNG image is scaled down until neither side exceeds this many pixels (cairo's limit)
    /// and it has at most `maximumPixels` pixels: 16 megapixels, 8,000 × 2,000 for a chart of
    /// 4:1. A chart that needs more is an overview whose text is unreadable on the image anyway
    /// (the PDF is where it is read), and every pixel costs drawing and encoding time.
    public static let maximumSide = 32_000.0, maximumPixels = 16_000_000.0

    /// The PNG image orgchart draws of the chart; only the drawing is serialized, not the encoding.
    func png() throws -> [UInt8] {
        if chart.matrix != nil {
            return try ChartPrint.png(matrixSheets(page: nil)[0], of: chart, theme: writer.theme, pixelsPerPoint: Self.pixelsPerPoint, maximumSide: Self.maximumSide,
                                      maximumPixels: Self.maximumPixels, serialized: { try Renderer.serialized($0) })
        }
        return try ChartPrint.png(placed, pixelsPerPoint: Self.pixelsPerPoint, maximumSide: Self.maximumSide,
                                  maximumPixels: Self.maximumPixels, serialized: { try Renderer.serialized($0) })
    }

    /// True when orgchart draws the chart itself rather than Graphviz.
    package var drawsItself: Bool { drawing.drawsItself(chart, tidy: tidy) }

    /// Lays out and renders the chart as `format`. A PDF of a chart with a page is laid out on
    /// pages of that size, split into sub-charts when it would be too small to read on one.
    public func render(_ format: OutputFormat) throws(OrgChartError) -> [UInt8] {
        try OrgChartError.wrapping { try bytes(format) }
    }

    /// The bytes of `format`, as `render` gives them, with the stages' own errors.
    private func bytes(_ format: OutputFormat) throws -> [UInt8] {
        if !format.graphvizWrites { return try renderEditable(format) }
        if chart.matrix != nil { return try renderMatrix(format) }
        if format == .pdf, let page = chart.page {
            return try pagedForPDF(page, drawn: true).renderPDF()
        }
        if drawsItself, format != .dot {
            switch format {
            case .svg, .dot: return SVGWriter.svg(placed)
            case .pdf: return PDFDates.fixed(try Renderer.serialized { try ChartPrint.pdf(placed) })
            case .png:
                return try png()
            case .pptx, .drawio, .html:
                return try renderEditable(format)
            }
        }
        // Graphviz loads its plugins and fonts while the DOT text is written.
        if format != .dot { Renderer.shared.warmUp(engine: engine, fontname: writer.theme.font) }
        let bytes = try Renderer.shared.render(dot: dot, engine: engine, format: format)
        return format == .svg ? SVGDescription.add(to: bytes, chart: chart) : bytes
    }
}

extension PreparedChart {
    /// A matrix chart, drawn by orgchart itself: SVG, a PDF (on pages of the chart's page
    /// size, split into blocks when it must) or a PNG. A matrix has no DOT text.
    func renderMatrix(_ format: OutputFormat) throws -> [UInt8] {
        let theme = writer.theme
        switch format {
        case .svg:
            // One image of the whole matrix: fitted to the page only when the page holds it
            // readably (the PDF then has one page too); otherwise at its natural size.
            var drawn = chart
            if let page = chart.page, matrixSheets(page: page).count > 1 { drawn.page = nil }
            return SVGWriter.svg(matrixSheets(page: nil)[0], of: drawn, theme: theme)
        case .dot:
            throw OrgChartError.unsupported(chart: chart.id, format: format, reason: .matrixHasNoDOT)
        case .pdf:
            return PDFDates.fixed(try Renderer.serialized {
                try ChartPrint.pdf(sheets: matrixSheets(page: chart.page), of: chart, theme: theme, page: chart.page, margin: PagedChart.margin)
            })
        case .png:
            return try png()
        case .pptx, .drawio, .html:
            return try renderEditable(format)
        }
    }
}

extension PreparedChart {
    /// The margin around a chart on a slide without a page, in points.
    static let slideMargin = 12.0

    /// The placed charts of the slides or diagram pages of an editable document, with the size of
    /// their page in points: on a page (`--page`), the pages of the PDF, each a chart of its own;
    /// without one, the whole chart on one widescreen (16:9) slide, shaped for the slide
    /// (`slidePlaced`), or for a draw.io diagram the chart as placed for the SVG.
    func editablePages(_ format: OutputFormat = .pptx) throws -> (charts: [PlacedChart], width: Double, height: Double, margin: Double) {
        if let page = chart.page {
            // The paging may have turned the page to the orientation that needs fewer pages.
            let paging = try pagedForPDF(page)
            let charts = try paging.pages().map(paging.placed)
            return (charts, paging.page.width * 72, paging.page.height * 72, PagedChart.margin)
        }
        return ([format == .pptx ? slidePlaced : placed], PPTXWriter.widescreen.width, PPTXWriter.widescreen.height, Self.slideMargin)
    }

    /// The chart placed for one widescreen slide: laid out for the slide's shape (16:9, wider
    /// than the √2 a chart without a page is shaped for), so that it is read larger there.
    var slidePlaced: PlacedChart {
        placements.value(for: "slide") { PlacedChart(chart: chart.shaped(for: .widescreenSlide), theme: writer.theme) }
    }

    /// A PowerPoint presentation, a draw.io diagram or the interactive page of the chart, from
    /// orgchart's own layout. The page shows the whole chart, whatever the page.
    func renderEditable(_ format: OutputFormat) throws -> [UInt8] {
        guard chart.matrix == nil else { throw OrgChartError.unsupported(chart: chart.id, format: format, reason: .matrixNotEditable) }
        guard tidy else { throw OrgChartError.unsupported(chart: chart.id, format: format, reason: .laidOutByGraphviz) }
        if format == .html { return try ChartPage.html(placed) }
        let pages = try editablePages(format)
        switch format {
        case .pptx: return try PPTXWriter.pptx(pages.charts, title: chart.title, width: pages.width, height: pages.height, margin: pages.margin)
        default: return DrawioWriter.drawio(pages.charts, title: chart.title)
        }
    }
}

extension PreparedChart {
    /// The paging of the chart on `page`; when the page may turn, on the orientation that needs
    /// fewer pages (on a tie, the one `betterOrientation` chose), or with `maxPages` shows the
    /// larger text. For a PDF to be `drawn`, the orientation likely to be chosen is drawn while
    /// the other is still being cut.
    func pagedForPDF(_ page: PageSize, drawn: Bool = false) throws -> PagedChart {
        try pagings.value(for: "\(page.width)×\(page.height) \(page.turnable) \(maxPages ?? 0)") { try choosePaging(page, drawn: drawn) }
    }

    /// The chart's paging on `page`, not yet cut (see `uncut`).
    private func paging(on page: PageSize) -> PagedChart {
        uncut.value(for: "\(page.width)×\(page.height) \(page.turnable)") {
            PagedChart(chart: chart, writer: writer, tidy: tidy, engine: engine, page: page, drawing: drawing, measures: measures)
        }
    }

    private func choosePaging(_ page: PageSize, drawn: Bool) throws -> PagedChart {
        var chosen = paging(on: page)
        chosen.maxPages = maxPages
        guard page.turnable else { return chosen }
        var turned = chosen
        turned.page = page.width < page.height ? page.landscape.turnableAgain : page.portrait.turnableAgain
        // Both orientations are cut at once (each keeps its pages): the one chosen first on
        // every processor, the other aside on a thread of its own, one step at a time (so the
        // first takes most of the processors), and on every processor once the first is done.
        // The first packed, while the other is still being cut or when it needs fewer pages,
        // lays out its pages (and draws them) in the meantime: they are likely to be the ones
        // printed. The other stops packing once it is known to need more pages (its count is
        // then only that bound: which orientation leads is the same).
        let packed = PackedCounts()
        let count = { @Sendable (paging: PagedChart, side: Int) in
            Result { () throws -> (value: Double, exact: Bool) in
                guard paging.maxPages == nil else { return (try paging.smallestText(), true) }
                let (count, exact) = try paging.packedPageCount(unlessAtLeast: { packed.losing(side) })
                if exact, packed.record(count, side: side) {
                    if drawn { _ = try? paging.renderPDF() } else { _ = try? paging.pages() }
                }
                return (Double(count), exact)
            }
        }
        let counted: [Result<(value: Double, exact: Bool), any Error>]
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            let aside = Parallel.Aside { [turned] in count(turned, 1) }
            counted = [count(chosen, 0), aside.value]
        } else {
            counted = [count(chosen, 0), count(turned, 1)]
        }
        let (upright, other) = (try counted[0].get(), try counted[1].get())
        // More text, with a page count; on a tie, the orientation chosen first.
        if maxPages != nil { return other.value > upright.value + 0.05 ? turned : chosen }
        // Fewer pages; on a tie, the orientation chosen first. Only the orientation with fewer
        // pages once packed has its pages laid out, unless it ends with more pages than the other
        // was packed onto (a PDF never has fewer pages than were packed): then the other is
        // packed to the end, if it stopped early, and laid out if that does not settle it.
        let turnedLeads = other.value < upright.value
        let (leading, trailing) = turnedLeads ? (turned, chosen) : (chosen, turned)
        let pages = try leading.pages().count
        func leadingWins(over trailingPages: Int) -> Bool { turnedLeads ? pages < trailingPages : pages <= trailingPages }
        let trailingCount = turnedLeads ? upright : other
        if leadingWins(over: Int(trailingCount.value)) { return leading }
        if !trailingCount.exact, leadingWins(over: try trailing.packedPageCount()) { return leading }
        let (uprightPages, turnedPages) = turnedLeads ? (try trailing.pages().count, pages) : (pages, try trailing.pages().count)
        return turnedPages < uprightPages ? turned : chosen
    }

    /// The page counts of the two orientations of a page as each is packed.
    private final class PackedCounts: @unchecked Sendable {
        private var counts: [Int?] = [nil, nil]
        private let lock = NSLock()

        /// Records the packed page `count` of one `side` (0 the orientation chosen first, 1 the
        /// other): true when the other is not packed yet or needs more pages (on a tie, when
        /// `side` is the one chosen first).
        func record(_ count: Int, side: Int) -> Bool {
            lock.withLock {
                counts[side] = count
                guard let other = counts[1 - side] else { return true }
                return count < other || count == other && side == 0
            }
        }

        /// The page count at which `side` needs more pages than the other (or as many, when
        /// `side` is the one turned), once the other is packed; nil before.
        func losing(_ side: Int) -> Int? {
            lock.withLock { counts[1 - side].map { side == 0 ? $0 + 1 : $0 } }
        }
    }

    /// `page` upright or turned to landscape, whichever shows the chart larger (upright on a
    /// tie, or when its boxes alone are too many to be read on one page); the page stays
    /// turnable, so that a PDF may still take the orientation with fewer pages.
    func betterOrientation(of page: PageSize) throws -> PageSize {
        let candidates = [page.portrait, page.landscape]
        let paged = PagedChart(chart: chart, writer: writer, tidy: tidy, engine: engine, page: page.portrait, drawing: drawing, measures: measures)
        // Laying out thousands of boxes twice only to draw them unreadably small is not worth it.
        if paged.tooLargeForOnePage { return page.portrait.turnableAgain }
        // Both laid out at once, one on each processor.
        let chart = chart
        let scales = Parallel.map(candidates, workers: ProcessInfo.processInfo.activeProcessorCount) { candidate in
            Result { try paged.scale(of: chart.shaped(for: candidate), on: candidate) }
        }
        var best = candidates[0], bestScale = -1.0
        for (candidate, scale) in zip(candidates, scales) where try scale.get() > bestScale + 1e-9 {
            (best, bestScale) = (candidate, try scale.get())
        }
        return best.turnableAgain
    }

    /// The smallest text of the chart once fitted to its page, in points, for `format`; nil
    /// when the chart has no page (it is drawn at its natural size) or is a matrix (which cuts
    /// itself into blocks that stay readable).
    /// A PowerPoint presentation without a page is one widescreen slide: the smallest text once
    /// the chart is scaled onto it. A draw.io diagram without a page keeps the natural size.
    public func smallestText(_ format: OutputFormat) throws(OrgChartError) -> Double? {
        try OrgChartError.wrapping { () throws -> Double? in
            guard chart.matrix == nil, format != .dot, format != .html else { return nil }
            guard let page = chart.page else {
                guard format == .pptx, tidy else { return nil }
                let slide = PPTXWriter.widescreen
                return min(writer.theme.detailSize, writer.theme.footerSize) * PPTXWriter.scale(of: slidePlaced, width: slide.width, height: slide.height, margin: Self.slideMargin)
            }
            if format == .pdf || !format.graphvizWrites { return try pagedForPDF(page).smallestText() }
            let paged = PagedChart(chart: chart, writer: writer, tidy: tidy, engine: engine, page: page, drawing: drawing, measures: measures)
            return try paged.smallestText(of: chart.shaped(for: page))
        }
    }

    /// The report of the PDF's pages (see `PagedChart.Report`); nil without a page, or for a
    /// chart orgchart does not lay out as a tree.
    public func pageReport() throws(OrgChartError) -> PagedChart.Report? {
        guard let page = chart.page else { return nil }
        return try OrgChartError.wrapping { try pagedForPDF(page).report() }
    }

    /// A warning when text on the page falls below `PagedChart.smallestReadable`, naming the
    /// smallest size; nil when every text is readable.
    public func smallTextWarning(_ format: OutputFormat) throws(OrgChartError) -> SmallTextWarning? {
        guard let smallest = try smallestText(format), smallest < PagedChart.smallestReadable - 0.005 else { return nil }
        // To a tenth below: text of 5.99 pt is not "6.0 pt, below 6 pt".
        let size = (smallest * 10).rounded(.down) / 10
        guard let page = chart.page else { return SmallTextWarning(chart: chart.id, size: size, page: nil, remedy: .page) }
        let remedy: SmallTextWarning.Remedy = format != .pdf && format.graphvizWrites ? .pdf
            : .fewerLimits(morePagesThan: maxPages, largerPage: page.width * page.height < PageSize.a3.width * PageSize.a3.height)
        return SmallTextWarning(chart: chart.id, size: size, page: page.name, remedy: remedy)
    }
}

extension ChartSpec {
    /// Loads the model, computes the view and writes its DOT text. Throws every model error when
    /// the model is not valid.
    public func prepare() throws -> PreparedChart {
        try prepare(loaded: BuiltinModels.load(model, lint: false))
    }

    /// Computes the view of `loaded`, the model this spec names as loaded already, and writes
    /// its DOT text. Throws every model error when the model is not valid.
    public func prepare(loaded: LoadedModel) throws -> PreparedChart {
        guard loaded.isValid, let model = loaded.model else { throw OrgChartError.invalidModel(ModelError(diagnostics: loaded.diagnostics)) }
        return try prepare(valid: model, theme: OrgChartError.wrapping { try Theme.load(template) })
    }

    /// Computes the view of `model`, a model in memory, in `theme` (the spec's `model` and
    /// `template` are not read), and writes its DOT text. Throws `OrgChartError.invalidModel`
    /// with every problem when the model is not valid.
    public func prepare(model: Model, theme: Theme) throws -> PreparedChart {
        let diagnostics = Validation.check(model)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw OrgChartError.invalidModel(ModelError(diagnostics: diagnostics)) }
        return try prepare(valid: model, theme: theme)
    }

    /// Computes the view of `model`, already validated, in `theme`; every error an `OrgChartError`.
    private func prepare(valid model: Model, theme: Theme) throws -> PreparedChart {
        try OrgChartError.wrapping { try assemble(model, theme: theme) }
    }

    private func assemble(_ model: Model, theme: Theme) throws -> PreparedChart {
        var chart = try Views.chart(view, of: model, options: options)
        chart.page = page ?? chart.page
        let writer = DOTWriter(theme: theme)
        var note: String?
        if view == .services, layout.resolved(for: chart) == .tidy {
            // The two-column chart when it can be read on the page, the matrix otherwise.
            let target = page ?? Self.servicesPage
            if try PagedChart(chart: chart, writer: writer, tidy: true, engine: engine, page: target).fits(chart) {
                note = "services: drawn as the two-column chart, readable on \(target) (text at least \(Int(PagedChart.smallestReadable)) pt)"
            } else {
                chart = try Views.chart(.servicesMatrix, of: model, options: options)
                chart.page = page
                note = "services: drawn as the services matrix; the two-column chart would print text under \(Int(PagedChart.smallestReadable)) pt on \(target) (view services-chart draws it anyway)"
            }
        }
        var prepared = PreparedChart(chart: chart, writer: writer, tidy: layout.resolved(for: chart) == .tidy, engine: engine, drawing: drawing)
        prepared.note = note
        prepared.maxPages = maxPages
        if let page = prepared.chart.page, page.turnable, prepared.chart.matrix == nil {
            prepared.chart.page = try prepared.betterOrientation(of: page)
        }
        return prepared
    }

    /// The page on which the services view must stay readable as a chart when no page is given.
    public static let servicesPage = PageSize.a3.landscape
}
