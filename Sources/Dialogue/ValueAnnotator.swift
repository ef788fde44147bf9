/// Marks the listed values of a bot's custom slot types in an utterance, so that the intent classifier sees "a
/// weather condition" where it reads "stormy" — a value it met once in training tells intents apart as well as one
/// it met a hundred times.
struct ValueAnnotator: Sendable {
    /// Normalised value words → the names of the types that list them.
    private let types: [String: [String]]
    private let longest: Int

    init(_ slotTypes: some Collection<CustomSlotType>) {
        var types: [String: [String]] = [:]
        for type in slotTypes {
            for phrase in type.index.exact.keys { types[phrase, default: []].append(type.name) }
        }
        self.types = types.mapValues { Array(Set($0)).sorted() }
        longest = min(4, types.keys.map { $0.split(separator: " ").count }.max() ?? 0)
    }

    /// The text followed by one marker word (`§TypeName`) per slot type one of its phrases is a value of.
    func annotate(_ text: String) -> String {
        guard longest > 0 else { return text }
        let words = UtteranceTokens.split(text).map(\.key)
        var found = Set<String>()
        for length in 1...longest where length <= words.count {
            for start in 0...(words.count - length) {
                let key = CustomValueIndex.normalise(Array(words[start..<(start + length)]))
                for name in types[key] ?? [] { found.insert(name) }
            }
        }
        guard !found.isEmpty else { return text }
        return text + " " + found.sorted().map { "§" + $0 }.joined(separator: " ")
    }
}
