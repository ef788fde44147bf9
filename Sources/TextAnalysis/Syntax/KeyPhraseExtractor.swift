import Foundation

/// A phrase found in a text, with offsets in Unicode scalars.
public struct TextSpan: Sendable, Equatable {
    public var text: String
    public var begin: Int
    public var end: Int
    /// 0–1.
    public var score: Double
}

/// Key phrases as Comprehend finds them: noun phrases chunked from part-of-speech tags, a determiner or
/// possessive, numbers and adjectives before one or more nouns ("the old stone bridge", "three days",
/// "John Smith's car"), joined over "of" ("the Bank of England"); in Spanish also adjectives after the noun
/// and "de" ("la casa blanca de Madrid"). The score is the tagger's confidence in the phrase's tags (their
/// geometric mean).
public struct KeyPhraseExtractor: Sendable {
    /// Words that join two noun phrases into one.
    let joiners: Set<String>
    /// Whether adjectives may follow the noun.
    let adjectivesFollow: Bool

    /// Creates an extractor for a language (`en`, `es`).
    public init(language: String = "en") {
        joiners = language == "es" ? ["de", "del"] : ["of"]
        adjectivesFollow = language == "es"
    }

    /// The noun phrases of tagged sentences, in text order.
    public func phrases(in sentences: [[TaggedToken]], text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var phrases: [TextSpan] = []
        for sentence in sentences {
            var index = 0
            while index < sentence.count {
                guard let end = phraseEnd(sentence, from: index) else {
                    index += 1
                    continue
                }
                let tokens = sentence[index..<end]
                let begin = tokens.first!.token.begin
                let stop = tokens.last!.token.end
                let logScore = tokens.reduce(0.0) { $0 + log($1.score) } / Double(tokens.count)
                phrases.append(
                    TextSpan(
                        text: String(String.UnicodeScalarView(scalars[begin..<stop])), begin: begin, end: stop,
                        score: exp(logScore)))
                index = end
            }
        }
        return phrases
    }

    private static let modifiers: Set<String> = ["ADJ", "NUM", "PROPN", "NOUN"]
    private static let heads: Set<String> = ["NOUN", "PROPN", "NUM"]

    /// The end of a noun phrase starting at `start`, or nil when none starts there.
    private func phraseEnd(_ sentence: [TaggedToken], from start: Int) -> Int? {
        var index = start
        if sentence[index].tag == "DET" || isPossessive(sentence[index]) {
            index += 1
        }
        var lastHead: Int?
        while index < sentence.count {
            let item = sentence[index]
            if Self.heads.contains(item.tag) || (adjectivesFollow && item.tag == "ADJ" && lastHead == index) {
                lastHead = index + 1
            } else if item.tag == "ADJ" || isHyphenInside(sentence, index) {
                // adjectives (and hyphens inside compounds) may precede a head
            } else if item.tag == "PART", item.token.text.lowercased().hasSuffix("s"), item.token.text.count <= 2,
                lastHead == index
            {
                // a possessive 's inside the phrase: "John Smith's car"
            } else if joiners.contains(item.token.text.lowercased()), let head = lastHead, head == index,
                index + 1 < sentence.count, let continued = phraseEnd(sentence, from: index + 1)
            {
                return continued  // "the Bank of England"
            } else {
                break
            }
            index += 1
        }
        return lastHead
    }

    private func isPossessive(_ token: TaggedToken) -> Bool {
        ["my", "your", "his", "her", "its", "our", "their"].contains(token.token.text.lowercased())
    }

    private func isHyphenInside(_ sentence: [TaggedToken], _ index: Int) -> Bool {
        sentence[index].token.text == "-" && index > 0 && index + 1 < sentence.count
            && sentence[index - 1].token.end == sentence[index].token.begin
            && sentence[index].token.end == sentence[index + 1].token.begin
    }
}
