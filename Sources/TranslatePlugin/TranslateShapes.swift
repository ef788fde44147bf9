import Foundation
import SibylCore

struct TranslationSettings: Codable, Sendable {
    var Formality: String?
    var Profanity: String?
    var Brevity: String?
}

struct TranslateTextRequest: Codable, Sendable, ValidatableInput {
    var Text: String
    var SourceLanguageCode: String
    var TargetLanguageCode: String
    var TerminologyNames: [String]?
    var Settings: TranslationSettings?

    func validate() throws {
        guard !Text.isEmpty else {
            throw ServiceError.constraint(member: "text", value: "''", "Member must have length greater than or equal to 1")
        }
        for (member, code) in [("sourceLanguageCode", SourceLanguageCode), ("targetLanguageCode", TargetLanguageCode)]
        where !(2...5).contains(code.count) {
            throw ServiceError.constraint(
                member: member, value: "'\(code)'", "Member must have length between 2 and 5 inclusive")
        }
    }
}

struct Term: Codable, Sendable {
    var SourceText: String
    var TargetText: String
}

struct AppliedTerminology: Codable, Sendable {
    var Name: String
    var Terms: [Term]
}

struct TranslateTextResponse: Codable, Sendable {
    var TranslatedText: String
    var SourceLanguageCode: String
    var TargetLanguageCode: String
    var AppliedTerminologies: [AppliedTerminology]?
    var AppliedSettings: TranslationSettings?
}

struct ListLanguagesRequest: Codable, Sendable, ValidatableInput {
    var DisplayLanguageCode: String?
    var NextToken: String?
    var MaxResults: Int?

    static let displayLanguages: Set<String> = ["de", "en", "es", "fr", "it", "ja", "ko", "pt", "zh", "zh-TW"]

    func validate() throws {
        if let DisplayLanguageCode, !Self.displayLanguages.contains(DisplayLanguageCode) {
            throw ServiceError(
                code: "UnsupportedDisplayLanguageCodeException",
                message: "Display language code \(DisplayLanguageCode) is not supported.")
        }
        if let MaxResults, !(1...500).contains(MaxResults) {
            throw ServiceError.constraint(
                member: "maxResults", value: "\(MaxResults)", "Member must have value between 1 and 500 inclusive")
        }
    }
}

struct Language: Codable, Sendable {
    var LanguageName: String
    var LanguageCode: String
}

struct ListLanguagesResponse: Codable, Sendable {
    var Languages: [Language]
    var DisplayLanguageCode: String
    var NextToken: String?
}

struct Document: Codable, Sendable {
    var Content: Data
    var ContentType: String
}

struct TranslateDocumentRequest: Codable, Sendable, ValidatableInput {
    var Document: Document
    var SourceLanguageCode: String
    var TargetLanguageCode: String
    var TerminologyNames: [String]?
    var Settings: TranslationSettings?

    func validate() throws {
        for (member, code) in [("sourceLanguageCode", SourceLanguageCode), ("targetLanguageCode", TargetLanguageCode)]
        where !(2...5).contains(code.count) {
            throw ServiceError.constraint(
                member: member, value: "'\(code)'", "Member must have length between 2 and 5 inclusive")
        }
    }
}

struct TranslatedDocument: Codable, Sendable {
    var Content: Data
}

struct TranslateDocumentResponse: Codable, Sendable {
    var TranslatedDocument: TranslatedDocument
    var SourceLanguageCode: String
    var TargetLanguageCode: String
    var AppliedTerminologies: [AppliedTerminology]?
    var AppliedSettings: TranslationSettings?
}
