import Foundation
import Testing

@testable import Dialogue

@Suite struct PhraseTests {
    /// Tuesday 1 December 2026, noon UTC.
    let dates = DatePhrases(today: Date(timeIntervalSince1970: 1_796_126_400), timeZone: TimeZone(identifier: "UTC")!)

    @Test(arguments: [
        ("12", "12"), ("1,500", "1500"), ("3.5", "3.5"), ("twenty five", "25"), ("a hundred and two", "102"),
        ("a dozen", "12"), ("two thousand twenty six", "2026"),
    ])
    func numbers(text: String, expected: String) {
        #expect(NumberPhrases.value(of: text.split(separator: " ").map(String.init)) == expected)
    }

    @Test func wordsThatAreNotNumbers() {
        #expect(NumberPhrases.value(of: ["roses"]) == nil)
        #expect(NumberPhrases.value(of: ["a"]) == nil)
    }

    @Test(arguments: [
        ("today", "2026-12-01"), ("tomorrow", "2026-12-02"), ("the day after tomorrow", "2026-12-03"),
        ("friday", "2026-12-04"), ("next friday", "2026-12-11"), ("tuesday", "2026-12-08"), ("the 3rd", "2026-12-03"),
        ("the 1st", "2026-12-01"), ("the 30th of november", "2027-11-30"), ("march 5th", "2027-03-05"), ("5 march 2028", "2028-03-05"),
        ("2027-02-28", "2027-02-28"), ("12/25", "2026-12-25"), ("in 3 days", "2026-12-04"), ("next week", "2026-W50"),
    ])
    func dates(text: String, expected: String) {
        #expect(dates.value(of: text.split(separator: " ").map(String.init)) == expected)
    }

    @Test func impossibleDates() {
        #expect(dates.value(of: ["2027-02-30"]) == nil)
        #expect(dates.value(of: ["february", "31st"]) == nil)
        #expect(dates.value(of: ["roses"]) == nil)
    }

    @Test(arguments: [
        ("3 pm", "15:00"), ("3:30pm", "15:30"), ("15:45", "15:45"), ("noon", "12:00"), ("12 am", "00:00"),
        ("half past four", "04:30"), ("quarter to five pm", "16:45"), ("morning", "MO"), ("7 o'clock", "07:00"),
    ])
    func times(text: String, expected: String) {
        #expect(TimePhrases.value(of: text.split(separator: " ").map(String.init)) == expected)
    }

    @Test(arguments: [("3 days", "P3D"), ("two hours", "PT2H"), ("an hour", "PT1H"), ("for 2 weeks", "P2W")])
    func durations(text: String, expected: String) {
        #expect(DurationPhrases.value(of: text.split(separator: " ").map(String.init)) == expected)
    }

    @Test func contacts() {
        #expect(ContactPhrases.email(["Jane.Doe@Example.com"]) == "jane.doe@example.com")
        #expect(ContactPhrases.email(["jane", "at", "example", "dot", "com"]) == "jane@example.com")
        #expect(ContactPhrases.email(["jane@example"]) == nil)
        #expect(ContactPhrases.phone(["(555)", "010-0123"]) == "5550100123")
        #expect(ContactPhrases.phone(["+44", "20", "7946", "0000"]) == "+442079460000")
        #expect(ContactPhrases.phone(["12"]) == nil)
        #expect(ContactPhrases.alphanumeric(["a", "b", "1", "2"]) == "AB12")
        #expect(ContactPhrases.alphanumeric(["hello", "world"]) == nil)
    }

    @Test func confirmations() {
        #expect(ConfirmationPhrases.value(of: ["yes", "please"]) == "Yes")
        #expect(ConfirmationPhrases.value(of: ["no", "thanks"]) == "No")
        #expect(ConfirmationPhrases.value(of: ["i'm", "not", "sure"]) == "Don't know")
        #expect(ConfirmationPhrases.value(of: ["purple", "elephants"]) == nil)
    }

    @Test func messageReferences() {
        let slots = ["FlowerType": SlotValue(originalValue: "roses", interpretedValue: "roses")]
        #expect(
            MessageTemplate.fill("Your {FlowerType} for [name] ({Missing})", slots: slots, attributes: ["name": "Ann"])
                == "Your roses for Ann ({Missing})")
    }
}

