import Foundation

/// E-mail addresses, phone numbers and alphanumeric codes, written or spoken ("john at example dot com").
public enum ContactPhrases {
    /// The e-mail address `words` hold, lowercased, or `nil`.
    public static func email(_ words: [String]) -> String? {
        var text = words.joined(separator: " ").lowercased()
        text = text.replacingOccurrences(of: " at ", with: "@").replacingOccurrences(of: " dot ", with: ".")
        text = text.replacingOccurrences(of: " ", with: "")
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
            !parts[1].hasPrefix("."), text.allSatisfy({ $0.isLetter || $0.isNumber || "@._%+-".contains($0) })
        else { return nil }
        return text
    }

    /// The digits of a phone number (7 to 15 digits, written with spaces, dashes, dots, brackets or a leading `+`,
    /// or said digit by digit), or `nil`.
    public static func phone(_ words: [String]) -> String? {
        var digits = ""
        var plus = false
        for word in words {
            if let digit = spokenDigits[word] {
                digits += digit
                continue
            }
            for (index, character) in word.enumerated() {
                if character.isASCII, character.isNumber {
                    digits.append(character)
                } else if character == "+", index == 0, digits.isEmpty {
                    plus = true
                } else if !"-.()".contains(character) {
                    return nil
                }
            }
        }
        guard (7...15).contains(digits.count) else { return nil }
        return (plus ? "+" : "") + digits
    }

    /// Letters and digits spelled out or written together ("A B 1 2", "ab12"), upper-cased, or `nil`.
    public static func alphanumeric(_ words: [String]) -> String? {
        let text = words.joined()
        guard !text.isEmpty, text.count <= 40, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            words.count == 1 || words.allSatisfy({ $0.count <= 2 })
        else { return nil }
        return text.uppercased()
    }

    private static let spokenDigits = [
        "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
        "seven": "7", "eight": "8", "nine": "9",
    ]
}
