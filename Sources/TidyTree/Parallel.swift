import Foundation

/// Work spread over threads, with results in the order of the input.
package enum Parallel {
    /// `transform` of every element, computed by up to `workers` threads at once (by the calling
    /// thread alone when `workers` is 1), each taking the next element not yet taken.
    package static func map<T: Sendable, R: Sendable>(_ elements: [T], workers: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let threads = min(workers, elements.count)
        guard threads > 1 else { return elements.map(transform) }
        let slots = Slots<R>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = slots.claim() { slots.store(transform(elements[index]), at: index) }
        }
        return slots.values
    }

    /// The results of a parallel map: which element comes next, and the results so far.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var results: [R?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        /// The index of the next element to transform; nil when every element is taken.
        func claim() -> Int? {
            lock.withLock {
                guard next < results.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ result: R, at index: Int) { lock.withLock { results[index] = result } }

        /// Every result, once all are stored.
        var values: [R] { lock.withLock { results.map { $0! } } }
    }
}
