import Foundation
import SibylCore

struct InputDataConfig: Codable, Sendable {
    var S3Uri: String
    var ContentType: String
}

/// Where a batch job writes. No `EncryptionKey`: there is no KMS here, so the unread-member check refuses one.
struct OutputDataConfig: Codable, Sendable {
    var S3Uri: String
}

struct StartTextTranslationJobRequest: Codable, Sendable, ValidatableInput {
    var JobName: String?
    var InputDataConfig: InputDataConfig
    var OutputDataConfig: OutputDataConfig
    var DataAccessRoleArn: String
    var SourceLanguageCode: String
    var TargetLanguageCodes: [String]
    var TerminologyNames: [String]?
    var ParallelDataNames: [String]?
    var ClientToken: String?
    var Settings: TranslationSettings?

    func validate() throws {
        guard !TargetLanguageCodes.isEmpty else {
            throw ServiceError.constraint(member: "targetLanguageCodes", value: "[]", "Member must have length greater than or equal to 1")
        }
        guard DataAccessRoleArn.wholeMatch(of: /arn:aws(-[^:]+)?:iam::[0-9]{12}:role\/.+/) != nil else {
            throw ServiceError.constraint(
                member: "dataAccessRoleArn", value: "'\(DataAccessRoleArn)'",
                "Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::[0-9]{12}:role/.+")
        }
    }
}

struct JobIdRequest: Codable, Sendable, ValidatableInput {
    var JobId: String

    func validate() throws {
        guard (1...32).contains(JobId.count) else {
            throw ServiceError.constraint(member: "jobId", value: "'\(JobId)'", "Member must have length between 1 and 32 inclusive")
        }
    }
}

struct TextTranslationJobFilter: Codable, Sendable {
    var JobName: String?
    var JobStatus: String?
    var SubmittedBeforeTime: Date?
    var SubmittedAfterTime: Date?
}

struct ListTextTranslationJobsRequest: Codable, Sendable, ValidatableInput {
    var Filter: TextTranslationJobFilter?
    var NextToken: String?
    var MaxResults: Int?

    func validate() throws {
        if let MaxResults, !(1...500).contains(MaxResults) {
            throw ServiceError.constraint(
                member: "maxResults", value: "\(MaxResults)", "Member must have value between 1 and 500 inclusive")
        }
    }
}

struct JobDetails: Codable, Sendable {
    var TranslatedDocumentsCount: Int
    var DocumentsWithErrorsCount: Int
    var InputDocumentsCount: Int
}

struct TextTranslationJobProperties: Codable, Sendable {
    var JobId: String
    var JobName: String?
    var JobStatus: String
    var JobDetails: JobDetails?
    var SourceLanguageCode: String
    var TargetLanguageCodes: [String]
    var TerminologyNames: [String]?
    var Message: String?
    var SubmittedTime: Date
    var EndTime: Date?
    var InputDataConfig: InputDataConfig
    var OutputDataConfig: OutputDataConfig
    var DataAccessRoleArn: String
    var Settings: TranslationSettings?
}

struct JobStatusResponse: Codable, Sendable {
    var JobId: String
    var JobStatus: String
}

struct DescribeTextTranslationJobResponse: Codable, Sendable {
    var TextTranslationJobProperties: TextTranslationJobProperties
}

struct ListTextTranslationJobsResponse: Codable, Sendable {
    var TextTranslationJobPropertiesList: [TextTranslationJobProperties]
    var NextToken: String?
}
