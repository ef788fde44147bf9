/// The sentiment of a text: Comprehend's four scores, which sum to 1, and the label with the highest.
public struct SentimentResult: Sendable, Equatable {
    /// POSITIVE, NEGATIVE, NEUTRAL or MIXED.
    public var label: String
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var mixed: Double
}

/// Classifies sentiment sentence by sentence with a trained linear model over words and word pairs (negated
/// words marked up to the next punctuation: "not good" is a different feature from "good") and the valence
/// class of words in a sentiment lexicon (so words the training sentences never used still count), then
/// combines the sentences: a document whose sentences are confidently positive and confidently negative is MIXED.
public struct SentimentClassifier: Sendable {
    public let model: AveragedPerceptron
    public let lexicon: SentimentLexicon
    let tokenizer: Tokenizer

    /// Creates a classifier over a trained model (classes NEGATIVE, NEUTRAL, POSITIVE) and the lexicon it was
    /// trained with.
    public init(model: AveragedPerceptron, lexicon: SentimentLexicon, language: String = "en") {
        self.model = model
        self.lexicon = lexicon
        tokenizer = Tokenizer(language: language)
    }

    /// The sentiment of a document.
    public func classify(_ text: String) -> SentimentResult {
        var weighted = [Double](repeating: 0, count: model.classes.count)
        var totalWeight = 0.0
        var strongest = (positive: 0.0, negative: 0.0)
        let positive = model.classes.firstIndex(of: "POSITIVE")
        let negative = model.classes.firstIndex(of: "NEGATIVE")
        for sentence in tokenizer.sentences(text) {
            let probabilities = model.probabilities(Self.features(sentence.tokens.map(\.text), lexicon: lexicon))
            let weight = Double(sentence.tokens.count)
            for index in probabilities.indices { weighted[index] += weight * Double(probabilities[index]) }
            totalWeight += weight
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }
            if let positive, best == positive { strongest.positive = max(strongest.positive, Double(probabilities[positive])) }
            if let negative, best == negative { strongest.negative = max(strongest.negative, Double(probabilities[negative])) }
        }
        guard totalWeight > 0 else { return SentimentResult(label: "NEUTRAL", positive: 0, negative: 0, neutral: 1, mixed: 0) }
        let average = weighted.map { $0 / totalWeight }
        func share(_ label: String) -> Double { model.classes.firstIndex(of: label).map { average[$0] } ?? 0 }
        // Mixed: as strong as the weaker of the two opposite sentences (zero unless both kinds are present).
        let mixed = min(strongest.positive, strongest.negative)
        let rest = 1 - mixed
        var result = SentimentResult(
            label: "", positive: share("POSITIVE") * rest, negative: share("NEGATIVE") * rest,
            neutral: share("NEUTRAL") * rest, mixed: mixed)
        let scores = [
            ("POSITIVE", result.positive), ("NEGATIVE", result.negative), ("NEUTRAL", result.neutral),
            ("MIXED", result.mixed),
        ]
        result.label = scores.max { $0.1 < $1.1 }!.0
        return result
    }

    static let negations: Set<String> = [
        "not", "n't", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere", "cannot", "without",
        "hardly", "barely", "lack", "lacks", "lacking",
    ]

    /// The features of a sentence's words: a bias, each lower-cased word (marked when negated), each pair of
    /// neighbouring words, and the lexicon's valence class of each word (flipped when negated).
    public static func features(_ words: [String], lexicon: SentimentLexicon) -> [UInt64] {
        var features: [UInt64] = [FeatureHash.hash("bias", "")]
        var negated = false
        var previous = "<s>"
        for word in words {
            let lowered = word.lowercased()
            if lowered.unicodeScalars.allSatisfy({ $0.properties.generalCategory.isPunctuation }) {
                negated = false
                previous = lowered
                continue
            }
            features.append(FeatureHash.hash(negated ? "neg" : "w", lowered))
            features.append(FeatureHash.hash("ww", previous + " " + lowered))
            if let valence = lexicon.valence(of: lowered) {
                features.append(FeatureHash.hash("lexicon", SentimentLexicon.valenceClass(negated ? -valence : valence)))
            }
            if negations.contains(lowered) { negated = true }
            previous = lowered
        }
        features.append(FeatureHash.hash("ww", previous + " </s>"))
        return features
    }

    /// Trains a model on labelled sentences, holding out every tenth to calibrate its confidence; reproducible.
    public static func train(
        _ examples: [(label: String, text: String)], lexicon: SentimentLexicon, passes: Int, language: String = "en",
        pruningBelow threshold: Float = 0, progress: (Int, Double) -> Void = { _, _ in }
    ) -> AveragedPerceptron {
        let tokenizer = Tokenizer(language: language)
        let classes = Array(Set(examples.map(\.label))).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let featurized = examples.map {
            (features(tokenizer.tokens($0.text).map(\.text), lexicon: lexicon), classIndex[$0.label]!)
        }
        let heldOut = featurized.indices.filter { $0 % 10 == 9 }
        var order = featurized.indices.filter { $0 % 10 != 9 }
        var trainer = PerceptronTrainer(classes: classes)
        var generator = SplitMix64(seed: 2017_11_27)
        order.shuffle(using: &generator)
        for pass in 1...passes {
            var correct = 0
            for index in order {
                let (features, truth) = featurized[index]
                let predicted = trainer.current.predict(features)
                trainer.update(features: features, truth: truth, predicted: predicted)
                correct += predicted == truth ? 1 : 0
            }
            progress(pass, Double(correct) / Double(max(order.count, 1)))
            order.shuffle(using: &generator)
        }
        return trainer.averaged(pruningBelow: threshold).calibrated(on: heldOut.map { featurized[$0] })
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}
