import ChartGraph

/// Who places the boxes of a chart.
public enum ChartLayout: String, CaseIterable, Sendable {
    /// Graphviz's `dot` lays the chart out.
    case dot
    /// orgchart places every box and routes every line: the tidy tree for tree charts, two
    /// ordered columns for two-column charts (`BipartiteLayout`); Graphviz at most draws
    /// (engine `nop2`). Linear time for trees: for charts of thousands of boxes.
    case tidy
    /// `tidy` for tree charts (organigrammes, accountability, overviews) and two-column charts
    /// (services), `dot` for the others (the default). The tidy tree gives the org-chart idioms dot cannot express — asides beside
    /// the head's line, stacked leaves, right-angled connectors — and stays linear in time, where
    /// dot on our DOT takes about a second at 1,000 boxes, 4 s at 1,500 and 20 s at 2,500.
    case auto

    /// The layout actually used for `chart`: orgchart places tree charts without frames around
    /// groups and two-column charts; any other chart is laid out by dot.
    public func resolved(for chart: Chart) -> ChartLayout {
        let tidyFits = (chart.arrangement == .tree && chart.groups.isEmpty) || chart.arrangement == .bipartite
        switch self {
        case .dot: return .dot
        case .tidy: return tidyFits ? .tidy : .dot
        case .auto: return tidyFits ? .tidy : .dot
        }
    }
}
