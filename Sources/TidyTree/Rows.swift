/// The horizontal rows of a tidy chart. Boxes of one depth share a row; below each row a band
/// holds the aside boxes of that row's boxes (when there are any) and the buses to the next
/// row. Contours index the chart by band: band 2·depth is a row, band 2·depth + 1 the space
/// under it. Leaf columns may run below the deepest row; rows are added there as needed.
struct Rows {
    /// Top of each row and its height, in points from the chart's top.
    private(set) var tops: [Double]
    private(set) var heights: [Double]
    /// Height of the aside boxes hanging under each row (0 for none).
    private(set) var asides: [Double]
    /// Vertical gap between a row and what follows it.
    let gap: Double
    /// Height of rows added below the deepest one.
    let filler: Double

    /// Rows starting at `top` with the given heights and aside heights per depth.
    init(top: Double, heights: [Double], asides: [Double], gap: Double, filler: Double) {
        self.gap = gap
        self.filler = filler
        self.heights = heights
        self.asides = asides
        tops = []
        var y = top
        for depth in heights.indices {
            tops.append(y)
            y += heights[depth] + gap + (asides[depth] > 0 ? asides[depth] + gap : 0)
        }
    }

    /// The top of the row at `depth`.
    mutating func top(_ depth: Int) -> Double {
        extend(to: depth)
        return tops[depth]
    }

    /// Where aside boxes of a box at `depth` are centred.
    mutating func asideCenter(_ depth: Int) -> Double { top(depth) + heights[depth] + gap + asides[depth] / 2 }

    /// Where the bus from a box at `depth` to its children runs.
    mutating func bus(_ depth: Int) -> Double { top(depth + 1) - gap / 2 }

    /// The band holding `y`: 2·depth on a row, 2·depth + 1 below it.
    mutating func band(at y: Double) -> Int {
        extend(to: 0)
        while y >= top(tops.count - 1) + heights[tops.count - 1] { extend(to: tops.count) }
        var low = 0, high = tops.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if tops[middle] <= y { low = middle } else { high = middle - 1 }
        }
        return y < tops[low] + heights[low] ? 2 * low : 2 * low + 1
    }

    /// Adds filler rows until `depth` exists.
    private mutating func extend(to depth: Int) {
        if tops.isEmpty {
            tops = [0]
            heights = [filler]
            asides = [0]
        }
        while tops.count <= depth {
            let last = tops.count - 1
            tops.append(tops[last] + heights[last] + gap + (asides[last] > 0 ? asides[last] + gap : 0))
            heights.append(filler)
            asides.append(0)
        }
    }
}
