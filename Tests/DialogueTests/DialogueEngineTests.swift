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
