import Foundation
import SibylCore
import Translation

/// What a batch translation job keeps in the job queue: the request, its id, and where it writes.
struct TextTranslationJobInput: Codable, Sendable {
    var jobId: String
    var request: StartTextTranslationJobRequest
    var inputBucket: String
    var inputPrefix: String
    var outputBucket: String
    /// The job's own output folder, ending in `/`.
    var outputPrefix: String
}

/// What a finished batch translation job reports.
struct TextTranslationJobOutcome: Codable, Sendable {
    var status: String
    var details: JobDetails
    var message: String?
}

/// Batch translation: every document under an `s3://` prefix of the S3 stand-in is translated into each target
/// language on the durable job queue, written as `{target}.{name}` under
/// `{output}/{account}-TranslateText-{JobId}/`, with `details/{target}.auxiliary-translation-details.json`.
extension TranslatePlugin {
    static let batchJobKind = "translate.text-translation-job"
    static let stopKind = "text-translation-job-stop"
    static let tokenKind = "text-translation-job-token"
    static let account = "000000000000"
    /// Batch documents are at most 20 MB each, as Translate's limits say.
    static let batchDocumentBytes = 20 * 1024 * 1024

    func startTextTranslationJob(_ input: StartTextTranslationJobRequest, context: OperationContext) async throws
        -> JobStatusResponse
    {
        if let token = input.ClientToken,
            let previous = try context.resources.get([String: String].self, service: "translate", kind: Self.tokenKind, id: token),
            let jobId = previous["jobId"]
        {
            // The same ClientToken again: the job it started, not a second one.
            return JobStatusResponse(JobId: jobId, JobStatus: try properties(of: jobId, context: context).JobStatus)
        }
        guard ["text/plain", "text/html", Self.docxType].contains(input.InputDataConfig.ContentType) else {
            throw ServiceError(
                code: "InvalidRequestException",
                message: "ContentType \(input.InputDataConfig.ContentType) is not supported here; use text/plain, text/html or \(Self.docxType).")
        }
        let source = try Self.s3Location(input.InputDataConfig.S3Uri, member: "InputDataConfig.S3Uri", context: context)
        let output = try Self.s3Location(input.OutputDataConfig.S3Uri, member: "OutputDataConfig.S3Uri", context: context)
        guard input.SourceLanguageCode != "auto" else {
            throw ServiceError(
                code: "InvalidRequestException", message: "Batch jobs need a SourceLanguageCode; auto is not supported for them here.")
        }
        for target in input.TargetLanguageCodes {
            guard engine.route(from: input.SourceLanguageCode, to: target) != nil, target != input.SourceLanguageCode else {
                var error = ServiceError(
                    code: "UnsupportedLanguagePairException",
                    message: "Unsupported language pair: \(input.SourceLanguageCode) to \(target).")
                error.members = ["SourceLanguageCode": input.SourceLanguageCode, "TargetLanguageCode": target]
                throw error
            }
        }
        for target in input.TargetLanguageCodes { try checkSettings(input.Settings, target: target) }
        for name in input.TerminologyNames ?? [] { _ = try storedTerminology(name, resources: context.resources) }
        if input.ParallelDataNames?.isEmpty == false {
            throw ServiceError(code: "ResourceNotFoundException", message: "Parallel data is not available here.")
        }
        let jobId = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let prefix = output.key.isEmpty || output.key.hasSuffix("/") ? output.key : output.key + "/"
        let job = TextTranslationJobInput(
            jobId: jobId, request: input, inputBucket: source.bucket, inputPrefix: source.key, outputBucket: output.bucket,
            outputPrefix: prefix + "\(Self.account)-TranslateText-\(jobId)/")
        guard try await context.jobs.enqueue(id: Self.jobID(jobId), kind: Self.batchJobKind, input: try ShapeCoding.encode(job))
            != nil
        else { throw ServiceError.internalFailure(CocoaError(.fileWriteFileExists)) }
        if let token = input.ClientToken {
            try context.resources.put(["jobId": jobId], service: "translate", kind: Self.tokenKind, id: token)
        }
        return JobStatusResponse(JobId: jobId, JobStatus: "SUBMITTED")
    }

