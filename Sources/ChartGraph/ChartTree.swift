extension Line {
    /// The end drawn above the other when the line shapes a tree.
    public var upperEnd: String { ranksUpward ? to : from }
    /// The end drawn below the other when the line shapes a tree.
    public var lowerEnd: String { ranksUpward ? from : to }
}

extension Chart {
    /// The boxes below each box along the lines that shape the layout, in chart order.
    public var treeChildren: [String: [String]] {
        var children: [String: [String]] = [:]
        for line in lines where line.shapesLayout { children[line.upperEnd, default: []].append(line.lowerEnd) }
        return children
    }

    /// Boxes that no layout line hangs below another box, in chart order.
    public var treeRoots: [String] {
        let below = Set(lines.filter(\.shapesLayout).map(\.lowerEnd))
        return boxes.map(\.id).filter { !below.contains($0) }
    }

    /// The ids of `root` and every box below it.
    public func subtree(of root: String) -> Set<String> { subtree(of: root, children: treeChildren) }

    /// The ids of `root` and of every box below it, given the chart's `treeChildren` (computed
    /// once by a caller that asks for many subtrees).
    public func subtree(of root: String, children: [String: [String]]) -> Set<String> {
        var result: Set<String> = []
        var stack = [root]
        while let id = stack.popLast() {
            guard result.insert(id).inserted else { continue }
            stack += children[id] ?? []
        }
        return result
    }

    /// The same chart with only the boxes in `ids`, the lines between them, the groups they use
    /// and the legend entries for the styles that remain.
    public func restricted(to ids: Set<String>) -> Chart {
        restricted(boxes: boxes.indices.filter { ids.contains(boxes[$0].id) },
                   lines: lines.indices.filter { ids.contains(lines[$0].from) && ids.contains(lines[$0].to) })
    }

    /// The same chart with only the boxes and lines at the positions `boxes` and `lines`
    /// (ascending), the groups they use and the legend entries for the styles that remain (and
    /// for inferred and planned facts, while some remain).
    public func restricted(boxes boxPositions: [Int], lines linePositions: [Int]) -> Chart {
        var copy = self
        copy.boxes = boxPositions.map { boxes[$0] }
        copy.lines = linePositions.map { lines[$0] }
        let groupIDs = Set(copy.boxes.compactMap(\.group))
        copy.groups = groups.filter { groupIDs.contains($0.id) }
        var boxStyles = Set(copy.boxes.map(\.style)), lineStyles = Set(copy.lines.map(\.style))
        // The entries for inferred and planned facts stay while a box or drawn line is so marked.
        if copy.boxes.contains(where: \.isInferred) { boxStyles.insert(LegendEntry.inferredStyle) }
        if copy.boxes.contains(where: \.isPlanned) { boxStyles.insert(LegendEntry.plannedStyle) }
        if copy.lines.contains(where: { $0.isDrawn && $0.isInferred }) { lineStyles.insert(LegendEntry.inferredStyle) }
        if copy.lines.contains(where: { $0.isDrawn && $0.isPlanned }) { lineStyles.insert(LegendEntry.plannedStyle) }
        copy.legend = legend.filter { $0.sample == .box ? boxStyles.contains($0.style) : lineStyles.contains($0.style) }
        return copy
    }
}
