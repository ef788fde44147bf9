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
    /// The intents, in the order of the model's classes.
    public let intents: [String]
    private let features: IntentFeatures
    private let content: IntentFeatures
    private let model: SoftmaxRegression
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
        model = SoftmaxRegression(
            vectors: vectors, labels: labels, classes: intents.count, columns: features.columns.count, epochs: epochs,
            regularization: regularization)
    }

    /// For every intent, the model's probability and the likeness of the utterance to the intent's nearest example.
    public func evidence(_ text: String) -> [IntentEvidence] {
        let vector = features.vector(text)
        let probabilities = model.probabilities(vector)
        let likeness = content.vector(text)
        return intents.indices.map { intent in
            let nearest = examples[intent].reduce(0.0) { max($0, likeness.dot($1)) }
            return IntentEvidence(intent: intents[intent], probability: probabilities[intent], likeness: nearest)
        }
    }
}
