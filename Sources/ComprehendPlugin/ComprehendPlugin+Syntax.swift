import SibylCore
import TextAnalysis

extension ComprehendPlugin {
    /// DetectSyntax, DetectEntities and DetectKeyPhrases accept up to 100 KB of UTF-8 text per document.
    static let analysisBytes = 100_000

    func detectSyntax(_ text: String, models: EnglishTextModels) throws -> DetectSyntaxResponse {
        try Self.checkSize(text)
        let sentences = models.syntax.analyze(text)
        return DetectSyntaxResponse(
            SyntaxTokens: sentences.joined().enumerated().map { index, tagged in
                SyntaxToken(
                    TokenId: index + 1, Text: tagged.token.text, BeginOffset: tagged.token.begin,
                    EndOffset: tagged.token.end, PartOfSpeech: PartOfSpeechTag(Tag: tagged.tag, Score: tagged.score))
            })
    }

    func detectKeyPhrases(_ text: String, models: EnglishTextModels) throws -> DetectKeyPhrasesResponse {
        try Self.checkSize(text)
        let phrases = KeyPhraseExtractor().phrases(in: models.syntax.analyze(text), text: text)
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
        _ documents: [String], _ analyze: (String) throws -> Result
    ) -> BatchResponse<Result> {
        var results: [BatchItem<Result>] = []
        var errors: [BatchItemError] = []
        for (index, text) in documents.enumerated() {
            do {
                try ComprehendLimits.checkNotEmpty(text, member: "TextList[\(index)]")
                results.append(BatchItem(index: index, result: try analyze(text)))
            } catch let error as ServiceError {
                errors.append(.init(Index: index, ErrorCode: Self.batchErrorCode(error), ErrorMessage: error.message))
            } catch {
                errors.append(.init(Index: index, ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "\(error)"))
            }
        }
        return BatchResponse(ResultList: results, ErrorList: errors)
    }
}
