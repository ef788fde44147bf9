import Foundation
import SibylCore

struct TerminologyData: Codable, Sendable {
    var File: Data
    var Format: String
    var Directionality: String?
}

struct ImportTerminologyRequest: Codable, Sendable, ValidatableInput {
    var Name: String
    var MergeStrategy: String
    var Description: String?
    var TerminologyData: TerminologyData
    // No EncryptionKey: there is no KMS here, so the unread-member check refuses one.
    var Tags: JSONValue?

    func validate() throws {
        try TerminologyName.check(Name)
        guard MergeStrategy == "OVERWRITE" else {
            throw ServiceError.constraint(
                member: "mergeStrategy", value: "'\(MergeStrategy)'", "Member must satisfy enum value set: [OVERWRITE]")
        }
        if let Description, Description.count > 256 {
            throw ServiceError.constraint(member: "description", "Member must have length less than or equal to 256")
        }
    }
}

struct TerminologyNameRequest: Codable, Sendable, ValidatableInput {
    var Name: String
    var TerminologyDataFormat: String?

    func validate() throws {
        try TerminologyName.check(Name)
    }
}

struct ListTerminologiesRequest: Codable, Sendable, ValidatableInput {
    var NextToken: String?
    var MaxResults: Int?

    func validate() throws {
        if let MaxResults, !(1...500).contains(MaxResults) {
            throw ServiceError.constraint(
                member: "maxResults", value: "\(MaxResults)", "Member must have value between 1 and 500 inclusive")
        }
    }
}

enum TerminologyName {
    /// Names as the model allows them: letters, digits, hyphens, single underscores, at most 256 characters.
    static func check(_ name: String) throws {
        guard (1...256).contains(name.count), name.wholeMatch(of: /([A-Za-z0-9-]_?)+/) != nil else {
            throw ServiceError.constraint(
                member: "name", value: "'\(name)'", "Member must satisfy regular expression pattern: ^([A-Za-z0-9-]_?)+$")
        }
    }
}

struct TerminologyProperties: Codable, Sendable {
    var Name: String
    var Description: String?
    var Arn: String
    var SourceLanguageCode: String
    var TargetLanguageCodes: [String]
    var SizeBytes: Int
    var TermCount: Int
    var CreatedAt: Date
    var LastUpdatedAt: Date
    var Directionality: String
    var SkippedTermCount: Int
    var Format: String
}

struct TerminologyDataLocation: Codable, Sendable {
    var RepositoryType: String
    var Location: String
}

struct ImportTerminologyResponse: Codable, Sendable {
    var TerminologyProperties: TerminologyProperties
}

struct GetTerminologyResponse: Codable, Sendable {
    var TerminologyProperties: TerminologyProperties
    var TerminologyDataLocation: TerminologyDataLocation
}

struct ListTerminologiesResponse: Codable, Sendable {
    var TerminologyPropertiesList: [TerminologyProperties]
    var NextToken: String?
}

struct EmptyResponse: Codable, Sendable {}
