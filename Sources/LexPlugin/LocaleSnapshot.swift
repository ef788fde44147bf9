import Dialogue
import Foundation
import SibylCore

/// Everything a bot locale's conversations run on, frozen at build time: its intents, slots, slot types and
/// confidence threshold. Stored with the build, copied into versions, and compiled into a ``DialogueBot``.
struct LocaleSnapshot: Sendable {
    var intents: [LexDocument]
    var slots: [LexDocument]
    var slotTypes: [LexDocument]
    var confidenceThreshold: Double

    /// The locale's current definitions.
    static func collect(store: LexStore, botId: String, version: String, localeId: String) throws -> LocaleSnapshot {
        let scope = ["botId": botId, "botVersion": version, "localeId": localeId]
        let locale = try store.locale(botId, version, localeId)
        return LocaleSnapshot(
            intents: try store.list(.intent, where: scope), slots: try store.list(.slot, where: scope),
            slotTypes: try store.list(.slotType, where: scope),
            confidenceThreshold: locale.number("nluIntentConfidenceThreshold") ?? 0.4)
    }

    /// Reads a stored build.
    init(document: LexDocument) {
        func documents(_ name: String) -> [LexDocument] {
            if case .array(let items) = document[name] { return items.compactMap(\.objectValue) }
            return []
        }
        intents = documents("intents")
        slots = documents("slots")
        slotTypes = documents("slotTypes")
        confidenceThreshold = document.number("nluIntentConfidenceThreshold") ?? 0.4
    }

    init(intents: [LexDocument], slots: [LexDocument], slotTypes: [LexDocument], confidenceThreshold: Double) {
        self.intents = intents
        self.slots = slots
        self.slotTypes = slotTypes
        self.confidenceThreshold = confidenceThreshold
    }

    /// The snapshot as a document to store.
    var document: LexDocument {
        [
            "intents": .array(intents.map(JSONValue.object)), "slots": .array(slots.map(JSONValue.object)),
            "slotTypes": .array(slotTypes.map(JSONValue.object)),
            "nluIntentConfidenceThreshold": .number(confidenceThreshold),
        ]
    }

    /// The bot the Dialogue engine runs; throws ``DialogueBuildError`` with reasons a bot author can act on.
    func compile() throws -> DialogueBot {
        var reasons: [String] = []
        var types: [String: CustomSlotType] = [:]
        var typesById: [String: CustomSlotType] = [:]
        var alphanumericTypes: Set<String> = []
        for document in slotTypes {
            let spec: SlotTypeSpec
            do { spec = try document.decode(SlotTypeSpec.self) } catch {
                reasons.append("Slot type \(document.string("slotTypeName") ?? "?") could not be read: \(error)")
                continue
            }
            if spec.parentSlotTypeSignature == "AMAZON.AlphaNumeric" {
                alphanumericTypes.insert(spec.slotTypeId)
                continue
            }
            let values = (spec.slotTypeValues ?? []).compactMap { value -> CustomSlotValue? in
                guard let sample = value.sampleValue?.value else { return nil }
                return CustomSlotValue(value: sample, synonyms: (value.synonyms ?? []).map(\.value))
            }
            let resolution: CustomSlotType.Resolution =
                spec.valueSelectionSetting?.resolutionStrategy == "TopResolution" ? .topResolution : .originalValue
            let type = CustomSlotType(name: spec.slotTypeName, values: values, resolution: resolution)
            types[spec.slotTypeName] = type
            typesById[spec.slotTypeId] = type
        }
        var slotsByIntent: [String: [SlotSpec]] = [:]
        for document in slots {
            do {
                let spec = try document.decode(SlotSpec.self)
                slotsByIntent[spec.intentId, default: []].append(spec)
            } catch {
                reasons.append("Slot \(document.string("slotName") ?? "?") could not be read: \(error)")
            }
        }
        var intents: [DialogueIntent] = []
        var fallbackName = "FallbackIntent"
        for document in self.intents {
            let spec: IntentSpec
            do { spec = try document.decode(IntentSpec.self) } catch {
                reasons.append("Intent \(document.string("intentName") ?? "?") could not be read: \(error)")
                continue
            }
            if spec.parentIntentSignature == "AMAZON.FallbackIntent" { fallbackName = spec.intentName }
            var slots: [DialogueSlot] = []
            let priorities = Dictionary(
                (spec.slotPriorities ?? []).map { ($0.slotId, $0.priority) }, uniquingKeysWith: { first, _ in first })
            let ordered = (slotsByIntent[spec.intentId] ?? []).enumerated().sorted { a, b in
                (priorities[a.element.slotId] ?? Int.max, a.offset) < (priorities[b.element.slotId] ?? Int.max, b.offset)
            }.map(\.element)
            for slot in ordered {
                let kind: SlotKind
                if let builtIn = BuiltInSlotTypes.kind(slot.slotTypeId) {
                    kind = builtIn
                } else if let custom = typesById[slot.slotTypeId] {
                    kind = .custom(custom)
                } else if alphanumericTypes.contains(slot.slotTypeId) {
                    kind = .alphanumeric
                } else {
                    reasons.append(
                        "Intent \(spec.intentName): slot \(slot.slotName) uses slot type \(slot.slotTypeId), which "
                            + (slot.slotTypeId.hasPrefix("AMAZON.") ? "is not supported here." : "does not exist in this locale."))
                    continue
                }
                let elicitation = slot.valueElicitationSetting
                slots.append(
                    DialogueSlot(
                        name: slot.slotName, kind: kind, required: elicitation.slotConstraint == "Required",
                        prompt: elicitation.promptSpecification.map(Self.prompt),
                        sampleUtterances: (elicitation.sampleUtterances ?? []).map(\.utterance),
                        defaultValues: (elicitation.defaultValueSpecification?.defaultValueList ?? []).map(\.defaultValue)))
            }
            let confirmation = spec.intentConfirmationSetting.flatMap { $0.active == false ? nil : $0 }
            let closing = spec.intentClosingSetting.flatMap { $0.active == false ? nil : $0 }
            let hook = spec.fulfillmentCodeHook
            intents.append(
                DialogueIntent(
                    name: spec.intentName, sampleUtterances: (spec.sampleUtterances ?? []).map(\.utterance), slots: slots,
                    confirmationPrompt: confirmation.map { Self.prompt($0.promptSpecification) },
                    declinationResponse: Self.messages(confirmation?.declinationResponse),
                    closingResponse: Self.messages(closing?.closingResponse),
                    fulfillmentSuccessResponse: Self.messages(hook?.postFulfillmentStatusSpecification?.successResponse),
                    fulfillmentHookEnabled: hook?.enabled == true && hook?.active != false,
                    dialogHookEnabled: spec.dialogCodeHook?.enabled == true))
        }
        guard reasons.isEmpty else { throw DialogueBuildError(reasons: reasons) }
        return DialogueBot(
            intents: intents, slotTypes: types, confidenceThreshold: confidenceThreshold, fallbackIntent: fallbackName)
    }

