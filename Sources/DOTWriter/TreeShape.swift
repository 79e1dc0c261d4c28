import ChartGraph
import Foundation

/// The tree lines of a chart written as an organigramme: a parent's aside boxes (front office,
/// advisers) hang off a short trunk beside the vertical line, and children that are all leaves
/// are stacked in a column on a spine so that the chart stays narrow.
struct TreeShape {
    let chart: Chart
    let stackLeaves: Int

    func write(into out: inout DOTText, attributes: (Line) -> String) {
        let tree = chart.lines.filter(\.shapesLayout)
        var children: [String: [Line]] = [:]
        var parents: [String] = []
        for line in tree {
            if children[line.from] == nil { parents.append(line.from) }
            children[line.from, default: []].append(line)
        }
        let asides = Set(chart.boxes.filter(\.isAside).map(\.id))
        for parent in parents {
            let lines = children[parent] ?? []
            let aside = lines.filter { asides.contains($0.to) }
            let regular = lines.filter { !asides.contains($0.to) }
            var source = parent
            if !aside.isEmpty, !regular.isEmpty {
                let trunk = "\(parent):trunk"
                joint(trunk, into: &out)
                out.line("\(Escape.quoted(parent)) -> \(Escape.quoted(trunk)) [\(connector(lines[0], "trunk", attributes))]")
                out.line("{ rank=same; \(([trunk] + aside.map(\.to)).map(Escape.quoted).joined(separator: "; ")) }")
                for line in aside { out.line("\(Escape.quoted(trunk)) -> \(Escape.quoted(line.to)) [\(attributes(line))]") }
                source = trunk
            } else {
                for line in aside { out.line("\(Escape.quoted(parent)) -> \(Escape.quoted(line.to)) [\(attributes(line))]") }
            }
            let allLeaves = regular.allSatisfy { children[$0.to] == nil }
            if stackLeaves > 0, allLeaves, regular.count >= stackLeaves {
                var above = source
                for (index, line) in regular.enumerated() {
                    let joint = "\(parent):spine:\(index)"
                    self.joint(joint, into: &out)
                    out.line("\(Escape.quoted(above)) -> \(Escape.quoted(joint)) [\(connector(line, "spine", attributes))]")
                    out.line("{ rank=same; \(Escape.quoted(joint)); \(Escape.quoted(line.to)) }")
                    out.line("\(Escape.quoted(joint)) -> \(Escape.quoted(line.to)) [\(attributes(line))]")
                    above = joint
                }
            } else {
                for line in regular { out.line("\(Escape.quoted(source)) -> \(Escape.quoted(line.to)) [\(attributes(line))]") }
            }
        }
    }

    /// An invisible bend point of a connector.
    private func joint(_ id: String, into out: inout DOTText) {
        out.line("\(Escape.quoted(id)) [id=\(Escape.quoted(id)), shape=point, width=0.01, height=0.01, style=invis, label=\"\"]")
    }

    /// The attributes of a connector segment: the line's look, without its id.
    private func connector(_ line: Line, _ part: String, _ attributes: (Line) -> String) -> String {
        attributes(line).replacingOccurrences(of: "id=\"", with: "id=\"\(part):")
    }
}
