import Foundation
import Testing

@testable import TextAnalysis

@Suite("Averaged perceptron")
struct PerceptronTests {
    /// A tiny tagging task the features can learn: words ending in "ly" are ADV, capitalised words after "the"
    /// are PROPN, other words after "the" are NOUN, "the" is DET.
    static let sequences: [(items: [String], labels: [String])] = [
        (["the", "dog", "ran", "quickly"], ["DET", "NOUN", "VERB", "ADV"]),
        (["the", "Thames", "flowed", "slowly"], ["DET", "PROPN", "VERB", "ADV"]),
        (["the", "cat", "slept", "quietly"], ["DET", "NOUN", "VERB", "ADV"]),
        (["the", "Seine", "rose", "suddenly"], ["DET", "PROPN", "VERB", "ADV"]),
    ]

    @Test func learnsAndGeneralisesFromFeatures() {
        let model = GreedySequenceTagger.train(Self.sequences, featureSet: PartOfSpeechFeatures(), passes: 8)
        let tagger = GreedySequenceTagger(model: model, featureSet: PartOfSpeechFeatures())
        let labels = tagger.label(["the", "Danube", "ran", "happily"])
        #expect(labels.map(\.label) == ["DET", "PROPN", "VERB", "ADV"])
        #expect(labels.allSatisfy { $0.score > 0.25 && $0.score <= 1 })
    }

    @Test func modelFileRoundTripsAndRefusesDamage() throws {
        let model = GreedySequenceTagger.train(Self.sequences, featureSet: PartOfSpeechFeatures(), passes: 3)
        let data = PerceptronModelFile.data(of: model)
        let read = try PerceptronModelFile.model(from: data)
        #expect(read.classes == model.classes && read.featureCount == model.featureCount)
        let features = PartOfSpeechFeatures().features(of: ["the", "dog"], at: 1, previousLabels: ["DET"])
        #expect(read.predict(features) == model.predict(features))
        #expect(throws: PerceptronModelFile.FormatError.self) { try PerceptronModelFile.model(from: data.dropLast(3)) }
        #expect(throws: PerceptronModelFile.FormatError.self) { try PerceptronModelFile.model(from: Data("nonsense".utf8)) }
    }

    @Test func trainingIsReproducible() {
        let first = PerceptronModelFile.data(
            of: GreedySequenceTagger.train(Self.sequences, featureSet: PartOfSpeechFeatures(), passes: 4))
        let second = PerceptronModelFile.data(
            of: GreedySequenceTagger.train(Self.sequences, featureSet: PartOfSpeechFeatures(), passes: 4))
        #expect(first == second)
    }
}