@Suite struct PhraseRobustnessTests {
    /// Every phrase reader answers `nil` or a value for any words, never traps: odd fragments such as "am" alone,
    /// "0 to five", empty strings and punctuation are what users type.
    @Test func oddFragmentsNeverTrap() {
        let words = [
            "", "am", "pm", "a", "an", "and", "0", "00", ":", "12:", ":30", "to", "past", "half", "quarter", "o'clock",
            "the", "of", "in", "next", "this", "friday", "march", "31st", "-", "--1", "99999999999999999999", "1/2/",
            "/", "at", "dot", "@", "+", "(", "for", "day", "days", "hundred", "thousand", "twenty-", "-one", "y",
        ]
        let dates = DatePhrases()
        let resolver = SlotValueResolver()
        // Phrases of up to four of the words (each word alone among them), picked deterministically.
        for index in 0..<4000 {
            let phrase = (0..<(index % 5)).map { words[(index / (1 + $0 * 3) + $0 * 17) % words.count] }
            _ = NumberPhrases.value(of: phrase)
            _ = dates.value(of: phrase)
            _ = TimePhrases.value(of: phrase)
            _ = DurationPhrases.value(of: phrase)
            _ = ContactPhrases.email(phrase)
            _ = ContactPhrases.phone(phrase)
            _ = ContactPhrases.alphanumeric(phrase)
            _ = ConfirmationPhrases.value(of: phrase)
            let tokens = UtteranceTokens.split(phrase.joined(separator: " "))
            for kind in [SlotKind.number, .date, .time, .duration, .email, .phone, .alphanumeric, .phrase, .freeForm] {
                for context in [SpanContext.anywhere, .reply, .placed] { _ = resolver.resolve(tokens[...], as: kind, in: context) }
            }
        }
    }
}

@Suite struct PlaceNameTests {
    @Test func listedPlacesAreRecognisedAnywhere() throws {
        let resolver = SlotValueResolver()
        let tokens = UtteranceTokens.split("I am flying to portugal via new york")
        let country = resolver.resolve(tokens[4...4], as: .place(.country), in: .anywhere)
        #expect(country?.interpretedValue == "Portugal")
        let city = resolver.resolve(tokens[6...7], as: .place(.city), in: .anywhere)
        #expect(city?.interpretedValue == "New York")
        #expect(resolver.resolve(tokens[3...3], as: .place(.city), in: .anywhere) == nil)
        let state = resolver.resolve(UtteranceTokens.split("texas")[...], as: .place(.state), in: .anywhere)
        #expect(state?.resolvedValues == ["Texas"])
    }

    @Test func unlistedPlacesAreTakenAsSaidInAReply() {
        let resolver = SlotValueResolver()
        let value = resolver.resolve(UtteranceTokens.split("springfield")[...], as: .place(.city), in: .reply)
        #expect(value?.interpretedValue == "Springfield")
        #expect(value?.resolvedValues == [])
        #expect(resolver.resolve(UtteranceTokens.split("springfield")[...], as: .place(.city), in: .anywhere) == nil)
    }

    @Test func aCityListAddsCitiesMatchedWithoutAccentsAndCitiesNamedLikeWordsNeedACapitalAnywhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cities = folder.appendingPathComponent("cities.tsv")
        let words = folder.appendingPathComponent("words")
        try Data("Houston\tUS\t2314157\nNice\tFR\t342669\nDüsseldorf\tDE\t573057\nLas Vegas\tUS\t641903\n".utf8).write(to: cities)
        try Data("Houston\nnice\nroom\n".utf8).write(to: words)
        let places = PlaceNames(
            isoCodes: URL(fileURLWithPath: "/usr/share/iso-codes/json"),
            zones: URL(fileURLWithPath: "/usr/share/zoneinfo/tzdata.zi"), cities: cities, words: words)
        #expect(places.name(["houston"], kind: .city) == "Houston")
        #expect(places.name(["dusseldorf"], kind: .city) == "Düsseldorf" && places.name(["las", "vegas"], kind: .city) == "Las Vegas")
        #expect(places.isAmbiguous(["nice"], kind: .city) && !places.isAmbiguous(["houston"], kind: .city))
        let resolver = SlotValueResolver(places: places)
        func city(_ text: String, _ context: SpanContext) -> String? {
            resolver.resolve(UtteranceTokens.split(text)[...], as: .place(.city), in: context)?.resolvedValues.first
        }
        #expect(city("nice", .anywhere) == nil)
        #expect(city("Nice", .anywhere) == "Nice" && city("nice", .placed) == "Nice" && city("houston", .anywhere) == "Houston")
    }
}
