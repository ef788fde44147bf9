import Foundation
import SibylCore

/// `StartSpeechSynthesisTaskInput`.
struct StartSpeechSynthesisTaskInput: Codable, Sendable, ValidatableInput {
    var Engine: String?
    var LanguageCode: String?
    var LexiconNames: [String]?
    var OutputFormat: String
    var OutputS3BucketName: String
    var OutputS3KeyPrefix: String?
    var SampleRate: String?
    var SnsTopicArn: String?
    var SpeechMarkTypes: [String]?
    var Text: String
    var TextType: String?
    var VoiceId: String

    /// The synthesis part of the request.
    var speech: SynthesizeSpeechInput {
        SynthesizeSpeechInput(
            Engine: Engine, LanguageCode: LanguageCode, LexiconNames: LexiconNames, OutputFormat: OutputFormat,
            SampleRate: SampleRate, SpeechMarkTypes: SpeechMarkTypes, Text: Text, TextType: TextType, VoiceId: VoiceId)
    }

    func validate() throws {
        try speech.validate()
        if let prefix = OutputS3KeyPrefix, prefix.utf8.count > 800 {
            throw ServiceError(code: "InvalidS3KeyException", message: "OutputS3KeyPrefix is longer than 800 bytes")
        }
    }
}

/// `SynthesisTask` as Polly describes it.
struct SynthesisTask: Codable, Sendable {
    var Engine: String
    var TaskId: String
    var TaskStatus: String
    var TaskStatusReason: String?
    var OutputUri: String?
    var CreationTime: Date
    var RequestCharacters: Int
    var SnsTopicArn: String?
    var LexiconNames: [String]?
    var OutputFormat: String
    var SampleRate: String?
    var SpeechMarkTypes: [String]?
    var TextType: String
    var VoiceId: String
    var LanguageCode: String?
}

/// What a task's job stores: the request and the facts fixed when it was accepted.
struct SynthesisTaskJobInput: Codable, Sendable {
    var request: StartSpeechSynthesisTaskInput
    var taskId: String
    var outputKey: String
    var requestCharacters: Int
}

struct SynthesisTaskOutput: Codable, Sendable {
    var SynthesisTask: SynthesisTask
}

struct GetSpeechSynthesisTaskInput: Codable, Sendable {
    var TaskId: String
}

struct ListSpeechSynthesisTasksInput: Codable, Sendable {
    var MaxResults: Int?
    var NextToken: String?
    var Status: String?
}

struct ListSpeechSynthesisTasksOutput: Codable, Sendable {
    var NextToken: String?
    var SynthesisTasks: [SynthesisTask]
}
