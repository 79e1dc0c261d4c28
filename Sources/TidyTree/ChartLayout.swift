import ChartGraph

/// Who places the boxes of a chart.
public enum ChartLayout: String, CaseIterable, Sendable {
    /// Graphviz's `dot` lays the chart out.
    case dot
    /// orgchart's tidy tree places every box and routes every line; Graphviz only draws (engine
    /// `nop2`). Linear time: for charts of thousands of boxes.
    case tidy
    /// `tidy` for tree charts (organigrammes, accountability, overviews), `dot` for the others
    /// (the default). The tidy tree gives the org-chart idioms dot cannot express — asides beside
    /// the head's line, stacked leaves, right-angled connectors — and stays linear in time, where
    /// dot on our DOT takes about a second at 1,000 boxes, 4 s at 1,500 and 20 s at 2,500.
    case auto

    /// The layout actually used for `chart`: the tidy tree draws only tree charts without
    /// frames around groups; any other chart is laid out by dot.
    public func resolved(for chart: Chart) -> ChartLayout {
        let tidyFits = chart.arrangement == .tree && chart.groups.isEmpty
        switch self {
        case .dot: return .dot
        case .tidy: return tidyFits ? .tidy : .dot
        case .auto: return tidyFits ? .tidy : .dot
        }
    }
}
