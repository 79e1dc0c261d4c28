import ChartGraph

/// The tree lines of a chart written as an organigramme: a parent's aside boxes (front office,
/// advisers) hang off a short trunk beside the vertical line, and children that are all leaves
/// are stacked in a column on a spine so that the chart stays narrow.
struct TreeShape {
    let chart: Chart
    let stackLeaves: Int

    /// Writes the tree lines; `edge` gives the DOT edge of a line, starting at a bend point when
    /// one is given, and, for a segment, ending at the bend point `joint` with an id of its own
    /// (prefixed with `part`) and no arrow.
    func write(into out: inout DOTText, edge: (Line, String?, _ segment: (joint: String, part: String)?) -> String) {
        var children: [String: [Line]] = [:]
        var parents: [String] = []
        for line in chart.lines where line.shapesLayout {
            let parent = line.upperEnd
            if children[parent] == nil { parents.append(parent) }
            children[parent, default: []].append(line)
        }
        let asides = Set(chart.boxes.filter(\.isAside).map(\.id))
        for parent in parents {
            let lines = children[parent] ?? []
            let aside = lines.filter { asides.contains($0.lowerEnd) }
            let regular = lines.filter { !asides.contains($0.lowerEnd) }
            var source: String?
            if !aside.isEmpty, !regular.isEmpty {
                let trunk = "\(parent):trunk"
                joint(trunk, into: &out)
                out.line(edge(lines[0], nil, (trunk, "trunk")))
                out.line("{ rank=same; \(([trunk] + aside.map(\.lowerEnd)).map(Escape.quoted).joined(separator: "; ")) }")
                source = trunk
            }
            for line in aside { out.line(edge(line, source, nil)) }
            let allLeaves = regular.allSatisfy { children[$0.lowerEnd] == nil }
            if stackLeaves > 0, allLeaves, regular.count >= stackLeaves {
                var above = source
                for (index, line) in regular.enumerated() {
                    let joint = "\(parent):spine:\(index)"
                    self.joint(joint, into: &out)
                    out.line(edge(line, above, (joint, "spine")))
                    out.line("{ rank=same; \(Escape.quoted(joint)); \(Escape.quoted(line.lowerEnd)) }")
                    out.line(edge(line, joint, nil))
                    above = joint
                }
            } else {
                for line in regular { out.line(edge(line, source, nil)) }
            }
        }
    }

    /// An invisible bend point of a connector.
    private func joint(_ id: String, into out: inout DOTText) {
        out.line("\(Escape.quoted(id)) [id=\(Escape.quoted(id)), shape=point, width=0.01, height=0.01, style=invis, label=\"\"]")
    }
}
