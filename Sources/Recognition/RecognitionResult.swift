/// One recognised word as the recogniser wrote it (casing and attached punctuation included), with its timing
/// in seconds from the start of the audio and a confidence in 0…1.
public struct RecognizedWord: Sendable, Equatable, Codable {
    public var text: String
    public var start: Double
    public var end: Double
    public var confidence: Double

    public init(text: String, start: Double, end: Double, confidence: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
    }
}

/// A stretch of speech the recogniser decoded as one segment (a sentence or phrase).
public struct RecognizedSegment: Sendable, Equatable, Codable {
    public var start: Double
    public var end: Double
    public var words: [RecognizedWord]

    public init(start: Double, end: Double, words: [RecognizedWord]) {
        self.start = start
        self.end = end
        self.words = words
    }

    /// The words joined with spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
}

/// What recognising one audio stream produced.
public struct RecognitionResult: Sendable, Codable {
    /// The language the audio was transcribed in (ISO 639-1, "en").
    public var language: String
    /// The language identifier's probability for `language`, when it was identified rather than given.
    public var languageScore: Double?
    public var segments: [RecognizedSegment]
    /// Speaker features for stretches of speech, for diarization.
    public var voiceprints: [Voiceprint]
    /// The audio's duration in seconds.
    public var duration: Double

    public init(language: String, languageScore: Double?, segments: [RecognizedSegment], voiceprints: [Voiceprint], duration: Double) {
        self.language = language
        self.languageScore = languageScore
        self.segments = segments
        self.voiceprints = voiceprints
        self.duration = duration
    }

    /// Every word in order.
    public var words: [RecognizedWord] { segments.flatMap(\.words) }
}

/// Speaker features of one stretch of speech (MFCC statistics), computed while its audio was in memory.
public struct Voiceprint: Sendable, Codable {
    public var start: Double
    public var end: Double
    public var features: [Float]

    public init(start: Double, end: Double, features: [Float]) {
        self.start = start
        self.end = end
        self.features = features
    }
}

/// What a caller asks of a recognition.
public struct RecognitionOptions: Sendable {
    /// The language to transcribe in (ISO 639-1); `nil` identifies it among `candidateLanguages` (all when empty).
    public var language: String?
    public var candidateLanguages: [String]
    /// Words and phrases to bias recognition towards (custom vocabulary).
    public var vocabulary: [String]
    /// Whether to compute voiceprints for speaker diarization.
    public var voiceprints: Bool

    public init(language: String?, candidateLanguages: [String] = [], vocabulary: [String] = [], voiceprints: Bool = false) {
        self.language = language
        self.candidateLanguages = candidateLanguages
        self.vocabulary = vocabulary
        self.voiceprints = voiceprints
    }
}

/// Why recognition could not be done.
public struct RecognitionError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
