import Foundation

/// Multinomial logistic regression on sparse features, trained by full-batch gradient descent on the
/// L2-regularised cross-entropy (convex; a few hundred epochs over a bot's expanded utterances take well under a
/// second). The intent classifier and the slot tagger are both one.
struct SoftmaxRegression: Sendable {
    private let weights: [[Double]]
    private let bias: [Double]

    /// Trains on vectors with class labels `0..<classes`.
    init(vectors: [SparseVector], labels: [Int], classes: Int, columns: Int, epochs: Int, regularization: Double) {
        var weights = Array(repeating: Array(repeating: 0.0, count: columns), count: classes)
        var bias = Array(repeating: 0.0, count: classes)
        if classes > 1, !vectors.isEmpty {
            Self.descend(&weights, &bias, vectors: vectors, labels: labels, epochs: epochs, regularization: regularization)
        }
        self.weights = weights
        self.bias = bias
    }

    private static func descend(
        _ weights: inout [[Double]], _ bias: inout [Double], vectors: [SparseVector], labels: [Int], epochs: Int,
        regularization: Double
    ) {
        let classes = bias.count
        let columns = weights.first?.count ?? 0
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
    }

    /// The probability of each class for a vector (1 for the only class of a one-class model).
    func probabilities(_ vector: SparseVector) -> [Double] {
        guard bias.count > 1 else { return bias.map { _ in 1 } }
        let scores = (0..<bias.count).map { row in
            vector.entries.reduce(bias[row]) { $0 + weights[row][$1.column] * $1.value }
        }
        let top = scores.max()!
        let exps = scores.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
