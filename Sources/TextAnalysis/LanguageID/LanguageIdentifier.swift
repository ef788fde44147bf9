/// A language a text is written in, with the share of the text it covers (0–1).
public struct IdentifiedLanguage: Sendable, Equatable {
    /// An RFC 5646 code as Amazon Comprehend writes it (`en`, `zh`, `zh-TW`, `he`).
    public var code: String
    /// The share of the text's letters in this language, 0–1.
    public var score: Double

    /// Creates a result.
    public init(code: String, score: Double) {
        self.code = code
        self.score = score
    }
}

/// Identifies the languages of a text, best first.
public protocol LanguageIdentifier: Sendable {
    /// Up to three candidates, best first; empty when no language can be told.
    func identify(_ text: String) -> [IdentifiedLanguage]
}
