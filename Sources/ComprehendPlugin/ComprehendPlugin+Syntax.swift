import Apertium
import SibylCore
import TextAnalysis

extension ComprehendPlugin {
    /// DetectEntities and DetectKeyPhrases accept up to 100 KB of UTF-8 text per document.
    static let analysisBytes = 100_000
    /// DetectSyntax accepts up to 5 KB.
    static let syntaxBytes = 5_000

    func detectSyntax(_ text: String, language: String) async throws -> DetectSyntaxResponse {
        try Self.checkSize(text, limit: Self.syntaxBytes)
        let sentences = try await taggedSentences(text, language: language, operation: "DetectSyntax")
        return DetectSyntaxResponse(
            SyntaxTokens: sentences.joined().enumerated().map { index, tagged in
                SyntaxToken(
                    TokenId: index + 1, Text: tagged.token.text, BeginOffset: tagged.token.begin,
                    EndOffset: tagged.token.end, PartOfSpeech: PartOfSpeechTag(Tag: tagged.tag, Score: tagged.score))
            })
    }

    func detectKeyPhrases(_ text: String, language: String) async throws -> DetectKeyPhrasesResponse {
        try Self.checkSize(text)
        let sentences = try await taggedSentences(text, language: language, operation: "DetectKeyPhrases")
        let phrases = KeyPhraseExtractor(language: language).phrases(in: sentences, text: text)
        return DetectKeyPhrasesResponse(
            KeyPhrases: phrases.map { KeyPhrase(Score: $0.score, Text: $0.text, BeginOffset: $0.begin, EndOffset: $0.end) })
    }

    func detectEntities(_ text: String, models: EnglishTextModels) throws -> DetectEntitiesResponse {
        try Self.checkSize(text)
        let mentions = models.entities.entities(in: models.syntax.analyze(text), text: text)
        return DetectEntitiesResponse(
            Entities: mentions.map {
                Entity(Score: $0.score, Type: $0.type, Text: $0.text, BeginOffset: $0.begin, EndOffset: $0.end)
            })
    }

    /// The text and language of a DetectEntities request for the built-in recognizer; custom recognizer
    /// endpoints and document bytes (which need trained custom models and a document reader) are refused clearly.
    static func builtInEntitiesInput(_ input: DetectEntitiesRequest) throws -> (text: String, language: String) {
        if let arn = input.EndpointArn {
            throw ServiceError(
                code: "ResourceUnavailableException",
                message: "Custom entity recognizer endpoints are not available here (\(arn)); omit EndpointArn to use the built-in recognizer.")
        }
        guard input.Bytes == nil else {
            throw ServiceError(
                code: "InvalidRequestException",
                message: "Document input (Bytes) needs a custom entity recognizer, which is not available here; send Text.")
        }
        guard let text = input.Text else {
            throw ServiceError(code: "InvalidRequestException", message: "Text is required for the built-in entity recognizer.")
        }
        guard let language = input.LanguageCode else {
            throw ServiceError(
                code: "InvalidRequestException", message: "LanguageCode is required when no EndpointArn is given.")
        }
        return (text, language)
    }

    /// The languages DetectSyntax and DetectKeyPhrases serve: English on the trained tagger, Spanish on Apertium.
    static let syntaxLanguages: Set<String> = ["en", "es"]

    /// Checks that a language has a tagger (before a batch runs).
    func checkSyntaxLanguage(_ language: String, operation: String) throws {
        guard Self.syntaxLanguages.contains(language), language != "es" || spanish != nil else {
            throw ServiceError(
                code: "UnsupportedLanguageException",
                message: "\(operation) here supports en and es (es when Apertium's Spanish data is installed); \(language) is not supported.")
        }
        if language == "en" { _ = try englishModels(for: language, operation: operation) }
    }

    /// The tagged sentences of a text in English or Spanish.
    func taggedSentences(_ text: String, language: String, operation: String) async throws -> [[TaggedToken]] {
        try checkSyntaxLanguage(language, operation: operation)
        if language == "es", let spanish {
            do {
                return try await spanish.analyze(text)
            } catch let error as ApertiumPipelineError {
                throw ServiceError(code: "InternalServerException", message: "\(error)", status: 500)
            }
        }
        return try englishModels(for: language, operation: operation).syntax.analyze(text)
    }

    /// The English models, or the error that a language without models (or models that did not load) gets.
    func englishModels(for language: String, operation: String) throws -> EnglishTextModels {
        guard language == "en" else {
            throw ServiceError(
                code: "UnsupportedLanguageException",
                message: "\(operation) here has a trained model for English (en) only; \(language) is not supported.")
        }
        guard let english else {
            throw ServiceError(
                code: "InternalServerException",
                message: "\(operation) needs the English models: \(modelFailure ?? "not loaded")", status: 500)
        }
        return english
    }

    static func checkSize(_ text: String, limit: Int = analysisBytes) throws {
        let bytes = text.utf8.count
        guard bytes <= limit else { throw ComprehendLimits.textTooLarge(bytes, limit: limit) }
    }

    /// Runs one operation per document: the bad ones land in `ErrorList`, the good ones in `ResultList`.
    func batch<Result: Codable & Sendable>(
        _ documents: [String], _ analyze: (String) async throws -> Result
    ) async -> BatchResponse<Result> {
        var results: [BatchItem<Result>] = []
        var errors: [BatchItemError] = []
        for (index, text) in documents.enumerated() {
            do {
                try ComprehendLimits.checkNotEmpty(text, member: "TextList[\(index)]")
                results.append(BatchItem(index: index, result: try await analyze(text)))
            } catch let error as ServiceError {
                errors.append(.init(Index: index, ErrorCode: Self.batchErrorCode(error), ErrorMessage: error.message))
            } catch {
                errors.append(.init(Index: index, ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "\(error)"))
            }
        }
        return BatchResponse(ResultList: results, ErrorList: errors)
    }
}
