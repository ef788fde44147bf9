import Dialogue

/// A small flower-ordering bot for the engine's tests.
enum FlowerBot {
    static func make(confirm: Bool = true, threshold: Double = 0.4) -> DialogueBot {
        let flowers = CustomSlotType(
            name: "FlowerTypes",
            values: [
                CustomSlotValue(value: "roses", synonyms: ["rose"]), CustomSlotValue(value: "lilies"),
                CustomSlotValue(value: "tulips"), CustomSlotValue(value: "sunflowers"),
            ], resolution: .topResolution)
        func say(_ text: String) -> [DialogueMessage] { [DialogueMessage(format: .plainText, content: text)] }
        let order = DialogueIntent(
            name: "OrderFlowers",
            sampleUtterances: [
                "I would like to order some flowers", "I want to order flowers", "Can I order {FlowerType}",
                "I want {FlowerType}", "I would like to pick up flowers", "order {FlowerType} for {PickupDate}",
                "send {FlowerType} on {PickupDate} at {PickupTime}", "buy flowers", "I need a bouquet",
            ],
            slots: [
                DialogueSlot(
                    name: "FlowerType", kind: .custom(flowers), required: true,
                    prompt: Prompt(variations: [say("What type of flowers would you like to order?"), say("Which flowers?")], maxRetries: 2)),
                DialogueSlot(
                    name: "PickupDate", kind: .date, required: true,
                    prompt: Prompt(variations: [say("What day do you want the {FlowerType} to be picked up?")], maxRetries: 2)),
                DialogueSlot(
                    name: "PickupTime", kind: .time, required: true,
                    prompt: Prompt(variations: [say("At what time do you want the {FlowerType} to be picked up?")], maxRetries: 2)),
            ],
            confirmationPrompt: confirm
                ? Prompt(variations: [say("Okay, your {FlowerType} will be ready for pickup by {PickupTime} on {PickupDate}. Does this sound okay?")], maxRetries: 2)
                : nil,
            declinationResponse: say("Okay, I will not place your order."),
            closingResponse: say("Thanks, your order for {FlowerType} has been placed."))
        let hours = DialogueIntent(
            name: "OpeningHours",
            sampleUtterances: [
                "when are you open", "what are your opening hours", "what time do you close", "are you open on sundays",
                "what are the shop hours", "when does the shop open",
            ],
            closingResponse: say("We are open from 9 am to 6 pm, Monday to Saturday."))
        return DialogueBot(intents: [order, hours], slotTypes: ["FlowerTypes": flowers], confidenceThreshold: threshold)
    }
}
