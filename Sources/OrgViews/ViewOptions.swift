import ChartGraph
import OrgModel

/// The charts a model can be drawn as.
public enum ViewKind: String, CaseIterable, Sendable {
    /// The containment tree of units, top-down.
    case organigramme
    /// Posts and the lines of accountability between them.
    case accountability
    /// Shared services: the two-column chart when it can be read on the page, the matrix
    /// otherwise (the renderer chooses); with a root, the fan of one provider or client.
    case services
    /// Providers of shared services in a left column and the units or missions they serve in a
    /// right column, framed by department, structure or region, with routed lines.
    case servicesChart = "services-chart"
    /// The same relations as a matrix: providers as rows, clients as columns, one mark per
    /// relation, grouped by department, region and body; legible at the scale of a pillar.
    case servicesMatrix = "services-matrix"
    /// Departments, shared structures and services under the Secretary-General, on one page.
    case overview
}

/// What part of the model a view draws.
public struct ViewOptions: Sendable, Equatable {
    /// The unit the chart starts from; nil for the model's default root.
    public var root: String?
    /// How many levels below the root to draw; nil for all.
    public var depth: Int?
    /// True to leave out the units and lines the model marks as inferred from its sources
    /// (see `Model.statedOnly()`), drawing only what the texts state.
    public var statedOnly: Bool

    /// Creates options.
    public init(root: String? = nil, depth: Int? = nil, statedOnly: Bool = false) {
        self.root = root
        self.depth = depth
        self.statedOnly = statedOnly
    }
}

/// A view that cannot be computed for the options given.
public struct ViewError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the unit id.
    public var message: String
    /// How to fix it.
    public var hint: String
    /// Which option is wrong, for a caller that words the fix in its own terms.
    public var reason: Reason

    /// The option a view cannot use.
    public enum Reason: Sendable, Equatable {
        /// A depth below 0.
        case negativeDepth(Int)
        /// A root that is no unit of the model; `near` lists ids that contain it or that it contains.
        case unknownRoot(near: [String])
        /// The root of a snapshot (`old` or `new`, of the model `model`) of a restructuring review
        /// is no unit of it; `near` is the closest id.
        case unknownSnapshotRoot(side: String, model: String, near: String?)
        /// An overview with too few boxes: the unit's organigramme shows it better.
        case overviewTooSmall
        /// A model with no departments or offices to show without a root.
        case nothingToShow
        /// Any other problem; the hint says what to do.
        case other
    }

    /// Creates the error.
    public init(_ message: String, hint: String, reason: Reason = .other) {
        self.message = message
        self.hint = hint
        self.reason = reason
    }

    public var description: String { "error: \(message)\n    hint: \(hint)" }
}

/// Computes the chart of a view.
public enum Views {
    /// The chart of `kind` for `model`.
    public static func chart(_ kind: ViewKind, of model: Model, options: ViewOptions = ViewOptions()) throws -> Chart {
        if options.statedOnly {
            if let root = options.root ?? model.root, model.unit(root)?.source?.inferred == true {
                throw ViewError("unit '\(root)' is inferred from its source, so a chart of stated facts cannot start from it",
                                hint: "start from a unit the text states, or include inferred facts")
            }
            var stated = options
            stated.statedOnly = false
            return try chart(kind, of: model.statedOnly(), options: stated)
        }
        switch kind {
        case .organigramme: return try Organigramme(model: model, options: options).chart()
        case .accountability: return try AccountabilityChart(model: model, options: options).chart()
        case .services, .servicesChart: return try ServicesChart(model: model, options: options).chart()
        case .servicesMatrix: return try ServicesMatrix(model: model, options: options).chart()
        case .overview: return try Overview(model: model, options: options).chart()
        }
    }
}

extension Views {
    /// The legend entries explaining the marks of inferred and planned boxes and lines, for the
    /// charts of `boxes` and `lines` that restyle a view's chart (a restructuring review).
    public static func standingLegend(boxes: [Box], lines: [Line]) -> [LegendEntry] {
        Legend.standing(boxes: boxes, lines: lines)
    }
}

extension Model {
    /// The root units a view starts from, checking a requested root exists.
    func roots(for options: ViewOptions) throws -> [Unit] {
        if let depth = options.depth, depth < 0 {
            throw ViewError("the depth must be 0 or more, not \(depth)", hint: "a depth of 1 draws a unit and its direct subunits", reason: .negativeDepth(depth))
        }
        if let id = options.root ?? root {
            guard let unit = unit(id) else {
                let ids = units.map(\.id)
                let near = ids.filter { $0.contains(id) || id.contains($0) }.prefix(5)
                throw ViewError("no unit with id '\(id)' in model '\(self.id)'",
                                hint: near.isEmpty ? "give the id of one of the model's units" : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?",
                                reason: .unknownRoot(near: Array(near)))
            }
            return [unit]
        }
        return children(of: nil)
    }
}
