import SibylCore

/// CreateSlotType's and UpdateSlotType's members that Sibyl checks.
struct SlotTypeRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var slotTypeId: String?
    var slotTypeName: String
    var description: String?
    var slotTypeValues: [SlotTypeSpec.Value]?
    var valueSelectionSetting: SlotTypeSpec.Selection?
    var parentSlotTypeSignature: String?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.draft(botVersion)
        if let slotTypeId { try LexValidation.id(slotTypeId, member: "slotTypeId") }
        try LexValidation.name(slotTypeName, member: "slotTypeName")
        try LexValidation.description(description)
        if let strategy = valueSelectionSetting?.resolutionStrategy,
            !["OriginalValue", "TopResolution", "Concatenation"].contains(strategy)
        {
            throw ServiceError.constraint(
                member: "valueSelectionSetting.resolutionStrategy", value: strategy,
                "Member must satisfy enum value set: [OriginalValue, TopResolution, Concatenation]")
        }
        if let parent = parentSlotTypeSignature, parent != "AMAZON.AlphaNumeric" {
            throw ServiceError.validation("A slot type can extend only AMAZON.AlphaNumeric, not \(parent).")
        }
        if parentSlotTypeSignature == nil, (slotTypeValues ?? []).isEmpty {
            throw ServiceError.validation("A custom slot type needs at least one value in slotTypeValues.")
        }
        if (slotTypeValues?.count ?? 0) > 10_000 {
            throw ServiceError.validation("A slot type holds at most 10,000 values.")
        }
    }
}

/// The parts of a stored slot type the engine runs on.
struct SlotTypeSpec: Decodable, Sendable {
    var slotTypeId: String
    var slotTypeName: String
    var slotTypeValues: [Value]?
    var valueSelectionSetting: Selection?
    var parentSlotTypeSignature: String?

    struct Value: Decodable, Sendable {
        var sampleValue: Sample?
        var synonyms: [Sample]?
    }

    struct Sample: Decodable, Sendable {
        var value: String
    }

    struct Selection: Decodable, Sendable {
        var resolutionStrategy: String
    }
}

/// The path of a slot type (and DeleteSlotType's query).
struct SlotTypePathRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var slotTypeId: String
    /// DeleteSlotType: delete even while slots use the type (their locale then fails to build until they change).
    var skipResourceInUseCheck: Bool?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.version(botVersion)
        try LexValidation.id(slotTypeId, member: "slotTypeId")
    }
}

/// CreateSlot's and UpdateSlot's members that Sibyl checks.
struct SlotRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var intentId: String
    var slotId: String?
    var slotName: String
    var description: String?
    var slotTypeId: String?
    var valueElicitationSetting: SlotSpec.Elicitation

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.draft(botVersion)
        try LexValidation.id(intentId, member: "intentId")
        if let slotId { try LexValidation.id(slotId, member: "slotId") }
        try LexValidation.name(slotName, member: "slotName")
        try LexValidation.description(description)
        guard ["Required", "Optional"].contains(valueElicitationSetting.slotConstraint) else {
            throw ServiceError.constraint(
                member: "valueElicitationSetting.slotConstraint", value: valueElicitationSetting.slotConstraint,
                "Member must satisfy enum value set: [Required, Optional]")
        }
        if let retries = valueElicitationSetting.promptSpecification?.maxRetries, !(0...5).contains(retries) {
            throw ServiceError.constraint(
                member: "valueElicitationSetting.promptSpecification.maxRetries", value: String(retries),
                "Member must have value between 0 and 5")
        }
        guard let slotTypeId else { throw ServiceError.validation("A slot needs a slotTypeId.") }
        if !slotTypeId.hasPrefix("AMAZON.") { try LexValidation.id(slotTypeId, member: "slotTypeId") }
    }
}

/// The parts of a stored slot the engine runs on.
struct SlotSpec: Decodable, Sendable {
    var slotId: String
    var slotName: String
    var slotTypeId: String
    var intentId: String
    var valueElicitationSetting: Elicitation

    struct Elicitation: Decodable, Sendable {
        var slotConstraint: String
        var promptSpecification: PromptSpecification?
        var sampleUtterances: [IntentSpec.Utterance]?
        var defaultValueSpecification: Defaults?
    }

    struct Defaults: Decodable, Sendable {
        var defaultValueList: [Default]
    }

    struct Default: Decodable, Sendable {
        var defaultValue: String
    }
}

/// The path of a slot.
struct SlotPathRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var intentId: String
    var slotId: String

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.version(botVersion)
        try LexValidation.id(intentId, member: "intentId")
        try LexValidation.id(slotId, member: "slotId")
    }
}
