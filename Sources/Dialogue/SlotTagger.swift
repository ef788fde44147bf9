/// Marks which words of an utterance belong to which slot: a logistic regression over each word's neighbourhood
/// (the word, its neighbours, its shape and ending) with begin/inside/outside labels, trained on the sample
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

    /// The spans the tagger marks, by slot: word ranges of `words` (lowercased).
    func spans(_ words: [String]) -> [(slot: String, range: Range<Int>)] {
        var spans: [(slot: String, range: Range<Int>)] = []
        var current: (slot: String, start: Int)?
        for position in words.indices {
            var entries = Self.features(words, position).compactMap { columns[$0] }.map { (column: $0, value: 1.0) }
            entries.sort { $0.column < $1.column }
            let probabilities = model.probabilities(SparseVector(entries: entries))
            let label = labels[probabilities.indices.max { probabilities[$0] < probabilities[$1] }!]
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
        return [
            "w=" + word, "s=" + String(word.suffix(3)), "shape=" + shape,
            "p=" + (position > 0 ? words[position - 1] : "<s>"),
            "n=" + (position + 1 < words.count ? words[position + 1] : "</s>"),
            "pp=" + (position > 1 ? words[position - 2] : "<s>"),
            "nn=" + (position + 2 < words.count ? words[position + 2] : "</s>"),
            "pw=" + (position > 0 ? words[position - 1] : "<s>") + " " + word,
        ]
    }
}
