/// A named entity found in a text, with offsets in Unicode scalars.
public struct EntityMention: Sendable, Equatable {
    /// A Comprehend entity type: PERSON, LOCATION, ORGANIZATION, COMMERCIAL_ITEM, EVENT, DATE, QUANTITY,
    /// TITLE or OTHER.
    public var type: String
    public var text: String
    public var begin: Int
    public var end: Int
    /// The recogniser's confidence, 0–1 (the mean of its tokens' label confidences).
    public var score: Double
}

/// Finds named entities: a trained BIO sequence labeller over words and their part-of-speech tags, with a
/// gazetteer of place names for the places the labeller missed or took for people.
public struct EntityRecognizer: Sendable {
    let tagger: GreedySequenceTagger<EntityFeatures>
    let places: PlaceGazetteer

    /// Creates a recogniser over a trained model and a gazetteer of places.
    public init(model: AveragedPerceptron, places: PlaceGazetteer = PlaceGazetteer(names: [])) {
        tagger = GreedySequenceTagger(model: model, featureSet: EntityFeatures())
        self.places = places
    }

    /// The entities of tagged sentences, in text order.
    public func entities(in sentences: [[TaggedToken]], text: String) -> [EntityMention] {
        let scalars = Array(text.unicodeScalars)
        var mentions: [EntityMention] = []
        for sentence in sentences {
            let words = sentence.map(\.token.text)
            let labels = Self.withWholeQuantities(
                withPlaces(tagger.label(sentence.map { EntityItem(word: $0.token.text, tag: $0.tag) }), words: words),
                words: words)
            var open: (type: String, start: Int, scores: [Double])?
            func close(at end: Int) {
                guard let current = open else { return }
                let begin = sentence[current.start].token.begin
                let stop = sentence[end - 1].token.end
                mentions.append(
                    EntityMention(
                        type: current.type, text: String(String.UnicodeScalarView(scalars[begin..<stop])), begin: begin,
                        end: stop, score: current.scores.reduce(0, +) / Double(current.scores.count)))
                open = nil
            }
            for (index, label) in labels.enumerated() {
                let parts = label.label.split(separator: "-", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    close(at: index)
                    continue
                }
                if parts[0] == "I", let current = open, current.type == parts[1] {
                    open?.scores.append(label.score)
                } else {
                    close(at: index)
                    open = (parts[1], index, [label.score])
                }
            }
            close(at: sentence.count)
        }
        return mentions
    }

    /// Labels known place names LOCATION where the labeller found nothing there, or took the whole name for a
    /// person or something other.
    private func withPlaces(_ labels: [ScoredLabel], words: [String]) -> [ScoredLabel] {
        var labels = labels
        for range in places.matches(words) {
            let inside = labels[range].map { $0.label.split(separator: "-").last.map(String.init) ?? "O" }
            let startsEntity = labels[range.lowerBound].label.hasPrefix("B-") || labels[range.lowerBound].label == "O"
            let continuesAfter = range.upperBound < labels.count && labels[range.upperBound].label.hasPrefix("I-")
            let overridable = inside.allSatisfy { $0 == "O" } || (Set(inside).count == 1 && ["PERSON", "OTHER"].contains(inside[0]))
            guard overridable, startsEntity, !continuesAfter else { continue }
            for index in range {
                let prefix = index == range.lowerBound ? "B-" : "I-"
                labels[index] = ScoredLabel(label: prefix + "LOCATION", score: max(labels[index].score, 0.8))
            }
        }
        return labels
    }

    static let currencySymbols: Set<String> = ["$", "€", "£", "¥", "₹", "US$", "C$", "A$"]
    static let quantityWords: Set<String> = [
        "hundred", "thousand", "million", "billion", "trillion", "percent", "per cent", "%", "dollars", "euros", "pounds",
    ]

    /// Extends quantities over a currency symbol just before them and scale words just after them
    /// ("$" "1" "billion" → one QUANTITY), which the labeller sometimes leaves out.
    static func withWholeQuantities(_ labels: [ScoredLabel], words: [String]) -> [ScoredLabel] {
        var labels = labels
        for index in labels.indices where labels[index].label == "B-QUANTITY" {
            if index > 0, labels[index - 1].label == "O", currencySymbols.contains(words[index - 1]) {
                labels[index - 1] = ScoredLabel(label: "B-QUANTITY", score: labels[index].score)
                labels[index].label = "I-QUANTITY"
            }
            var next = index + 1
            while next < labels.count, labels[next].label.hasSuffix("QUANTITY") && labels[next].label.hasPrefix("I-") {
                next += 1
            }
            while next < labels.count, labels[next].label == "O", quantityWords.contains(words[next].lowercased()) {
                labels[next] = ScoredLabel(label: "I-QUANTITY", score: labels[index].score)
                next += 1
            }
        }
        return labels
    }
}
