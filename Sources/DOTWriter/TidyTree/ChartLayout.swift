import ChartGraph

/// Who places the boxes of a chart.
public enum ChartLayout: String, CaseIterable, Sendable {
    /// Graphviz's `dot` lays the chart out (the default).
    case dot
    /// orgchart's tidy tree places every box and routes every line; Graphviz only draws (engine
    /// `nop2`). Linear time: for charts of thousands of boxes.
    case tidy
    /// `tidy` for tree charts of more than `autoThreshold` boxes, else `dot`.
    case auto

    /// Above this many boxes `auto` picks the tidy tree (dot takes about a second at 4,000).
    public static let autoThreshold = 1500

    /// The layout actually used for `chart`: the tidy tree draws only tree charts without
    /// frames around groups; any other chart is laid out by dot.
    public func resolved(for chart: Chart) -> ChartLayout {
        let tidyFits = chart.arrangement == .tree && chart.groups.isEmpty
        switch self {
        case .dot: return .dot
        case .tidy: return tidyFits ? .tidy : .dot
        case .auto: return tidyFits && chart.boxes.count > Self.autoThreshold ? .tidy : .dot
        }
    }
}
