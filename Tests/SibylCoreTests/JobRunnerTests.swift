import Foundation
import GRDB
import SibylCore
import Testing

/// Jobs for these tests: `ok` answers its input reversed, `fail` throws, `slow` waits until cancelled.
struct TestJobsPlugin: ServicePlugin {
    struct Reverse: JobHandler {
        var kind: String { "test.reverse" }
        func run(_ job: Job, context: JobContext) async throws -> Data? {
            try await context.reportProgress(50)
            return Data(job.input.reversed())
        }
    }

    struct Fail: JobHandler {
        var kind: String { "test.fail" }
        func run(_ job: Job, context: JobContext) async throws -> Data? {
            throw ServiceError.validation("the input was refused")
        }
    }

    struct Slow: JobHandler {
        var kind: String { "test.slow" }
        func run(_ job: Job, context: JobContext) async throws -> Data? {
            try await Task.sleep(for: .seconds(60))
            return nil
        }
    }

    var descriptor: ServiceDescriptor {
        ServiceDescriptor(name: "jobs", wireProtocol: .awsJson11(targetPrefix: "Jobs"), signingName: "jobs", apiVersion: "1")
    }

    var operations: [ServiceOperation] { [] }
    var jobHandlers: [any JobHandler] { [Reverse(), Fail(), Slow()] }
}

@Suite("Job runner")
struct JobRunnerTests {
    let directory: TemporaryDirectory
    let gateway: Gateway

    init() throws {
        directory = try TemporaryDirectory()
        gateway = try Gateway.forTests(in: directory, plugins: [TestJobsPlugin()], workers: 2)
    }

    /// Runs the workers while `body` runs, then stops them as a shutdown would.
    func withWorkers(_ body: () async throws -> Void) async throws {
        let gateway = self.gateway
        let workers = Task { try await gateway.runJobs() }
        defer { workers.cancel() }
        try await body()
        workers.cancel()
        _ = try? await workers.value
    }

    func waitFor(_ id: String, state: JobState) async throws -> Job {
        for _ in 0..<500 {
            if let job = try gateway.jobs.job(id: id), job.state == state { return job }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ServiceError.validation("job \(id) never reached \(state): \(String(describing: try gateway.jobs.job(id: id)))")
    }

    @Test func jobsRunToCompletionWithOutput() async throws {
        try await withWorkers {
            let queued = try await gateway.jobs.enqueue(id: "j1", kind: "test.reverse", input: Data("abc".utf8))
            #expect(queued?.state == .queued)
            let done = try await waitFor("j1", state: .completed)
            #expect(done.output == Data("cba".utf8))
            #expect(done.progress == 100)
            #expect(done.attempts == 1)
            #expect(done.completedAt != nil)
        }
    }

    @Test func duplicateIdsAreRefused() async throws {
        #expect(try await gateway.jobs.enqueue(id: "same", kind: "test.reverse", input: Data()) != nil)
        #expect(try await gateway.jobs.enqueue(id: "same", kind: "test.reverse", input: Data()) == nil)
    }

    @Test func failuresKeepTheirReason() async throws {
        try await withWorkers {
            try await gateway.jobs.enqueue(id: "bad", kind: "test.fail", input: Data())
            let failed = try await waitFor("bad", state: .failed)
            #expect(failed.failureReason == "the input was refused")
        }
    }

    @Test func shutdownRequeuesRunningJobs() async throws {
        try await withWorkers {
            try await gateway.jobs.enqueue(id: "long", kind: "test.slow", input: Data())
            _ = try await waitFor("long", state: .inProgress)
        }
        #expect(try gateway.jobs.job(id: "long")?.state == .queued)
    }

    @Test func jobsInterruptedByACrashAreRunAgainAtStart() async throws {
        try await gateway.jobs.enqueue(id: "crashed", kind: "test.reverse", input: Data("xy".utf8))
        try await gateway.jobs.enqueue(id: "poison", kind: "test.reverse", input: Data())
        // What a SIGKILL leaves behind: rows IN_PROGRESS with no worker.
        try await gateway.resources.database.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'IN_PROGRESS', attempts = 1 WHERE id = 'crashed'")
            try db.execute(sql: "UPDATE jobs SET state = 'IN_PROGRESS', attempts = ? WHERE id = 'poison'",
                           arguments: [JobRunner.maxAttempts])
        }
        try await withWorkers {
            let done = try await waitFor("crashed", state: .completed)
            #expect(done.attempts == 2)
            #expect(done.output == Data("yx".utf8))
            let poison = try await waitFor("poison", state: .failed)
            #expect(poison.failureReason?.contains("interrupted") == true)
        }
        #expect(try gateway.jobs.countsByState() == [.queued: 0, .inProgress: 0, .completed: 1, .failed: 1])
    }
}
