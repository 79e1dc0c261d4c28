import Foundation

/// Work spread over threads, with results in the order of the input.
package enum Parallel {
    /// `transform` of every element, computed by up to `workers` threads at once (by the calling
    /// thread alone when `workers` is 1, or when it does work aside that yields), each taking
    /// the next element not yet taken.
    package static func map<T: Sendable, R: Sendable>(_ elements: [T], workers: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let threads = min(workers, elements.count)
        guard threads > 1, !Yielding.now else { return elements.map(transform) }
        let slots = Slots<R>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = slots.claim() { slots.store(transform(elements[index]), at: index) }
        }
        return slots.values
    }

    /// Work done aside, on a thread of its own, while the thread that started it goes on with
    /// its own: until its `value` is asked for, its maps run on that thread alone (the caller's
    /// maps take the other processors), and from then on on every processor.
    package final class Aside<R: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: R?
        private var ended = false
        private let yielding = Yielding()

        /// Starts `work` on a thread of its own.
        package init(_ work: @escaping @Sendable () -> R) {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Yielding.key] = yielding
                let value = work()
                condition.withLock {
                    (result, ended) = (value, true)
                    condition.broadcast()
                }
            }
            thread.stackSize = 1 << 23
            thread.start()
        }

        /// What the work gives, once it has ended.
        package var value: R {
            yielding.end()
            return condition.withLock {
                while !ended { condition.wait() }
                return result!
            }
        }
    }

    /// Whether the work aside on a thread still leaves the processors to the thread that started it.
    private final class Yielding: @unchecked Sendable {
        static let key = "orgchart.aside"
        private let lock = NSLock()
        private var ended = false

        func end() { lock.withLock { ended = true } }

        /// True on the thread of work done aside whose value nobody waits for yet.
        static var now: Bool {
            guard let yielding = Thread.current.threadDictionary[key] as? Yielding else { return false }
            return yielding.lock.withLock { !yielding.ended }
        }
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
