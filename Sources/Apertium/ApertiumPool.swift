import Foundation

/// A few long-lived pipelines running one command, started on first use and replaced when one dies or times out.
public actor ApertiumPool {
    public let name: String
    let command: String
    let size: Int
    let timeout: Duration
    private var idle: [ApertiumPipeline] = []
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a pool of at most `size` pipelines running `command` (stages joined with `|`, each with `-z`),
    /// each request bounded by `timeout` (plus a second for every 20 KB). Nothing starts until the first request.
    public init(name: String, command: String, size: Int, timeout: Duration) {
        self.name = name
        self.command = command
        self.size = size
        self.timeout = timeout
        // A stage that dies leaves a broken pipe; writing to it must fail, not kill the gateway with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Runs a stream through an idle pipeline (starting one if fewer than `size` run; else waiting for one).
    public func process(_ stream: String) async throws -> String {
        let pipeline = try await checkOut()
        do {
            // Large documents get a second more for every 20 KB (Apertium runs at hundreds of KB a second).
            let answer = try await pipeline.translate(stream, timeout: timeout + .seconds(stream.utf8.count / 20_000))
            checkIn(pipeline)
            return answer
        } catch {
            checkIn(pipeline)
            throw error
        }
    }

    private func checkOut() async throws -> ApertiumPipeline {
        while true {
            while let pipeline = idle.popLast() {
                if pipeline.isAlive { return pipeline }
                running -= 1
            }
            if running < size {
                running += 1
                do {
                    return try ApertiumPipeline(name: name, command: command)
                } catch {
                    running -= 1
                    throw error
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func checkIn(_ pipeline: ApertiumPipeline) {
        if pipeline.isAlive {
            idle.append(pipeline)
        } else {
            pipeline.stop()
            running -= 1
        }
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    /// Stops every idle pipeline.
    public func shutDown() {
        for pipeline in idle { pipeline.stop() }
        idle = []
    }
}
