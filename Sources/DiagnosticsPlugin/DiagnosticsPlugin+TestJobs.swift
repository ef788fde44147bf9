import Foundation
import SibylCore

extension DiagnosticsPlugin {
    static let jobKind = "sibyl.test.sleep"

    func startTestJob(_ input: StartTestJobRequest, context: OperationContext) async throws -> DescribeTestJobResponse {
        let data = try JSONEncoder().encode(input)
        guard let job = try await context.jobs.enqueue(id: "sibyl:\(input.JobName)", kind: Self.jobKind, input: data)
        else {
            throw ServiceError(code: "ConflictException", message: "A test job named \(input.JobName) already exists")
        }
        return DescribeTestJobResponse(job, name: input.JobName)
    }

    func describeTestJob(_ input: DescribeTestJobRequest, context: OperationContext) throws -> DescribeTestJobResponse {
        guard let job = try context.jobs.job(id: "sibyl:\(input.JobName)") else {
            throw ServiceError.notFound("No test job named \(input.JobName)")
        }
        return DescribeTestJobResponse(job, name: input.JobName)
    }
}

/// The test-only job: waits for the requested time in small steps, reporting progress, then writes the
/// object it was asked to write. It exists to prove that a job interrupted by a crash is re-run to completion.
struct SleepJobHandler: JobHandler {
    var kind: String { DiagnosticsPlugin.jobKind }

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let input = try JSONDecoder().decode(StartTestJobRequest.self, from: job.input)
        let steps = 20
        for step in 1...steps {
            try await Task.sleep(for: .milliseconds(input.DurationMilliseconds / steps))
            try await context.reportProgress(Double(step * 100 / steps))
        }
        if let uri = input.OutputUri {
            let address = try S3URI(parsing: uri)
            let record = "job \(input.JobName) completed after attempt \(job.attempts)\n"
            try context.gateway.blobs.write(Data(record.utf8), to: address, contentType: "text/plain")
        }
        return try JSONEncoder().encode(["Attempts": job.attempts])
    }
}
