import Foundation
import SibylCore

struct VocabularyRequest: Codable, Sendable, ValidatableInput {
    var VocabularyName: String
    var LanguageCode: String
    var Phrases: [String]?
    var VocabularyFileUri: String?
    var Tags: [Tag]?
    var DataAccessRoleArn: String?

    func validate() throws {
        try TranscribeName.check(VocabularyName, member: "vocabularyName")
        guard (Phrases == nil) != (VocabularyFileUri == nil) else {
            throw ServiceError(code: "BadRequestException", message: "Specify either Phrases or VocabularyFileUri, not both.")
        }
    }
}

struct VocabularyNameRequest: Codable, Sendable, ValidatableInput {
    var VocabularyName: String

    func validate() throws { try TranscribeName.check(VocabularyName, member: "vocabularyName") }
}

struct ListVocabulariesRequest: Codable, Sendable, ValidatableInput {
    var NextToken: String?
    var MaxResults: Int?
    var StateEquals: String?
    var NameContains: String?

    func validate() throws {
        if let MaxResults, !(1...100).contains(MaxResults) {
            throw ServiceError(code: "BadRequestException", message: "MaxResults must be between 1 and 100.")
        }
        if let StateEquals, !["PENDING", "READY", "FAILED"].contains(StateEquals) {
            throw ServiceError(code: "BadRequestException", message: "StateEquals must be PENDING, READY or FAILED.")
        }
    }
}

struct VocabularyResponse: Codable, Sendable {
    var VocabularyName: String
    var LanguageCode: String
    var VocabularyState: String
    var LastModifiedTime: Date
    var FailureReason: String?
    var DownloadUri: String?
}

struct VocabularyInfo: Codable, Sendable {
    var VocabularyName: String
    var LanguageCode: String
    var LastModifiedTime: Date
    var VocabularyState: String
}

struct ListVocabulariesResponse: Codable, Sendable {
    var Status: String?
    var NextToken: String?
    var Vocabularies: [VocabularyInfo]
}

struct VocabularyFilterRequest: Codable, Sendable, ValidatableInput {
    var VocabularyFilterName: String
    /// Required by CreateVocabularyFilter; UpdateVocabularyFilter keeps the filter's own.
    var LanguageCode: String?
    var Words: [String]?
    var VocabularyFilterFileUri: String?
    var Tags: [Tag]?
    var DataAccessRoleArn: String?

    func validate() throws {
        try TranscribeName.check(VocabularyFilterName, member: "vocabularyFilterName")
        guard (Words == nil) != (VocabularyFilterFileUri == nil) else {
            throw ServiceError(code: "BadRequestException", message: "Specify either Words or VocabularyFilterFileUri, not both.")
        }
        if let Words, Words.isEmpty {
            throw ServiceError(code: "BadRequestException", message: "Words must hold at least one word.")
        }
    }
}

struct VocabularyFilterNameRequest: Codable, Sendable, ValidatableInput {
    var VocabularyFilterName: String

    func validate() throws { try TranscribeName.check(VocabularyFilterName, member: "vocabularyFilterName") }
}

struct ListVocabularyFiltersRequest: Codable, Sendable, ValidatableInput {
    var NextToken: String?
    var MaxResults: Int?
    var NameContains: String?

    func validate() throws {
        if let MaxResults, !(1...100).contains(MaxResults) {
            throw ServiceError(code: "BadRequestException", message: "MaxResults must be between 1 and 100.")
        }
    }
}

struct VocabularyFilterResponse: Codable, Sendable {
    var VocabularyFilterName: String
    var LanguageCode: String
    var LastModifiedTime: Date
    var DownloadUri: String?
}

struct VocabularyFilterInfo: Codable, Sendable {
    var VocabularyFilterName: String
    var LanguageCode: String
    var LastModifiedTime: Date
}

struct ListVocabularyFiltersResponse: Codable, Sendable {
    var NextToken: String?
    var VocabularyFilters: [VocabularyFilterInfo]
}
