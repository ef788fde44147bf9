import Foundation
import SibylCore

/// Sibyl's own service for checking the gateway itself: a no-op `Ping` (used by the load benchmark) and,
/// only when test jobs are enabled, a test-only job kind used to prove that jobs survive a crash.
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
            }
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
