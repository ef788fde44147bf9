import SibylCore

/// A request with one document and its language (DetectSyntax, DetectEntities, DetectKeyPhrases,
/// DetectSentiment, DetectTargetedSentiment).
struct DocumentRequest: Codable, Sendable, ValidatableInput {
    var Text: String
    var LanguageCode: String

    func validate() throws {
        try ComprehendLimits.checkNotEmpty(Text, member: "Text")
    }
}

/// DetectEntities: text with a language, or (with a custom recognizer endpoint) a document's bytes.
struct DetectEntitiesRequest: Codable, Sendable, ValidatableInput {
    var Text: String?
    var LanguageCode: String?
    var EndpointArn: String?
    var Bytes: String?

    func validate() throws {
        if let Text { try ComprehendLimits.checkNotEmpty(Text, member: "Text") }
    }
}

/// A request with up to 25 documents in one language.
struct BatchDocumentRequest: Codable, Sendable, ValidatableInput {
    var TextList: [String]
    var LanguageCode: String

    func validate() throws {
        try ComprehendLimits.checkBatch(TextList)
    }
}

struct PartOfSpeechTag: Codable, Sendable {
    var Tag: String
    var Score: Double
}

struct SyntaxToken: Codable, Sendable {
    var TokenId: Int
    var Text: String
    var BeginOffset: Int
    var EndOffset: Int
    var PartOfSpeech: PartOfSpeechTag
}

struct DetectSyntaxResponse: Codable, Sendable {
    var SyntaxTokens: [SyntaxToken]
}

struct KeyPhrase: Codable, Sendable {
    var Score: Double
    var Text: String
    var BeginOffset: Int
    var EndOffset: Int
}

struct DetectKeyPhrasesResponse: Codable, Sendable {
    var KeyPhrases: [KeyPhrase]
}

struct Entity: Codable, Sendable {
    var Score: Double
    var `Type`: String
    var Text: String
    var BeginOffset: Int
    var EndOffset: Int
}

struct DetectEntitiesResponse: Codable, Sendable {
    var Entities: [Entity]
}

/// One document's result in a batch answer: its index plus the single-document response's members.
struct BatchItem<Result: Codable & Sendable>: Codable, Sendable {
    var index: Int
    var result: Result

    private struct IndexKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(index: Int, result: Result) {
        self.index = index
        self.result = result
    }

    init(from decoder: any Decoder) throws {
        index = try decoder.container(keyedBy: IndexKey.self).decode(Int.self, forKey: IndexKey(stringValue: "Index"))
        result = try Result(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: IndexKey.self)
        try container.encode(index, forKey: IndexKey(stringValue: "Index"))
        try result.encode(to: encoder)
    }
}

/// A batch answer: the documents that succeeded and those that failed, each with its index.
struct BatchResponse<Result: Codable & Sendable>: Codable, Sendable {
    var ResultList: [BatchItem<Result>]
    var ErrorList: [BatchItemError]
}

struct SentimentScore: Codable, Sendable {
    var Positive: Double
    var Negative: Double
    var Neutral: Double
    var Mixed: Double
}

struct DetectSentimentResponse: Codable, Sendable {
    var Sentiment: String
    var SentimentScore: SentimentScore
}

struct MentionSentiment: Codable, Sendable {
    var Sentiment: String
    var SentimentScore: SentimentScore
}

struct TargetedSentimentMention: Codable, Sendable {
    var Score: Double
    var GroupScore: Double
    var Text: String
    var `Type`: String
    var MentionSentiment: MentionSentiment
    var BeginOffset: Int
    var EndOffset: Int
}

struct TargetedSentimentEntity: Codable, Sendable {
    var DescriptiveMentionIndex: [Int]
    var Mentions: [TargetedSentimentMention]
}

struct DetectTargetedSentimentResponse: Codable, Sendable {
    var Entities: [TargetedSentimentEntity]
}
