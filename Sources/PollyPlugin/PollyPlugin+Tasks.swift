import Foundation
import Logging
import SibylCore

/// Asynchronous synthesis: tasks run on the gateway's durable job queue and write their output to the
/// S3 stand-in at `{OutputS3KeyPrefix}{TaskId}.{mp3|ogg|pcm|marks}`.
extension PollyPlugin {
    static let taskJobKind = "polly.synthesis-task"

    func startSpeechSynthesisTask(_ input: StartSpeechSynthesisTaskInput, context: OperationContext) async throws
        -> SynthesisTaskOutput
    {
        let speech = try prepare(input.speech, limits: .task, resources: context.resources)
        guard (try? ObjectNaming.validateBucket(input.OutputS3BucketName)) != nil,
            try context.blobs.bucketExists(input.OutputS3BucketName)
        else {
            throw ServiceError(
                code: "InvalidS3BucketException",
                message: "The S3 bucket \(input.OutputS3BucketName) does not exist: create it in the S3 stand-in first.")
        }
        let taskId = UUID().uuidString.lowercased()
        let key = (input.OutputS3KeyPrefix ?? "") + "\(taskId).\(speech.fileExtension)"
        guard (try? ObjectNaming.validateKey(key)) != nil else {
            throw ServiceError(code: "InvalidS3KeyException", message: "The output key \(key) is not valid")
        }
        if input.SnsTopicArn != nil {
            context.logger.notice("SnsTopicArn is accepted but ignored: Sibyl sends no SNS notifications")
        }
        let job = SynthesisTaskJobInput(
            request: input, taskId: taskId, outputKey: key,
            requestCharacters: speech.billedCharacters)
        guard let queued = try await context.jobs.enqueue(
            id: Self.jobID(taskId), kind: Self.taskJobKind, input: try ShapeCoding.encode(job))
        else { throw ServiceError.internalFailure(CocoaError(.fileWriteFileExists)) }
        return SynthesisTaskOutput(SynthesisTask: try Self.task(from: queued, endpoint: context.gateway.endpointURL))
    }

    func getSpeechSynthesisTask(_ input: GetSpeechSynthesisTaskInput, context: OperationContext) throws
        -> SynthesisTaskOutput
    {
        guard UUID(uuidString: input.TaskId) != nil else {
            throw ServiceError(code: "InvalidTaskIdException", message: "The provided Task ID is not valid: \(input.TaskId)")
        }
        guard let job = try context.jobs.job(id: Self.jobID(input.TaskId)) else {
            throw ServiceError(
                code: "SynthesisTaskNotFoundException", message: "The Speech Synthesis task with requested Task ID "
                    + "cannot be found: \(input.TaskId)")
        }
        return SynthesisTaskOutput(SynthesisTask: try Self.task(from: job, endpoint: context.gateway.endpointURL))
    }

    func listSpeechSynthesisTasks(_ input: ListSpeechSynthesisTasksInput, context: OperationContext) throws
        -> ListSpeechSynthesisTasksOutput
    {
        let limit = input.MaxResults ?? 100
        guard (1...100).contains(limit) else {
            throw ServiceError.constraint(
                member: "MaxResults", value: "\(limit)", "Member must have value between 1 and 100")
        }
        if let status = input.Status, !["scheduled", "inProgress", "completed", "failed"].contains(status) {
            throw ServiceError.constraint(
                member: "Status", value: "'\(status)'",
                "Member must satisfy enum value set: [scheduled, inProgress, completed, failed]")
        }
        var tasks = try context.jobs.jobs(kind: Self.taskJobKind).map { try Self.task(from: $0, endpoint: context.gateway.endpointURL) }
        if let status = input.Status { tasks = tasks.filter { $0.TaskStatus == status } }
        var start = 0
        if let token = input.NextToken {
            guard let index = tasks.firstIndex(where: { $0.TaskId == token }) else {
                throw ServiceError(code: "InvalidNextTokenException", message: "The NextToken is invalid")
            }
            start = index
        }
        let page = Array(tasks[start..<min(tasks.count, start + limit)])
        let next = start + limit < tasks.count ? tasks[start + limit].TaskId : nil
        return ListSpeechSynthesisTasksOutput(NextToken: next, SynthesisTasks: page)
    }

    static func jobID(_ taskId: String) -> String { "polly:\(taskId)" }

    /// The task as the API describes it; `OutputUri` is made from the gateway's address now, so it stays right
    /// after a restart on another port.
    static func task(from job: Job, endpoint: String) throws -> SynthesisTask {
        let stored = try JSONDecoder().decode(SynthesisTaskJobInput.self, from: job.input)
        let request = stored.request
        let status =
            switch job.state {
            case .queued: "scheduled"
            case .inProgress: "inProgress"
            case .completed: "completed"
            case .failed: "failed"
            }
        return SynthesisTask(
            Engine: request.Engine ?? "standard", TaskId: stored.taskId, TaskStatus: status,
            TaskStatusReason: job.failureReason, OutputUri: "\(endpoint)/\(request.OutputS3BucketName)/\(stored.outputKey)", CreationTime: job.submittedAt,
            RequestCharacters: stored.requestCharacters, SnsTopicArn: request.SnsTopicArn,
            LexiconNames: request.LexiconNames, OutputFormat: request.OutputFormat, SampleRate: request.SampleRate,
            SpeechMarkTypes: request.SpeechMarkTypes, TextType: request.TextType ?? "text", VoiceId: request.VoiceId,
            LanguageCode: request.LanguageCode)
    }
}

/// Runs a synthesis task: synthesizes the whole text and writes the file to the S3 stand-in.
struct SynthesisTaskHandler: JobHandler {
    let plugin: PollyPlugin

    var kind: String { PollyPlugin.taskJobKind }

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let stored = try JSONDecoder().decode(SynthesisTaskJobInput.self, from: job.input)
        let speech = try plugin.prepare(
            stored.request.speech, limits: .task, resources: context.gateway.resources)
        let (data, contentType) = try await plugin.render(speech)
        do {
            try context.gateway.blobs.write(
                data, to: S3URI(bucket: stored.request.OutputS3BucketName, key: stored.outputKey),
                contentType: contentType)
        } catch let error as BlobStoreError {
            throw ServiceError(code: "InvalidS3BucketException", message: "The output could not be written: \(error)")
        }
        return nil
    }
}
