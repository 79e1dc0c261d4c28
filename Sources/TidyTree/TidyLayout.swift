import Foundation
import ChartGraph
import OrgTemplates

/// Positions for every box of a tree chart and orthogonal routes for its lines,
/// computed in time linear in the number of boxes (a Reingold–Tilford tidy tree with
/// contours per band, so boxes may differ in size). Boxes of one depth share a row; a box's
/// aside boxes (front offices, advisers) hang in the band under it, beside its vertical line;
/// children that are all leaves are stacked in a comb (see `LeafComb`) when the theme's
/// `stack-leaves` asks for it. From the theme's `hang-below` depth on, children hang instead in
/// one indented column under their parent, each with its own column under it (an indented
/// list on a vertical spine). Lines that do not shape the layout never move a box: they are
/// routed afterwards through the channels between boxes (see `LineRouter`).
public struct TidyLayout: Sendable {
    /// The frame of each box, in the order of the chart's boxes.
    public internal(set) var frames: [BoxFrame]
    /// One connector per line of the chart, in the order of the chart's lines.
    public internal(set) var connectors: [Connector]
    /// The lines the router found no orthogonal route for within its budgets (indices in the
    /// chart's lines): a line across the tree is then drawn straight between the borders of its
    /// boxes, a tree line along its parent's elbow.
    public private(set) var unrouted: [Int]
    /// The wrapped text of each box, in the order of the chart's boxes.
    public private(set) var texts: [BoxText]
    /// Width and height of the drawing in points, from (0, 0).
    public private(set) var width: Double, height: Double

    /// Lays out `chart` with the sizes and spacing of `theme`, leaving `top` points free above it.
    /// With the theme's `hang-below`, every subtree from that depth hangs in an indented column;
    /// without it the layout is page-shaped: it chooses which subtrees hang (see `PageShape`),
    /// and how wide the boxes' text is wrapped, to bring the chart close to the aspect ratio of
    /// its page (√2 landscape when it has none), `furniture` (title and footer) placed around
    /// the boxes (see `Furniture`). Box texts wrapped before are taken from `boxTexts` when given.
    public init(chart: Chart, theme: Theme, top: Double = 0, furniture: Furniture? = nil, boxTexts: BoxTexts? = nil) {
        let metrics = BoxMetrics(theme: theme)
        let spacing = Spacing(theme: theme)
        let tree = ChartTree(chart)
        /// The boxes' texts wrapped at `wrap` characters, and a placer of them with given column counts.
        @Sendable func wrapped(_ wrap: Int) -> (texts: [BoxText], placer: @Sendable ([Int]) -> Placer) {
            // The top of each tree stands alone in its row: wider, its text takes fewer lines.
            let roots = Set(tree.roots)
            let wraps = chart.boxes.indices.map { roots.contains($0) ? wrap + Self.topWrapExtra : wrap }
            let measured = boxTexts?.measured(chart.boxes, wraps: wraps, metrics: metrics)
                ?? zip(chart.boxes, wraps).map { BoxTexts.measure($0, wrap: $1, metrics: metrics) }
            let texts = measured.map(\.text)
            // The boxes of a level are as wide as the widest of them.
            var widths: [Int: Double] = [:]
            for (box, text) in zip(chart.boxes, measured) { widths[box.level] = max(widths[box.level] ?? 0, text.width) }
            let sizes = zip(chart.boxes, measured).map { (width: widths[$0.level] ?? 72, height: $1.height) }
            let naturalWidths = measured.map(\.width)
            let compactHeights = measured.map(\.compactHeight)
            return (texts, { hangColumns in
                var placer = Placer(tree: tree, chart: chart, sizes: sizes, spacing: spacing, stackLeaves: theme.stackLeaves, top: top,
                                    hangColumns: hangColumns, naturalWidths: naturalWidths, compactHeights: compactHeights)
                placer.place(treesInRowsFor: chart.treesInRows ? PageShape.area(of: chart.page ?? chart.shapedFor) : nil)
                return placer
            })
        }
        var (texts, makePlacer) = wrapped(metrics.headingWrap)
        let hangColumns: [Int]
        if theme.hangBelow > 0 {
            hangColumns = tree.depth.map { $0 == theme.hangBelow ? 1 : 0 }
        } else if !theme.pageShaped {
            hangColumns = []
        } else {
            // The page's shape, for the theme's wrap and (below a few thousand boxes) other wraps.
            let shape = { var shape = PageShape(tree: tree, page: chart.page ?? chart.shapedFor); shape.quick = chart.quickShape; shape.goal = chart.shapeGoal; return shape }()
            // A chart drawn whole (not one page of several) gets the wider search.
            let drawnWhole = !chart.treesInRows || chart.isWholeChart
            /// The extent of a placement with its furniture placed, its margin included (above a
            /// few thousand boxes, where title and legend are slight beside the boxes, without).
            @Sendable func furnished(_ placer: Placer) -> (width: Double, height: Double) {
                guard let furniture, !placer.centers.isEmpty, chart.boxes.count <= Self.mostBoxesToRewrap else { return placer.extent }
                let furnishing = Self.furnishing(placer, furniture: furniture)
                return (furnishing.width + 2 * furniture.pad, furnishing.height + 2 * furniture.pad)
            }
            /// The best shape for a placer, weighed with its furniture placed; the search for the
            /// boxes alone may end in a better one (its steps are smoother), so both run for a
            /// chart of a department's size drawn whole (one for a page of several, in a quick
            /// search, or above `mostBoxesForTwoSearches`).
            @Sendable func search(_ placer: ([Int]) -> Placer) -> (columns: [Int], scale: Double) {
                let withFurniture = shape.choose { furnished(placer($0)) }
                guard furniture != nil, !chart.quickShape, drawnWhole, chart.boxes.count <= Self.mostBoxesForTwoSearches else { return withFurniture }
                let alone = shape.choose { placer($0).extent }.columns
                let other = (columns: alone, scale: shape.scale(of: furnished(placer(alone))))
                return other.scale > withFurniture.scale * 1.0001 ? other : withFurniture
            }
            // The theme's wrap and the others are searched at once, one per processor; the
            // first of the best is kept, as when they are searched in turn.
            let finer = chart.boxes.count <= Self.mostBoxesForFinerWraps && drawnWhole ? BoxMetrics.finerShapeWraps : BoxMetrics.shapeWraps
            let wraps = [metrics.headingWrap] + (chart.boxes.count <= Self.mostBoxesToRewrap && !chart.quickShape ? finer : [])
            let themePlacer = makePlacer
            let choices = Parallel.map(Array(wraps.indices), workers: ProcessInfo.processInfo.activeProcessorCount) {
                search($0 == 0 ? themePlacer : wrapped(wraps[$0]).placer)
            }
            var best = 0
            for k in choices.indices.dropFirst() where choices[k].scale > choices[best].scale * 1.0001 { best = k }
            if best > 0 { (texts, makePlacer) = wrapped(wraps[best]) }
            hangColumns = choices[best].columns
        }
        var placer = makePlacer(hangColumns)
        let frames = placer.frames
        self.frames = frames
        self.texts = texts
        (connectors, unrouted) = placer.connectors(frames: frames)
        // Boxes and lines (some run in the gutters beside the boxes), and a margin.
        let points = connectors.lazy.flatMap(\.points)
        width = max(frames.map(\.maxX).max() ?? 0, points.map(\.x).max() ?? 0) + spacing.horizontal
        height = max(top, max(frames.map(\.maxY).max() ?? 0, points.map(\.y).max() ?? 0) + spacing.horizontal)
    }
}

