import Foundation
import SibylCore

/// Sibyl's own service for checking the gateway itself: a no-op `Ping` (used by the load benchmark),
/// `DescribeJob` (any job of the durable queue, with the progress its handler reports: how far a long
/// transcription has got) and, only when test jobs are enabled, a test-only job kind used to prove that jobs
/// survive a crash.
public struct DiagnosticsPlugin: ServicePlugin {
    /// The awsJson1.1 target prefix of the diagnostics service.
    public static let targetPrefix = "SibylDiagnostics_20261124"
    let testJobs: Bool

    /// Creates the plugin; `testJobs` registers `StartTestJob`/`DescribeTestJob` and their job kind.
    public init(testJobs: Bool) {
        self.testJobs = testJobs
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "sibyl", wireProtocol: .awsJson11(targetPrefix: Self.targetPrefix), signingName: "sibyl",
            apiVersion: "2026-11-24")
    }

    public var operations: [ServiceOperation] {
        var operations = [
            ServiceOperation("Ping") { (_: NoInput, context: OperationContext) in
                PingResponse(RequestId: context.requestId, Caller: context.caller)
            },
            ServiceOperation("DescribeJob") { (input: DescribeJobRequest, context: OperationContext) in
                guard let job = try context.jobs.job(id: input.JobId) else {
                    throw ServiceError.notFound("No job has the id \(input.JobId)")
                }
                return DescribeJobResponse(
                    JobId: job.id, Kind: job.kind, State: job.state.rawValue, ProgressPercent: job.progress,
                    Attempts: job.attempts, SubmittedAt: job.submittedAt, StartedAt: job.startedAt,
                    CompletedAt: job.completedAt, FailureReason: job.failureReason)
            },
        ]
        if testJobs {
            operations += [
                ServiceOperation("StartTestJob") { (input: StartTestJobRequest, context: OperationContext) in
                    try await startTestJob(input, context: context)
                },
                ServiceOperation("DescribeTestJob") { (input: DescribeTestJobRequest, context: OperationContext) in
                    try describeTestJob(input, context: context)
                },
            ]
        }
        return operations
    }

    public var jobHandlers: [any JobHandler] {
        testJobs ? [SleepJobHandler()] : []
    }
}
