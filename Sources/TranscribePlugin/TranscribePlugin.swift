import Foundation
import Recognition
import SibylCore

/// Amazon Transcribe on OpenAI's Whisper run natively: transcription jobs on media in the S3 stand-in with word
/// timings, speaker and channel identification, language identification, custom vocabularies (as a decoding
/// prompt), vocabulary filters and subtitles.
public struct TranscribePlugin: ServicePlugin {
    let provider: RecognizerProvider

    /// Creates the plugin over the Whisper model folder (loaded when the first job runs).
    public init(modelDirectory: URL) {
        provider = RecognizerProvider(directory: modelDirectory)
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "transcribe", wireProtocol: .awsJson11(targetPrefix: "Transcribe"), signingName: "transcribe",
            apiVersion: "2017-10-26", botocoreModel: "transcribe")
    }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation(Self.recognizeSpeechOperation) { (input: RecognizeSpeechRequest, _: OperationContext) in
                try await recognizeSpeech(input)
            },
            ServiceOperation("StartTranscriptionJob") { (input: StartTranscriptionJobRequest, context: OperationContext) in
                try await startTranscriptionJob(input, context: context)
            },
            ServiceOperation("GetTranscriptionJob") { (input: TranscriptionJobNameRequest, context: OperationContext) in
                try getTranscriptionJob(input, context: context)
            },
            ServiceOperation("ListTranscriptionJobs") { (input: ListTranscriptionJobsRequest, context: OperationContext) in
                try listTranscriptionJobs(input, context: context)
            },
            ServiceOperation("DeleteTranscriptionJob") { (input: TranscriptionJobNameRequest, context: OperationContext) in
                try deleteTranscriptionJob(input, context: context)
            },
            ServiceOperation("CreateVocabulary") { (input: VocabularyRequest, context: OperationContext) in
                try await createVocabulary(input, context: context, replacing: false)
            },
            ServiceOperation("UpdateVocabulary") { (input: VocabularyRequest, context: OperationContext) in
                try await createVocabulary(input, context: context, replacing: true)
            },
            ServiceOperation("GetVocabulary") { (input: VocabularyNameRequest, context: OperationContext) in
                try getVocabulary(input, context: context)
            },
            ServiceOperation("ListVocabularies") { (input: ListVocabulariesRequest, context: OperationContext) in
                try listVocabularies(input, context: context)
            },
            ServiceOperation("DeleteVocabulary") { (input: VocabularyNameRequest, context: OperationContext) in
                try deleteVocabulary(input, context: context)
            },
            ServiceOperation("CreateVocabularyFilter") { (input: VocabularyFilterRequest, context: OperationContext) in
                try createVocabularyFilter(input, context: context, replacing: false)
            },
            ServiceOperation("UpdateVocabularyFilter") { (input: VocabularyFilterRequest, context: OperationContext) in
                try createVocabularyFilter(input, context: context, replacing: true)
            },
            ServiceOperation("GetVocabularyFilter") { (input: VocabularyFilterNameRequest, context: OperationContext) in
                try getVocabularyFilter(input, context: context)
            },
            ServiceOperation("ListVocabularyFilters") { (input: ListVocabularyFiltersRequest, context: OperationContext) in
                try listVocabularyFilters(input, context: context)
            },
            ServiceOperation("DeleteVocabularyFilter") { (input: VocabularyFilterNameRequest, context: OperationContext) in
                try deleteVocabularyFilter(input, context: context)
            },
        ]
    }

    public var jobHandlers: [any JobHandler] { [TranscriptionJobHandler(plugin: self)] }

    public func readiness() async -> EngineReadiness {
        guard provider.isInstalled else {
            return EngineReadiness(
                ready: false, detail: "the Whisper model is not installed in \(provider.directory.path) (Scripts/setup installs it)")
        }
        return .ready("Whisper base (loaded at the first job), libsndfile decoding")
    }
}
