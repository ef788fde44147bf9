/// A word with its part-of-speech tag: what the entity recogniser labels.
public struct EntityItem: Sendable {
    public var word: String
    public var tag: String

    /// Creates an item.
    public init(word: String, tag: String) {
        self.word = word
        self.tag = tag
    }
}

/// The features an entity decision sees: the word, its shape and affixes, the words and tags around it, and
/// the BIO labels chosen before it.
public struct EntityFeatures: SequenceFeatureSet {
    public init() {}

    public func features(of items: [EntityItem], at index: Int, previousLabels: ArraySlice<String>) -> [UInt64] {
        let item = items[index]
        let normal = PartOfSpeechFeatures.normalized(item.word)
        let shape = PartOfSpeechFeatures.shape(item.word)
        let previousLabel = previousLabels.last ?? "-START-"
        let previousLabel2 = previousLabels.dropLast().last ?? "-START2-"
        func word(_ offset: Int) -> String {
            let position = index + offset
            return items.indices.contains(position) ? PartOfSpeechFeatures.normalized(items[position].word) : "-EDGE-"
        }
        func tag(_ offset: Int) -> String {
            let position = index + offset
            return items.indices.contains(position) ? items[position].tag : "-EDGE-"
        }
        func shapeAt(_ offset: Int) -> String {
            let position = index + offset
            return items.indices.contains(position) ? PartOfSpeechFeatures.shape(items[position].word) : "-EDGE-"
        }
        var features: [UInt64] = [
            FeatureHash.hash("bias", ""),
            FeatureHash.hash("w", normal),
            FeatureHash.hash("W", item.word),
            FeatureHash.hash("shape", shape),
            FeatureHash.hash("suf3", normal.suffix(3)),
            FeatureHash.hash("suf4", normal.suffix(4)),
            FeatureHash.hash("pre3", normal.prefix(3)),
            FeatureHash.hash("tag", item.tag),
            FeatureHash.hash("l-1", previousLabel),
            FeatureHash.hash("l-2 l-1", previousLabel2 + " " + previousLabel),
            FeatureHash.hash("l-1 w", previousLabel + " " + normal),
            FeatureHash.hash("l-1 shape", previousLabel + " " + shape),
            FeatureHash.hash("w-1", word(-1)),
            FeatureHash.hash("w-2", word(-2)),
            FeatureHash.hash("w+1", word(1)),
            FeatureHash.hash("w+2", word(2)),
            FeatureHash.hash("w-1 w", word(-1) + " " + normal),
            FeatureHash.hash("w w+1", normal + " " + word(1)),
            FeatureHash.hash("t-1", tag(-1)),
            FeatureHash.hash("t+1", tag(1)),
            FeatureHash.hash("t-1 t t+1", tag(-1) + " " + item.tag + " " + tag(1)),
            FeatureHash.hash("shape-1 shape", shapeAt(-1) + " " + shape),
            FeatureHash.hash("shape shape+1", shape + " " + shapeAt(1)),
        ]
        if index == 0 { features.append(FeatureHash.hash("first", shape)) }
        return features
    }
}
