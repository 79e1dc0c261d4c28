/// Rectangles of a chart (boxes, segments of lines) filed in the cells of a square grid, so that
/// those near a point or along a segment are found in time proportional to what is near, not
/// to the size of the chart. An item is filed in every cell its rectangle touches.
struct BucketGrid {
    /// The side of a cell in points.
    let cell: Double
    private var cells: [Int: [Int]] = [:]

    /// An empty grid of cells `cell` points wide.
    init(cell: Double) { self.cell = max(1, cell) }

    /// The cell column or row holding `value`.
    private func index(_ value: Double) -> Int { Int((value / cell).rounded(.down)) }

    /// The key of the cell at column `x` and row `y`.
    private func key(_ x: Int, _ y: Int) -> Int { (x << 32) ^ (y & 0xFFFF_FFFF) }

    /// Files `item` in every cell the rectangle touches.
    mutating func insert(_ item: Int, minX: Double, minY: Double, maxX: Double, maxY: Double) {
        for x in index(minX)...index(maxX) {
            for y in index(minY)...index(maxY) { cells[key(x, y), default: []].append(item) }
        }
    }

    /// Calls `body` with the items filed in the cells the rectangle touches; an item filed in
    /// several of them comes several times. Stops when `body` returns false.
    func visit(minX: Double, minY: Double, maxX: Double, maxY: Double, _ body: (Int) -> Bool) {
        for x in index(minX)...index(maxX) {
            for y in index(minY)...index(maxY) {
                for item in cells[key(x, y)] ?? [] where !body(item) { return }
            }
        }
    }
}
