/// What stands around a chart's boxes: the title (and subtitle) above them, the legend and
/// sources below, and the blank margin. Where they stand is chosen with the boxes (see
/// `place`): the title beside the top row where a stretch of it is empty, the footer in an empty
/// stretch at the bottom (under short columns, beside a tall one), when that lets the chart be
/// drawn larger on its page. The layout's page-shape search weighs each layout with its
/// furniture placed, so a layout that leaves room for them can win.
public struct Furniture: Sendable {
    /// Width and height of the title's block of lines, in points.
    public var title: (width: Double, height: Double)
    /// Where the title's first line starts when it stands above the boxes.
    public var titleTop: Double
    /// The shapes the footer may take (its sample boxes in one row or more), width × height
    /// with the space above it; empty when there is no footer.
    public var footers: [(width: Double, height: Double)]
    /// The blank margin around the drawing, in points.
    public var pad: Double
    /// Width and height in points of the area the drawing is fitted to (with its margin).
    public var area: (width: Double, height: Double)

    /// Furniture of these sizes.
    public init(title: (width: Double, height: Double), titleTop: Double, footers: [(width: Double, height: Double)],
                pad: Double, area: (width: Double, height: Double)) {
        self.title = title
        self.titleTop = titleTop
        self.footers = footers
        self.pad = pad
        self.area = area
    }

    /// Space kept between the title or footer and any box or line beside them, in points.
    public static let gap = 12.0
    /// How far below everything a footer below the chart starts (its rows start a little lower).
    static let footerDrop = 8.0
    /// The share of a drawing's height below which a quick placing leaves the footer below.
    static let slightShare = 0.02

