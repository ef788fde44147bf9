import Foundation

/// Numbers written as digits ("12", "1,500", "3.5") or English words ("twenty five", "a hundred and two").
public enum NumberPhrases {
    /// The number `words` say, as Lex writes an AMAZON.Number (digits, a decimal point when needed), or `nil`.
    public static func value(of words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        if words.count == 1 {
            let text = words[0].replacingOccurrences(of: ",", with: "")
            if let integer = Int(text) { return String(integer) }
            if let double = Double(text), text.contains(".") { return format(double) }
        }
        return spelledValue(of: words).map { String($0) }
    }

    /// The integer of a spelled-out number such as "two hundred and five"; `nil` when a word is not a number word.
    public static func spelledValue(of words: [String]) -> Int? {
        var total = 0
        var current = 0
        var sawNumber = false
        for (index, word) in words.enumerated() {
            if word == "and", sawNumber, index + 1 < words.count { continue }
            // "a hundred", "a dozen": the article stands for one, which "hundred" and the scales already assume.
            if word == "a" || word == "an", index == 0, words.count > 1 { continue }
            for part in word.split(separator: "-").map(String.init) {
                if let unit = units[part] {
                    current += unit
                } else if let ten = tens[part] {
                    current += ten
                } else if part == "hundred" {
                    current = max(current, 1) * 100
                } else if let scale = scales[part] {
                    total += max(current, 1) * scale
                    current = 0
                } else if let digits = Int(part), index == 0 {
                    current = digits
                } else {
                    return nil
                }
                sawNumber = true
            }
        }
        return sawNumber ? total + current : nil
    }

    /// The ordinal day of "3rd", "twenty-first", "first", or `nil`.
    public static func ordinal(_ word: String) -> Int? {
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            if let number = Int(word.dropLast(2)) { return number }
        }
        if let value = ordinals[word] { return value }
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 2, let ten = tens[parts[0]], let unit = ordinals[parts[1]], unit < 10 { return ten + unit }
        return nil
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12, "couple": 2,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales: [String: Int] = ["thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000]
    private static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]
}
