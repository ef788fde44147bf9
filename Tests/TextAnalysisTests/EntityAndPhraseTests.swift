import Foundation
import Testing

@testable import TextAnalysis

@Suite("Entities, places and key phrases")
struct EntityAndPhraseTests {
    func tagged(_ pairs: [(String, String)]) -> [TaggedToken] {
        var offset = 0
        return pairs.map { word, tag in
            defer { offset += word.unicodeScalars.count + 1 }
            return TaggedToken(
                token: Token(text: word, begin: offset, end: offset + word.unicodeScalars.count, kind: .word), tag: tag,
                score: 0.9)
        }
    }

    @Test func keyPhrasesAreNounPhrasesJoinedOverOf() {
        let sentence = tagged([
            ("The", "DET"), ("old", "ADJ"), ("stone", "NOUN"), ("bridge", "NOUN"), ("of", "ADP"), ("the", "DET"),
            ("city", "NOUN"), ("fell", "VERB"), ("quickly", "ADV"), ("into", "ADP"), ("three", "NUM"), ("pieces", "NOUN"),
        ])
        let text = sentence.map(\.token.text).joined(separator: " ")
        let phrases = KeyPhraseExtractor().phrases(in: [sentence], text: text)
        #expect(phrases.map(\.text) == ["The old stone bridge of the city", "three pieces"])
        #expect(phrases.allSatisfy { abs($0.score - 0.9) < 1e-9 })
    }

    @Test func gazetteerFindsTheLongestPlaceNames() {
        let places = PlaceGazetteer(names: ["New York", "York", "United Kingdom", "Paris"])
        let words = ["From", "New", "York", "to", "the", "United", "Kingdom", "and", "paris"]
        #expect(places.matches(words) == [1..<3, 5..<7])
        #expect(PlaceGazetteer.system().count > 500)
        #expect(PlaceGazetteer.system().matches(["in", "Germany", "and", "Buenos", "Aires"]) == [1..<2, 3..<5])
    }

    @Test func quantitiesTakeTheirCurrencyAndScaleWords() {
        let labels = ["O", "O", "B-QUANTITY", "O", "O"].map { ScoredLabel(label: $0, score: 0.8) }
        let whole = EntityRecognizer.withWholeQuantities(labels, words: ["for", "$", "1", "billion", "today"])
        #expect(whole.map(\.label) == ["O", "B-QUANTITY", "I-QUANTITY", "I-QUANTITY", "O"])
    }
}
