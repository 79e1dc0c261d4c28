/// Leaf units stacked under their parent instead of spread in a row: a vertical spine from the
/// parent with the boxes hanging beside it (the org-chart "comb"). Up to `singleColumn` leaves
/// hang in one column right of the spine, up to `twoColumns` in two columns either side of it;
/// more leaves fill a block of column pairs, each pair around its own spine off a bus, about as
/// high as it is wide. Reading order is kept: left to right, then top to bottom.
struct LeafComb {
    /// Largest number of leaves in one column, and in two.
    static let singleColumn = 6, twoColumns = 24
    /// Horizontal gap between the spine and a box, and vertical gap between stacked boxes.
    static let tick = 10.0, stackGap = 8.0

    /// Each leaf's centre: x relative to the parent's centre, y from the chart's top.
    private(set) var centers: [ChartPoint] = []
    /// The x of the spine each leaf hangs from, relative to the parent's centre.
    private(set) var spines: [Double] = []
    /// Horizontal extent of the comb (boxes, spines and bus), relative to the parent's centre.
    private(set) var extent: Contour.Extent
    /// The bottom of the last box.
    private(set) var bottom: Double

    /// Lays out leaves of the given sizes from `top` down, spacing column pairs by `gap`.
    init(sizes: [(width: Double, height: Double)], top: Double, gap: Double) {
        let count = sizes.count
        let width = sizes.map(\.width).max() ?? 0
        let columns = Self.columns(count: count, width: width, height: sizes.map(\.height).max() ?? 0, gap: gap)
        let pairs = (columns + 1) / 2
        let pitch = 2 * (width + Self.tick) + gap
        extent = Contour.Extent(low: 0, high: 0)
        var rowTop = top
        bottom = top
        var index = 0
        while index < count {
            let row = sizes[index..<min(index + columns, count)]
            let height = row.map(\.height).max() ?? 0
            for (column, _) in row.enumerated() {
                let spine = (Double(column / 2) - Double(pairs - 1) / 2) * pitch
                let side = columns == 1 || column % 2 == 1 ? 1.0 : -1.0
                let x = spine + side * (Self.tick + width / 2)
                centers.append(ChartPoint(x: x, y: rowTop + height / 2))
                spines.append(spine)
                extent = extent.union(Contour.Extent(low: min(spine, x - width / 2), high: max(spine, x + width / 2)))
            }
            bottom = rowTop + height
            rowTop = bottom + Self.stackGap
            index += columns
        }
    }

    /// One column for a few leaves, two for some more, else an even number of columns giving a
    /// block about as high as it is wide.
    static func columns(count: Int, width: Double, height: Double, gap: Double) -> Int {
        if count <= singleColumn { return 1 }
        if count <= twoColumns { return 2 }
        let across = (Double(count) * (height + stackGap) / (width + tick + gap / 2)).squareRoot()
        return max(2, min(count, 2 * Int((across / 2).rounded())))
    }
}
