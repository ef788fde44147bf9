/// A token with its part of speech.
public struct TaggedToken: Sendable, Equatable {
    public var token: Token
    /// A Universal Dependencies tag (NOUN, VERB, …).
    public var tag: String
    /// The tagger's confidence, 0–1.
    public var score: Double
}

/// Tokens, sentences and parts of speech for one language: ICU breaks text, a trained tagger labels it.
public struct SyntaxAnalyzer: Sendable {
    public let tokenizer: Tokenizer
    public let tagger: PartOfSpeechTagger

    /// Creates an analyzer for a language with its trained tagger.
    public init(language: String, tagger: PartOfSpeechTagger) {
        tokenizer = Tokenizer(language: language)
        self.tagger = tagger
    }

    /// The tagged tokens of each sentence of `text`.
    public func analyze(_ text: String) -> [[TaggedToken]] {
        tokenizer.sentences(text).map { sentence in
            zip(sentence.tokens, tagger.tag(sentence.tokens)).map { token, label in
                TaggedToken(token: token, tag: label.label, score: label.score)
            }
        }
    }
}
