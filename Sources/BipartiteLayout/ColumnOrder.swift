/// The order of the boxes of two columns that keeps lines between them from crossing:
/// barycentre ordering, a few sweeps alternating between the columns. Each column is a list of
/// blocks (the boxes of one frame), which move as a whole; boxes move only within their block.
/// Ties keep the current order, so the result is deterministic.
struct ColumnOrder {
    /// The blocks of each column (0: left, 1: right), each a list of box indices.
    private(set) var columns: [[[Int]]]
    /// The lines as pairs of box indices.
    let ends: [(Int, Int)]

    /// How many times each column is reordered against the other.
    static let sweeps = 4

    /// Orders `columns` for the lines `ends`, keeping the order with the fewest crossings.
    init(columns: [[[Int]]], ends: [(Int, Int)]) {
        self.columns = columns
        self.ends = ends
        var best = columns, fewest = crossings()
        for _ in 0..<Self.sweeps {
            for side in [1, 0] {
                reorder(side)
                let count = crossings()
                if count < fewest {
                    fewest = count
                    best = self.columns
                }
            }
        }
        self.columns = best
    }

    /// Each box's rank in its column, from the top.
    var positions: [Int: Int] {
        var positions: [Int: Int] = [:]
        for column in columns {
            for (rank, box) in column.joined().enumerated() { positions[box] = rank }
        }
        return positions
    }

    /// The column of each box.
    private var sides: [Int: Int] {
        var sides: [Int: Int] = [:]
        for (side, column) in columns.enumerated() { for box in column.joined() { sides[box] = side } }
        return sides
    }

    /// Pairs of lines between the columns whose straight drawings cross.
    func crossings() -> Int {
        let positions = positions, sides = sides
        let spans = ends.compactMap { a, b -> (Int, Int)? in
            guard let sa = sides[a], let sb = sides[b], sa != sb else { return nil }
            return sa == 0 ? (positions[a]!, positions[b]!) : (positions[b]!, positions[a]!)
        }
        var count = 0
        for i in spans.indices {
            for j in spans.indices where j > i {
                if (spans[i].0 - spans[j].0) * (spans[i].1 - spans[j].1) < 0 { count += 1 }
            }
        }
        return count
    }

    /// Sorts the blocks of column `side`, and the boxes in each block, by the mean rank of the
    /// boxes they are linked to in the other column.
    private mutating func reorder(_ side: Int) {
        let positions = positions, sides = sides
        var linked: [Int: [Int]] = [:]
        for (a, b) in ends {
            if sides[a] == side, sides[b] == 1 - side { linked[a, default: []].append(positions[b]!) }
            if sides[b] == side, sides[a] == 1 - side { linked[b, default: []].append(positions[a]!) }
        }
        func mean(_ values: [Int]) -> Double? { values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count) }
        func sorted(_ items: [Int], key: (Int) -> Double?) -> [Int] {
            // Items without links keep their rank among the others.
            let keys = items.enumerated().map { key($0.element) ?? Double($0.offset) }
            return items.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { items[$0] }
        }
        let blocks = columns[side].map { block in sorted(block) { mean(linked[$0] ?? []) } }
        let order = sorted(Array(blocks.indices)) { mean(blocks[$0].flatMap { linked[$0] ?? [] }) }
        columns[side] = order.map { blocks[$0] }
    }
}
