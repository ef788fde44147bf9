/// Wakes idle job workers when work is enqueued, instead of having them poll the store quickly.
actor JobWakeup {
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextID = 0
    private var pendingSignals = 0

    /// Wakes every worker waiting now, or the next one to wait.
    func signal() {
        if waiters.isEmpty {
            pendingSignals += 1
            return
        }
        for waiter in waiters.values { waiter.resume() }
        waiters.removeAll()
    }

    /// Waits until signalled, the timeout passes, or the task is cancelled.
    func wait(timeout: Duration) async {
        if pendingSignals > 0 {
            pendingSignals -= 1
            return
        }
        let id = nextID
        nextID += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resume(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.resume(id) }
        }
        timer.cancel()
    }

    private func resume(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
