/// A word of an utterance: its text as written and its lowercased form for matching.
public struct UtteranceToken: Sendable, Equatable {
    /// The word as the user wrote it, without surrounding punctuation.
    public var text: String
    /// The lowercased word.
    public var key: String
}

/// Splits utterances into words the way slot matching and intent features see them.
public enum UtteranceTokens {
    /// The words of `text`: split at white space, with sentence punctuation stripped from both ends of each word
    /// (an e-mail address, a time such as `3:30` or a date such as `12/25` stays whole).
    public static func split(_ text: String) -> [UtteranceToken] {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { part in
            let trimmed = part.trimmingCharacters(in: strippable)
            guard !trimmed.isEmpty else { return nil }
            return UtteranceToken(text: trimmed, key: trimmed.lowercased())
        }
    }

    /// The words of `tokens` joined by single spaces, as written.
    public static func join(_ tokens: some Collection<UtteranceToken>) -> String {
        tokens.map(\.text).joined(separator: " ")
    }

    private static let strippable = Set<Character>(".,!?;:\"()[]{}¿¡…")
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
