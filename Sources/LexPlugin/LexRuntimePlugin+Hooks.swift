import Dialogue
import Foundation
import SibylCore

/// Dialog and fulfilment code hooks: the Lex V2 Lambda input event out, the Lambda response format back in.
extension LexRuntimePlugin {
    /// What a turn says after its hooks ran.
    struct HookedTurn {
        var state: ConversationState
        var messages: [DialogueMessage]
    }

    /// Runs the intent's dialog hook (each turn while the intent is in progress) and fulfilment hook (once it is
    /// ready), when the alias configures a hook and the intent enables them.
    func runHooks(
        _ turn: DialogueTurn, text: String, context: HookContext, engine: DialogueEngine
    ) async throws -> HookedTurn {
        var result = HookedTurn(state: turn.state, messages: turn.messages)
        guard let hook = context.hook, let name = result.state.intent?.name, let intent = engine.bot.intent(named: name)
        else { return result }
        if intent.dialogHookEnabled, result.state.intent?.state == .inProgress {
            let response = try await hook.invoke(
                event("DialogCodeHook", state: result.state, text: text, turn: turn, context: context, engine: engine))
            result = apply(response, to: result, engine: engine)
        }
        if intent.fulfillmentHookEnabled, result.state.intent?.state == .readyForFulfillment {
            let response = try await hook.invoke(
                event("FulfillmentCodeHook", state: result.state, text: text, turn: turn, context: context, engine: engine))
            result = apply(response, to: result, engine: engine)
            if result.messages.isEmpty, result.state.intent?.state == .fulfilled {
                result.messages = engine.closingMessages(for: result.state)
            }
        }
        return result
    }

    /// What the event says of the bot and the request.
    struct HookContext {
        var hook: CodeHook?
        var bot: LexDocument
        var alias: LexDocument
        var version: String
        var path: SessionPathRequest
        var requestId: String
        var requestAttributes: [String: String]
    }

    /// The Lex V2 Lambda input event.
    private func event(
        _ source: String, state: ConversationState, text: String, turn: DialogueTurn, context: HookContext,
        engine: DialogueEngine
    ) -> JSONValue {
        var sessionState = Self.sessionState(state, requestId: context.requestId, engine: engine).objectValue ?? [:]
        let proposed = sessionState["dialogAction"]
        sessionState["dialogAction"] = nil
        sessionState["activeContexts"] = .array([])
        var event: LexDocument = [
            "messageVersion": .string("1.0"), "invocationSource": .string(source), "inputMode": .string("Text"),
            "responseContentType": .string("text/plain; charset=utf-8"), "sessionId": .string(context.path.sessionId),
            "inputTranscript": .string(text),
            "bot": .object([
                "id": .string(context.path.botId), "name": context.bot["botName"] ?? .null,
                "aliasId": .string(context.path.botAliasId), "aliasName": context.alias["botAliasName"] ?? .null,
                "localeId": .string(context.path.localeId), "version": .string(context.version),
            ]),
            "interpretations": .array(
                Self.interpretations(
                    turn.interpretations.map { .init(intent: $0.intent, confidence: $0.confidence) }, engine: engine)),
            "requestAttributes": Self.strings(context.requestAttributes),
            "sessionState": .object(sessionState),
            "transcriptions": .array([
                .object(["transcription": .string(text), "transcriptionConfidence": .number(1)])
            ]),
        ]
        if source == "DialogCodeHook", let proposed, let intent = sessionState["intent"] {
            event["proposedNextState"] = .object(["dialogAction": proposed, "intent": intent])
        }
        return .object(event)
    }

    /// The handler's answer laid over the turn: its intent, attributes, dialog action and messages; `Delegate` hands
    /// the next step back to the engine.
    private func apply(_ response: LexDocument, to turn: HookedTurn, engine: DialogueEngine) -> HookedTurn {
        var result = turn
        let session = response["sessionState"]?.objectValue ?? [:]
        if let data = try? JSONValue.object(session).jsonData(),
            let shape = try? JSONDecoder().decode(SessionStateShape.self, from: data)
        {
            result.state = Self.apply(shape, to: result.state)
        }
        let messages = Self.messages(response["messages"])
        if result.state.step == .delegate {
            let next = engine.resume(result.state)
            result.state = next.state
            result.messages = messages + next.messages
        } else {
            result.messages = messages
        }
        return result
    }

    /// Messages in the runtime's shape, as a handler returns them.
    static func messages(_ value: JSONValue?) -> [DialogueMessage] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { item in
            guard let fields = item.objectValue, let type = fields.string("contentType"),
                let format = DialogueMessage.Format(rawValue: type)
            else { return nil }
            let content = fields.string("content") ?? fields["imageResponseCard"]?.objectValue?.string("title") ?? ""
            return DialogueMessage(format: format, content: content)
        }
    }
}
