import SibylCore

/// `SynthesizeSpeechInput` as botocore's `polly` model names it.
struct SynthesizeSpeechInput: Codable, Sendable, ValidatableInput {
    var Engine: String?
    var LanguageCode: String?
    var LexiconNames: [String]?
    var OutputFormat: String
    var SampleRate: String?
    var SpeechMarkTypes: [String]?
    var Text: String
    var TextType: String?
    var VoiceId: String

    static let outputFormats = ["json", "mp3", "ogg_opus", "ogg_vorbis", "pcm", "mulaw", "alaw"]
    static let speechMarkTypes = ["sentence", "ssml", "viseme", "word"]
    static let engines = ["standard", "neural", "long-form", "generative"]

    func validate() throws {
        guard Self.outputFormats.contains(OutputFormat) else {
            throw ServiceError.constraint(
                member: "OutputFormat", value: "'\(OutputFormat)'",
                "Member must satisfy enum value set: [\(Self.outputFormats.joined(separator: ", "))]")
        }
        if let TextType, !["text", "ssml"].contains(TextType) {
            throw ServiceError.constraint(
                member: "TextType", value: "'\(TextType)'", "Member must satisfy enum value set: [ssml, text]")
        }
        if let Engine, !Self.engines.contains(Engine) {
            throw ServiceError.constraint(
                member: "Engine", value: "'\(Engine)'",
                "Member must satisfy enum value set: [\(Self.engines.joined(separator: ", "))]")
        }
        for type in SpeechMarkTypes ?? [] where !Self.speechMarkTypes.contains(type) {
            throw ServiceError.constraint(
                member: "SpeechMarkTypes", value: "'\(type)'",
                "Member must satisfy enum value set: [\(Self.speechMarkTypes.joined(separator: ", "))]")
        }
        if let LexiconNames, LexiconNames.count > 5 {
            throw ServiceError.constraint(
                member: "LexiconNames", value: "\(LexiconNames)", "Member must have length less than or equal to 5")
        }
    }
}
