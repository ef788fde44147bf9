import Dispatch
import Foundation

/// Speech synthesis on a pool of worker processes, each with its own eSpeak NG, so that requests are synthesized
/// in parallel on every core (eSpeak's global state allows only one synthesis per process).
///
/// A worker that dies is replaced; a bounded number of requests may wait for a free worker.
public final class ProcessSynthesizerPool: SpeechSynthesizer {
    private let command: URL
    private let arguments: [String]
    private let voices: [InstalledVoice]
    private let waiting: WaitingLimit
    private let lease: WorkerLease

    /// Starts `workers` processes running `command arguments` (the `sibyl synthesis-worker` subcommand).
    public init(command: URL, arguments: [String], workers: Int, maxWaiting: Int, voices: [InstalledVoice]) throws {
        // A worker that dies leaves a broken pipe; writing to it must fail, not kill the gateway with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        self.command = command
        self.arguments = arguments
        self.voices = voices
        waiting = WaitingLimit(maxWaiting)
        var started: [WorkerProcess] = []
        for _ in 0..<max(1, workers) {
            started.append(try WorkerProcess(command: command, arguments: arguments))
        }
        lease = WorkerLease(workers: started)
    }

    public func installedVoices() -> [InstalledVoice] { voices }

    public func synthesize(_ request: SynthesisRequest) async throws -> SynthesizedSpeech {
        try waiting.enter()
        defer { waiting.leave() }
        let worker = await lease.acquire()
        do {
            let speech = try await worker.synthesize(request)
            await lease.release(worker)
            return speech
        } catch let error as SynthesisError where error.code != .engineFailure {
            await lease.release(worker)
            throw error
        } catch {
            worker.stop()
            await lease.release(try WorkerProcess(command: command, arguments: arguments))
            throw SynthesisError(code: .engineFailure, description: "A synthesizer worker failed: \(error)")
        }
    }
}

/// Hands out idle workers, one request each, in arrival order.
private actor WorkerLease {
    private var idle: [WorkerProcess]
    private var waiters: [CheckedContinuation<WorkerProcess, Never>] = []

    init(workers: [WorkerProcess]) {
        idle = workers
    }

    func acquire() async -> WorkerProcess {
        if let worker = idle.popLast() { return worker }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ worker: WorkerProcess) {
        if waiters.isEmpty {
            idle.append(worker)
        } else {
            waiters.removeFirst().resume(returning: worker)
        }
    }
}

/// One worker process and its pipes. Used by one request at a time; its blocking pipe I/O runs on its own queue.
private final class WorkerProcess: Sendable {
    private let process: Process
    private let requests: FileHandle
    private let replies: FileHandle
    private let queue = DispatchQueue(label: "sibyl.synthesis-worker")

    init(command: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = command
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        self.process = process
        requests = input.fileHandleForWriting
        replies = output.fileHandleForReading
    }

    func synthesize(_ request: SynthesisRequest) async throws -> SynthesizedSpeech {
        let message = try JSONEncoder().encode(request)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.exchange(message) })
            }
        }
    }

    private func exchange(_ message: Data) throws -> SynthesizedSpeech {
        try SpeechWire.write(message, to: requests)
        guard let headerData = try SpeechWire.read(from: replies), let sampleData = try SpeechWire.read(from: replies)
        else {
            throw SynthesisError(code: .engineFailure, description: "the worker process exited")
        }
        let header = try JSONDecoder().decode(WorkerReplyHeader.self, from: headerData)
        if let code = header.errorCode {
            throw SynthesisError(code: .init(wireName: code), description: header.errorDescription ?? code)
        }
        let samples = sampleData.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        return SynthesizedSpeech(samples: samples, sampleRate: header.sampleRate, events: header.events)
    }

    func stop() {
        try? requests.close()
        if process.isRunning { process.terminate() }
    }
}
