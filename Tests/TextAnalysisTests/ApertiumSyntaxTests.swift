import Foundation
import Testing

@testable import TextAnalysis

@Suite("Apertium syntax")
struct ApertiumSyntaxTests {
    @Test func taggedStreamsBecomeUniversalTags() {
        let stream = #"^El/El<det><def><m><sg>$ ^=banco/banco<n><m><sg>$ ^del/de<pr>+el<det>$ ^Xyz/*Xyz$ ^3\/4/3\/4<num>$^./.<sent>$[][\n]"#
        let units = ApertiumSyntaxAnalyzer.units(of: stream)
        #expect(units.map(\.surface) == ["El", "banco", "del", "Xyz", "3/4", "."])
        #expect(units.map(\.tag) == ["DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"])
        #expect(units.map(\.score) == [0.99, 0.85, 0.99, 0.5, 0.99, 0.99])
        #expect(units.last?.endsSentence == true && units.first?.endsSentence == false)
    }

    @Test(.enabled(if: ApertiumSyntaxAnalyzer.spanish() != nil))
    func spanishSentencesWithOffsets() async throws {
        let analyzer = try #require(ApertiumSyntaxAnalyzer.spanish())
        let text = "¿Dónde está Zoë? 👍 Aquí."
        let sentences = try await analyzer.analyze(text)
        let scalars = Array(text.unicodeScalars)
        #expect(sentences.count == 2)
        for token in sentences.joined() {
            #expect(String(String.UnicodeScalarView(scalars[token.token.begin..<token.token.end])) == token.token.text)
        }
        #expect(sentences[0].map(\.tag).first == "PUNCT")
    }
}
