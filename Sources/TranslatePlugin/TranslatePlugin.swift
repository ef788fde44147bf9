import Foundation
import SibylCore
import Translation

/// Amazon Translate on Apertium: TranslateText between every pair of languages a chain of installed Apertium
/// pairs connects, TranslateDocument (plain text and HTML), custom terminologies, batch translation jobs and ListLanguages.
/// Word documents answer a clear error until they land.
public struct TranslatePlugin: ServicePlugin {
    let engine: TranslationEngine
    let profanity: ProfanityMasker
    /// Whether TranslateText keeps Apertium's unknown-word marks.
    let marksUnknownWords: Bool
    /// Compiled terminologies, reused while they are unchanged.
    let termCache = TermProtectionCache()

    /// TranslateText accepts up to 10,000 bytes of UTF-8 text.
    static let textBytes = 10_000

    /// Creates the plugin over a translation engine and the profanity word lists; with `marksUnknownWords`,
    /// TranslateText keeps Apertium's marks on words it could not translate.
    public init(engine: TranslationEngine, profanity: ProfanityMasker, marksUnknownWords: Bool = false) {
        self.engine = engine
        self.profanity = profanity
        self.marksUnknownWords = marksUnknownWords
    }

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "translate", wireProtocol: .awsJson11(targetPrefix: "AWSShineFrontendService_20170701"),
            signingName: "translate", apiVersion: "2017-07-01", botocoreModel: "translate")
    }

    public var operations: [ServiceOperation] {
        [
            ServiceOperation("TranslateText") { (input: TranslateTextRequest, context: OperationContext) in
                try await translateText(input, context: context)
            },
            ServiceOperation("TranslateDocument") { (input: TranslateDocumentRequest, context: OperationContext) in
                try await translateDocument(input, context: context)
            },
            ServiceOperation("ImportTerminology") { (input: ImportTerminologyRequest, context: OperationContext) in
                try importTerminology(input, context: context)
            },
            ServiceOperation("GetTerminology") { (input: TerminologyNameRequest, context: OperationContext) in
                try getTerminology(input, context: context)
            },
            ServiceOperation("ListTerminologies") { (input: ListTerminologiesRequest, context: OperationContext) in
                try listTerminologies(input, context: context)
            },
            ServiceOperation("DeleteTerminology") { (input: TerminologyNameRequest, context: OperationContext) in
                try deleteTerminology(input, context: context)
            },
            ServiceOperation("StartTextTranslationJob") { (input: StartTextTranslationJobRequest, context: OperationContext) in
                try await startTextTranslationJob(input, context: context)
            },
            ServiceOperation("DescribeTextTranslationJob") { (input: JobIdRequest, context: OperationContext) in
                try describeTextTranslationJob(input, context: context)
            },
            ServiceOperation("ListTextTranslationJobs") { (input: ListTextTranslationJobsRequest, context: OperationContext) in
                try listTextTranslationJobs(input, context: context)
            },
            ServiceOperation("StopTextTranslationJob") { (input: JobIdRequest, context: OperationContext) in
                try stopTextTranslationJob(input, context: context)
            },
            ServiceOperation("ListLanguages") { (input: ListLanguagesRequest, _: OperationContext) in
                try listLanguages(input)
            },
        ]
    }

    public var jobHandlers: [any JobHandler] { [TextTranslationJobHandler(plugin: self)] }

    public func readiness() async -> EngineReadiness {
        let modes = Set(engine.edges.map(\.mode.name)).count
        guard modes > 0 else {
            return EngineReadiness(ready: false, detail: "no Apertium language pairs installed (Scripts/setup installs them)")
        }
        return .ready("Apertium: \(modes) modes, \(engine.languages.count) languages")
    }
}
