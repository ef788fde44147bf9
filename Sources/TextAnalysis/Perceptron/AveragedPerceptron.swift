import Foundation

/// A linear multi-class model over hashed string features, trained as an averaged perceptron
/// (Collins 2002): each training mistake moves weight from the predicted class to the true one, and the
/// final weights are the average over all steps, which generalises far better than the last ones.
public struct AveragedPerceptron: Sendable {
    /// The class labels, e.g. UPOS tags or BIO entity labels.
    public let classes: [String]
    /// Feature hash → row offset into `weights` (`classes.count` weights per feature).
    private(set) var rows: [UInt64: Int32]
    private(set) var weights: [Float]
    /// The softmax temperature that turns this model's scores into calibrated probabilities (fitted on held-out
    /// examples by `calibrated(on:)`).
    public internal(set) var temperature: Float

    /// Creates a model from its parts (as read from a model file).
    init(classes: [String], rows: [UInt64: Int32], weights: [Float], temperature: Float = 1) {
        self.classes = classes
        self.rows = rows
        self.weights = weights
        self.temperature = temperature
    }

    /// One score per class for a set of hashed features.
    public func scores(_ features: [UInt64]) -> [Float] {
        var scores = [Float](repeating: 0, count: classes.count)
        let width = classes.count
        weights.withUnsafeBufferPointer { weights in
            for feature in features {
                guard let row = rows[feature] else { continue }
                let base = Int(row)
                for index in 0..<width { scores[index] += weights[base + index] }
            }
        }
        return scores
    }

    /// The best class index for a set of features.
    public func predict(_ features: [UInt64]) -> Int {
        let scores = scores(features)
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        return best
    }

    /// Probabilities per class for a set of features, with the model's calibrated temperature.
    public func probabilities(_ features: [UInt64]) -> [Float] {
        Self.probabilities(scores(features), temperature: temperature)
    }

    /// Scores turned into probabilities with a softmax at a temperature.
    public static func probabilities(_ scores: [Float], temperature: Float) -> [Float] {
        guard let top = scores.max() else { return [] }
        let exps = scores.map { exp(($0 - top) / temperature) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// The number of features with weights.
    public var featureCount: Int { rows.count }

    /// The same model with the temperature that minimises the log loss on held-out examples (a grid search over
    /// 0.1–100), so that a score of 0.9 means right about nine times in ten.
    public func calibrated(on examples: [(features: [UInt64], truth: Int)]) -> AveragedPerceptron {
        guard !examples.isEmpty else { return self }
        let scored = examples.map { (scores($0.features), $0.truth) }
        var best = (temperature: Float(1), loss: Double.infinity)
        for step in 0...60 {
            let candidate = Float(pow(10, -1 + Double(step) / 20))
            var loss = 0.0
            for (scores, truth) in scored {
                loss -= log(max(Double(Self.probabilities(scores, temperature: candidate)[truth]), 1e-12))
            }
            if loss < best.loss { best = (candidate, loss) }
        }
        var model = self
        model.temperature = best.temperature
        return model
    }
}

/// Trains an `AveragedPerceptron`, keeping the running totals that averaging needs.
public struct PerceptronTrainer {
    public let classes: [String]
    private var rows: [UInt64: Int32] = [:]
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    private var step = 0

    /// Creates a trainer for a set of classes.
    public init(classes: [String]) {
        self.classes = classes
    }

    /// The current (not averaged) model, used to predict during training.
    public var current: AveragedPerceptron {
        AveragedPerceptron(classes: classes, rows: rows, weights: weights)
    }

    /// Learns from one example: when `predicted` is not `truth`, features gain weight for the truth and
    /// lose it for the prediction.
    public mutating func update(features: [UInt64], truth: Int, predicted: Int) {
        step += 1
        guard truth != predicted else { return }
        for feature in features {
            let row = row(for: feature)
            adjust(row + truth, by: 1)
            adjust(row + predicted, by: -1)
        }
    }

    /// The averaged model; features whose averaged weights all stay below `threshold` in magnitude are dropped.
    public func averaged(pruningBelow threshold: Float = 0) -> AveragedPerceptron {
        let width = classes.count
        var keptRows: [UInt64: Int32] = [:]
        var keptWeights: [Float] = []
        for (feature, row) in rows {
            let base = Int(row)
            var averaged = [Float](repeating: 0, count: width)
            for index in 0..<width {
                let slot = base + index
                let total = totals[slot] + Double(step - stamps[slot]) * Double(weights[slot])
                averaged[index] = Float(total / Double(max(step, 1)))
            }
            guard averaged.contains(where: { abs($0) >= threshold && $0 != 0 }) else { continue }
            keptRows[feature] = Int32(keptWeights.count)
            keptWeights += averaged
        }
        return AveragedPerceptron(classes: classes, rows: keptRows, weights: keptWeights)
    }

    private mutating func row(for feature: UInt64) -> Int {
        if let row = rows[feature] { return Int(row) }
        let row = weights.count
        rows[feature] = Int32(row)
        weights += [Float](repeating: 0, count: classes.count)
        totals += [Double](repeating: 0, count: classes.count)
        stamps += [Int](repeating: step, count: classes.count)
        return row
    }

    private mutating func adjust(_ slot: Int, by delta: Float) {
        totals[slot] += Double(step - stamps[slot]) * Double(weights[slot])
        stamps[slot] = step
        weights[slot] += delta
    }
}

/// Hashes feature strings (FNV-1a, 64 bits) so models store numbers, not strings.
public enum FeatureHash {
    /// The hash of a feature name and its value, e.g. `("suffix", "ing")`.
    public static func hash(_ name: StaticString, _ value: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        name.withUTF8Buffer { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        hash = (hash ^ 0x1f) &* 0x100_0000_01b3
        for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
