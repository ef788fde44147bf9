import Testing

@testable import TextAnalysis

@Suite("PII recognizer")
struct PIIRecognizerTests {
    let recognizer = PIIRecognizer()

    func types(_ text: String) -> [String] { recognizer.findings(in: text).map(\.type) }

    @Test func validatorsAcceptRealIdentifiersAndRefuseNearMisses() {
        #expect(PIIRecognizer.luhn("4111 1111 1111 1111"))
        #expect(!PIIRecognizer.luhn("4111 1111 1111 1112"))
        #expect(PIIRecognizer.isValidIBAN("GB82 WEST 1234 5698 7654 32"))
        #expect(!PIIRecognizer.isValidIBAN("GB82 WEST 1234 5698 7654 33"))
        #expect(PIIRecognizer.isValidVIN("1M8GDM9AXKP042788"))
        #expect(!PIIRecognizer.isValidVIN("1M8GDM9A1KP042788"))
        #expect(PIIRecognizer.isValidSSN("123-45-6789"))
        #expect(!PIIRecognizer.isValidSSN("666-45-6789"))
        #expect(!PIIRecognizer.isValidSSN("123-00-6789"))
        #expect(PIIRecognizer.isIPv6("2001:db8::1"))
        #expect(!PIIRecognizer.isIPv6("12:34"))
    }

    @Test func findsIdentifiersWithCodePointOffsets() {
        let text = "Café ☕ — write to jane.doe@example.com or visit https://example.com/a?b=1."
        let findings = recognizer.findings(in: text)
        #expect(findings.map(\.type) == ["EMAIL", "URL"])
        let scalars = Array(text.unicodeScalars)
        let email = String(String.UnicodeScalarView(scalars[findings[0].begin..<findings[0].end]))
        #expect(email == "jane.doe@example.com")
        let url = String(String.UnicodeScalarView(scalars[findings[1].begin..<findings[1].end]))
        #expect(url == "https://example.com/a?b=1")
    }

    @Test func contextRaisesScoresAndSomeTypesNeedIt() throws {
        let plain = try #require(recognizer.findings(in: "Number 123-45-6789 here").first)
        let withContext = try #require(recognizer.findings(in: "My SSN is 123-45-6789").first)
        #expect(plain.type == "SSN" && withContext.score > plain.score)
        #expect(types("code DEUTDEFF500") == [])
        #expect(types("SWIFT code DEUTDEFF500") == ["SWIFT_CODE"])
    }

    @Test func awsSecretKeysNeedTheirContextAndExactLength() {
        #expect(types("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") == ["AWS_SECRET_KEY"])
        #expect(types("digest wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") == [])
        #expect(types("secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEYx") == [])
    }

    @Test func invalidLookalikesAreNotReported() {
        #expect(types("Order 4111 1111 1111 1112 shipped") == [])
        #expect(types("Version 300.1.1.1 released") == [])
        #expect(types("Card 4111-1111-1111-1111, IP 10.0.0.255, MAC 00:1A:2B:3C:4D:5E")
            == ["CREDIT_DEBIT_NUMBER", "IP_ADDRESS", "MAC_ADDRESS"])
    }
}

@Suite("PII rules added with the entity recognizer")
struct PIIContextRuleTests {
    let recognizer = PIIRecognizer()

    func found(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return recognizer.findings(in: text).map { "\($0.type) \(String(String.UnicodeScalarView(scalars[$0.begin..<$0.end])))" }
    }

    @Test func groupedPhoneNumbersNeedAPhoneWord() {
        #expect(found("You can call 0664 334 28 67 after six") == ["PHONE 0664 334 28 67"])
        #expect(found("468 788 096-Office") == ["PHONE 468 788 096"])
        #expect(found("Order 0664 334 28 67 shipped") == [])
    }

