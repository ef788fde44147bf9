import Testing

@testable import TextAnalysis

@Suite("Tokenizer")
struct TokenizerTests {
    let english = Tokenizer(language: "en")

    @Test func keepsAbbreviationsNumbersAndInitialsInsideSentences() {
        let sentences = english.sentences("Mr. Smith paid $1,000.50 on Jan. 3rd. J. R. R. Tolkien lived in the U.S. once.")
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens.map(\.text) == ["Mr.", "Smith", "paid", "$", "1,000.50", "on", "Jan.", "3rd", "."])
        #expect(sentences[1].tokens.map(\.text).prefix(4) == ["J.", "R.", "R.", "Tolkien"])
        #expect(sentences[0].tokens[4].kind == .number && sentences[0].tokens[3].kind == .punctuation)
    }

    @Test func splitsEnglishCliticsAsTreebanksDo() {
        #expect(english.tokens("I don't think John's late.").map(\.text) == ["I", "do", "n't", "think", "John", "'s", "late", "."])
        #expect(Tokenizer(language: "es").tokens("No don't").map(\.text) == ["No", "don't"])
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Café ☕ 👍🏽 東京に行きました。 Done."
        let scalars = Array(text.unicodeScalars)
        for token in english.tokens(text) {
            #expect(String(String.UnicodeScalarView(scalars[token.begin..<token.end])) == token.text)
        }
        let tokens = english.tokens(text)
        #expect(tokens.map(\.text).contains("東京"))
        #expect(tokens.first { $0.text == "Done" }?.begin == text.unicodeScalars.count - 5)
    }

    @Test func emptyAndBlankTextsHaveNoSentences() {
        #expect(english.sentences("").isEmpty)
        #expect(english.sentences(" \n\t ").isEmpty)
    }
}
