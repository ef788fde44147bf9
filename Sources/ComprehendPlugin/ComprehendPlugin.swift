import Apertium
import SibylCore
import TextAnalysis

/// Amazon Comprehend on local text analysis engines: language detection (fastText lid.176 with CLD2), syntax, key
/// phrases, entities, sentiment and targeted sentiment (trained English models; Spanish syntax through Apertium),
/// and PII.
public struct ComprehendPlugin: ServicePlugin {
    let languages: any LanguageIdentifier
    let pii: PIIRecognizer
    let english: EnglishTextModels?
    let modelFailure: String?
    let spanish: ApertiumSyntaxAnalyzer?

    /// Creates the plugin over a language identifier, a PII recognizer and the trained English models (nil, with
    /// the reason, when they could not be loaded: the operations that need them then answer that reason).
    public init(
        languages: any LanguageIdentifier, pii: PIIRecognizer = PIIRecognizer(), english: EnglishTextModels?,
        modelFailure: String? = nil, spanish: ApertiumSyntaxAnalyzer? = .spanish()
    ) {
        self.spanish = spanish
        self.languages = languages
        self.pii = pii
        self.english = english
        self.modelFailure = modelFailure
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "comprehend", wireProtocol: .awsJson11(targetPrefix: "Comprehend_20171127"),
            signingName: "comprehend", apiVersion: "2017-11-27", botocoreModel: "comprehend")
    }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("DetectDominantLanguage") { (input: DetectDominantLanguageRequest, _: OperationContext) in
                DetectDominantLanguageResponse(Languages: try dominantLanguages(input.Text))
            },
            ServiceOperation("BatchDetectDominantLanguage") {
                (input: BatchDetectDominantLanguageRequest, _: OperationContext) in
                await batch(input.TextList) { DominantLanguagesResult(Languages: try dominantLanguages($0)) }
            },
            ServiceOperation("DetectSyntax") { (input: DocumentRequest, _: OperationContext) in
                try await detectSyntax(input.Text, language: input.LanguageCode)
            },
            ServiceOperation("BatchDetectSyntax") { (input: BatchDocumentRequest, _: OperationContext) in
                try checkSyntaxLanguage(input.LanguageCode, operation: "BatchDetectSyntax")
                return await batch(input.TextList) { try await detectSyntax($0, language: input.LanguageCode) }
            },
            ServiceOperation("DetectKeyPhrases") { (input: DocumentRequest, _: OperationContext) in
                try await detectKeyPhrases(input.Text, language: input.LanguageCode)
            },
            ServiceOperation("BatchDetectKeyPhrases") { (input: BatchDocumentRequest, _: OperationContext) in
                try checkSyntaxLanguage(input.LanguageCode, operation: "BatchDetectKeyPhrases")
                return await batch(input.TextList) { try await detectKeyPhrases($0, language: input.LanguageCode) }
            },
            ServiceOperation("DetectEntities") { (input: DetectEntitiesRequest, _: OperationContext) in
                let (text, language) = try Self.builtInEntitiesInput(input)
                return try detectEntities(text, models: englishModels(for: language, operation: "DetectEntities"))
            },
            ServiceOperation("BatchDetectEntities") { (input: BatchDocumentRequest, _: OperationContext) in
                let models = try englishModels(for: input.LanguageCode, operation: "BatchDetectEntities")
                return await batch(input.TextList) { try detectEntities($0, models: models) }
            },
            ServiceOperation("DetectSentiment") { (input: DocumentRequest, _: OperationContext) in
                try detectSentiment(input.Text, models: englishModels(for: input.LanguageCode, operation: "DetectSentiment"))
            },
            ServiceOperation("BatchDetectSentiment") { (input: BatchDocumentRequest, _: OperationContext) in
                let models = try englishModels(for: input.LanguageCode, operation: "BatchDetectSentiment")
                return await batch(input.TextList) { try detectSentiment($0, models: models) }
            },
            ServiceOperation("DetectTargetedSentiment") { (input: DocumentRequest, _: OperationContext) in
                try detectTargetedSentiment(
                    input.Text, models: englishModels(for: input.LanguageCode, operation: "DetectTargetedSentiment"))
            },
            ServiceOperation("BatchDetectTargetedSentiment") { (input: BatchDocumentRequest, _: OperationContext) in
                let models = try englishModels(for: input.LanguageCode, operation: "BatchDetectTargetedSentiment")
                return await batch(input.TextList) { try detectTargetedSentiment($0, models: models) }
            },
            ServiceOperation("DetectPiiEntities") { (input: PiiRequest, _: OperationContext) in
                try detectPiiEntities(input)
            },
            ServiceOperation("ContainsPiiEntities") { (input: PiiRequest, _: OperationContext) in
                try containsPiiEntities(input)
            },
        ]
    }

    public func readiness() async -> EngineReadiness {
        let piiDetail = "PII: \(PIIRecognizer.supportedTypes.count) validated patterns"
        guard english != nil else {
            return EngineReadiness(
                ready: false, detail: "English models: \(modelFailure ?? "not loaded"); language detection: lid.176 with CLD2; \(piiDetail)")
        }
        return .ready("language detection: lid.176 with CLD2 (full tables); syntax, key phrases, entities, sentiment, targeted sentiment: English models; \(piiDetail)")
    }
}
