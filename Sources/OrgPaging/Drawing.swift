import ChartGraph

/// Who draws a chart whose boxes the tidy tree placed.
public enum Drawing: String, CaseIterable, Sendable {
    /// orgchart writes the SVG itself (`SVGWriter`); PDF and PNG are drawn from that SVG by
    /// librsvg and cairo. Linear and fast: 20,000 boxes in well under a second.
    case builtin
    /// Graphviz draws the positioned DOT text with its `nop2` engine.
    case graphviz
}

extension Drawing {
    /// True when orgchart draws `chart` itself: a chart it placed (`tidy`), unless Graphviz is
    /// asked to draw it; Graphviz cannot draw the frames of a two-column chart, so orgchart
    /// always draws those.
    public func drawsItself(_ chart: Chart, tidy: Bool) -> Bool {
        tidy && (self == .builtin || chart.arrangement == .bipartite)
    }
}
