import Foundation
import Recognition
import SibylCore

/// What a transcription job keeps: the request as sent and where its outputs go.
struct TranscriptionJobInput: Codable, Sendable {
    var request: StartTranscriptionJobRequest
    var output: TranscriptionOutputLocation
    var accountId: String
}

/// What a finished job found out about its media and the keys it wrote (URIs are made when a job is described,
/// from the gateway's address then, so they stay right after a restart on another port).
struct TranscriptionJobOutcome: Codable, Sendable {
    var mediaFormat: String
    var sampleRate: Int
    var languageCode: String
    var identifiedLanguageScore: Double?
    var durationSeconds: Double
    var transcriptKey: String
    var redactedTranscriptKey: String?
    var subtitleKeys: [String]?
}

extension TranscribePlugin {
    static let jobKind = "transcribe.transcription"
    /// Formats libsndfile cannot decode; FFmpeg is not linked.
    static let undecodableFormats = ["mp4", "m4a", "webm", "amr"]

    static func jobID(_ name: String) -> String { "transcribe:\(name)" }

    static func undecodable(_ format: String) -> ServiceError {
        ServiceError(
            code: "BadRequestException",
            message: "The media format \(format) can't be decoded here: Sibyl decodes wav, flac, ogg and mp3 "
                + "(libsndfile); FFmpeg is not linked.")
    }

    func startTranscriptionJob(_ input: StartTranscriptionJobRequest, context: OperationContext) async throws
        -> TranscriptionJobResponse
    {
        guard provider.isInstalled else {
            throw ServiceError.engineUnavailable(
                "The speech recogniser's model is not installed in \(provider.directory.path): run Scripts/setup.")
        }
        let languages = provider.languages
        let identify = input.IdentifyLanguage ?? false
        if input.IdentifyMultipleLanguages == true {
            throw ServiceError(
                code: "BadRequestException",
                message: "IdentifyMultipleLanguages isn't supported here: the recogniser identifies one language per file.")
        }
        switch (input.LanguageCode, identify) {
        case (.some, true):
            throw ServiceError(
                code: "BadRequestException", message: "Specify either LanguageCode or IdentifyLanguage, not both.")
        case (.none, false):
            throw ServiceError(
                code: "BadRequestException",
                message: "You must specify a LanguageCode, or set IdentifyLanguage or IdentifyMultipleLanguages to true.")
        case (.some(let code), false):
            try TranscribeLanguages.check(code, member: "languageCode", known: languages)
        case (.none, true):
            for option in input.LanguageOptions ?? [] {
                try TranscribeLanguages.check(option, member: "languageOptions", known: languages)
            }
        }
        if input.ContentRedaction != nil, let code = input.LanguageCode, !code.hasPrefix("en-") {
            throw ServiceError(code: "BadRequestException", message: "Content redaction is available for English only.")
        }
        if input.OutputEncryptionKMSKeyId != nil || input.KMSEncryptionContext != nil {
            throw ServiceError(
                code: "BadRequestException", message: "OutputEncryptionKMSKeyId and KMSEncryptionContext aren't supported: there is no KMS here.")
        }
        if input.ModelSettings != nil {
            throw ServiceError(
                code: "BadRequestException", message: "ModelSettings isn't supported here: there are no custom language models.")
        }
        if input.ToxicityDetection != nil {
            throw ServiceError(
                code: "BadRequestException", message: "ToxicityDetection isn't supported here: no toxicity model is installed.")
        }
        if input.LanguageIdSettings != nil {
            throw ServiceError(
                code: "BadRequestException",
                message: "LanguageIdSettings isn't supported here; name the vocabulary or filter in Settings instead.")
        }
        if input.Settings?.ShowAlternatives == true {
            throw ServiceError(
                code: "BadRequestException", message: "ShowAlternatives isn't supported here: the recogniser decodes one hypothesis.")
        }
        if input.Settings?.ShowSpeakerLabels == true, input.Settings?.MaxSpeakerLabels == nil {
            throw ServiceError(code: "BadRequestException", message: "When ShowSpeakerLabels is true, set MaxSpeakerLabels too.")
        }
        if input.Settings?.ShowSpeakerLabels == true, input.Settings?.ChannelIdentification == true {
            throw ServiceError(
                code: "BadRequestException", message: "You can't use ShowSpeakerLabels and ChannelIdentification in the same job.")
        }
        if input.Settings?.VocabularyFilterName != nil, input.Settings?.VocabularyFilterMethod == nil {
            throw ServiceError(code: "BadRequestException", message: "Set VocabularyFilterMethod when you name a VocabularyFilterName.")
        }
        if let format = input.MediaFormat, Self.undecodableFormats.contains(format) { throw Self.undecodable(format) }
        let media = try mediaObject(input.Media.MediaFileUri, context: context)
        let fileExtension = (media.key as NSString).pathExtension.lowercased()
        if input.MediaFormat == nil, Self.undecodableFormats.contains(fileExtension) {
            throw Self.undecodable(fileExtension)
        }
        if let bucket = input.OutputBucketName {
            guard try context.blobs.bucketExists(bucket) else {
                throw ServiceError(
                    code: "BadRequestException",
                    message: "The specified S3 bucket \(bucket) does not exist. Create it in the S3 stand-in first.")
            }
        } else if try !context.blobs.bucketExists(TranscriptionOutputLocation.serviceBucket) {
            try? context.blobs.createBucket(TranscriptionOutputLocation.serviceBucket)
        }
        if let name = input.Settings?.VocabularyName {
            guard let vocabulary = try storedVocabulary(name, context: context), vocabulary.state == "READY" else {
                throw ServiceError(
                    code: "BadRequestException",
                    message: "The requested vocabulary couldn't be found or isn't ready. Check the vocabulary name and try your request again.")
            }
        }
        if let name = input.Settings?.VocabularyFilterName, try storedFilter(name, context: context) == nil {
            throw ServiceError(
                code: "BadRequestException",
                message: "The requested vocabulary filter couldn't be found. Check the vocabulary filter name and try your request again.")
        }
        let stored = TranscriptionJobInput(
            request: input,
            output: TranscriptionOutputLocation(
                jobName: input.TranscriptionJobName, bucket: input.OutputBucketName, outputKey: input.OutputKey),
            accountId: Self.accountId)
        guard
            let job = try await context.jobs.enqueue(
                id: Self.jobID(input.TranscriptionJobName), kind: Self.jobKind, input: try ShapeCoding.encode(stored))
        else {
            throw ServiceError(
                code: "ConflictException", message: "The requested job name already exists. Use a different job name.")
        }
        return TranscriptionJobResponse(TranscriptionJob: try Self.transcriptionJob(from: job, endpoint: context.gateway.endpointURL))
    }