    /// A prompt: the k-th variation says, for each message group, its k-th way of saying it.
    static func prompt(_ specification: PromptSpecification) -> Prompt {
        let groups = specification.messageGroups.map { group in
            ([group.message] + (group.variations ?? [])).map(message)
        }
        let count = groups.map(\.count).max() ?? 0
        let variations = (0..<count).map { index in groups.map { $0[index % $0.count] } }
        return Prompt(variations: variations, maxRetries: specification.maxRetries)
    }

    /// A response's messages: each group's first message.
    static func messages(_ response: ResponseSpecification?) -> [DialogueMessage] {
        (response?.messageGroups ?? []).map { message($0.message) }
    }

    static func message(_ spec: MessageSpec) -> DialogueMessage {
        if let text = spec.plainTextMessage { return DialogueMessage(format: .plainText, content: text.value) }
        if let ssml = spec.ssmlMessage { return DialogueMessage(format: .ssml, content: ssml.value) }
        if let payload = spec.customPayload { return DialogueMessage(format: .customPayload, content: payload.value) }
        return DialogueMessage(format: .imageResponseCard, content: spec.imageResponseCard?.title ?? "")
    }
}

/// Lex's built-in slot types and the kinds of value the Dialogue engine gives them.
enum BuiltInSlotTypes {
    static func kind(_ slotTypeId: String) -> SlotKind? {
        switch slotTypeId {
        case "AMAZON.Number", "AMAZON.Percentage": .number
        case "AMAZON.Date": .date
        case "AMAZON.Time": .time
        case "AMAZON.Duration": .duration
        case "AMAZON.Confirmation": .confirmation
        case "AMAZON.AlphaNumeric", "AMAZON.UKPostalCode": .alphanumeric
        case "AMAZON.EmailAddress": .email
        case "AMAZON.PhoneNumber": .phone
        case "AMAZON.FreeFormInput": .freeForm
        case "AMAZON.City": .place(.city)
        case "AMAZON.Country": .place(.country)
        case "AMAZON.State": .place(.state)
        case "AMAZON.FirstName", "AMAZON.LastName", "AMAZON.StreetName": .phrase
        default: nil
        }
    }
}
