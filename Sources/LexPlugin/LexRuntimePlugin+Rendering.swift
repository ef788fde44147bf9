import Dialogue
import Foundation
import SibylCore

/// Lex V2's runtime shapes to and from the Dialogue engine's state.
extension LexRuntimePlugin {
    /// The client's session state laid over the stored one: attributes replace, and an intent with a dialog action
    /// takes over the conversation, as Lex lets a client steer it.
    static func apply(_ given: SessionStateShape, to state: ConversationState) -> ConversationState {
        var state = state
        if let attributes = given.sessionAttributes { state.attributes = attributes }
        if let intent = given.intent {
            var slots: [String: SlotValue] = [:]
            for (name, slot) in intent.slots ?? [:] {
                guard let value = slot?.value else { continue }
                slots[name] = SlotValue(
                    originalValue: value.originalValue ?? value.interpretedValue, interpretedValue: value.interpretedValue,
                    resolvedValues: value.resolvedValues ?? [])
            }
            state.intent = IntentProgress(
                name: intent.name, slots: slots,
                state: intent.state.flatMap(IntentStatus.init(rawValue:)) ?? .inProgress,
                confirmation: intent.confirmationState.flatMap(ConfirmationStatus.init(rawValue:)) ?? .none)
        }
        if let action = given.dialogAction {
            state.step = DialogStep(rawValue: action.type) ?? .elicitIntent
            state.slotToElicit = action.slotToElicit
            state.failedAttempts = 0
        }
        return state
    }

    static func message(_ message: DialogueMessage) -> JSONValue {
        if message.format == .imageResponseCard {
            return .object([
                "contentType": .string(message.format.rawValue),
                "imageResponseCard": .object(["title": .string(message.content)]),
            ])
        }
        return .object(["content": .string(message.content), "contentType": .string(message.format.rawValue)])
    }

    static func sessionState(_ record: SessionRecord, engine: DialogueEngine) -> JSONValue {
        sessionState(record.state, requestId: record.originatingRequestId, engine: engine)
    }

    static func sessionState(_ conversation: ConversationState, requestId: String?, engine: DialogueEngine) -> JSONValue {
        var action: LexDocument = ["type": .string(conversation.step.rawValue)]
        if let slot = conversation.slotToElicit { action["slotToElicit"] = .string(slot) }
        var state: LexDocument = [
            "dialogAction": .object(action), "sessionAttributes": strings(conversation.attributes),
        ]
        if let intent = conversation.intent { state["intent"] = self.intent(intent, engine: engine, withState: true) }
        if let requestId { state["originatingRequestId"] = .string(requestId) }
        return .object(state)
    }

    static func interpretations(_ record: SessionRecord, engine: DialogueEngine) -> [JSONValue] {
        interpretations(record.lastInterpretations, engine: engine)
    }

    static func interpretations(_ stored: [SessionRecord.StoredInterpretation], engine: DialogueEngine) -> [JSONValue] {
        stored.enumerated().map { index, interpretation in
            var item: LexDocument = [
                "intent": intent(interpretation.intent, engine: engine, withState: index == 0),
                "interpretationSource": .string("Lex"),
            ]
            if let confidence = interpretation.confidence {
                item["nluConfidence"] = .object(["score": .number(confidence)])
            }
            return .object(item)
        }
    }

    /// An intent with every slot it has (unfilled ones as null), as Lex shows it.
    static func intent(_ progress: IntentProgress, engine: DialogueEngine, withState: Bool) -> JSONValue {
        var slots: LexDocument = [:]
        for slot in engine.bot.intent(named: progress.name)?.slots ?? [] { slots[slot.name] = .null }
        for (name, value) in progress.slots {
            slots[name] = .object([
                "shape": .string("Scalar"),
                "value": .object([
                    "originalValue": .string(value.originalValue), "interpretedValue": .string(value.interpretedValue),
                    "resolvedValues": .array(value.resolvedValues.map(JSONValue.string)),
                ]),
            ])
        }
        var intent: LexDocument = ["name": .string(progress.name), "slots": .object(slots)]
        if withState {
            intent["state"] = .string(progress.state.rawValue)
            intent["confirmationState"] = .string(progress.confirmation.rawValue)
        }
        return .object(intent)
    }

    static func strings(_ map: [String: String]) -> JSONValue { .object(map.mapValues(JSONValue.string)) }

    /// A header value as Lex sends JSON in headers: gzipped and base64-encoded.
    static func header(_ value: JSONValue) throws -> String { GzipBase64.encode(try value.jsonData()) }
}
