import ChartGraph

/// The containment tree of a chart as box indices: each box's parent, its children in line
/// order, and a parent-before-child order. Built without recursion, so a tree of any depth is
/// fine; a second parent line and a line that would close a cycle are left out of the tree
/// (and drawn across it), so no input can make the layout loop.
struct ChartTree {
    /// The index in `chart.boxes` of each box's parent; nil for a root.
    private(set) var parent: [Int?]
    /// The index in `chart.lines` of the line from each box's parent.
    private(set) var parentLine: [Int?]
    /// Children of each box, in the order of the chart's lines.
    private(set) var children: [[Int]]
    /// Top boxes, in chart order.
    private(set) var roots: [Int] = []
    /// Every box once, each parent before its children, siblings in order.
    private(set) var preorder: [Int] = []
    /// Depth of each box below its root.
    private(set) var depth: [Int]
    /// Indices in `chart.lines` of the lines drawn across the tree: lines that do not shape the
    /// layout, a box's second parent line, a line closing a cycle.
    private(set) var crossLines: [Int] = []
    /// The index of each box id in `chart.boxes` (the first box, for a repeated id).
    private(set) var index: [String: Int] = [:]

    init(_ chart: Chart) {
        let count = chart.boxes.count
        parent = Array(repeating: nil, count: count)
        parentLine = Array(repeating: nil, count: count)
        children = Array(repeating: [], count: count)
        depth = Array(repeating: 0, count: count)
        index.reserveCapacity(count)
        for (i, box) in chart.boxes.enumerated() where index[box.id] == nil { index[box.id] = i }
        for (l, line) in chart.lines.enumerated() {
            guard line.shapesLayout else { crossLines.append(l); continue }
            let (top, bottom) = line.ranksUpward ? (line.to, line.from) : (line.from, line.to)
            guard let p = index[top], let c = index[bottom], p != c, parent[c] == nil else { crossLines.append(l); continue }
            parent[c] = p
            parentLine[c] = l
            children[p].append(c)
        }
        var visited = Array(repeating: false, count: count)
        for i in 0..<count where parent[i] == nil { visit(from: i, visited: &visited) }
        // Boxes on a cycle have no root: cut each cycle at its first box in chart order.
        for i in 0..<count where !visited[i] {
            if let p = parent[i], let l = parentLine[i] {
                children[p].removeAll { $0 == i }
                crossLines.append(l)
            }
            parent[i] = nil
            parentLine[i] = nil
            visit(from: i, visited: &visited)
        }
        crossLines.sort()
    }

    /// Adds the subtree of `root` to `roots` and `preorder`, depth-first with an explicit stack.
    private mutating func visit(from root: Int, visited: inout [Bool]) {
        roots.append(root)
        visited[root] = true
        depth[root] = 0
        var stack = [root]
        while let box = stack.popLast() {
            preorder.append(box)
            for child in children[box].reversed() where !visited[child] {
                visited[child] = true
                depth[child] = depth[box] + 1
                stack.append(child)
            }
        }
    }
}
