import SibylCore

/// The path of an intent.
struct IntentPathRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var intentId: String

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.version(botVersion)
        try LexValidation.id(intentId, member: "intentId")
    }
}

/// CreateIntent's and UpdateIntent's members that Sibyl checks (the rest is stored as sent).
struct IntentRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var intentId: String?
    var intentName: String
    var description: String?
    var sampleUtterances: [IntentSpec.Utterance]?
    var parentIntentSignature: String?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.draft(botVersion)
        if let intentId { try LexValidation.id(intentId, member: "intentId") }
        try LexValidation.name(intentName, member: "intentName")
        try LexValidation.description(description)
        if let count = sampleUtterances?.count, count > 1500 {
            throw ServiceError.constraint(
                member: "sampleUtterances", value: "(\(count) utterances)", "Member must have length less than or equal to 1500")
        }
        for (index, sample) in (sampleUtterances ?? []).enumerated() where sample.utterance.isEmpty || sample.utterance.count > 200 {
            throw ServiceError.constraint(
                member: "sampleUtterances.\(index + 1).member.utterance", value: sample.utterance,
                "Member must have length between 1 and 200")
        }
        if let parentIntentSignature, parentIntentSignature != "AMAZON.FallbackIntent" {
            throw ServiceError.validation(
                "Built-in intent \(parentIntentSignature) is not supported; only AMAZON.FallbackIntent can be a parent.")
        }
    }
}

/// The parts of a stored intent the dialogue engine runs on.
struct IntentSpec: Decodable, Sendable {
    var intentId: String
    var intentName: String
    var parentIntentSignature: String?
    var sampleUtterances: [Utterance]?
    var intentConfirmationSetting: ConfirmationSetting?
    var intentClosingSetting: ClosingSetting?
    var fulfillmentCodeHook: FulfillmentHook?
    var dialogCodeHook: Toggle?
    var slotPriorities: [SlotPriority]?

    struct Utterance: Decodable, Sendable {
        var utterance: String
    }

    struct ConfirmationSetting: Decodable, Sendable {
        var promptSpecification: PromptSpecification
        var declinationResponse: ResponseSpecification?
        var active: Bool?
    }

    struct ClosingSetting: Decodable, Sendable {
        var closingResponse: ResponseSpecification?
        var active: Bool?
    }

    struct FulfillmentHook: Decodable, Sendable {
        var enabled: Bool
        var active: Bool?
        var postFulfillmentStatusSpecification: PostFulfillment?
    }

    struct PostFulfillment: Decodable, Sendable {
        var successResponse: ResponseSpecification?
        var failureResponse: ResponseSpecification?
        var timeoutResponse: ResponseSpecification?
    }

    struct Toggle: Decodable, Sendable {
        var enabled: Bool
    }

    struct SlotPriority: Decodable, Sendable {
        var priority: Int
        var slotId: String
    }
}

/// A prompt: message groups asked together, each with variations, and how often it is repeated.
struct PromptSpecification: Decodable, Sendable {
    var messageGroups: [MessageGroup]
    var maxRetries: Int
}

/// A response: message groups said together.
struct ResponseSpecification: Decodable, Sendable {
    var messageGroups: [MessageGroup]
}

/// One message and its variations.
struct MessageGroup: Decodable, Sendable {
    var message: MessageSpec
    var variations: [MessageSpec]?
}

/// A message in one of Lex's four forms.
struct MessageSpec: Decodable, Sendable {
    var plainTextMessage: Text?
    var ssmlMessage: Text?
    var customPayload: Text?
    var imageResponseCard: Card?

    struct Text: Decodable, Sendable {
        var value: String
    }

    struct Card: Decodable, Sendable {
        var title: String
    }
}
