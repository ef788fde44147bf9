/// An utterance the engine learns from: a sample utterance with its placeholders filled, its intent, and the slot
/// each word belongs to.
struct TrainingUtterance {
    var text: String
    var intent: String
    /// The lowercased words.
    var words: [String]
    /// Per word: the slot it belongs to, or `nil`; `begins` marks the first word of each value.
    var slots: [String?]
    var begins: [Bool]
}

/// The utterances the classifier and the slot tagger learn from: each sample utterance with its placeholders filled
/// by example values of the slots' types (listed values and synonyms for custom types, typical phrases for built-in
/// ones).
enum TrainingUtterances {
    /// Up to `perTemplate` fillings of every sample utterance of every intent.
    static func expand(_ intents: [DialogueIntent], perTemplate: Int = 6) -> [TrainingUtterance] {
        var examples: [TrainingUtterance] = []
        for intent in intents {
            let kinds = Dictionary(intent.slots.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            for (number, template) in intent.templates.enumerated() {
                let names = template.slotNames
                let choices = names.map { samples(for: kinds[$0] ?? .phrase) }
                let count = names.isEmpty ? 1 : min(perTemplate, choices.map(\.count).max() ?? 1)
                for variant in 0..<count {
                    var values: [String: String] = [:]
                    for (position, name) in names.enumerated() {
                        // Each sample utterance starts further along the value lists, so that together the
                        // utterances teach every value, not the first few again and again.
                        let options = choices[position]
                        values[name] = options[(number * perTemplate + variant + position) % options.count]
                    }
                    examples.append(filled(template, values: values, intent: intent.name))
                }
            }
        }
        return examples
    }

    private static func filled(_ template: UtteranceTemplate, values: [String: String], intent: String) -> TrainingUtterance {
        var example = TrainingUtterance(text: "", intent: intent, words: [], slots: [], begins: [])
        for element in template.elements {
            switch element {
            case .word(let word):
                example.words.append(word)
                example.slots.append(nil)
                example.begins.append(false)
            case .slot(let name):
                let words = UtteranceTokens.split(values[name] ?? name).map(\.key)
                for (index, word) in words.enumerated() {
                    example.words.append(word)
                    example.slots.append(name)
                    example.begins.append(index == 0)
                }
            }
        }
        example.text = example.words.joined(separator: " ")
        return example
    }

    private static func samples(for kind: SlotKind) -> [String] {
        switch kind {
        case .custom(let type):
            let phrases = type.values.flatMap { [$0.value] + $0.synonyms }
            return phrases.isEmpty ? ["something"] : phrases
        case .number: return ["2", "three", "12", "one hundred"]
        case .date: return ["tomorrow", "friday", "march 5th", "next monday", "2027-01-15"]
        case .time: return ["3 pm", "noon", "10:30", "7 in the evening"]
        case .duration: return ["3 days", "two weeks", "an hour"]
        case .confirmation: return ["yes", "no"]
        case .alphanumeric: return ["A1B2C3", "XK42"]
        case .email: return ["jane@example.com"]
        case .phone: return ["555 0100 123"]
        case .freeForm, .phrase: return ["Paris", "Jane Smith", "New York"]
        case .place(.city): return ["Paris", "New York", "Tokyo", "Chicago"]
        case .place(.country): return ["France", "Japan", "Brazil", "Canada"]
        case .place(.state): return ["Texas", "Ontario", "California", "Queensland"]
        }
    }
}
