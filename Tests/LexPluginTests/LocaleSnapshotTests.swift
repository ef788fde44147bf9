import Dialogue
import SibylCore
import Testing

@testable import LexPlugin

@Suite struct LocaleSnapshotTests {

    @Test func promptVariationsTakeOneMessageOfEachGroup() throws {
        let spec = PromptSpecification(
            messageGroups: [
                MessageGroup(message: message("Which flowers?"), variations: [message("What kind of flowers?")]),
                MessageGroup(message: message("We have roses and tulips."), variations: nil),
            ], maxRetries: 3)
        let prompt = LocaleSnapshot.prompt(spec)
        #expect(prompt.maxRetries == 3)
        #expect(prompt.variations.map { $0.map(\.content) } == [
            ["Which flowers?", "We have roses and tulips."], ["What kind of flowers?", "We have roses and tulips."],
        ])
    }

    @Test func slotsFollowPrioritiesAndUnknownTypesFailTheBuild() throws {
        let intent: LexDocument = [
            "intentId": .string("INTENT0001"), "intentName": .string("Book"),
            "sampleUtterances": .array([.object(["utterance": .string("book a room for {Nights} nights")])]),
            "slotPriorities": .array([
                .object(["priority": .number(1), "slotId": .string("SLOT000002")]),
                .object(["priority": .number(2), "slotId": .string("SLOT000001")]),
            ]),
        ]
        func slot(_ id: String, _ name: String, _ type: String) -> LexDocument {
            [
                "slotId": .string(id), "slotName": .string(name), "slotTypeId": .string(type),
                "intentId": .string("INTENT0001"),
                "valueElicitationSetting": .object(["slotConstraint": .string("Optional")]),
            ]
        }
        let snapshot = LocaleSnapshot(
            intents: [intent], slots: [slot("SLOT000001", "Nights", "AMAZON.Number"), slot("SLOT000002", "City", "AMAZON.City")],
            slotTypes: [], confidenceThreshold: 0.5)
        let bot = try snapshot.compile()
        #expect(bot.intent(named: "Book")?.slots.map(\.name) == ["City", "Nights"])
        #expect(bot.confidenceThreshold == 0.5)

        let broken = LocaleSnapshot(
            intents: [intent], slots: [slot("SLOT000001", "Nights", "AMAZON.Unheard")], slotTypes: [], confidenceThreshold: 0.5)
        #expect(throws: DialogueBuildError.self) { try broken.compile() }
    }

    private func message(_ text: String) -> MessageSpec {
        MessageSpec(plainTextMessage: .init(value: text), ssmlMessage: nil, customPayload: nil, imageResponseCard: nil)
    }
}
