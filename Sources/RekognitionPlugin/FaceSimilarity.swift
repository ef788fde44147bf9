import Foundation

/// Rekognition's 0–100 similarity from the Euclidean distance of two dlib face embeddings.
///
/// dlib's model puts two photos of one person within 0.6 of each other (its published operating point, 99.38% on
/// LFW pairs). The scale is a logistic curve placed so that distance 0.6 reads 80 — AWS's default match
/// threshold for CompareFaces and the searches — with typical same-person distances (0.3–0.45) reading 99+
/// and different people (0.75 and more) under 20: `100 / (1 + e^(20·(d − 0.669)))`.
enum FaceSimilarity {
    static let steepness = 20.0
    static let midpoint = 0.669

    static func similarity(distance: Double) -> Double {
        100 / (1 + exp(steepness * (distance - midpoint)))
    }

    static func distance(_ first: [Float], _ second: [Float]) -> Double {
        var sum = 0.0
        for index in 0..<min(first.count, second.count) {
            let difference = Double(first[index] - second[index])
            sum += difference * difference
        }
        return sum.squareRoot()
    }

    static func similarity(_ first: [Float], _ second: [Float]) -> Double {
        similarity(distance: distance(first, second))
    }
}
