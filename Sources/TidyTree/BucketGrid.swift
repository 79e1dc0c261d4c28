/// Rectangles of a chart (boxes, segments of lines) filed in the cells of a square grid, so that
/// those near a point or along a segment are found in time proportional to what is near, not
/// to the size of the chart. An item is filed in every cell its rectangle touches. Cells are
/// about twice the average box wide and high, so a box touches a few cells and a cell holds a
/// few boxes, even in a chart of very wide boxes.
struct BucketGrid {
    /// The width and height of a cell in points.
    let cellWidth: Double, cellHeight: Double
    private var cells: [Int: [Int]] = [:]

    /// An empty grid with cells fitted to `frames`.
    init(fitting frames: [BoxFrame]) {
        let count = Double(max(1, frames.count))
        cellWidth = max(36, 2 * frames.reduce(0) { $0 + $1.width } / count)
        cellHeight = max(36, 2 * frames.reduce(0) { $0 + $1.height } / count)
    }

    /// The cell column holding `x`, and the cell row holding `y`.
    private func column(_ x: Double) -> Int { Int((x / cellWidth).rounded(.down)) }
    private func row(_ y: Double) -> Int { Int((y / cellHeight).rounded(.down)) }

    /// The key of the cell at column `x` and row `y`.
    private func key(_ x: Int, _ y: Int) -> Int { (x << 32) ^ (y & 0xFFFF_FFFF) }

    /// Files `item` in every cell the rectangle touches.
    mutating func insert(_ item: Int, minX: Double, minY: Double, maxX: Double, maxY: Double) {
        for x in column(minX)...column(maxX) {
            for y in row(minY)...row(maxY) { cells[key(x, y), default: []].append(item) }
        }
    }

    /// The items filed in the cells the rectangle touches, once each, in the order first met:
    /// an item is taken when its entry in `marks` is not `query`, and then marked with it.
    func items(minX: Double, minY: Double, maxX: Double, maxY: Double, marks: inout [UInt32], query: UInt32) -> [Int] {
        var result: [Int] = []
        visit(minX: minX, minY: minY, maxX: maxX, maxY: maxY) { item in
            if marks[item] != query {
                marks[item] = query
                result.append(item)
            }
            return true
        }
        return result
    }

    /// Calls `body` with the items filed in the cells the rectangle touches; an item filed in
    /// several of them comes several times. Stops when `body` returns false.
    func visit(minX: Double, minY: Double, maxX: Double, maxY: Double, _ body: (Int) -> Bool) {
        for x in column(minX)...column(maxX) {
            for y in row(minY)...row(maxY) {
                for item in cells[key(x, y)] ?? [] where !body(item) { return }
            }
        }
    }
}
