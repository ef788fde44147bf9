/// Describes a token in context by hashed features; the labels already chosen to its left are part of the
/// context, which is what makes greedy left-to-right tagging work.
public protocol SequenceFeatureSet: Sendable {
    /// One item of the sequence (a word; a word with its part of speech).
    associatedtype Item

    /// The features of the item at `index`, given the labels chosen for the items before it.
    func features(of items: [Item], at index: Int, previousLabels: ArraySlice<String>) -> [UInt64]
}

/// A label with the model's confidence in it.
public struct ScoredLabel: Sendable, Equatable {
    public var label: String
    /// 0–1.
    public var score: Double
}

/// Labels a sequence left to right with an averaged perceptron, each decision seeing the previous ones.
public struct GreedySequenceTagger<FeatureSet: SequenceFeatureSet>: Sendable {
    public let model: AveragedPerceptron
    public let featureSet: FeatureSet

    /// Creates a tagger over a trained model.
    public init(model: AveragedPerceptron, featureSet: FeatureSet) {
        self.model = model
        self.featureSet = featureSet
    }

    /// One scored label per item.
    public func label(_ items: [FeatureSet.Item]) -> [ScoredLabel] {
        var labels: [String] = []
        var scored: [ScoredLabel] = []
        labels.reserveCapacity(items.count)
        for index in items.indices {
            let scores = model.scores(featureSet.features(of: items, at: index, previousLabels: labels[...]))
            let probabilities = AveragedPerceptron.probabilities(scores, temperature: model.temperature)
            var best = 0
            for candidate in scores.indices where scores[candidate] > scores[best] { best = candidate }
            labels.append(model.classes[best])
            scored.append(ScoredLabel(label: model.classes[best], score: Double(probabilities[best])))
        }
        return scored
    }

    /// Trains a model on labelled sequences for a number of passes, visiting them in a fixed pseudo-random
    /// order each pass (seeded, so training is reproducible), and answers the averaged model, its confidence
    /// calibrated on every twentieth sequence, which is held out of training for that.
    public static func train(
        _ sequences: [(items: [FeatureSet.Item], labels: [String])], featureSet: FeatureSet, passes: Int,
        pruningBelow threshold: Float = 0, progress: (Int, Double) -> Void = { _, _ in }
    ) -> AveragedPerceptron {
        let classes = Array(Set(sequences.flatMap(\.labels))).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var trainer = PerceptronTrainer(classes: classes)
        let heldOut = sequences.count >= 40 ? Set(stride(from: 19, to: sequences.count, by: 20)) : []
        var order = sequences.indices.filter { !heldOut.contains($0) }
        var generator = SplitMix64(seed: 2017_11_27)
        for pass in 1...passes {
            var correct = 0
            var total = 0
            for sequenceIndex in order {
                let (items, truth) = sequences[sequenceIndex]
                var chosen: [String] = []
                for index in items.indices {
                    let features = featureSet.features(of: items, at: index, previousLabels: chosen[...])
                    let predicted = trainer.current.predict(features)
                    let gold = classIndex[truth[index]]!
                    trainer.update(features: features, truth: gold, predicted: predicted)
                    chosen.append(classes[predicted])
                    correct += predicted == gold ? 1 : 0
                    total += 1
                }
            }
            progress(pass, Double(correct) / Double(max(total, 1)))
            order.shuffle(using: &generator)
        }
        let model = trainer.averaged(pruningBelow: threshold)
        var calibration: [(features: [UInt64], truth: Int)] = []
        let tagger = GreedySequenceTagger(model: model, featureSet: featureSet)
        for sequenceIndex in heldOut.sorted() {
            let (items, truth) = sequences[sequenceIndex]
            let chosen = tagger.label(items).map(\.label)
            for index in items.indices {
                guard let gold = classIndex[truth[index]] else { continue }
                calibration.append((featureSet.features(of: items, at: index, previousLabels: chosen[..<index]), gold))
            }
        }
        return model.calibrated(on: calibration)
    }
}

/// A small, fast, seedable generator (SplitMix64) so that training runs repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