    /// The best places for the title and the footer around what is drawn: `frames` and
    /// `routes` (and `more`, stretches across with their top and bottom; and `upperRoutes`,
    /// routes that never reach below a box, such as the tree's elbows, asked for only when the
    /// title may stand beside the top row and only those starting above the depth given),
    /// spanning `minX`…`maxX` across, starting at
    /// `boxesTop` (the top of the highest) and ending at `bottom`. The best draws the chart
    /// largest on the area (at most its natural size); on a tie the title stays above and the
    /// drawing is the least high. `quickly` (for a layout search) leaves a footer below when it
    /// is under `slightShare` of the drawing's height: placed elsewhere, it could not draw the
    /// chart noticeably larger.
    public func place(frames: [BoxFrame], routes: [[ChartPoint]] = [], more: [(low: Double, high: Double, top: Double, bottom: Double)] = [],
                      upperRoutes: (Double) -> [[ChartPoint]] = { _ in [] }, minX: Double, maxX: Double, boxesTop: Double, bottom: Double,
                      quickly: Bool = false) -> Furnishing {
        /// What is drawn over each stretch, seen from below (built when first asked for).
        var profileBelow: DrawnProfile?
        func below() -> DrawnProfile {
            if let profileBelow { return profileBelow }
            var below = DrawnProfile(minX: minX, maxX: maxX, empty: boxesTop, downward: true)
            for frame in frames { below.cover(from: frame.minX, to: frame.maxX, at: frame.maxY) }
            for route in routes {
                for (a, b) in zip(route, route.dropFirst()) { below.cover(from: min(a.x, b.x), to: max(a.x, b.x), at: max(a.y, b.y)) }
            }
            for stretch in more { below.cover(from: stretch.low, to: stretch.high, at: stretch.bottom) }
            profileBelow = below
            return below
        }
        /// What is drawn over each stretch, seen from above, down to `depth` (where the title
        /// beside the top row cannot reach).
        func profileAbove(until depth: Double) -> DrawnProfile {
            var above = DrawnProfile(minX: minX, maxX: maxX, empty: depth, downward: false)
            for frame in frames where frame.minY < depth { above.cover(from: frame.minX, to: frame.maxX, at: frame.minY) }
            for route in routes + upperRoutes(depth) {
                for (a, b) in zip(route, route.dropFirst()) { above.cover(from: min(a.x, b.x), to: max(a.x, b.x), at: min(a.y, b.y)) }
            }
            for stretch in more { above.cover(from: stretch.low, to: stretch.high, at: stretch.top) }
            return above
        }
        var best = Furnishing(title: nil, footer: nil, width: maxX - minX, height: bottom - titleTop), bestScale = 0.0
        func consider(_ furnishing: Furnishing) {
            let scale = min(1, area.width / (furnishing.width + 2 * pad), area.height / (furnishing.height + 2 * pad))
            let tie = scale > bestScale * 0.9999 && scale < bestScale * 1.0001
            let better = (furnishing.title == nil) == (best.title == nil) ? furnishing.height < best.height - 0.01 : furnishing.title == nil
            guard bestScale == 0 || scale >= bestScale * 1.0001 || tie && better else { return }
            best = furnishing
            bestScale = scale
        }
        /// The footer's places with the title standing at `place` (above when nil), its top at
        /// `top`, its block from `block.low` to `block.high` across down to `block.bottom`.
        func furnish(title place: ChartPoint?, top: Double, block: (low: Double, high: Double, bottom: Double)?) {
            guard !footers.isEmpty else {
                consider(Furnishing(title: place, footer: nil, width: maxX - minX, height: bottom - top))
                return
            }
            for (index, shape) in footers.enumerated() {
                consider(Furnishing(title: place, footer: FooterPlace(shape: index, origin: ChartPoint(x: minX, y: bottom + Self.footerDrop), isBelow: true),
                                    width: max(maxX - minX, shape.width), height: bottom + Self.footerDrop + shape.height - top))
            }
            var profile: DrawnProfile?
            for (index, shape) in footers.enumerated() where !quickly || shape.height >= Self.slightShare * (bottom - top) {
                if profile == nil {
                    profile = below()
                    if let block { profile?.cover(from: block.low, to: block.high, at: block.bottom) }
                }
                guard let stretch = profile?.extremeStretch(width: shape.width, nearest: nil) else { continue }
                let y = stretch.value + Self.gap
                consider(Furnishing(title: place, footer: FooterPlace(shape: index, origin: ChartPoint(x: stretch.x, y: y), isBelow: false),
                                    width: maxX - minX, height: max(bottom, y + shape.height) - top))
            }
        }
        // The title above, centred; or, when the chart is drawn smaller than its natural size,
        // beside the top row, in the stretch where it can stand lowest (nearest a corner, where
        // it reads as the page's title rather than a box's heading).
        furnish(title: nil, top: titleTop, block: nil)
        // The title keeps twice the gap from anything beside or below it, so that it does not
        // read as the heading of a box or the label of a line.
        let room = title.width + 2 * Self.gap
        guard bestScale < 1, let stretch = profileAbove(until: boxesTop + title.height + 3 * Self.gap)
            .extremeStretch(width: room, nearest: nil) else { return best }
        let top = min(boxesTop, stretch.value - 2 * Self.gap - title.height)
        if top > titleTop + 0.5 {
            furnish(title: ChartPoint(x: stretch.x + room / 2, y: top), top: top, block: (stretch.x, stretch.x + room, top + title.height))
        }
        return best
    }
}

/// Where a chart's title and footer stand (see `Furniture.place`), and the size of what is
/// drawn with them.
public struct Furnishing: Sendable, Equatable {
    /// The centre across and the top of the title's block when it stands beside the top row;
    /// nil when it stands above the boxes, centred.
    public let title: ChartPoint?
    /// Where the footer stands; nil when there is none.
    public let footer: FooterPlace?
    /// Width and height of what is drawn, title and footer included, from the left of the
    /// drawing and the top of the title.
    public let width: Double, height: Double
}

/// Where a chart's legend and sources stand.
public struct FooterPlace: Sendable, Equatable {
    /// Which of the footer's shapes (index in the shapes tried).
    public let shape: Int
    /// The top-left corner of the footer's block (its rows start a little below).
    public let origin: ChartPoint
    /// True when the footer stands below everything rather than in a stretch beside boxes.
    public let isBelow: Bool
}

