import SibylCore
import TextAnalysis

/// Amazon Comprehend on local text analysis engines. This first part answers language detection (CLD2);
/// the other operations follow with their engines and answer `UnknownOperationException` until then.
public struct ComprehendPlugin: ServicePlugin {
    let languages: any LanguageIdentifier

    /// Creates the plugin over a language identifier.
    public init(languages: any LanguageIdentifier) {
        self.languages = languages
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
        ]
    }

    public func readiness() async -> EngineReadiness {
        .ready("language detection: CLD2 (full tables)")
    }
}
