import Foundation

/// A piece of personal information found in a text.
public struct PIIFinding: Sendable, Equatable {
    /// The Comprehend PII type, e.g. `EMAIL` or `CREDIT_DEBIT_NUMBER`.
    public var type: String
    /// Offsets in Unicode scalars (code points), end exclusive, as Comprehend counts them.
    public var begin: Int
    public var end: Int
    /// Confidence 0–1: higher when a checksum validates the value or context words surround it.
    public var score: Double

    /// Creates a finding.
    public init(type: String, begin: Int, end: Int, score: Double) {
        self.type = type
        self.begin = begin
        self.end = end
        self.score = score
    }
}

/// Finds personal information by pattern, checked with each identifier's own validation where one exists
/// (Luhn for card numbers, mod 97 for IBANs, the check digit of VINs, the numbering rules of US SSNs), and
/// scored higher when context words ("SSN", "card", "IBAN", …) stand nearby.
///
/// Only identifiers with a recognisable form are found this way; names and addresses need a trained model.
public struct PIIRecognizer: Sendable {
    private let compiled = CompiledRules(rules + identityRules)

    /// Creates the recognizer, compiling its patterns once.
    public init() {}

    /// The PII types this recognizer can find.
    public static let supportedTypes: [String] = (rules + identityRules).map(\.type).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }

    /// All findings, in text order, overlapping candidates resolved in favour of the longer, then likelier one.
    /// `extra` are candidates found by other means (names and places from an entity recognizer), resolved
    /// together with the pattern matches.
    public func findings(in text: String, adding extra: [PIIFinding] = []) -> [PIIFinding] {
        let lowered = text.lowercased()
        var candidates: [PIIFinding] = extra
        for (rule, pattern) in compiled.rules {
            for match in text.matches(of: pattern) {
                let range =
                    rule.valueInGroup ? (1..<match.output.count).lazy.compactMap { match.output[$0].range }.first ?? match.range
                    : match.range
                let value = String(text[range])
                guard rule.validate(value) else { continue }
                var score = rule.baseScore
                if let context = rule.context {
                    let window = Self.window(around: match.range, in: text, lowered: lowered)
                    if context.contains(where: { window.contains($0) }) {
                        // A context word right before the value counts more: "CVV 123, PIN: 4321" makes 4321 a PIN.
                        let near = Self.nearWindow(before: match.range, in: text)
                        score = min(0.99, score + (context.contains(where: { near.contains($0) }) ? 0.19 : 0.15))
                    } else if rule.needsContext {
                        continue
                    }
                }
                let begin = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
                let end = begin + text[range].unicodeScalars.count
                candidates.append(PIIFinding(type: rule.type, begin: begin, end: end, score: score))
            }
        }
        candidates.sort { a, b in
            let lengthA = a.end - a.begin
            let lengthB = b.end - b.begin
            return lengthA != lengthB ? lengthA > lengthB : a.score > b.score
        }
        var kept: [PIIFinding] = []
        for candidate in candidates {
            let overlaps = kept.contains { $0.begin < candidate.end && candidate.begin < $0.end }
            if !overlaps { kept.append(candidate) }
        }
        return Self.joiningAddressParts(kept.sorted { $0.begin < $1.begin }, in: text)
    }

    /// Joins an address's parts found apart ("21 Sydney Road", "Zoetermeer", "Netherlands") into one ADDRESS
    /// when only commas, spaces or a postal code stand between them, as Comprehend reports a whole address.
    static func joiningAddressParts(_ findings: [PIIFinding], in text: String) -> [PIIFinding] {
        let scalars = Array(text.unicodeScalars)
        var joined: [PIIFinding] = []
        for finding in findings {
            if let last = joined.last, last.type == "ADDRESS", finding.type == "ADDRESS", last.end <= finding.begin,
                finding.begin - last.end <= 10,
                scalars[last.end..<finding.begin].allSatisfy({ $0 == "," || $0 == " " || ("0"..."9").contains($0) })
            {
                joined[joined.count - 1].end = finding.end
                joined[joined.count - 1].score = max(last.score, finding.score)
            } else {
                joined.append(finding)
            }
        }
        return joined
    }

    /// Up to 12 characters right before the match, lower-cased.
    private static func nearWindow(before range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -12, limitedBy: text.startIndex) ?? text.startIndex
        return " " + String(text[start..<range.lowerBound]).lowercased()
    }

    /// Up to 40 characters before the match and 12 after it ("468 788 096-Office"), lower-cased.
    private static func window(around range: Range<String.Index>, in text: String, lowered: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 12, limitedBy: text.endIndex) ?? text.endIndex
        return (String(text[start..<range.lowerBound]) + " " + String(text[range.upperBound..<end])).lowercased()
    }

    // MARK: - Rules

    struct Rule: Sendable {
        var type: String
        var pattern: String
        var baseScore: Double
        var context: [String]?
        var needsContext = false
        /// The value is the pattern's first matching capture group, not the whole match ("age of 35" → "35").
        var valueInGroup = false
        var validate: @Sendable (String) -> Bool = { _ in true }
    }

    /// The rules with their patterns compiled.
    ///
    /// `Regex` is not marked Sendable because it compiles its program lazily; here every program is compiled and
    /// run once in `init`, after which matching only reads it, so sharing across threads is safe.
    final class CompiledRules: @unchecked Sendable {
        let rules: [(Rule, Regex<AnyRegexOutput>)]

        init(_ rules: [Rule]) {
            self.rules = rules.map { rule in
                let pattern = try! Regex(rule.pattern)  // the patterns are constants, checked by the tests
                _ = "warm up".firstMatch(of: pattern)
                return (rule, pattern)
            }
        }
    }

    static let phoneWords = [
        "phone", "call", "tel", "mobile", "cell", "fax", "desk", "office", "reach", "text me", "sms", "whatsapp",
        "messages to", "contact", "registered", "teléfono", "número", "móvil", "llam",
    ]

    static let rules: [Rule] = [
        Rule(type: "EMAIL", pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#,
             baseScore: 0.99),
        Rule(type: "URL", pattern: #"(?:https?://|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]"#, baseScore: 0.98),
        Rule(type: "IP_ADDRESS", pattern: #"\b(?:\d{1,3}\.){3}\d{1,3}\b"#, baseScore: 0.97,
             validate: { $0.split(separator: ".").allSatisfy { Int($0).map { $0 <= 255 } ?? false } }),
        Rule(type: "IP_ADDRESS", pattern: #"\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4})?\b"#,
             baseScore: 0.95, validate: isIPv6),
        Rule(type: "MAC_ADDRESS", pattern: #"\b[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}\b"#,
             baseScore: 0.97),
        Rule(type: "CREDIT_DEBIT_NUMBER", pattern: #"\b\d(?:[ -]?\d){12,18}\b"#, baseScore: 0.85,
             context: ["card", "credit", "debit", "visa", "mastercard", "amex", "tarjeta"], validate: luhn),
        Rule(type: "SSN", pattern: #"\b\d{3}-\d{2}-\d{4}\b"#, baseScore: 0.8,
             context: ["ssn", "social security", "social-security"], validate: isValidSSN),
        Rule(type: "PHONE", pattern: #"(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b"#,
             baseScore: 0.8, context: phoneWords),
        Rule(type: "PHONE", pattern: #"\+\d{1,3}(?:[ .-]?\d{2,4}){2,5}\b"#, baseScore: 0.8,
             context: phoneWords, validate: { (8...15).contains($0.filter(\.isNumber).count) }),
        // Digit groups as people write phone numbers anywhere ("044 633 8533", "+46 (0)440 932 44"): only
        // with a phone word nearby, since so many other numbers look the same.
        Rule(type: "PHONE", pattern: #"(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,7}){1,4}\b"#,
             baseScore: 0.75, context: phoneWords, needsContext: true,
             validate: { (7...15).contains($0.filter(\.isNumber).count) }),
        Rule(type: "AWS_ACCESS_KEY", pattern: #"\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b"#, baseScore: 0.95),
        // A whole run of key characters, exactly 40 long (Swift's regex has no lookbehind to bound it on the left).
        Rule(type: "AWS_SECRET_KEY", pattern: #"[A-Za-z0-9/+]{40,}"#,
             baseScore: 0.8, context: ["secret", "aws_secret_access_key", "secret key"], needsContext: true,
             validate: { value in
                 value.count == 40 && value.contains { $0.isUppercase } && value.contains { $0.isLowercase }
             }),
        Rule(type: "INTERNATIONAL_BANK_ACCOUNT_NUMBER", pattern: #"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"#,
             baseScore: 0.9, context: ["iban", "account", "bank", "cuenta"], validate: isValidIBAN),
        Rule(type: "SWIFT_CODE", pattern: #"\b[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b"#, baseScore: 0.8,
             context: ["swift", "bic"], needsContext: true),
        Rule(type: "ADDRESS",
             pattern: #"\b\d{1,6}(?: [A-Z][A-Za-z'’-]*\.?){1,4} (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Circle|Cir|Trail|Alley)\b\.?(?:,? (?:Apt|Apartment|Suite|Ste|Unit|#)\.? ?\w+)?"#,
             baseScore: 0.85, context: ["address", "live", "lives", "located", "ship", "deliver", "dirección"]),
        Rule(type: "ADDRESS",
             pattern: #"\b\d{1,6}(?: [A-ZÀ-Ý][\p{L}'’.-]*){1,4} \d{1,5}[A-Za-z]?(?:,? (?:Apt|Apartment|Suite|Ste|Unit)\.? ?\w+)?"#,
             baseScore: 0.7, context: ["address", "live", "lives", "located", "send", "ship", "deliver", "drops", "office", "dirección"],
             needsContext: true),
        Rule(type: "AGE",
             pattern: #"(?i)\b(?:aged?|age of|age:) ?(\d{1,3})\b|\b(\d{1,3})(?=[ -]years?[ -]old\b| yo\b| y/o\b)"#,
             baseScore: 0.85, valueInGroup: true, validate: { Int($0).map { $0 <= 130 } ?? false }),
        Rule(type: "VEHICLE_IDENTIFICATION_NUMBER", pattern: #"\b[A-HJ-NPR-Z0-9]{17}\b"#, baseScore: 0.9,
             context: ["vin", "vehicle"], validate: isValidVIN),
    ]

    // MARK: - Validators

    /// The Luhn checksum of card numbers.
    static func luhn(_ value: String) -> Bool {
        let digits = value.compactMap { $0.wholeNumberValue }
        guard (13...19).contains(digits.count) else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// US SSNs: no area 000, 666 or 9xx, no group 00, no serial 0000.
    static func isValidSSN(_ value: String) -> Bool {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        return parts[0] != 0 && parts[0] != 666 && parts[0] < 900 && parts[1] != 0 && parts[2] != 0
    }

    /// IBANs: the mod-97 check of ISO 13616.
    static func isValidIBAN(_ value: String) -> Bool {
        let compact = value.filter { !$0.isWhitespace }
        guard (15...34).contains(compact.count) else { return false }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            guard let digit = character.wholeNumberValue ?? character.asciiValue.map({ Int($0) - 55 }) else {
                return false
            }
            for part in String(digit) {
                remainder = (remainder * 10 + part.wholeNumberValue!) % 97
            }
        }
        return remainder == 1
    }

    /// VINs: the check digit in position 9 (North American rule).
    static func isValidVIN(_ value: String) -> Bool {
        let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        func transliterate(_ character: Character) -> Int? {
            if let digit = character.wholeNumberValue { return digit }
            let table: [Character: Int] = [
                "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2, "L": 3, "M": 4,
                "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
            ]
            return table[character]
        }
        let characters = Array(value)
        guard characters.count == 17, characters.contains(where: \.isLetter), characters.contains(where: \.isNumber)
        else { return false }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let number = transliterate(character) else { return false }
            sum += number * weights[index]
        }
        let check = sum % 11
        return characters[8] == (check == 10 ? "X" : Character(String(check)))
    }

    static func isIPv6(_ value: String) -> Bool {
        var address = in6_addr()
        return value.contains(":") && inet_pton(AF_INET6, value, &address) == 1
    }
}