/// The lowest (or highest) point of whatever is drawn over each stretch across a drawing, in
/// steps of `step` points, each thing widened by `Furniture.gap` on both sides: where a block
/// can stand under (or over) it. Built in time linear in the things and the steps.
struct DrawnProfile: Sendable {
    /// The left and right edges of the drawing.
    let minX: Double, maxX: Double
    /// True for the lowest points (a block goes under them); false for the highest.
    let downward: Bool
    /// The lowest point drawn over each step (highest, negated, when not `downward`), or the
    /// empty value when nothing is.
    private var floors: [Double]
    /// Width of a step, in points.
    static let step = 6.0

    /// An empty profile from `minX` to `maxX` across, where nothing is drawn beyond `empty`.
    init(minX: Double, maxX: Double, empty: Double, downward: Bool) {
        self.minX = minX
        self.maxX = max(minX, maxX)
        self.downward = downward
        floors = [Double](repeating: downward ? empty : -empty, count: max(1, Int(((self.maxX - minX) / Self.step).rounded(.up))))
    }

    /// The steps a stretch from `low` to `high` across touches.
    private func steps(_ low: Double, _ high: Double) -> ClosedRange<Int>? {
        let first = max(0, Int(((low - minX) / Self.step).rounded(.down)))
        let last = min(floors.count - 1, Int(((high - minX) / Self.step).rounded(.down)))
        return first <= last ? first...last : nil
    }

    /// Records something drawn from `low` to `high` across, reaching down (or up) to `y`.
    mutating func cover(from low: Double, to high: Double, at y: Double) {
        guard let range = steps(low - Furniture.gap, high + Furniture.gap) else { return }
        let value = downward ? y : -y
        for index in range where floors[index] < value { floors[index] = value }
    }

    /// Of the stretches `width` across inside the drawing, the one with the most room: its
    /// left edge, and the lowest (or highest) point drawn over it. Among equals, the one whose
    /// left edge is nearest `nearest`, or else nearest an edge of the drawing, the left on a
    /// tie. Nil when the drawing is narrower.
    func extremeStretch(width: Double, nearest: Double?) -> (x: Double, value: Double)? {
        guard width <= maxX - minX else { return nil }
        let span = Int((width / Self.step).rounded(.up))
        // The floor of the stretch starting at each step (sliding maximum over `span` steps,
        // kept as indices of a decreasing run of floors), then the flush-right stretch's.
        var xs: [Double] = [], maxima: [Double] = []
        if span <= floors.count {
            xs.reserveCapacity(floors.count - span + 2)
            maxima.reserveCapacity(floors.count - span + 2)
            var window = [Int](repeating: 0, count: floors.count), head = 0, tail = 0
            for index in floors.indices {
                while tail > head, floors[window[tail - 1]] <= floors[index] { tail -= 1 }
                window[tail] = index
                tail += 1
                if window[head] <= index - span { head += 1 }
                let start = index - span + 1
                guard start >= 0 else { continue }
                let x = minX + Double(start) * Self.step
                if x + width <= maxX + 0.001 {
                    xs.append(x)
                    maxima.append(floors[window[head]])
                }
            }
        }
        let right = maxX - width
        xs.append(right)
        maxima.append(steps(right, maxX).map { floors[$0].max() ?? 0 } ?? 0)
        let lowest = maxima.min() ?? 0
        /// How far a stretch is from where it is wanted.
        func distance(_ x: Double) -> Double {
            nearest.map { abs(x - $0) } ?? min(x - minX, maxX - x - width)
        }
        var best: (x: Double, floor: Double)?
        for (x, floor) in zip(xs, maxima) where floor <= lowest + 0.5 {
            if let current = best, (distance(current.x), current.x) <= (distance(x), x) { continue }
            best = (x, floor)
        }
        return best.map { ($0.x, downward ? $0.floor : -$0.floor) }
    }
}
