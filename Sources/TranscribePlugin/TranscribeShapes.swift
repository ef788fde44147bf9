import Foundation
import SibylCore

/// Names of jobs, vocabularies and filters as the model allows them.
enum TranscribeName {
    static func check(_ name: String, member: String) throws {
        guard (1...200).contains(name.count), name.wholeMatch(of: /[0-9a-zA-Z._-]+/) != nil else {
            throw ServiceError(
                code: "BadRequestException",
                message: "1 validation error detected: Value '\(name)' at '\(member)' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: ^[0-9a-zA-Z._-]+ and have length between 1 and 200")
        }
    }
}

struct Media: Codable, Sendable {
    var MediaFileUri: String?
    var RedactedMediaFileUri: String?
}

struct Settings: Codable, Sendable {
    var VocabularyName: String?
    var ShowSpeakerLabels: Bool?
    var MaxSpeakerLabels: Int?
    var ChannelIdentification: Bool?
    var ShowAlternatives: Bool?
    var MaxAlternatives: Int?
    var VocabularyFilterName: String?
    var VocabularyFilterMethod: String?
}

struct ContentRedaction: Codable, Sendable {
    var RedactionType: String
    var RedactionOutput: String
    var PiiEntityTypes: [String]?
}

struct Subtitles: Codable, Sendable {
    var Formats: [String]?
    var OutputStartIndex: Int?
}

struct SubtitlesOutput: Codable, Sendable {
    var Formats: [String]?
    var SubtitleFileUris: [String]?
    var OutputStartIndex: Int?
}

struct Transcript: Codable, Sendable {
    var TranscriptFileUri: String?
    var RedactedTranscriptFileUri: String?
}

struct Tag: Codable, Sendable {
    var Key: String
    var Value: String?
}

struct LanguageCodeItem: Codable, Sendable {
    var LanguageCode: String?
    var DurationInSeconds: Double?
}

struct StartTranscriptionJobRequest: Codable, Sendable, ValidatableInput {
    var TranscriptionJobName: String
    var LanguageCode: String?
    var MediaSampleRateHertz: Int?
    var MediaFormat: String?
    var Media: Media
    var OutputBucketName: String?
    var OutputKey: String?
    var OutputEncryptionKMSKeyId: String?
    var KMSEncryptionContext: [String: String]?
    var Settings: Settings?
    var ModelSettings: JSONValue?
    var JobExecutionSettings: JSONValue?
    var ContentRedaction: ContentRedaction?
    var IdentifyLanguage: Bool?
    var IdentifyMultipleLanguages: Bool?
    var LanguageOptions: [String]?
    var Subtitles: Subtitles?
    var Tags: [Tag]?
    var LanguageIdSettings: JSONValue?
    var ToxicityDetection: JSONValue?

    static let mediaFormats = ["mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a"]

    func validate() throws {
        try TranscribeName.check(TranscriptionJobName, member: "transcriptionJobName")
        if let rate = MediaSampleRateHertz, !(8000...48000).contains(rate) {
            throw ServiceError(
                code: "BadRequestException", message: "MediaSampleRateHertz must be between 8000 and 48000 (got \(rate)).")
        }
        if let format = MediaFormat, !Self.mediaFormats.contains(format) {
            throw ServiceError(
                code: "BadRequestException",
                message: "MediaFormat must be one of \(Self.mediaFormats.joined(separator: ", ")) (got \(format)).")
        }
        if let key = OutputKey, key.isEmpty || key.count > 1024 || key.wholeMatch(of: /[a-zA-Z0-9\-_.!*'()\/]+/) == nil {
            throw ServiceError(code: "BadRequestException", message: "The OutputKey \(key) is not valid.")
        }
        if let settings = Settings {
            if let name = settings.VocabularyName { try TranscribeName.check(name, member: "settings.vocabularyName") }
            if let name = settings.VocabularyFilterName {
                try TranscribeName.check(name, member: "settings.vocabularyFilterName")
            }
            if let maximum = settings.MaxSpeakerLabels, !(2...30).contains(maximum) {
                throw ServiceError(code: "BadRequestException", message: "MaxSpeakerLabels must be between 2 and 30.")
            }
            if let method = settings.VocabularyFilterMethod, !["remove", "mask", "tag"].contains(method) {
                throw ServiceError(code: "BadRequestException", message: "VocabularyFilterMethod must be remove, mask or tag.")
            }
        }
        if let redaction = ContentRedaction {
            guard redaction.RedactionType == "PII",
                ["redacted", "redacted_and_unredacted"].contains(redaction.RedactionOutput)
            else {
                throw ServiceError(
                    code: "BadRequestException",
                    message: "ContentRedaction needs RedactionType PII and RedactionOutput redacted or redacted_and_unredacted.")
            }
        }
        if let formats = Subtitles?.Formats, formats.contains(where: { !["srt", "vtt"].contains($0) }) {
            throw ServiceError(code: "BadRequestException", message: "Subtitle formats must be srt or vtt.")
        }
        if let start = Subtitles?.OutputStartIndex, !(0...1).contains(start) {
            throw ServiceError(code: "BadRequestException", message: "OutputStartIndex must be 0 or 1.")
        }
    }
}

struct TranscriptionJobNameRequest: Codable, Sendable, ValidatableInput {
    var TranscriptionJobName: String

    func validate() throws { try TranscribeName.check(TranscriptionJobName, member: "transcriptionJobName") }
}

struct ListTranscriptionJobsRequest: Codable, Sendable, ValidatableInput {
    var Status: String?
    var JobNameContains: String?
    var NextToken: String?
    var MaxResults: Int?

    func validate() throws {
        if let Status, JobState(rawValue: Status) == nil {
            throw ServiceError(code: "BadRequestException", message: "Status must be QUEUED, IN_PROGRESS, FAILED or COMPLETED.")
        }
        if let JobNameContains { try TranscribeName.check(JobNameContains, member: "jobNameContains") }
        if let MaxResults, !(1...100).contains(MaxResults) {
            throw ServiceError(code: "BadRequestException", message: "MaxResults must be between 1 and 100.")
        }
    }
}

struct TranscriptionJob: Codable, Sendable {
    var TranscriptionJobName: String
    var TranscriptionJobStatus: String
    var LanguageCode: String?
    var MediaSampleRateHertz: Int?
    var MediaFormat: String?
    var Media: Media
    var Transcript: Transcript?
    var StartTime: Date?
    var CreationTime: Date
    var CompletionTime: Date?
    var FailureReason: String?
    var Settings: Settings?
    var ContentRedaction: ContentRedaction?
    var IdentifyLanguage: Bool?
    var LanguageOptions: [String]?
    var IdentifiedLanguageScore: Double?
    var LanguageCodes: [LanguageCodeItem]?
    var Tags: [Tag]?
    var Subtitles: SubtitlesOutput?
}

struct TranscriptionJobSummary: Codable, Sendable {
    var TranscriptionJobName: String
    var CreationTime: Date
    var StartTime: Date?
    var CompletionTime: Date?
    var LanguageCode: String?
    var TranscriptionJobStatus: String
    var FailureReason: String?
    var OutputLocationType: String
    var ContentRedaction: ContentRedaction?
    var IdentifyLanguage: Bool?
    var IdentifiedLanguageScore: Double?
}

struct TranscriptionJobResponse: Codable, Sendable {
    var TranscriptionJob: TranscriptionJob
}

struct ListTranscriptionJobsResponse: Codable, Sendable {
    var Status: String?
    var NextToken: String?
    var TranscriptionJobSummaries: [TranscriptionJobSummary]
}

struct EmptyResponse: Codable, Sendable {}
