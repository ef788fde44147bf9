import Foundation

/// The sparse features an utterance is classified by: word unigrams and bigrams, and character trigrams of each
/// word (which carry plurals, typos and unseen inflections), weighted by inverse document frequency and L2-normalised.
struct IntentFeatures: Sendable {
    /// Whether function words ("what", "the", "some") are left out, so that likeness means shared content.
    let contentOnly: Bool
    /// Feature name → column.
    private(set) var columns: [String: Int] = [:]
    /// Inverse document frequency of each column.
    private(set) var idf: [Double] = []

    /// Learns the columns and their IDF from training texts.
    init(fitting texts: [String], contentOnly: Bool = false) {
        self.contentOnly = contentOnly
        var documentFrequency: [Int] = []
        for text in texts {
            var seen = Set<Int>()
            for name in names(text) {
                let (column, isNew) = columns.column(for: name)
                if isNew { documentFrequency.append(0) }
                if seen.insert(column).inserted { documentFrequency[column] += 1 }
            }
        }
        let count = Double(texts.count)
        idf = documentFrequency.map { log((1 + count) / (1 + Double($0))) + 1 }
    }

    /// The normalised vector of a text over the known columns (unknown features are dropped), as sorted pairs.
    func vector(_ text: String) -> SparseVector {
        var weights: [Int: Double] = [:]
        for name in names(text) {
            guard let column = columns[name] else { continue }
            weights[column, default: 0] += 1
        }
        var entries = weights.map { (column: $0.key, value: (1 + log($0.value)) * idf[$0.key]) }
        entries.sort { $0.column < $1.column }
        let norm = entries.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        guard norm > 0 else { return SparseVector(entries: []) }
        return SparseVector(entries: entries.map { ($0.column, $0.value / norm) })
    }

    func names(_ text: String) -> [String] {
        var words = UtteranceTokens.split(text).map(\.key)
        if contentOnly {
            let content = words.filter { !Self.functionWords.contains($0) }
            if !content.isEmpty { words = content }
        }
        var names: [String] = []
        names.reserveCapacity(words.count * 8)
        if contentOnly {
            // Likeness counts shared words (stemmed), not shared letters: "jazz" is not like "jasmine".
            let stems = words.map(Self.stem)
            for (index, stem) in stems.enumerated() {
                names.append("w:" + stem)
                if index + 1 < stems.count { names.append("b:" + stem + " " + stems[index + 1]) }
            }
            return names
        }
        for (index, word) in words.enumerated() {
            names.append("w:" + word)
            if index + 1 < words.count { names.append("b:" + word + " " + words[index + 1]) }
            let padded = Array("<" + word + ">")
            if padded.count >= 3 {
                for start in 0...(padded.count - 3) { names.append("c:" + String(padded[start..<(start + 3)])) }
            }
        }
        return names
    }

    /// A crude English stem: a plural or verb ending dropped from a long enough word.
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// English function words: frequent in every intent's utterances, telling none apart.
    static let functionWords: Set<String> = [
        "a", "an", "the", "i", "i'd", "i'm", "i'll", "me", "my", "mine", "you", "your", "we", "our", "us", "it", "it's",
        "its", "he", "she", "they", "them", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be",
        "been", "am", "do", "does", "did", "have", "has", "had", "will", "would", "should", "could", "can", "may",
        "might", "must", "shall", "to", "of", "in", "on", "at", "for", "with", "by", "from", "about", "as", "into",
        "and", "or", "but", "if", "so", "not", "no", "some", "any", "what", "which", "who", "when", "where", "how",
        "why", "please", "want", "like", "need", "get", "there", "here", "just", "also", "too", "very", "up", "out",
        "let's", "let", "don't", "what's", "that's", "there's",
    ]
}