    func describeTextTranslationJob(_ input: JobIdRequest, context: OperationContext) throws
        -> DescribeTextTranslationJobResponse
    {
        DescribeTextTranslationJobResponse(TextTranslationJobProperties: try properties(of: input.JobId, context: context))
    }

    func listTextTranslationJobs(_ input: ListTextTranslationJobsRequest, context: OperationContext) throws
        -> ListTextTranslationJobsResponse
    {
        var all = try context.jobs.jobs(kind: Self.batchJobKind).map { try properties(of: $0, resources: context.resources) }
        if let filter = input.Filter {
            if let name = filter.JobName { all = all.filter { $0.JobName == name } }
            if let status = filter.JobStatus { all = all.filter { $0.JobStatus == status } }
            if let before = filter.SubmittedBeforeTime { all = all.filter { $0.SubmittedTime < before } }
            if let after = filter.SubmittedAfterTime { all = all.filter { $0.SubmittedTime > after } }
        }
        all.sort { $0.SubmittedTime > $1.SubmittedTime }
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 100, errorCode: "InvalidRequestException", id: \.JobId)
        return ListTextTranslationJobsResponse(
            TextTranslationJobPropertiesList: page.items, NextToken: page.nextToken)
    }

    func stopTextTranslationJob(_ input: JobIdRequest, context: OperationContext) throws -> JobStatusResponse {
        let current = try properties(of: input.JobId, context: context)
        guard ["SUBMITTED", "IN_PROGRESS", "STOP_REQUESTED"].contains(current.JobStatus) else {
            return JobStatusResponse(JobId: input.JobId, JobStatus: current.JobStatus)
        }
        try context.resources.put(["requested": true], service: "translate", kind: Self.stopKind, id: input.JobId)
        return JobStatusResponse(JobId: input.JobId, JobStatus: "STOP_REQUESTED")
    }

    static func jobID(_ jobId: String) -> String { "translate:\(jobId)" }

    func properties(of jobId: String, context: OperationContext) throws -> TextTranslationJobProperties {
        guard let job = try context.jobs.job(id: Self.jobID(jobId)), job.kind == Self.batchJobKind else {
            throw ServiceError(code: "ResourceNotFoundException", message: "The job \(jobId) does not exist.")
        }
        return try properties(of: job, resources: context.resources)
    }

    func properties(of job: Job, resources: ResourceStore) throws -> TextTranslationJobProperties {
        let stored = try JSONDecoder().decode(TextTranslationJobInput.self, from: job.input)
        let outcome = try job.output.map { try JSONDecoder().decode(TextTranslationJobOutcome.self, from: $0) }
        let stopRequested = try resources.get([String: Bool].self, service: "translate", kind: Self.stopKind, id: stored.jobId) != nil
        let status: String =
            switch job.state {
            case .queued: stopRequested ? "STOP_REQUESTED" : "SUBMITTED"
            case .inProgress: stopRequested ? "STOP_REQUESTED" : "IN_PROGRESS"
            case .completed: outcome?.status ?? "COMPLETED"
            case .failed: "FAILED"
            }
        let request = stored.request
        var output = request.OutputDataConfig
        output.S3Uri = "s3://\(stored.outputBucket)/\(stored.outputPrefix)"
        return TextTranslationJobProperties(
            JobId: stored.jobId, JobName: request.JobName, JobStatus: status, JobDetails: outcome?.details,
            SourceLanguageCode: request.SourceLanguageCode, TargetLanguageCodes: request.TargetLanguageCodes,
            TerminologyNames: request.TerminologyNames, Message: outcome?.message ?? job.failureReason,
            SubmittedTime: job.submittedAt, EndTime: job.completedAt, InputDataConfig: request.InputDataConfig,
            OutputDataConfig: output, DataAccessRoleArn: request.DataAccessRoleArn, Settings: request.Settings)
    }

    /// An `s3://bucket/prefix` of the S3 stand-in whose bucket exists.
    static func s3Location(_ uri: String, member: String, context: OperationContext) throws -> S3URI {
        guard let location = try? S3URI(parsing: uri) else {
            throw ServiceError(code: "InvalidRequestException", message: "\(member) \(uri) is not an s3:// URI.")
        }
        guard try context.blobs.bucketExists(location.bucket) else {
            throw ServiceError(
                code: "InvalidRequestException",
                message: "The S3 bucket \(location.bucket) of \(member) does not exist: create it in the S3 stand-in first.")
        }
        return location
    }
}

