import SibylCore
import TextAnalysis

/// Amazon Comprehend on local text analysis engines. So far: language detection (CLD2) and PII identifiers
/// with a recognisable form; the other operations follow with their engines and answer
/// `UnknownOperationException` until then.
public struct ComprehendPlugin: ServicePlugin {
    let languages: any LanguageIdentifier
    let pii: PIIRecognizer

    /// Creates the plugin over a language identifier and a PII recognizer.
    public init(languages: any LanguageIdentifier, pii: PIIRecognizer = PIIRecognizer()) {
        self.languages = languages
        self.pii = pii
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
                batchDominantLanguages(input.TextList)
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
        .ready("language detection: CLD2 (full tables); PII: \(PIIRecognizer.supportedTypes.count) validated patterns")
    }
}
