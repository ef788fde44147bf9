/// Engines that are expensive to create and used by one caller at a time (a Tesseract instance, dlib's networks):
/// created on first need up to `size`, kept for the life of the process, lent out one caller at a time.
public actor EnginePool<Engine: Sendable> {
    private let make: @Sendable () throws -> Engine
    private let size: Int
    private var idle: [Engine] = []
    private var created = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// A pool of at most `size` engines made by `make`.
    public init(size: Int, make: @escaping @Sendable () throws -> Engine) {
        self.size = max(1, size)
        self.make = make
    }

    /// Runs `body` with an engine no one else holds meanwhile.
    public nonisolated func withEngine<Result: Sendable>(
        _ body: @Sendable (Engine) throws -> Result
    ) async throws -> Result {
        let engine = try await borrow()
        do {
            let result = try body(engine)
            await giveBack(engine)
            return result
        } catch {
            await giveBack(engine)
            throw error
        }
    }

    private func borrow() async throws -> Engine {
        while true {
            if let engine = idle.popLast() { return engine }
            if created < size {
                created += 1
                do {
                    return try make()
                } catch {
                    created -= 1
                    throw error
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func giveBack(_ engine: Engine) {
        idle.append(engine)
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