extension TidyLayout {
    /// Where `furniture` stands around the boxes as `placer` places them and the tree's elbows.
    static func furnishing(_ placer: Placer, furniture: Furniture) -> Furnishing {
        var placer = placer
        let frames = placer.frames
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for frame in frames {
            minX = min(minX, frame.minX)
            maxX = max(maxX, frame.maxX)
            minY = min(minY, frame.minY)
            maxY = max(maxY, frame.maxY)
        }
        return furniture.place(frames: frames, upperRoutes: { placer.elbows(frames: frames, above: $0) }, minX: minX, maxX: maxX,
                               boxesTop: minY, bottom: maxY, quickly: true)
    }

    /// The least area, in square points, each box of `chart` takes in any layout of `theme`:
    /// as wide as its longest line and as high as its lines with the tightest margins, with
    /// whichever wrap of the text gives the least. A page smaller than the sum of a part's
    /// cannot hold the part. The texts wrapped are taken from and kept in `boxTexts`.
    public static func leastBoxAreas(of chart: Chart, theme: Theme, boxTexts: BoxTexts = BoxTexts()) -> [Double] {
        let metrics = BoxMetrics(theme: theme)
        let wraps = theme.pageShaped && theme.hangBelow == 0 ? [metrics.headingWrap] + BoxMetrics.finerShapeWraps : [metrics.headingWrap]
        // The boxes in a few runs, each measured on a processor of its own.
        let boxes = chart.boxes, runs = ProcessInfo.processInfo.activeProcessorCount
        let size = (boxes.count + runs - 1) / max(runs, 1)
        let starts = Array(stride(from: 0, to: boxes.count, by: max(size, 1)))
        return Parallel.map(starts, workers: runs) { start in
            let run = Array(boxes[start..<min(start + size, boxes.count)])
            var least = [Double](repeating: .infinity, count: run.count)
            for wrap in wraps {
                let measured = boxTexts.measured(run, wraps: Array(repeating: wrap, count: run.count), metrics: metrics)
                for (index, box) in measured.enumerated() { least[index] = min(least[index], box.width * box.compactHeight) }
            }
            return least
        }.flatMap { $0 }
    }

    /// How many characters more the text of a tree's top box is wrapped at than the others'.
    static let topWrapExtra = 12
    /// Charts with more boxes than this keep the theme's wrap: trying others costs a layout search each.
    static let mostBoxesToRewrap = 3_000
    /// Charts with more boxes than this (and pages of a paged chart) have one page-shape search
    /// per wrap, weighed with their title and legend placed.
    static let mostBoxesForTwoSearches = 300
    /// Charts with more boxes than this (and pages of a paged chart) do not try the finer wraps.
    static let mostBoxesForFinerWraps = 120
}

/// Gaps between boxes, in points, from the theme's `nodesep` and `ranksep`.
struct Spacing {
    /// Between neighbouring subtrees.
    let horizontal: Double
    /// Between a row and the next.
    let vertical: Double

    init(theme: Theme) {
        horizontal = max(10, (theme.layout["nodesep"].flatMap(Double.init) ?? 0.25) * 72)
        vertical = max(24, (theme.layout["ranksep"].flatMap(Double.init) ?? 0.5) * 72)
    }
}
