import Foundation

/// Marks which words of an utterance belong to which slot: a logistic regression over each word's neighbourhood
/// (the word, its neighbours, its shape and ending, and the word classes of it and its neighbours) with
/// begin/inside/outside labels, trained on the sample
/// utterances filled with slot values. It finds values by their surroundings where no sample utterance lines up
/// word for word ("what's it like in {location} at {time}" said as "in lutts at 9 how is it").
struct SlotTagger: Sendable {
    private let labels: [String]
    private let columns: [String: Int]
    private let model: SoftmaxRegression

    init(_ examples: [TrainingUtterance]) {
        var labels = ["O"]
        var labelIndex = ["O": 0]
        var columns: [String: Int] = [:]
        var vectors: [SparseVector] = []
        var targets: [Int] = []
        for example in examples {
            for position in example.words.indices {
                let label = example.slots[position].map { (example.begins[position] ? "B-" : "I-") + $0 } ?? "O"
                if labelIndex[label] == nil {
                    labelIndex[label] = labels.count
                    labels.append(label)
                }
                var entries: [(column: Int, value: Double)] = []
                for name in Self.features(example.words, position) {
                    entries.append((columns.column(for: name).column, 1))
                }
                entries.sort { $0.column < $1.column }
                vectors.append(SparseVector(entries: entries))
                targets.append(labelIndex[label]!)
            }
        }
        self.labels = labels
        self.columns = columns
        model = SoftmaxRegression(
            vectors: vectors, labels: targets, classes: labels.count, columns: columns.count, epochs: 150,
            regularization: 1e-3)
    }

    /// The spans the tagger marks, by slot: word ranges of `words` (lowercased). The labels are decoded together
    /// (Viterbi over the words' label probabilities), so that a slot's inside words always follow its beginning:
    /// a likely "inside" after an unlikely "outside" moves the beginning back instead of starting a span mid-value.
    func spans(_ words: [String]) -> [(slot: String, range: Range<Int>)] {
        guard !words.isEmpty else { return [] }
        let logs = words.indices.map { position -> [Double] in
            var entries = Self.features(words, position).compactMap { columns[$0] }.map { (column: $0, value: 1.0) }
            entries.sort { $0.column < $1.column }
            return model.probabilities(SparseVector(entries: entries)).map { log(max($0, 1e-12)) }
        }
        let count = labels.count
        // An "inside" label may only follow its own slot's beginning or inside.
        func allowed(_ from: Int?, _ to: Int) -> Bool {
            let label = labels[to]
            guard label.hasPrefix("I-") else { return true }
            guard let from else { return false }
            return labels[from].dropFirst(2) == label.dropFirst(2) && labels[from] != "O"
        }
        var score = (0..<count).map { allowed(nil, $0) ? logs[0][$0] : -Double.infinity }
        var back: [[Int]] = []
        for position in 1..<words.count {
            var next = [Double](repeating: -.infinity, count: count)
            var from = [Int](repeating: 0, count: count)
            for to in 0..<count {
                for previous in 0..<count where score[previous] > -.infinity && allowed(previous, to) {
                    if score[previous] + logs[position][to] > next[to] {
                        next[to] = score[previous] + logs[position][to]
                        from[to] = previous
                    }
                }
            }
            back.append(from)
            score = next
        }
        var path = [score.indices.max { score[$0] < score[$1] }!]
        for from in back.reversed() { path.append(from[path.last!]) }
        path.reverse()
        var spans: [(slot: String, range: Range<Int>)] = []
        var current: (slot: String, start: Int)?
        for (position, index) in path.enumerated() {
            let label = labels[index]
            let slot = label == "O" ? nil : String(label.dropFirst(2))
            if let open = current, slot != open.slot || label.hasPrefix("B-") {
                spans.append((open.slot, open.start..<position))
                current = nil
            }
            if let slot, current == nil { current = (slot, position) }
        }
        if let open = current { spans.append((open.slot, open.start..<words.count)) }
        return spans
    }

    private static func features(_ words: [String], _ position: Int) -> [String] {
        let word = words[position]
        let shape = word.allSatisfy(\.isNumber) ? "digits" : word.contains(where: \.isNumber) ? "mixed" : "letters"
        func wordClass(_ offset: Int) -> String {
            let index = position + offset
            guard words.indices.contains(index) else { return index < 0 ? "<s>" : "</s>" }
            return WordClass.of(words[index]) ?? "-"
        }
        return [
            "w=" + word, "s=" + String(word.suffix(3)), "shape=" + shape,
            "p=" + (position > 0 ? words[position - 1] : "<s>"),
            "n=" + (position + 1 < words.count ? words[position + 1] : "</s>"),
            "pp=" + (position > 1 ? words[position - 2] : "<s>"),
            "nn=" + (position + 2 < words.count ? words[position + 2] : "</s>"),
            "pw=" + (position > 0 ? words[position - 1] : "<s>") + " " + word,
            "c=" + wordClass(0), "pc=" + wordClass(-1), "nc=" + wordClass(1),
            "pw-c=" + (position > 0 ? words[position - 1] : "<s>") + " " + wordClass(0),
        ]
    }
}
