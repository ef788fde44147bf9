/// The features a part-of-speech decision sees: the word, its affixes and shape, its neighbours two either
/// side, and the two tags chosen before it (after Honnibal's averaged-perceptron tagger, with shape features
/// for unknown words).
public struct PartOfSpeechFeatures: SequenceFeatureSet {
    public init() {}

    public func features(of items: [String], at index: Int, previousLabels: ArraySlice<String>) -> [UInt64] {
        let word = items[index]
        let normal = Self.normalized(word)
        let previousTag = previousLabels.last ?? "-START-"
        let previousTag2 = previousLabels.dropLast().last ?? "-START2-"
        let previousWord = index > 0 ? Self.normalized(items[index - 1]) : "-START-"
        let previousWord2 = index > 1 ? Self.normalized(items[index - 2]) : "-START2-"
        let nextWord = index + 1 < items.count ? Self.normalized(items[index + 1]) : "-END-"
        let nextWord2 = index + 2 < items.count ? Self.normalized(items[index + 2]) : "-END2-"
        var features: [UInt64] = [
            FeatureHash.hash("bias", ""),
            FeatureHash.hash("w", normal),
            FeatureHash.hash("suf3", normal.suffix(3)),
            FeatureHash.hash("suf2", normal.suffix(2)),
            FeatureHash.hash("pre1", normal.prefix(1)),
            FeatureHash.hash("pre3", normal.prefix(3)),
            FeatureHash.hash("shape", Self.shape(word)),
            FeatureHash.hash("t-1", previousTag),
            FeatureHash.hash("t-2 t-1", previousTag2 + " " + previousTag),
            FeatureHash.hash("t-1 w", previousTag + " " + normal),
            FeatureHash.hash("w-1", previousWord),
            FeatureHash.hash("w-1 suf3", previousWord.suffix(3)),
            FeatureHash.hash("w-2", previousWord2),
            FeatureHash.hash("w+1", nextWord),
            FeatureHash.hash("w+1 suf3", nextWord.suffix(3)),
            FeatureHash.hash("w+2", nextWord2),
            FeatureHash.hash("w w+1", normal + " " + nextWord),
            FeatureHash.hash("w-1 w", previousWord + " " + normal),
        ]
        if index == 0 { features.append(FeatureHash.hash("first", Self.shape(word))) }
        if word.contains("-") { features.append(FeatureHash.hash("hyphen", "")) }
        return features
    }

    /// Lower case, with numbers folded into a few classes so that every year or amount is one word.
    static func normalized(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return word.utf8.count == 4 ? "!YEAR" : "!DIGITS"
        }
        if let first = word.unicodeScalars.first, first.properties.numericType != nil,
            word.unicodeScalars.contains(where: { $0.properties.numericType != nil })
        {
            return "!NUMBER"
        }
        return word.lowercased()
    }

    /// The word's shape: letters to X/x, digits to d, runs longer than two collapsed ("Xxx", "dd.dd", "XX").
    static func shape(_ word: String) -> String {
        var shape = ""
        var last: Character = " "
        var run = 0
        for scalar in word.unicodeScalars {
            let mapped: Character =
                scalar.properties.isUppercase ? "X"
                : scalar.properties.isLowercase ? "x"
                : scalar.properties.numericType != nil ? "d"
                : Character(scalar)
            run = mapped == last ? run + 1 : 1
            last = mapped
            if run <= 3 { shape.append(mapped) }
        }
        return shape
    }
}

/// Universal Dependencies part-of-speech tags for tokens, as Comprehend's DetectSyntax names them.
public struct PartOfSpeechTagger: Sendable {
    let tagger: GreedySequenceTagger<PartOfSpeechFeatures>

    /// Creates a tagger over a trained model.
    public init(model: AveragedPerceptron) {
        tagger = GreedySequenceTagger(model: model, featureSet: PartOfSpeechFeatures())
    }

    /// One tag with its confidence per token of a sentence.
    public func tag(_ tokens: [Token]) -> [ScoredLabel] {
        tagger.label(tokens.map(\.text))
    }
}
