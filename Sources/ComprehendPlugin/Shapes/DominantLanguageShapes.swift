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

/// One document's languages in a BatchDetectDominantLanguage answer.
struct DominantLanguagesResult: Codable, Sendable {
    var Languages: [DominantLanguage]
}

struct BatchDetectDominantLanguageRequest: Codable, Sendable, ValidatableInput {
    var TextList: [String]

    func validate() throws {
        try ComprehendLimits.checkBatch(TextList)
    }
}

struct BatchItemError: Codable, Sendable {
    var Index: Int
    var ErrorCode: String
    var ErrorMessage: String
}

