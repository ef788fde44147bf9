import Foundation

/// The life cycle of a job, as AWS job APIs name it.
public enum JobState: String, Sendable, Codable, CaseIterable {
    case queued = "QUEUED"
    case inProgress = "IN_PROGRESS"
    case completed = "COMPLETED"
    case failed = "FAILED"
}

/// One durable job: what to run (`kind` + `input`), where it stands, and what came of it.
public struct Job: Sendable, Codable, Equatable {
    /// A unique id chosen by the plugin (e.g. `transcribe:my-job-name`).
    public var id: String
    /// The handler that runs it (``JobHandler/kind``).
    public var kind: String
    /// The handler's input, as JSON.
    public var input: Data
    public var state: JobState
    /// Why it failed, when ``state`` is ``JobState/failed``.
    public var failureReason: String?
    /// The handler's result, as JSON, when completed.
    public var output: Data?
    /// 0–100, as reported by the handler while it runs.
    public var progress: Double?
    /// How many times a worker has started it (a restart after a crash starts it again).
    public var attempts: Int
    public var submittedAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
}

/// Runs one kind of job. Handlers must be safe to run again from the start after a crash.
public protocol JobHandler: Sendable {
    /// The job kind this handler runs, unique across plugins (e.g. `transcribe.transcription`).
    var kind: String { get }
    /// Runs the job and answers its output; throwing fails the job with the error's message.
    ///
    /// Cancellation means the server is shutting down: the job goes back to the queue, so do not swallow it.
    func run(_ job: Job, context: JobContext) async throws -> Data?
}

/// What a running job may use: the gateway and a way to report progress.
public struct JobContext: Sendable {
    /// The gateway, for stores and calls to plugins.
    public let gateway: Gateway
    let jobID: String
    let runner: JobRunner

    /// Records progress (0–100) visible to clients polling the job.
    public func reportProgress(_ percent: Double) async throws {
        try await runner.recordProgress(id: jobID, percent: percent)
    }
}
