import Foundation
import Synchronization

/// Fits many items on every core, optionally beside one long job (training DeepAR's network, which the ensemble's
/// DeepAR member needs only after the other members are fitted): the job runs on its own thread while the items are
/// fitted, longest first, so no core is left idle waiting for the job or for one long item started last.
public enum ParallelFitting {
    /// `body` for each index in 0..<`order.count`, in parallel, started in `order`; the results in index order.
    public static func map<Result: Sendable>(order: [Int], _ body: @Sendable (Int) -> Result) -> [Result] {
        let results = Mutex([Result?](repeating: nil, count: order.count))
        DispatchQueue.concurrentPerform(iterations: order.count) { position in
            let result = body(order[position])
            results.withLock { $0[order[position]] = result }
        }
        return results.withLock { $0 }.map { $0! }
    }

    /// `job` (when given) on a thread of its own while `map(order:_:)` runs `body`; both results once both are done.
    public static func map<Job: Sendable, Result: Sendable>(
        order: [Int], alongside job: (@Sendable () -> Job)?, _ body: @Sendable (Int) -> Result
    ) -> (job: Job?, results: [Result]) {
        // A thread of its own rather than a dispatch worker: a `concurrentPerform` inside the job (DeepAR's steps)
        // then gets the pool's threads as it would from the caller (from a worker, DeepAR trained about a quarter
        // slower: measured in Docs/benchmarks.md).
        let done = DispatchSemaphore(value: 0)
        let answer = Mutex<Job?>(nil)
        if let job {
            Thread {
                let value = job()
                answer.withLock { $0 = value }
                done.signal()
            }.start()
        }
        let results = map(order: order, body)
        if job != nil { done.wait() }
        return (answer.withLock { $0 }, results)
    }

    /// The indices of `lengths` from the longest to the shortest (ties in index order): the order to fit items in,
    /// as longer series take longer.
    public static func longestFirst(_ lengths: [Int]) -> [Int] {
        lengths.indices.sorted { lengths[$0] > lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
    }
}
