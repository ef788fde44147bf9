import Foundation

/// Speaker diarization by agglomerative clustering of voiceprints: features standardised over the file, cosine
/// similarity, average linkage; clusters merge while they are more alike than `threshold` or while there are
/// more than `maxSpeakers`.
public enum SpeakerClustering {
    /// Similarity above which two clusters are taken for one speaker.
    public static let threshold: Float = 0.25

    /// A speaker index per voiceprint, numbered in order of first appearance.
    public static func labels(_ voiceprints: [Voiceprint], maxSpeakers: Int) -> [Int] {
        guard voiceprints.count > 1 else { return voiceprints.map { _ in 0 } }
        let vectors = standardised(voiceprints.map(\.features))
        var clusters = vectors.indices.map { [$0] }
        var similarity = [[Float]](repeating: [Float](repeating: 0, count: vectors.count), count: vectors.count)
        for i in vectors.indices {
            for j in vectors.indices where j > i {
                let value = cosine(vectors[i], vectors[j])
                similarity[i][j] = value
                similarity[j][i] = value
            }
        }
        while clusters.count > 1 {
            var best = (-Float.infinity, 0, 0)
            for a in clusters.indices {
                for b in clusters.indices where b > a {
                    var sum: Float = 0
                    for i in clusters[a] { for j in clusters[b] { sum += similarity[i][j] } }
                    let average = sum / Float(clusters[a].count * clusters[b].count)
                    if average > best.0 { best = (average, a, b) }
                }
            }
            guard best.0 > threshold || clusters.count > maxSpeakers else { break }
            clusters[best.1] += clusters[best.2]
            clusters.remove(at: best.2)
        }
        var labelOf = [Int](repeating: 0, count: vectors.count)
        let ordered = clusters.sorted { $0.min()! < $1.min()! }
        for (label, members) in ordered.enumerated() { for member in members { labelOf[member] = label } }
        return labelOf
    }

    private static func standardised(_ vectors: [[Float]]) -> [[Float]] {
        let dimensions = vectors[0].count
        var result = vectors
        for d in 0..<dimensions {
            let values = vectors.map { $0[d] }
            let mean = values.reduce(0, +) / Float(values.count)
            let deviation = max(1e-6, (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)).squareRoot())
            for index in result.indices { result[index][d] = (vectors[index][d] - mean) / deviation }
        }
        return result
    }

    private static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        return dot / max(1e-9, (normA * normB).squareRoot())
    }
}
