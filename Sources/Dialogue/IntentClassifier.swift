import Foundation

/// What the classifier says of one intent for an utterance.
public struct IntentEvidence: Sendable, Equatable {
    /// The intent's name.
    public var intent: String
    /// The logistic regression's probability (the intents' probabilities sum to 1).
    public var probability: Double
    /// The cosine likeness (0–1) of the utterance's content words to the intent's nearest example.
    public var likeness: Double
}

/// An intent and how confident the engine is that an utterance means it.
public struct IntentScore: Sendable, Equatable {
    /// The intent's name.
    public var intent: String
    /// Confidence between 0 and 1.
    public var confidence: Double
}

/// Intent classification learned from example utterances: multinomial logistic regression on TF-IDF word and
/// character features, and beside each intent's probability the likeness of the utterance's content words to that
/// intent's nearest example — so that an utterance unlike anything the bot was taught can score low for every intent
/// (and end in the fallback intent) instead of being forced onto the least unlikely one.
public struct IntentClassifier: Sendable {
    /// The intents, in the order of `weights`' rows.
    public let intents: [String]
    private let features: IntentFeatures
    private let content: IntentFeatures
    private let weights: [[Double]]
    private let bias: [Double]
    private let examples: [[SparseVector]]

    /// Trains on `(text, intent)` examples. One intent alone is allowed: its confidence is then its similarity.
    public init(examples labelled: [(text: String, intent: String)], epochs: Int = 300, regularization: Double = 1e-3) {
        intents = Array(Set(labelled.map(\.intent))).sorted()
        let index = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, $0) })
        let features = IntentFeatures(fitting: labelled.map(\.text))
        self.features = features
        let vectors = labelled.map { features.vector($0.text) }
        let labels = labelled.map { index[$0.intent]! }
        let content = IntentFeatures(fitting: labelled.map(\.text), contentOnly: true)
        self.content = content
        var grouped = Array(repeating: [SparseVector](), count: intents.count)
        for (example, label) in zip(labelled, labels) { grouped[label].append(content.vector(example.text)) }
        examples = grouped
        (weights, bias) = Self.train(
            vectors: vectors, labels: labels, classes: intents.count, columns: features.columns.count, epochs: epochs,
            regularization: regularization)
    }

    /// For every intent, the model's probability and the likeness of the utterance to the intent's nearest example.
    public func evidence(_ text: String) -> [IntentEvidence] {
        let vector = features.vector(text)
        let probabilities = softmax(scores(vector))
        let likeness = content.vector(text)
        return intents.indices.map { intent in
            let nearest = examples[intent].reduce(0.0) { max($0, likeness.dot($1)) }
            return IntentEvidence(intent: intents[intent], probability: probabilities[intent], likeness: nearest)
        }
    }

    private func scores(_ vector: SparseVector) -> [Double] {
        (0..<intents.count).map { row in
            vector.entries.reduce(bias[row]) { $0 + weights[row][$1.column] * $1.value }
        }
    }

    private func softmax(_ scores: [Double]) -> [Double] {
        guard scores.count > 1 else { return scores.map { _ in 1 } }
        let top = scores.max()!
        let exps = scores.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// Full-batch gradient descent on the L2-regularised cross-entropy (the problem is convex; a few hundred
    /// epochs over a bot's few thousand expanded utterances take well under a second).
    private static func train(
        vectors: [SparseVector], labels: [Int], classes: Int, columns: Int, epochs: Int, regularization: Double
    ) -> ([[Double]], [Double]) {
        var weights = Array(repeating: Array(repeating: 0.0, count: columns), count: classes)
        var bias = Array(repeating: 0.0, count: classes)
        guard classes > 1, !vectors.isEmpty else { return (weights, bias) }
        let rate = 2.0
        let count = Double(vectors.count)
        for _ in 0..<epochs {
            var gradient = Array(repeating: Array(repeating: 0.0, count: columns), count: classes)
            var biasGradient = Array(repeating: 0.0, count: classes)
            for (vector, label) in zip(vectors, labels) {
                var scores = bias
                for row in 0..<classes {
                    for entry in vector.entries { scores[row] += weights[row][entry.column] * entry.value }
                }
                let top = scores.max()!
                let exps = scores.map { exp($0 - top) }
                let total = exps.reduce(0, +)
                for row in 0..<classes {
                    let error = exps[row] / total - (row == label ? 1 : 0)
                    biasGradient[row] += error
                    for entry in vector.entries { gradient[row][entry.column] += error * entry.value }
                }
            }
            for row in 0..<classes {
                bias[row] -= rate * biasGradient[row] / count
                for column in 0..<columns {
                    weights[row][column] -= rate * (gradient[row][column] / count + regularization * weights[row][column])
                }
            }
        }
        return (weights, bias)
    }
}
