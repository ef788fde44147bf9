/// Classes of words the slot tagger generalises over: month and weekday names, ordinals ("3rd", "third"), numbers,
/// years, clock times, am/pm, parts of the day and units of time — the vocabulary the date, time, number and
/// duration readers already know. A class says what an unseen word is ("last february" read like the sample's
/// "last january"; "in 23 weeks" like "in 2 days").
enum WordClass {
    /// The class of `word` (lowercased, as `UtteranceTokens` keys it), or nil for any other word.
    static func of(_ word: String) -> String? {
        if DatePhrases.months[word] != nil { return "month" }
        if DatePhrases.weekdays[word] != nil || word.hasSuffix("s") && DatePhrases.weekdays[String(word.dropLast())] != nil {
            return "weekday"  // also "mondays"
        }
        if let number = Int(word) { return (1900...2100).contains(number) && word.count == 4 ? "year" : "number" }
        if NumberPhrases.ordinal(word) != nil { return "ordinal" }
        if NumberPhrases.units[word] != nil || NumberPhrases.tens[word] != nil { return "number" }
        if word.wholeMatch(of: /[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?/) != nil { return "clock" }
        if meridiems.contains(word) { return "meridiem" }
        if dayParts.contains(word) { return "daypart" }
        if DurationPhrases.units[word] != nil || word == "weekend" || word == "fortnight" { return "timeunit" }
        return nil
    }

    private static let meridiems: Set<String> = ["am", "pm", "a.m", "p.m", "a.m.", "p.m."]
    private static let dayParts: Set<String> = [
        "morning", "afternoon", "evening", "night", "tonight", "noon", "midday", "midnight", "dawn", "dusk", "today",
        "tomorrow", "yesterday",
    ]
}
