import Foundation

/// Times of day as Lex resolves AMAZON.Time: `HH:mm` for "3 pm", "3:30pm", "15:30", "noon", "half past four";
/// `MO`, `AF`, `EV`, `NI` for "morning", "afternoon", "evening", "night".
public enum TimePhrases {
    /// The time `words` (lowercased) say, or `nil`.
    public static func value(of words: [String]) -> String? {
        var words = words.filter { $0 != "at" && $0 != "around" && $0 != "about" }
        if words.first == "in", words.count == 3, words[1] == "the" { words = [words[2]] }
        guard !words.isEmpty else { return nil }
        if words.count == 1, let period = periods[words[0]] { return period }
        if words == ["noon"] || words == ["midday"] { return "12:00" }
        if words == ["midnight"] { return "00:00" }
        var meridiem: String?
        if let last = words.last, ["am", "pm", "a.m", "p.m", "a.m.", "p.m."].contains(last) {
            meridiem = String(last.prefix(1))
            words.removeLast()
        } else if let last = words.last, last.hasSuffix("am") || last.hasSuffix("pm"), last.count > 2 {
            meridiem = String(last.suffix(2).prefix(1))
            words[words.count - 1] = String(last.dropLast(2))
        }
        if words.count >= 2, words.last == "o'clock" { words.removeLast() }
        if words.count == 3, words[1] == "past" || words[1] == "to", let hour = hourValue(words[2]) {
            let minutes = words[0] == "half" ? 30 : words[0] == "quarter" ? 15 : NumberPhrases.spelledValue(of: [words[0]])
            guard let minutes, (1..<60).contains(minutes) else { return nil }
            return words[1] == "past"
                ? clock(hour: hour, minute: minutes, meridiem: meridiem)
                : clock(hour: (hour + 23) % 24, minute: 60 - minutes, meridiem: meridiem)
        }
        guard (1...2).contains(words.count) else { return nil }
        var hour: Int?
        var minute = 0
        if words.count == 1, words[0].contains(":") {
            let parts = words[0].split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return nil }
            hour = h
            minute = m
        } else {
            hour = hourValue(words[0])
            if words.count == 2 {
                guard let m = NumberPhrases.spelledValue(of: [words[1]]) ?? Int(words[1]) else { return nil }
                minute = m
            }
        }
        guard let hour, (0..<60).contains(minute) else { return nil }
        return clock(hour: hour, minute: minute, meridiem: meridiem)
    }

    private static func hourValue(_ word: String) -> Int? {
        guard let hour = Int(word) ?? NumberPhrases.spelledValue(of: [word]), (0...24).contains(hour) else { return nil }
        return hour
    }

    private static func clock(hour: Int, minute: Int, meridiem: String?) -> String? {
        var hour = hour
        switch meridiem {
        case "p": if hour < 12 { hour += 12 }
        case "a": if hour == 12 { hour = 0 }
        default: break
        }
        guard (0...24).contains(hour) else { return nil }
        return String(format: "%02d:%02d", hour % 24, minute)
    }

    private static let periods = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"]
}
