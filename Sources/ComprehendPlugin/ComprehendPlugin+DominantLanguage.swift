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

    static func batchErrorCode(_ error: ServiceError) -> String {
        switch error.code {
        case "TextSizeLimitExceededException": "TEXT_SIZE_LIMIT_EXCEEDED"
        case "ValidationException": "INVALID_REQUEST"
        default: "INTERNAL_SERVER_ERROR"
        }
    }
}
