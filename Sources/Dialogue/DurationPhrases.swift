/// Durations as Lex resolves AMAZON.Duration: ISO 8601 (`P3D`, `PT2H`, `PT30M`, `P1W`, `P2Y`).
public enum DurationPhrases {
    /// The duration `words` (lowercased) say, or `nil`.
    public static func value(of words: [String]) -> String? {
        var words = words
        if words.first == "for" { words.removeFirst() }
        guard words.count >= 2, let unit = units[words.last!] else { return nil }
        let countWords = Array(words.dropLast())
        guard let count = countWords == ["a"] || countWords == ["an"] ? 1 : NumberPhrases.spelledValue(of: countWords),
            count > 0
        else { return nil }
        return unit.time ? "PT\(count)\(unit.letter)" : "P\(count)\(unit.letter)"
    }

    static let units: [String: (letter: String, time: Bool)] = [
        "second": ("S", true), "seconds": ("S", true), "minute": ("M", true), "minutes": ("M", true),
        "hour": ("H", true), "hours": ("H", true), "day": ("D", false), "days": ("D", false), "night": ("D", false),
        "nights": ("D", false), "week": ("W", false), "weeks": ("W", false), "month": ("M", false),
        "months": ("M", false), "year": ("Y", false), "years": ("Y", false),
    ]
}
