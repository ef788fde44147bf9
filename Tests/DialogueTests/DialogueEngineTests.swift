import Foundation
import Testing

@testable import Dialogue

@Suite struct DialogueEngineTests {
    let engine: DialogueEngine = {
        let resolver = SlotValueResolver(
            dates: DatePhrases(today: Date(timeIntervalSince1970: 1_796_126_400), timeZone: TimeZone(identifier: "UTC")!))
        return try! DialogueEngine(bot: FlowerBot.make(), resolver: resolver)
    }()

    @Test func conversationToFulfilment() {
        var state = ConversationState()
        var turn = engine.turn("I would like to order some flowers", state: state)
        #expect(turn.state.intent?.name == "OrderFlowers")
        #expect(turn.state.step == .elicitSlot)
        #expect(turn.state.slotToElicit == "FlowerType")
        #expect(turn.messages.map(\.content) == ["What type of flowers would you like to order?"])
        state = turn.state

        turn = engine.turn("roses", state: state)
        #expect(turn.state.intent?.slots["FlowerType"]?.interpretedValue == "roses")
        #expect(turn.messages.map(\.content) == ["What day do you want the roses to be picked up?"])
        state = turn.state

        turn = engine.turn("next friday", state: state)
        #expect(turn.state.intent?.slots["PickupDate"]?.interpretedValue == "2026-12-11")
        #expect(turn.state.slotToElicit == "PickupTime")
        state = turn.state

        turn = engine.turn("3 pm", state: state)
        #expect(turn.state.step == .confirmIntent)
        #expect(turn.messages.first?.content.contains("by 15:00 on 2026-12-11") == true)
        state = turn.state

        turn = engine.turn("yes", state: state)
        #expect(turn.state.step == .close)
        #expect(turn.state.intent?.state == .fulfilled)
        #expect(turn.state.intent?.confirmation == .confirmed)
        #expect(turn.messages.map(\.content) == ["Thanks, your order for roses has been placed."])
    }

    @Test func slotsFromTheFirstUtterance() {
        let turn = engine.turn("send tulips on the 3rd at 10:30", state: ConversationState())
        #expect(turn.state.intent?.slots["FlowerType"]?.interpretedValue == "tulips")
        #expect(turn.state.intent?.slots["PickupDate"]?.interpretedValue == "2026-12-03")
        #expect(turn.state.intent?.slots["PickupTime"]?.interpretedValue == "10:30")
        #expect(turn.state.step == .confirmIntent)
    }

    @Test func synonymsResolveToTheirValue() {
        let turn = engine.turn("Can I order a rose", state: ConversationState())
        #expect(turn.state.intent?.slots["FlowerType"] == SlotValue(originalValue: "rose", interpretedValue: "roses", resolvedValues: ["roses"]))
    }

    @Test func unrelatedUtterancesFallBack() {
        for text in ["what is the capital of mongolia", "asdkj qwpoe zzz", "play some jazz music"] {
            let turn = engine.turn(text, state: ConversationState())
            #expect(turn.state.intent?.name == "FallbackIntent", "\(text)")
            #expect(turn.state.step == .close)
        }
    }

    @Test func intentWithoutSlotsCloses() {
        let turn = engine.turn("when does the shop open", state: ConversationState())
        #expect(turn.state.intent?.name == "OpeningHours")
        #expect(turn.state.intent?.state == .fulfilled)
        #expect(turn.messages.first?.content.hasPrefix("We are open") == true)
        #expect(turn.interpretations.first?.confidence ?? 0 >= 0.4)
        #expect(turn.interpretations.contains { $0.intent.name == "FallbackIntent" && $0.confidence == nil })
    }

    @Test func retriesThenFails() {
        var state = engine.turn("I want to order flowers", state: ConversationState()).state
        var turn = engine.turn("a purple elephant dancing", state: state)
        #expect(turn.state.slotToElicit == "FlowerType")
        #expect(turn.messages.map(\.content) == ["Which flowers?"])
        state = turn.state
        turn = engine.turn("a purple elephant dancing", state: state)
        #expect(turn.state.intent?.state == .inProgress)
        turn = engine.turn("a purple elephant dancing", state: turn.state)
        #expect(turn.state.intent?.state == .failed)
        #expect(turn.state.step == .close)
    }

    @Test func declinedConfirmation() {
        var state = engine.turn("send lilies on friday at noon", state: ConversationState()).state
        #expect(state.step == .confirmIntent)
        let turn = engine.turn("no", state: state)
        state = turn.state
        #expect(state.intent?.state == .failed)
        #expect(state.intent?.confirmation == .denied)
        #expect(turn.messages.map(\.content) == ["Okay, I will not place your order."])
    }

    @Test func changingTheSubjectStartsTheOtherIntent() {
        let state = engine.turn("I want to order flowers", state: ConversationState()).state
        let turn = engine.turn("what are your opening hours", state: state)
        #expect(turn.state.intent?.name == "OpeningHours")
    }

    @Test func buildErrorsNameTheProblem() {
        let bot = DialogueBot(
            intents: [DialogueIntent(name: "Broken", sampleUtterances: ["book {Nothing}"])], slotTypes: [:],
            confidenceThreshold: 0.4)
        #expect(throws: DialogueBuildError.self) { try DialogueEngine(bot: bot) }
        let empty = DialogueBot(intents: [], slotTypes: [:], confidenceThreshold: 0.4)
        #expect(throws: DialogueBuildError.self) { try DialogueEngine(bot: empty) }
    }
}

