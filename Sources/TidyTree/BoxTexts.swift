import ChartGraph
import Foundation

/// The wrapped texts of boxes and their sizes, kept across the many layouts of one chart's
/// parts: paging lays out hundreds of parts that share their boxes, and wrapping and measuring
/// a box's text is about a third of laying out a small part. A text is known by the box's
/// heading and details and the wrap, so a box that gains a line (where its subtree continues)
/// is measured anew; it is looked up by the box's id and the wrap, short to hash, and the
/// heading and details compared. Safe to share between threads; copies share one store.
public final class BoxTexts: @unchecked Sendable {
    /// A box's text wrapped at `wrap` and its sizes in points.
    struct Measured: Sendable {
        var text: BoxText
        /// The width of the longest line, margins included.
        var width: Double
        /// The height of the box in a row, and hanging in a column.
        var height: Double, compactHeight: Double
    }

    private struct Key: Hashable {
        var id: String
        var wrap: Int
    }

    /// The texts measured of the boxes with an id, at a wrap.
    private var known: [Key: [(heading: String, details: [String], measured: Measured)]] = [:]
    private let lock = NSLock()

    /// An empty store.
    public init() {}

    /// The texts of `boxes` wrapped at `wraps` (one per box) and measured with `metrics`: those
    /// known taken from the store, the others measured and kept.
    func measured(_ boxes: [Box], wraps: [Int], metrics: BoxMetrics) -> [Measured] {
        let keys = zip(boxes, wraps).map { Key(id: $0.id, wrap: $1) }
        /// The text of `box` kept under `key`, if any.
        func kept(_ key: Key, _ box: Box) -> Measured? {
            known[key]?.first { $0.heading == box.heading && $0.details == box.details }?.measured
        }
        var found = lock.withLock { zip(keys, boxes).map(kept) }
        var new: [(Key, Box, Measured)] = []
        for (index, key) in keys.enumerated() where found[index] == nil {
            let measured = Self.measure(boxes[index], wrap: key.wrap, metrics: metrics)
            found[index] = measured
            new.append((key, boxes[index], measured))
        }
        if !new.isEmpty {
            lock.withLock {
                for (key, box, measured) in new where kept(key, box) == nil {
                    known[key, default: []].append((box.heading, box.details, measured))
                }
            }
        }
        return found.map { $0! }
    }

    /// The text of `box` wrapped at `wrap` and measured with `metrics`.
    static func measure(_ box: Box, wrap: Int, metrics: BoxMetrics) -> Measured {
        let text = metrics.text(box, wrap: wrap)
        return Measured(text: text, width: metrics.width(text) * 72, height: metrics.height(text) * 72, compactHeight: metrics.compactHeight(text) * 72)
    }
}