/// Runs a batch translation job, document by document, target by target, stopping when asked.
struct TextTranslationJobHandler: JobHandler {
    let plugin: TranslatePlugin

    var kind: String { TranslatePlugin.batchJobKind }

    struct Detail: Encodable {
        var sourceFile: String
        var targetFile: String
        var auxiliaryData: AuxiliaryData?
    }

    struct AuxiliaryData: Encodable {
        var appliedTerminologies: [Applied]?
        var error: ErrorDetail?
    }

    struct Applied: Encodable {
        var name: String
        var terms: [AppliedTermDetail]
    }

    struct AppliedTermDetail: Encodable {
        var sourceText: String
        var targetText: String
    }

    struct ErrorDetail: Encodable {
        var errorCode: String
        var errorMessage: String
    }

    struct AuxiliaryFile: Encodable {
        var sourceLanguageCode: String
        var targetLanguageCode: String
        var charactersTranslated: String
        var documentCountWithCustomerError: String
        var documentCountWithServerError: String
        var inputDataPrefix: String
        var outputDataPrefix: String
        var details: [Detail]
    }

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let stored = try JSONDecoder().decode(TextTranslationJobInput.self, from: job.input)
        let request = stored.request
        let blobs = context.gateway.blobs
        let resources = context.gateway.resources
        var documents: [ObjectInfo] = []
        var cursor: ListCursor?
        repeat {
            let page = try blobs.list(bucket: stored.inputBucket, prefix: stored.inputPrefix, after: cursor)
            documents += page.objects.filter { !$0.key.hasSuffix("/") }
            cursor = page.isTruncated ? page.next : nil
        } while cursor != nil
        guard !documents.isEmpty else {
            return try ShapeCoding.encode(
                TextTranslationJobOutcome(
                    status: "FAILED", details: JobDetails(TranslatedDocumentsCount: 0, DocumentsWithErrorsCount: 0, InputDocumentsCount: 0),
                    message: "No documents were found under s3://\(stored.inputBucket)/\(stored.inputPrefix)."))
        }
        let isHTML = request.InputDataConfig.ContentType == "text/html"
        var translated = 0
        var failed = 0
        let total = documents.count * request.TargetLanguageCodes.count
        var done = 0
        for target in request.TargetLanguageCodes {
            let terminologies = try plugin.termProtection(
                request.TerminologyNames, from: request.SourceLanguageCode, to: target, resources: resources)
            var details: [Detail] = []
            var characters = 0
            var customerErrors = 0
            var serverErrors = 0
            for document in documents {
                if try resources.get([String: Bool].self, service: "translate", kind: TranslatePlugin.stopKind, id: stored.jobId) != nil {
                    return try ShapeCoding.encode(
                        TextTranslationJobOutcome(
                            status: "STOPPED",
                            details: JobDetails(
                                TranslatedDocumentsCount: translated, DocumentsWithErrorsCount: failed,
                                InputDocumentsCount: documents.count),
                            message: "The job was stopped."))
                }
                let name = String(document.key.dropFirst(stored.inputPrefix.count).drop { $0 == "/" })
                let targetFile = "\(target).\(name)"
                do {
                    guard document.size <= TranslatePlugin.batchDocumentBytes else {
                        throw ServiceError(code: "InvalidRequestException", message: "The document is larger than 20 MB.")
                    }
                    let data = try blobs.read(S3URI(bucket: document.bucket, key: document.key)).data
                    let output: Data
                    var applied: [Applied]?
                    if request.InputDataConfig.ContentType == TranslatePlugin.docxType {
                        output = try await plugin.translatingDocx(
                            data, from: request.SourceLanguageCode, to: target, context: context.gateway)
                    } else {
                        guard let text = String(data: data, encoding: .utf8) else {
                            throw ServiceError(code: "InvalidRequestException", message: "The document is not UTF-8 text.")
                        }
                        let translation = try await plugin.translating(from: request.SourceLanguageCode, to: target) {
                            isHTML
                                ? try await plugin.engine.translateHTML(text, from: request.SourceLanguageCode, to: target)
                                : try await plugin.engine.translate(
                                    text, from: request.SourceLanguageCode, to: target,
                                    terms: terminologies.first?.protection ?? TermProtection(terms: []))
                        }
                        output = Data(plugin.finished(translation.text, settings: request.Settings, target: target).utf8)
                        characters += text.count
                        applied = terminologies.first.map { terminology in
                            [
                                Applied(
                                    name: terminology.name,
                                    terms: translation.appliedTerms.map {
                                        AppliedTermDetail(sourceText: $0.source, targetText: $0.target)
                                    })
                            ]
                        }
                    }
                    _ = try blobs.write(
                        output, to: S3URI(bucket: stored.outputBucket, key: stored.outputPrefix + targetFile),
                        contentType: request.InputDataConfig.ContentType)
                    translated += 1
                    details.append(
                        Detail(
                            sourceFile: name, targetFile: targetFile,
                            auxiliaryData: applied.map { AuxiliaryData(appliedTerminologies: $0) }))
                } catch let error as ServiceError {
                    customerErrors += 1
                    failed += 1
                    details.append(Detail(sourceFile: name, targetFile: targetFile, auxiliaryData: AuxiliaryData(error: ErrorDetail(errorCode: error.code, errorMessage: error.message))))
                } catch {
                    serverErrors += 1
                    failed += 1
                    details.append(Detail(sourceFile: name, targetFile: targetFile, auxiliaryData: AuxiliaryData(error: ErrorDetail(errorCode: "InternalServerException", errorMessage: "\(error)"))))
                }
                done += 1
                try await context.reportProgress(100 * Double(done) / Double(total))
            }
            let auxiliary = AuxiliaryFile(
                sourceLanguageCode: request.SourceLanguageCode, targetLanguageCode: target,
                charactersTranslated: String(characters), documentCountWithCustomerError: String(customerErrors),
                documentCountWithServerError: String(serverErrors),
                inputDataPrefix: "s3://\(stored.inputBucket)/\(stored.inputPrefix)",
                outputDataPrefix: "s3://\(stored.outputBucket)/\(stored.outputPrefix)", details: details)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            _ = try blobs.write(
                try encoder.encode(auxiliary),
                to: S3URI(bucket: stored.outputBucket, key: stored.outputPrefix + "details/\(target).auxiliary-translation-details.json"),
                contentType: "application/json")
        }
        let status = failed == 0 ? "COMPLETED" : translated == 0 ? "FAILED" : "COMPLETED_WITH_ERROR"
        return try ShapeCoding.encode(
            TextTranslationJobOutcome(
                status: status,
                details: JobDetails(TranslatedDocumentsCount: translated, DocumentsWithErrorsCount: failed, InputDocumentsCount: documents.count),
                message: failed == 0 ? nil : "\(failed) document translations failed; see the details files."))
    }
}