@Suite struct SlotTaggerTests {
    @Test func marksValuesByTheirSurroundings() throws {
        let intent = try #require(FlowerBot.make().intent(named: "OrderFlowers"))
        let tagger = SlotTagger(TrainingUtterances.expand([intent]))
        let spans = tagger.spans(["please", "send", "sunflowers", "on", "friday", "at", "noon"])
        #expect(spans.contains { $0.slot == "FlowerType" && $0.range == 2..<3 })
        #expect(spans.contains { $0.slot == "PickupDate" && $0.range == 4..<5 })
        #expect(!spans.contains { $0.range.contains(0) || $0.range.contains(3) })
    }
}

@Suite struct CapturedValueTests {
    /// A weather bot whose place and time slots take whatever words stand where its sample utterances put them
    /// (OriginalValue custom types), as a Snips-style bot built from annotated data has them.
    static func weatherIntent() -> DialogueIntent {
        let places = CustomSlotType(
            name: "Places", values: ["paris", "lutts", "new york", "death valley national park"].map { CustomSlotValue(value: $0) },
            resolution: .originalValue)
        let times = CustomSlotType(
            name: "Times", values: ["tomorrow", "next january", "on june the 3rd", "in 2 days", "at 9 am"].map { CustomSlotValue(value: $0) },
            resolution: .originalValue)
        return DialogueIntent(
            name: "Weather",
            sampleUtterances: [
                "what is the weather in {place}", "weather in {place} {when}", "will it rain in {place} {when}",
                "what's the forecast for {place} {when}", "forecast {when} in {place}", "how cold is it in {place}",
            ],
            slots: [
                DialogueSlot(name: "place", kind: .custom(places), required: false, prompt: nil),
                DialogueSlot(name: "when", kind: .custom(times), required: false, prompt: nil),
            ])
    }

    @Test func wordClassesNameWhatTheDateAndNumberReadersKnow() {
        #expect(WordClass.of("february") == "month" && WordClass.of("feb") == "month")
        #expect(WordClass.of("saturdays") == "weekday" && WordClass.of("2035") == "year" && WordClass.of("23") == "number")
        #expect(WordClass.of("4th") == "ordinal" && WordClass.of("third") == "ordinal" && WordClass.of("10:21:35") == "clock")
        #expect(WordClass.of("weeks") == "timeunit" && WordClass.of("noon") == "daypart" && WordClass.of("paris") == nil)
    }

    @Test func unseenDatesAreReadByTheirWordClassesAndValuesNeverEndOnAPreposition() throws {
        let engine = try DialogueEngine(
            bot: DialogueBot(intents: [Self.weatherIntent()], slotTypes: [:], confidenceThreshold: 0.1))
        let intent = Self.weatherIntent()
        let extractor = engine.extractor
        // "last february" and "in 23 weeks" were never in the samples: their words' classes (month, number, unit of
        // time) mark them as the time.
        let february = extractor.extract("will it rain in lutts last february", intent: intent)
        #expect(february["when"]?.originalValue == "last february")
        #expect(february["place"]?.originalValue == "lutts")
        let weeks = extractor.extract("weather in paris in 23 weeks", intent: intent)
        #expect(weeks["when"]?.originalValue == "in 23 weeks")
        // Words taken as said must carry content and end where a value can end.
        for (_, value) in extractor.extract("what is the weather in the", intent: intent) {
            #expect(!["the", "in the"].contains(value.originalValue))
        }
        #expect(extractor.extract("how cold is it in lannon at", intent: intent)["place"]?.originalValue == "lannon")
    }

    @Test func aValueTakenAsSaidLeavesOtherSlotsWordsToThem() throws {
        let intent = Self.weatherIntent()
        let extractor = try DialogueEngine(bot: DialogueBot(intents: [intent], slotTypes: [:], confidenceThreshold: 0.1))
            .extractor
        func placed(_ text: String, _ range: Range<Int>) -> String? {
            let tokens = UtteranceTokens.split(text)
            let slots = Dictionary(uniqueKeysWithValues: intent.slots.map { ($0.name, $0) })
            return SpanValues(resolver: extractor.resolver, tokens: tokens, slots: slots, intent: intent)
                .value("place", range)?.0.originalValue
        }
        // Where a sample utterance puts the place, unlisted words are taken as said ...
        #expect(placed("weather in erzurum", 2..<3) == "erzurum")
        #expect(placed("weather in north erzurum", 2..<4) == "north erzurum")
        // ... but not into a listed time, at either end,
        #expect(placed("weather in erzurum tomorrow", 2..<4) == nil)
        #expect(placed("weather in tomorrow erzurum", 2..<4) == nil)
        // nor words only the times' values use ("next" and "days" are time words here),
        #expect(placed("weather in next days", 2..<4) == nil)
        // nor a word of the bot's own sentences that no listed place has.
        #expect(placed("weather in beroun weather", 2..<4) == nil)
        #expect(extractor.extract("how cold is it in beroun weather", intent: intent)["place"]?.originalValue == "beroun")
    }
}
