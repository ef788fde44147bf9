import SibylCore

struct DetectDominantLanguageRequest: Codable, Sendable, ValidatableInput {
    var Text: String

    func validate() throws {
        try ComprehendLimits.checkNotEmpty(Text, member: "Text")
    }
}

struct DominantLanguage: Codable, Sendable {
    var LanguageCode: String
    var Score: Double
}

struct DetectDominantLanguageResponse: Codable, Sendable {
    var Languages: [DominantLanguage]
}

struct BatchDetectDominantLanguageRequest: Codable, Sendable, ValidatableInput {
    var TextList: [String]

    func validate() throws {
        try ComprehendLimits.checkBatch(TextList)
    }
}

struct BatchDetectDominantLanguageItemResult: Codable, Sendable {
    var Index: Int
    var Languages: [DominantLanguage]
}

struct BatchItemError: Codable, Sendable {
    var Index: Int
    var ErrorCode: String
    var ErrorMessage: String
}

struct BatchDetectDominantLanguageResponse: Codable, Sendable {
    var ResultList: [BatchDetectDominantLanguageItemResult]
    var ErrorList: [BatchItemError]
}
