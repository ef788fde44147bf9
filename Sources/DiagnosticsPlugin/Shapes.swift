import Foundation
import SibylCore

struct PingResponse: Encodable, Sendable {
    var Status = "ok"
    var RequestId: String
    var Caller: String?

    init(RequestId: String, Caller: String?) {
        self.RequestId = RequestId
        self.Caller = Caller
    }
}

struct StartTestJobRequest: Codable, Sendable, ValidatableInput {
    var JobName: String
    var DurationMilliseconds: Int
    var OutputUri: String?

    func validate() throws {
        guard !JobName.isEmpty, JobName.count <= 200 else {
            throw ServiceError.constraint(
                member: "JobName", value: "'\(JobName)'", "Member must have length between 1 and 200")
        }
        guard (0...600_000).contains(DurationMilliseconds) else {
            throw ServiceError.constraint(
                member: "DurationMilliseconds", value: "\(DurationMilliseconds)",
                "Member must be between 0 and 600000")
        }
        if let OutputUri { _ = try S3URI(parsingForValidation: OutputUri) }
    }
}

struct DescribeTestJobRequest: Codable, Sendable {
    var JobName: String
}

struct DescribeTestJobResponse: Encodable, Sendable {
    struct TestJobDescription: Encodable, Sendable {
        var JobName: String
        var JobStatus: String
        var FailureReason: String?
        var Progress: Double?
        var Attempts: Int
        var SubmittedAt: Date
        var CompletedAt: Date?
    }

    var TestJob: TestJobDescription

    init(_ job: Job, name: String) {
        TestJob = .init(
            JobName: name, JobStatus: job.state.rawValue, FailureReason: job.failureReason, Progress: job.progress,
            Attempts: job.attempts, SubmittedAt: job.submittedAt, CompletedAt: job.completedAt)
    }
}

extension S3URI {
    /// Parses a URI from a request member, answering a `ValidationException` when it is not an `s3://` URI.
    init(parsingForValidation text: String) throws {
        do {
            try self.init(parsing: text)
        } catch {
            throw ServiceError.validation("OutputUri is not a valid s3:// URI: \(error.message)")
        }
    }
}

struct DescribeJobRequest: Codable, Sendable, ValidatableInput {
    /// The job's id in the queue: the plugin's prefix and the job's name, e.g. `transcribe:my-job`.
    var JobId: String

    func validate() throws {
        guard (1...300).contains(JobId.count) else {
            throw ServiceError.constraint(member: "JobId", value: "'\(JobId)'", "Member must have length between 1 and 300")
        }
    }
}

struct DescribeJobResponse: Encodable, Sendable {
    var JobId: String
    var Kind: String
    var State: String
    var ProgressPercent: Double?
    var Attempts: Int
    var SubmittedAt: Date
    var StartedAt: Date?
    var CompletedAt: Date?
    var FailureReason: String?
}
