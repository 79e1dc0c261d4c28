/// The horizontal extent of a subtree in each band of the chart from its top down, relative to
/// a movable origin. Storage is deepest band first, so putting a parent's bands on top costs
/// O(1), and moving a whole subtree only changes `shift`; merging two contours touches only the
/// bands they share. Together this keeps the tidy layout linear in the number of boxes
/// (Reingold–Tilford's argument: each band is compared once before it is hidden).
struct Contour {
    /// The leftmost and rightmost points of a subtree in one band.
    struct Extent {
        var low: Double
        var high: Double

        /// The smallest extent holding both.
        func union(_ other: Extent) -> Extent { Extent(low: min(low, other.low), high: max(high, other.high)) }
    }

    /// Added to every stored extent.
    private var shift = 0.0
    /// Extents, deepest band first.
    private var bands: [Extent] = []

    /// The number of bands from the subtree's top.
    var depth: Int { bands.count }

    /// The extent `band` bands below the top, in current coordinates.
    func extent(_ band: Int) -> Extent {
        let stored = bands[bands.count - 1 - band]
        return Extent(low: stored.low + shift, high: stored.high + shift)
    }

    /// Puts `extent` on top, above every existing band.
    mutating func putOnTop(_ extent: Extent) {
        bands.append(Extent(low: extent.low - shift, high: extent.high - shift))
    }

    /// Moves the whole contour by `offset`.
    mutating func move(by offset: Double) { shift += offset }

    /// How far right `other`, top-aligned with this contour, must move so that it keeps `gap`
    /// from this contour in every band they share.
    func separation(toTheRightOf other: Contour, gap: Double) -> Double {
        var needed = -Double.infinity
        for band in 0..<min(depth, other.depth) {
            needed = max(needed, extent(band).high - other.extent(band).low + gap)
        }
        return needed == -Double.infinity ? 0 : needed
    }

    /// Merges `other` (top-aligned, already moved into place) into this contour. The longer
    /// contour's storage is kept, so only the shared bands are touched.
    mutating func absorb(_ other: consuming Contour) {
        var other = other
        if other.depth > depth { swap(&self, &other) }
        for band in 0..<other.depth {
            let merged = extent(band).union(other.extent(band))
            bands[bands.count - 1 - band] = Extent(low: merged.low - shift, high: merged.high - shift)
        }
    }

    /// The extent over every band.
    var bounds: Extent? {
        guard depth > 0 else { return nil }
        var all = extent(0)
        for band in 1..<depth { all = all.union(extent(band)) }
        return all
    }
}
