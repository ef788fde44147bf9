/// Rules for bank, card-security, credential and national identity numbers. Most of these look like any other
/// number, so they need their context words nearby; where the number carries a checksum (ABA routing numbers,
/// NHS numbers, Canadian SINs, Aadhaar) it must validate.
extension PIIRecognizer {
    static let identityRules: [Rule] = [
        Rule(type: "BANK_ROUTING", pattern: #"\b\d{9}\b"#, baseScore: 0.8,
             context: ["routing", "aba", "rtn", "transit number"], needsContext: true, validate: isValidABARouting),
        Rule(type: "BANK_ACCOUNT_NUMBER", pattern: #"\b\d{8,17}\b"#, baseScore: 0.7,
             context: ["account number", "account no", "acct", "checking", "savings", "bank account", "número de cuenta"],
             needsContext: true),
        Rule(type: "CREDIT_DEBIT_CVV", pattern: #"\b\d{3,4}\b"#, baseScore: 0.75,
             context: ["cvv", "cvc", "cvv2", "security code", "card verification"], needsContext: true),
        Rule(type: "CREDIT_DEBIT_EXPIRY", pattern: #"\b(?:0[1-9]|1[0-2])\s?/\s?(?:\d{2}|20\d{2})\b"#, baseScore: 0.75,
             context: ["exp", "expiry", "expires", "expiration", "valid thru", "valid through", "vence"],
             needsContext: true),
        Rule(type: "PIN", pattern: #"\b\d{4,6}\b"#, baseScore: 0.75, context: [" pin", "pin:", "pin code", "pin number"],
             needsContext: true),
        Rule(type: "USERNAME", pattern: #"(?i)\b(?:user ?name|login|user id|userid|usuario)\s*(?:is|:|=)?\s*([A-Za-z0-9._@-]{3,64})"#,
             baseScore: 0.8, valueInGroup: true, validate: { !["is", "and", "the"].contains($0.lowercased()) }),
        Rule(type: "PASSWORD", pattern: #"(?i)\b(?:password|passwd|pwd|passcode|contraseña)\s*(?:is|:|=)?\s*(\S{4,64})"#,
             baseScore: 0.8, valueInGroup: true, validate: { !["is", "and", "the"].contains($0.lowercased()) }),
        Rule(type: "PASSPORT_NUMBER", pattern: #"\b[A-Z0-9]{6,9}\b"#, baseScore: 0.75,
             context: ["passport", "pasaporte"], needsContext: true, validate: { $0.contains(where: \.isNumber) }),
        Rule(type: "DRIVER_ID", pattern: #"\b[A-Z0-9][A-Z0-9-]{4,15}\b"#, baseScore: 0.7,
             context: ["driver's license", "drivers license", "driver license", "driving licence", "licence number",
                       "license number", "dl#", "dl number"],
             needsContext: true, validate: { $0.contains(where: \.isNumber) }),
        Rule(type: "LICENSE_PLATE", pattern: #"\b[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5}\b"#, baseScore: 0.7,
             context: ["license plate", "licence plate", "number plate", "plate number", "registration plate", "matrícula"],
             needsContext: true,
             validate: { $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) && $0.count >= 4 }),
        Rule(type: "UK_NATIONAL_INSURANCE_NUMBER",
             pattern: #"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"#,
             baseScore: 0.85, context: ["national insurance", "nino", "ni number"]),
        Rule(type: "UK_NATIONAL_HEALTH_SERVICE_NUMBER", pattern: #"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b"#, baseScore: 0.75,
             context: ["nhs", "health service"], needsContext: true, validate: isValidNHSNumber),
        Rule(type: "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER", pattern: #"\b\d{5} ?\d{5}\b"#, baseScore: 0.75,
             context: ["utr", "unique taxpayer", "taxpayer reference"], needsContext: true),
        Rule(type: "CA_SOCIAL_INSURANCE_NUMBER", pattern: #"\b\d{3}[ -]?\d{3}[ -]?\d{3}\b"#, baseScore: 0.8,
             context: ["sin", "social insurance", "numéro d'assurance sociale"], needsContext: true,
             validate: { luhnDigits($0.compactMap(\.wholeNumberValue)) && $0.first != "8" }),
        Rule(type: "CA_HEALTH_NUMBER", pattern: #"\b\d{4}[ -]?\d{3}[ -]?\d{3}(?:[ -]?[A-Z]{2})?\b"#, baseScore: 0.7,
             context: ["health card", "health number", "ohip", "carte santé"], needsContext: true),
        Rule(type: "IN_AADHAAR", pattern: #"\b[2-9]\d{3} ?\d{4} ?\d{4}\b"#, baseScore: 0.85, context: ["aadhaar", "uidai"],
             validate: { isValidVerhoeff($0.compactMap(\.wholeNumberValue)) }),
        Rule(type: "IN_PERMANENT_ACCOUNT_NUMBER", pattern: #"\b[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]\b"#, baseScore: 0.85,
             context: ["pan", "permanent account"]),
        Rule(type: "IN_VOTER_NUMBER", pattern: #"\b[A-Z]{3}\d{7}\b"#, baseScore: 0.75, context: ["voter", "epic"],
             needsContext: true),
        Rule(type: "IN_NREGA", pattern: #"\b[A-Z]{2}-\d{2}-\d{3}-\d{3}-\d{3}(?:/\d{1,3})?\b"#, baseScore: 0.75,
             context: ["nrega", "job card"], needsContext: true),
        Rule(type: "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", pattern: #"\b9\d{2}-?(?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-2]|9[4-9])-?\d{4}\b"#,
             baseScore: 0.8, context: ["itin", "taxpayer identification"]),
    ]

    /// ABA routing numbers: 3·d1 + 7·d2 + d3 + 3·d4 + … ≡ 0 (mod 10).
    static func isValidABARouting(_ value: String) -> Bool {
        let digits = value.compactMap(\.wholeNumberValue)
        guard digits.count == 9 else { return false }
        let weights = [3, 7, 1, 3, 7, 1, 3, 7, 1]
        return zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 10 == 0 && digits != Array(repeating: 0, count: 9)
    }

    /// NHS numbers: weights 10…2 over the first nine digits, 11 − (sum mod 11) is the check digit (10 is invalid).
    static func isValidNHSNumber(_ value: String) -> Bool {
        let digits = value.compactMap(\.wholeNumberValue)
        guard digits.count == 10 else { return false }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        let check = 11 - sum % 11
        return check != 10 && (check == 11 ? 0 : check) == digits[9]
    }

    /// The Luhn check over digits.
    static func luhnDigits(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            let value = index % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    /// Aadhaar numbers carry a Verhoeff check digit.
    static func isValidVerhoeff(_ digits: [Int]) -> Bool {
        let multiplication: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
            [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
            [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
            [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        ]
        let permutation: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
            [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
            [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
        ]
        guard digits.count == 12 else { return false }
        var check = 0
        for (index, digit) in digits.reversed().enumerated() {
            check = multiplication[check][permutation[index % 8][digit]]
        }
        return check == 0
    }
}
