import Foundation
import Testing

@testable import TextAnalysis

@Suite("Language identification")
struct LanguageIdentificationTests {
    /// lid.176 as `Scripts/setup` installs it.
    static let modelBytes: [UInt8]? = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/lid-176/lid.176.ftz")
        return (try? Data(contentsOf: file)).map { [UInt8]($0) }
    }()
    static let model: FastTextClassifier? = modelBytes.flatMap { try? FastTextClassifier(bytes: $0) }

    /// fastText 0.9's own `predict(text, k=3)` on lid.176.ftz (PyPI fasttext-predict 0.9.2.4), rounded.
    static let fastTextPredictions: [(String, [(String, Double)])] = [
        ("Bonjour tout le monde, comment allez-vous?", [("fr", 0.97592), ("en", 0.00794), ("it", 0.00206)]),
        ("Der Hund läuft über die Straße 🐕", [("de", 0.99482), ("als", 0.00099), ("en", 0.00092)]),
        ("東京に行きました。", [("ja", 1.00005), ("zh", 0.00001), ("ru", 0.00001)]),
        ("Привет мир как дела", [("ru", 0.94905), ("sr", 0.01525), ("bg", 0.01267)]),
        ("ok", [("en", 0.62977), ("pl", 0.14195), ("de", 0.05508)]),
    ]

    @Test func answersFastTextsOwnProbabilities() throws {
        let model = try #require(Self.model, "Models/lid-176 is missing: run Scripts/setup")
        #expect(model.labels.count == 176)
        for (text, expected) in Self.fastTextPredictions {
            let probabilities = model.probabilities(text)
            let best = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(3)
            #expect(best.map { model.labels[$0] } == expected.map(\.0), "\(text)")
            for (index, (_, probability)) in zip(best, expected) {
                #expect(abs(probabilities[index] - probability) < 1e-4, "\(text): \(probabilities[index])")
            }
        }
    }

    @Test func refusesFilesThatAreNotModels() throws {
        let bytes = try #require(Self.modelBytes)
        #expect(throws: FastTextError.self) { try FastTextClassifier(bytes: Array(bytes.prefix(100_000))) }
        #expect(throws: FastTextError.self) { try FastTextClassifier(bytes: [0, 1, 2, 3] + bytes.dropFirst(4)) }
        #expect(throws: FastTextError.self) { try FastTextClassifier(bytes: bytes + [0]) }
        #expect(throws: FastTextError.self) { try FastTextClassifier(bytes: []) }
    }

    @Test func damagedFilesThrowOrStillAnswerWithoutCrashing() throws {
        let bytes = try #require(Self.modelBytes)
        var seed: UInt64 = 20_261_201
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        // Damage in the header, the arguments and the dictionary (the first 200 bytes and the words after them).
        for _ in 0..<12 {
            var damaged = bytes
            for _ in 0..<3 { damaged[next(2_000)] = UInt8(next(256)) }
            if let model = try? FastTextClassifier(bytes: damaged) {
                #expect(model.probabilities("Der Hund läuft über die Straße").count == model.labels.count)
            }
        }
    }

    @Test func mixedTextReportsEachLanguageWithItsShare() throws {
        let identifier = BlendedLanguageIdentifier(model: try #require(Self.model))
        let languages = identifier.identify(
            "I bought new shoes yesterday and they are very comfortable. Ayer compré zapatos nuevos y son muy cómodos.")
        #expect(Set(languages.map(\.code)) == ["en", "es"])
        for language in languages { #expect((0.35...0.65).contains(language.score), "\(language)") }
        let english = identifier.identify("The weather is lovely today and we are walking to the park.")
        #expect(english.first?.code == "en" && english.first!.score > 0.9)
    }

    @Test func tellsTraditionalChineseAndLanguagesOnlyCLD2Knows() throws {
        let identifier = BlendedLanguageIdentifier(model: try #require(Self.model))
        #expect(identifier.identify("我們明天早上在臺北車站見面，請不要遲到。").first?.code == "zh-TW")
        #expect(identifier.identify("我们明天早上在北京火车站见面，请不要迟到。").first?.code == "zh")
        // Māori: lid.176 has no label for it; CLD2 does.
        #expect(identifier.identify("Kei te pēhea koe? Kei te pai ahau, ngā mihi nui ki a koe e hoa.").first?.code == "mi")
        #expect(identifier.identify("12345 !!! 678").isEmpty)
    }

    @Test func splitsSentencesOfAnyLanguage() {
        #expect(Tokenizer.sentenceTexts("Hello there. ¿Qué tal? 今日は。  ").map { $0.trimmingCharacters(in: .whitespaces) }
            == ["Hello there.", "¿Qué tal?", "今日は。"])
        #expect(Tokenizer.sentenceTexts("   ").isEmpty)
    }
}