    /// The media object a `MediaFileUri` names in the S3 stand-in (`s3://bucket/key`).
    func mediaObject(_ uri: String?, context: OperationContext) throws -> S3URI {
        guard let uri, let address = try? S3URI(parsing: uri), !address.key.isEmpty else {
            throw ServiceError(
                code: "BadRequestException",
                message: "The S3 URI that you provided (\(uri ?? "none")) isn't valid: use s3://bucket/key of the S3 stand-in.")
        }
        guard (try? context.blobs.head(address)) != nil else {
            throw ServiceError(
                code: "BadRequestException",
                message: "The URI that you provided doesn't point to an S3 object. Make sure that the object exists and try your request again.")
        }
        return address
    }

    func getTranscriptionJob(_ input: TranscriptionJobNameRequest, context: OperationContext) throws
        -> TranscriptionJobResponse
    {
        guard let job = try context.jobs.job(id: Self.jobID(input.TranscriptionJobName)) else { throw Self.jobNotFound }
        return TranscriptionJobResponse(TranscriptionJob: try Self.transcriptionJob(from: job, endpoint: context.gateway.endpointURL))
    }

    func listTranscriptionJobs(_ input: ListTranscriptionJobsRequest, context: OperationContext) throws
        -> ListTranscriptionJobsResponse
    {
        var jobs = try context.jobs.jobs(kind: Self.jobKind, state: input.Status.flatMap(JobState.init(rawValue:)))
            .map { job in
                let stored = try JSONDecoder().decode(TranscriptionJobInput.self, from: job.input)
                return (
                    job: try Self.transcriptionJob(from: job, endpoint: context.gateway.endpointURL),
                    customerBucket: stored.output.customerBucket
                )
            }
        if let fragment = input.JobNameContains?.lowercased() {
            jobs = jobs.filter { $0.job.TranscriptionJobName.lowercased().contains(fragment) }
        }
        let page = try ListPage(
            jobs, token: input.NextToken, limit: input.MaxResults ?? 5, errorCode: "BadRequestException",
            id: \.job.TranscriptionJobName)
        return ListTranscriptionJobsResponse(
            Status: input.Status, NextToken: page.nextToken,
            TranscriptionJobSummaries: page.items.map { job, customerBucket in
                TranscriptionJobSummary(
                    TranscriptionJobName: job.TranscriptionJobName, CreationTime: job.CreationTime,
                    StartTime: job.StartTime, CompletionTime: job.CompletionTime, LanguageCode: job.LanguageCode,
                    TranscriptionJobStatus: job.TranscriptionJobStatus, FailureReason: job.FailureReason,
                    OutputLocationType: customerBucket ? "CUSTOMER_BUCKET" : "SERVICE_BUCKET",
                    ContentRedaction: job.ContentRedaction, IdentifyLanguage: job.IdentifyLanguage,
                    IdentifiedLanguageScore: job.IdentifiedLanguageScore)
            })
    }

