import SibylCore
import TextAnalysis

extension ComprehendPlugin {
    func dominantLanguages(_ text: String) throws -> [DominantLanguage] {
        let bytes = text.utf8.count
        guard bytes <= ComprehendLimits.dominantLanguageBytes else {
            throw ComprehendLimits.textTooLarge(bytes, limit: ComprehendLimits.dominantLanguageBytes)
        }
        return languages.identify(text).map { DominantLanguage(LanguageCode: $0.code, Score: $0.score) }
    }

    /// Every document is answered on its own: the bad ones in `ErrorList`, the good ones in `ResultList`.
    func batchDominantLanguages(_ documents: [String]) -> BatchDetectDominantLanguageResponse {
        var results: [BatchDetectDominantLanguageItemResult] = []
        var errors: [BatchItemError] = []
        for (index, text) in documents.enumerated() {
            do {
                try ComprehendLimits.checkNotEmpty(text, member: "TextList[\(index)]")
                results.append(.init(Index: index, Languages: try dominantLanguages(text)))
            } catch let error as ServiceError {
                errors.append(.init(Index: index, ErrorCode: Self.batchErrorCode(error), ErrorMessage: error.message))
            } catch {
                errors.append(.init(Index: index, ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "\(error)"))
            }
        }
        return BatchDetectDominantLanguageResponse(ResultList: results, ErrorList: errors)
    }

    static func batchErrorCode(_ error: ServiceError) -> String {
        switch error.code {
        case "TextSizeLimitExceededException": "TEXT_SIZE_LIMIT_EXCEEDED"
        case "ValidationException": "INVALID_REQUEST"
        default: "INTERNAL_SERVER_ERROR"
        }
    }
}
