import Foundation

/// Turns a span of words into a slot value of a given kind, or says it is not one.
public struct SlotValueResolver: Sendable {
    /// Resolves dates against a reference day.
    public var dates: DatePhrases

    /// Creates a resolver; dates resolve against `dates`.
    public init(dates: DatePhrases = DatePhrases()) {
        self.dates = dates
    }

    /// The value `tokens` give a slot of `kind`. With `capturing`, the span is the user's whole reply to the slot's
    /// prompt (or sits where a sample utterance puts the slot), so kinds that accept free words accept it.
    public func resolve(_ tokens: ArraySlice<UtteranceToken>, as kind: SlotKind, capturing: Bool) -> SlotValue? {
        guard !tokens.isEmpty else { return nil }
        let keys = tokens.map(\.key)
        let original = UtteranceTokens.join(tokens)
        func value(_ interpreted: String?) -> SlotValue? {
            interpreted.map { SlotValue(originalValue: original, interpretedValue: $0, resolvedValues: [$0]) }
        }
        switch kind {
        case .custom(let type):
            return custom(type, tokens: tokens, capturing: capturing)
        case .number: return value(NumberPhrases.value(of: keys))
        case .date: return value(dates.value(of: keys))
        case .time:
            // Inside a longer utterance a bare number is not taken for a time ("2 roses"); a reply to "what time?" is.
            guard capturing || keys.contains(where: { $0.contains(":") || $0.hasSuffix("am") || $0.hasSuffix("pm") })
                || ["noon", "midnight", "morning", "afternoon", "evening", "tonight"].contains(keys.last!)
            else { return nil }
            return value(TimePhrases.value(of: keys))
        case .duration: return value(DurationPhrases.value(of: keys))
        case .confirmation: return value(ConfirmationPhrases.value(of: keys))
        case .alphanumeric: return capturing ? value(ContactPhrases.alphanumeric(keys)) : nil
        case .email: return value(ContactPhrases.email(keys))
        case .phone: return value(ContactPhrases.phone(keys))
        case .freeForm:
            return capturing ? SlotValue(originalValue: original, interpretedValue: original) : nil
        case .phrase:
            guard capturing, tokens.count <= 4, !keys.contains(where: { Self.fillers.contains($0) }) else { return nil }
            let titled = tokens.map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() }.joined(separator: " ")
            return SlotValue(originalValue: original, interpretedValue: titled, resolvedValues: [titled])
        }
    }

    private func custom(_ type: CustomSlotType, tokens: ArraySlice<UtteranceToken>, capturing: Bool) -> SlotValue? {
        let original = UtteranceTokens.join(tokens)
        let key = CustomValueIndex.normalise(tokens.map(\.key))
        let index = type.index
        if let value = index.exact[key] ?? index.fuzzy(key) {
            let interpreted = type.resolution == .topResolution ? value : original
            return SlotValue(originalValue: original, interpretedValue: interpreted, resolvedValues: [value])
        }
        guard capturing, type.resolution == .originalValue, tokens.count <= 5,
            !tokens.contains(where: { Self.fillers.contains($0.key) })
        else { return nil }
        return SlotValue(originalValue: original, interpretedValue: original, resolvedValues: [])
    }

    /// Words that show a span is a sentence about the value rather than the value itself.
    static let fillers: Set<String> = [
        "i", "i'd", "i'm", "want", "would", "like", "need", "please", "the", "is", "it's", "my", "me", "to", "a", "an",
        "some", "for", "of", "in", "at", "on", "and", "be", "can", "you", "what", "how",
    ]
}

/// A custom slot type's values and synonyms by normalised words, built once per type.
struct CustomValueIndex: Sendable {
    let exact: [String: String]
    private let singleWords: [(key: String, value: String)]

    init(_ values: [CustomSlotValue]) {
        var exact: [String: String] = [:]
        for value in values {
            for phrase in [value.value] + value.synonyms {
                let key = Self.normalise(UtteranceTokens.split(phrase).map(\.key))
                if !key.isEmpty, exact[key] == nil { exact[key] = value.value }
            }
        }
        self.exact = exact
        singleWords = exact.filter { !$0.key.contains(" ") && $0.key.count >= 5 }.map { ($0.key, $0.value) }
            .sorted { $0.key < $1.key }
    }

    /// A value one edit away from a single word of five letters or more ("tulps" → "tulips").
    func fuzzy(_ key: String) -> String? {
        guard !key.contains(" "), key.count >= 4 else { return nil }
        return singleWords.first { EditDistance.atMostOne(key, $0.key) }?.value
    }

    /// Words lowercased, singular (a trailing plural `s` dropped), joined by spaces.
    static func normalise(_ keys: [String]) -> String {
        keys.map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }.joined(separator: " ")
    }
}

/// Levenshtein distance, bounded.
enum EditDistance {
    /// Whether `a` and `b` differ by at most one insertion, deletion or substitution.
    static func atMostOne(_ a: String, _ b: String) -> Bool {
        let a = Array(a)
        let b = Array(b)
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if b.count > a.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
