import Synchronization

/// Bounds how many requests may wait for a synthesizer; the one over the limit is refused at once.
final class WaitingLimit: Sendable {
    private let count = Mutex(0)
    let limit: Int

    init(_ limit: Int) {
        self.limit = limit
    }

    /// Admits a request or throws `busy`; every admitted request must call ``leave()``.
    func enter() throws {
        let admitted = count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw SynthesisError(code: .busy, description: "The synthesizer has \(limit) requests waiting already")
        }
    }

    func leave() {
        count.withLock { $0 -= 1 }
    }
}
