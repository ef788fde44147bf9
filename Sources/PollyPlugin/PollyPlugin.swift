import Foundation
import SibylCore
import Synthesis

/// Amazon Polly on eSpeak NG: real speech, speech marks and the voice list, behind Polly's rest-json API.
public struct PollyPlugin: ServicePlugin {
    let synthesizer: (any SpeechSynthesizer)?
    let startupFailure: String?
    let voices: [PollyVoice]

    /// Creates the plugin over a synthesizer; `nil` with the reason when the engine could not start.
    public init(synthesizer: (any SpeechSynthesizer)?, startupFailure: String? = nil) {
        self.synthesizer = synthesizer
        self.startupFailure = startupFailure
        self.voices = synthesizer.map { VoiceCatalog.available(installed: $0.installedVoices()) } ?? []
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "polly", wireProtocol: .restJson, signingName: "polly", apiVersion: "2016-06-10",
            botocoreModel: "polly")
    }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("SynthesizeSpeech", http: HTTPBinding("POST", "/v1/speech")) {
                (input: SynthesizeSpeechInput, context: OperationContext) -> Reply in
                try await synthesizeSpeech(input, context: context)
            },
            ServiceOperation(
                "DescribeVoices",
                http: HTTPBinding(
                    "GET", "/v1/voices",
                    query: [
                        .init("Engine", member: "Engine"), .init("LanguageCode", member: "LanguageCode"),
                        .init("IncludeAdditionalLanguageCodes", member: "IncludeAdditionalLanguageCodes", type: .boolean),
                        .init("NextToken", member: "NextToken"),
                    ])
            ) { (input: DescribeVoicesInput, _: OperationContext) in
                try describeVoices(input)
            },
            ServiceOperation("PutLexicon", http: HTTPBinding("PUT", "/v1/lexicons/{Name}")) {
                (input: PutLexiconInput, context: OperationContext) in
                try putLexicon(input, context: context)
            },
            ServiceOperation("GetLexicon", http: HTTPBinding("GET", "/v1/lexicons/{Name}")) {
                (input: LexiconNameInput, context: OperationContext) in
                try getLexicon(input, context: context)
            },
            ServiceOperation(
                "ListLexicons", http: HTTPBinding("GET", "/v1/lexicons", query: [.init("NextToken", member: "NextToken")])
            ) { (input: ListLexiconsInput, context: OperationContext) in
                try listLexicons(input, context: context)
            },
            ServiceOperation("DeleteLexicon", http: HTTPBinding("DELETE", "/v1/lexicons/{Name}")) {
                (input: LexiconNameInput, context: OperationContext) in
                try deleteLexicon(input, context: context)
            },
            ServiceOperation("StartSpeechSynthesisTask", http: HTTPBinding("POST", "/v1/synthesisTasks")) {
                (input: StartSpeechSynthesisTaskInput, context: OperationContext) in
                try await startSpeechSynthesisTask(input, context: context)
            },
            ServiceOperation("GetSpeechSynthesisTask", http: HTTPBinding("GET", "/v1/synthesisTasks/{TaskId}")) {
                (input: GetSpeechSynthesisTaskInput, context: OperationContext) in
                try getSpeechSynthesisTask(input, context: context)
            },
            ServiceOperation(
                "ListSpeechSynthesisTasks",
                http: HTTPBinding(
                    "GET", "/v1/synthesisTasks",
                    query: [
                        .init("MaxResults", member: "MaxResults", type: .integer),
                        .init("NextToken", member: "NextToken"), .init("Status", member: "Status"),
                    ])
            ) { (input: ListSpeechSynthesisTasksInput, context: OperationContext) in
                try listSpeechSynthesisTasks(input, context: context)
            },
        ]
    }

    public var jobHandlers: [any JobHandler] { [SynthesisTaskHandler(plugin: self)] }

    public func readiness() async -> EngineReadiness {
        guard synthesizer != nil else {
            return EngineReadiness(ready: false, detail: startupFailure ?? "eSpeak NG is not available")
        }
        return .ready("eSpeak NG, \(voices.count) voices")
    }

    /// The engine, or the error that says it is missing.
    func engine() throws -> any SpeechSynthesizer {
        guard let synthesizer else {
            throw ServiceError(
                code: "ServiceFailureException",
                message: "Speech synthesis is unavailable: \(startupFailure ?? "eSpeak NG is not installed")",
                status: 500)
        }
        return synthesizer
    }
}
