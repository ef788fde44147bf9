import Foundation

/// Turns a span of words into a slot value of a given kind, or says it is not one.
public struct SlotValueResolver: Sendable {
    /// Resolves dates against a reference day.
    public var dates: DatePhrases
    /// The place names cities, countries and states are looked up in.
    public var places: PlaceNames

    /// Creates a resolver; dates resolve against `dates`, places in `places`.
    public init(dates: DatePhrases = DatePhrases(), places: PlaceNames = .system) {
        self.dates = dates
        self.places = places
    }

    /// The value `tokens` give a slot of `kind` in `context`; kinds that accept free words accept them only in a
    /// reply to the slot's prompt or where a sample utterance puts the slot.
    public func resolve(_ tokens: ArraySlice<UtteranceToken>, as kind: SlotKind, in context: SpanContext) -> SlotValue? {
        let capturing = context != .anywhere
        guard !tokens.isEmpty else { return nil }
        let keys = tokens.map(\.key)
        let original = UtteranceTokens.join(tokens)
        func value(_ interpreted: String?) -> SlotValue? {
            interpreted.map { SlotValue(originalValue: original, interpretedValue: $0, resolvedValues: [$0]) }
        }
        // Inside a sentence, "on friday" is the word "on" and the date "friday"; a reply may keep its preposition.
        if context != .reply, let first = keys.first, Self.prepositions.contains(first) {
            switch kind {
            case .date, .time, .duration, .number, .phrase, .place: return nil
            default: break
            }
        }
        switch kind {
        case .custom(let type):
            return custom(type, tokens: tokens, context: context)
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
        case .place(let kind):
            // A city named like a word ("nice") is that word unless written as a name or placed as a city.
            if let name = places.name(keys, kind: kind),
                context != .anywhere || !places.isAmbiguous(keys, kind: kind) || tokens.first!.text.first!.isUppercase
            {
                return SlotValue(originalValue: original, interpretedValue: name, resolvedValues: [name])
            }
            guard var taken = resolve(tokens, as: .phrase, in: context) else { return nil }
            taken.resolvedValues = []
            return taken
        case .phrase:
            guard capturing, tokens.count <= (context == .placed ? 6 : 4), !isSentence(keys, context),
                !keys.contains(where: { Self.prepositions.contains($0) || $0 == "a" || $0 == "an" }),
                !keys.contains(where: { $0.contains(where: \.isNumber) })
            else { return nil }
            let titled = tokens.map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() }.joined(separator: " ")
            return SlotValue(originalValue: original, interpretedValue: titled, resolvedValues: [titled])
        }
    }

    private func custom(_ type: CustomSlotType, tokens: ArraySlice<UtteranceToken>, context: SpanContext) -> SlotValue? {
        let original = UtteranceTokens.join(tokens)
        let key = CustomValueIndex.normalise(tokens.map(\.key))
        let index = type.index
        if let value = index.exact[key] ?? index.fuzzy(key) {
            let interpreted = type.resolution == .topResolution ? value : original
            return SlotValue(originalValue: original, interpretedValue: interpreted, resolvedValues: [value])
        }
        guard context != .anywhere, type.resolution == .originalValue, tokens.count <= (context == .placed ? 6 : 5),
            !isSentence(tokens.map(\.key), context)
        else { return nil }
        return SlotValue(originalValue: original, interpretedValue: original, resolvedValues: [])
    }

    /// Whether a whole reply is a sentence about the value ("I want tulips") rather than the value itself; a span a
    /// sample utterance places may hold such words ("the isle of man").
    private func isSentence(_ keys: [String], _ context: SpanContext) -> Bool {
        context == .reply && keys.contains { Self.fillers.contains($0) }
    }

    /// Words that introduce a value rather than belong to it.
    static let prepositions: Set<String> = [
        "on", "at", "for", "from", "to", "in", "by", "during", "until", "till", "around", "about", "before", "after",
    ]

    /// Words that show a span is a sentence about the value rather than the value itself.
    static let fillers: Set<String> = [
        "i", "i'd", "i'm", "want", "would", "like", "need", "please", "the", "is", "it's", "my", "me", "to", "a", "an",
        "some", "for", "of", "in", "at", "on", "and", "be", "can", "you", "what", "how",
    ]
}

/// Where a span of words stands, which decides how freely it is taken as a value.
public enum SpanContext: Sendable, Equatable {
    /// Anywhere in an utterance: only values that recognise themselves (listed values, dates, numbers…).
    case anywhere
    /// The user's whole reply to the slot's prompt.
    case reply
    /// Where a sample utterance puts the slot.
    case placed
}

/// A custom slot type's values and synonyms by normalised words, built once per type.
struct CustomValueIndex: Sendable {
    let exact: [String: String]
    /// Every word of every value and synonym (normalised).
    let words: Set<String>
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
        words = Set(exact.keys.flatMap { $0.split(separator: " ").map(String.init) })
        singleWords = exact.filter { !$0.key.contains(" ") && $0.key.count >= 5 }.map { ($0.key, $0.value) }
            .sorted { $0.key < $1.key }
    }

    /// The share of `keys` (lowercased words) that occur in the type's values: how much a span not listed looks
    /// like the values that are.
    func familiarity(_ keys: [String]) -> Double {
        guard !keys.isEmpty else { return 0 }
        let normalised = Self.normalise(keys).split(separator: " ").map(String.init)
        return Double(normalised.count { words.contains($0) }) / Double(normalised.count)
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