    @Test func agesAreTheNumberAlone() {
        #expect(found("My father retired at the age of 35") == ["AGE 35"])
        #expect(found("a 42-year-old pilot") == ["AGE 42"])
        #expect(found("route 66 to the coast") == [])
        #expect(found("She is 42 years old") == ["AGE 42"])
        #expect(found("aged 400") == [])
    }

    @Test func addressPartsJoinIntoOne() {
        #expect(found("Send it to 21 Sydney Road, Suite 5") == ["ADDRESS 21 Sydney Road, Suite 5"])
        let joined = PIIRecognizer.joiningAddressParts(
            [
                PIIFinding(type: "ADDRESS", begin: 0, end: 4, score: 0.7),
                PIIFinding(type: "ADDRESS", begin: 6, end: 10, score: 0.9),
                PIIFinding(type: "NAME", begin: 11, end: 14, score: 0.9),
            ], in: "Road, City Bob")
        #expect(joined.map(\.type) == ["ADDRESS", "NAME"] && joined[0].end == 10 && joined[0].score == 0.9)
    }
}

@Suite("PII identity numbers")
struct PIIIdentityRuleTests {
    let recognizer = PIIRecognizer()

    func found(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return recognizer.findings(in: text).map { "\($0.type) \(String(String.UnicodeScalarView(scalars[$0.begin..<$0.end])))" }
    }

    @Test func checksumsOfIdentityNumbers() {
        #expect(PIIRecognizer.isValidABARouting("011000015") && !PIIRecognizer.isValidABARouting("011000016"))
        #expect(PIIRecognizer.isValidNHSNumber("943 476 5919") && !PIIRecognizer.isValidNHSNumber("943 476 5918"))
        #expect(PIIRecognizer.isValidVerhoeff([2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 6]))
        #expect(!PIIRecognizer.isValidVerhoeff([2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 0]))
    }

    @Test func numbersThatLookLikeAnyOtherNeedTheirContext() {
        #expect(found("Routing number 011000015, account number 12345678901") == [
            "BANK_ROUTING 011000015", "BANK_ACCOUNT_NUMBER 12345678901",
        ])
        #expect(found("Order 011000015 shipped") == [])
        #expect(found("card expires 09/27, CVV 123, PIN: 4321") == [
            "CREDIT_DEBIT_EXPIRY 09/27", "CREDIT_DEBIT_CVV 123", "PIN 4321",
        ])
        #expect(found("username: jdoe42 password: Hunter2!") == ["USERNAME jdoe42", "PASSWORD Hunter2!"])
        #expect(found("My passport number is X1234567.") == ["PASSPORT_NUMBER X1234567"])
        #expect(found("NHS number 943 476 5919") == ["UK_NATIONAL_HEALTH_SERVICE_NUMBER 943 476 5919"])
        #expect(found("NI number AB 12 34 56 C") == ["UK_NATIONAL_INSURANCE_NUMBER AB 12 34 56 C"])
        #expect(found("SIN 046 454 286") == ["CA_SOCIAL_INSURANCE_NUMBER 046 454 286"])
        #expect(found("Aadhaar 2341 2341 2346") == ["IN_AADHAAR 2341 2341 2346"])
        #expect(found("Aadhaar 2341 2341 2340") == [])
        #expect(found("PAN ABCPE1234F") == ["IN_PERMANENT_ACCOUNT_NUMBER ABCPE1234F"])
        #expect(PIIRecognizer.supportedTypes.count >= 30)
    }
}

@Suite("PII redaction")
struct PIIRedactionTests {
    @Test func masksOrNamesEachFindingKeepingTheRest() {
        let text = "Zoë 👍🏽: mail zoe@example.com or call 206-555-0100."
        let findings = PIIRecognizer().findings(in: text)
        #expect(PIIRedaction.entityType.apply(to: text, findings: findings) == "Zoë 👍🏽: mail [EMAIL] or call [PHONE].")
        #expect(PIIRedaction.mask("*").apply(to: text, findings: findings, types: ["EMAIL"])
            == "Zoë 👍🏽: mail *************** or call 206-555-0100.")
    }
}
