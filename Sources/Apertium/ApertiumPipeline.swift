import Foundation

/// Why a translation through a pipeline failed.
public enum ApertiumPipelineError: Error, CustomStringConvertible, Sendable {
    /// The pipeline did not answer in time; it was stopped and will be replaced.
    case timedOut(pipeline: String, seconds: Double)
    /// A stage exited (or could not start); the pipeline will be replaced.
    case stopped(pipeline: String, reason: String)

    public var description: String {
        switch self {
        case .timedOut(let pipeline, let seconds): "Apertium \(pipeline) did not answer within \(seconds) s"
        case .stopped(let pipeline, let reason): "Apertium \(pipeline) stopped: \(reason)"
        }
    }
}

/// One long-lived Apertium pipeline in null-flush mode: every stage of the mode runs once, and each request is
/// a stream followed by a NUL, answered by the translated stream followed by a NUL (about 1 ms a sentence,
/// against hundreds of milliseconds to start `apertium` per request).
///
/// The stages (a shell pipeline, each program with `-z`) run under `sh`, which Foundation starts as the leader of
/// its own process group, so that a timeout can stop all of them at once. A pipeline serves one request at a
/// time; `ApertiumPool` shares several.
final class ApertiumPipeline: @unchecked Sendable {
    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var dead = false
    private var expired = false

    /// Starts the pipeline's stages.
    init(name: String, command: String) throws {
        self.name = name
        queue = DispatchQueue(label: "apertium.\(name)")
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [weak self] _ in self?.markDead() }
        do {
            try process.run()
        } catch {
            throw ApertiumPipelineError.stopped(pipeline: name, reason: "cannot start: \(error)")
        }
    }

    deinit { stop() }

    /// Whether the pipeline can take requests.
    var isAlive: Bool {
        lock.withLock { !dead }
    }

    /// Translates one stream; on a timeout or a dead stage the pipeline is stopped and the error thrown.
    func translate(_ stream: String, timeout: Duration) async throws -> String {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let watchdog = DispatchWorkItem { [weak self] in self?.expire() }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        defer { watchdog.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try self.exchange(stream))
                } catch {
                    continuation.resume(
                        throwing: self.didExpire ? ApertiumPipelineError.timedOut(pipeline: self.name, seconds: seconds) : error)
                }
            }
        }
    }

    /// Stops every stage (the whole process group, and `sh` itself should it not lead one).
    func stop() {
        markDead()
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        if getpgid(pid) == pid { kill(-pid, SIGKILL) }
        kill(pid, SIGKILL)
    }

    /// Stops the pipeline because a request took too long.
    private func expire() {
        lock.withLock { expired = true }
        stop()
    }

    private var didExpire: Bool {
        lock.withLock { expired }
    }

    private func markDead() {
        lock.withLock { dead = true }
    }

    /// Writes the stream and a NUL, reads up to the answering NUL (blocking; runs on the pipeline's queue).
    private func exchange(_ stream: String) throws -> String {
        guard isAlive else { throw ApertiumPipelineError.stopped(pipeline: name, reason: "a stage exited") }
        let request = Array(stream.utf8.filter { $0 != 0 }) + [0]
        // Written on another thread while this one reads: a large request would otherwise fill every pipe
        // between the stages and stall both ends.
        let writer = input.fileHandleForWriting.fileDescriptor
        let written = DispatchSemaphore(value: 0)
        let failed = LockedFlag()
        DispatchQueue.global().async {
            request.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let count = write(writer, bytes.baseAddress! + offset, bytes.count - offset)
                    if count <= 0 {
                        failed.set()
                        break
                    }
                    offset += count
                }
            }
            written.signal()
        }
        defer { written.wait() }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            guard count > 0 else {
                throw ApertiumPipelineError.stopped(pipeline: name, reason: failed.isSet ? "its input closed" : "its output closed")
            }
            if let end = buffer[0..<count].firstIndex(of: 0) {
                answer += buffer[0..<end]
                return String(decoding: answer, as: UTF8.self)
            }
            answer += buffer[0..<count]
        }
    }
}

/// A flag set from one thread and read from another.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }

    var isSet: Bool { lock.withLock { value } }
}