    func deleteTranscriptionJob(_ input: TranscriptionJobNameRequest, context: OperationContext) throws -> EmptyResponse {
        guard try context.jobs.delete(id: Self.jobID(input.TranscriptionJobName)) else { throw Self.jobNotFound }
        return EmptyResponse()
    }

    static let accountId = "000000000000"

    static var jobNotFound: ServiceError {
        ServiceError(
            code: "BadRequestException",
            message: "The requested job couldn't be found. Check the job name and try your request again.")
    }

    /// The job as the API describes it, from the stored request and, once finished, its outcome.
    static func transcriptionJob(from job: Job, endpoint: String) throws -> TranscriptionJob {
        let stored = try JSONDecoder().decode(TranscriptionJobInput.self, from: job.input)
        let outcome = try job.output.map { try JSONDecoder().decode(TranscriptionJobOutcome.self, from: $0) }
        let request = stored.request
        var transcript: Transcript?
        let output = stored.output
        if let outcome {
            transcript = Transcript(
                TranscriptFileUri: output.uri(endpoint: endpoint, key: outcome.transcriptKey),
                RedactedTranscriptFileUri: outcome.redactedTranscriptKey.map { output.uri(endpoint: endpoint, key: $0) })
        }
        var subtitles: SubtitlesOutput?
        if let requested = request.Subtitles {
            subtitles = SubtitlesOutput(
                Formats: requested.Formats,
                SubtitleFileUris: outcome?.subtitleKeys?.map { output.uri(endpoint: endpoint, key: $0) },
                OutputStartIndex: requested.OutputStartIndex ?? 0)
        }
        let languageCode = outcome?.languageCode ?? request.LanguageCode
        return TranscriptionJob(
            TranscriptionJobName: request.TranscriptionJobName, TranscriptionJobStatus: job.state.rawValue,
            LanguageCode: languageCode, MediaSampleRateHertz: outcome?.sampleRate ?? request.MediaSampleRateHertz,
            MediaFormat: outcome?.mediaFormat ?? request.MediaFormat, Media: request.Media, Transcript: transcript,
            StartTime: job.startedAt, CreationTime: job.submittedAt, CompletionTime: job.completedAt,
            FailureReason: job.failureReason, Settings: request.Settings, ContentRedaction: request.ContentRedaction,
            IdentifyLanguage: request.IdentifyLanguage, LanguageOptions: request.LanguageOptions,
            IdentifiedLanguageScore: outcome?.identifiedLanguageScore,
            LanguageCodes: outcome.flatMap { outcome in
                request.IdentifyLanguage == true
                    ? [LanguageCodeItem(LanguageCode: outcome.languageCode, DurationInSeconds: outcome.durationSeconds)] : nil
            },
            Tags: request.Tags, Subtitles: subtitles)
    }
}
