import SibylCore

/// The path every runtime operation shares.
struct SessionPathRequest: Codable, Sendable, ValidatableInput {
    var botId: String
    var botAliasId: String
    var localeId: String
    var sessionId: String

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        guard (2...100).contains(sessionId.count),
            sessionId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._:-".contains($0)) })
        else {
            throw ServiceError.constraint(
                member: "sessionId", value: sessionId,
                "Member must satisfy regular expression pattern: [0-9a-zA-Z._:-]+ and have length between 2 and 100")
        }
    }
}

/// RecognizeText's members.
struct RecognizeTextRequest: Codable, Sendable, ValidatableInput {
    var botId: String
    var botAliasId: String
    var localeId: String
    var sessionId: String
    var text: String
    var sessionState: SessionStateShape?
    var requestAttributes: [String: String]?

    func validate() throws {
        try SessionPathRequest(botId: botId, botAliasId: botAliasId, localeId: localeId, sessionId: sessionId).validate()
        guard (1...1024).contains(text.count) else {
            throw ServiceError.constraint(
                member: "text", value: "(\(text.count) characters)", "Member must have length between 1 and 1024")
        }
        try sessionState?.validate()
    }
}

/// PutSession's members.
struct PutSessionRequest: Codable, Sendable, ValidatableInput {
    var botId: String
    var botAliasId: String
    var localeId: String
    var sessionId: String
    var sessionState: SessionStateShape
    var messages: [MessageShape]?
    var requestAttributes: [String: String]?
    var responseContentType: String?

    func validate() throws {
        try SessionPathRequest(botId: botId, botAliasId: botAliasId, localeId: localeId, sessionId: sessionId).validate()
        try sessionState.validate()
        if let responseContentType, !responseContentType.hasPrefix("text/plain") {
            throw ServiceError.validation(
                "responseContentType \(responseContentType) needs speech synthesis, which PutSession does not do here; use text/plain; charset=utf-8.")
        }
    }
}

/// Lex V2's `SessionState`.
struct SessionStateShape: Codable, Sendable {
    var dialogAction: DialogActionShape?
    var intent: IntentShape?
    var activeContexts: JSONValue?
    var sessionAttributes: [String: String]?
    var originatingRequestId: String?
    var runtimeHints: JSONValue?

    func validate() throws {
        if case .array(let contexts)? = activeContexts, !contexts.isEmpty {
            throw ServiceError.validation(
                "sessionState.activeContexts is not supported here: Sibyl's bots have no contexts, and a conversation "
                    + "would go on as if none were active. Leave it out or send an empty list.")
        }
        if case .object(let hints)? = runtimeHints, hints.contains(where: { $0.value != .object([:]) }) {
            throw ServiceError.validation(
                "sessionState.runtimeHints is not supported here: Sibyl does not bias recognition towards slot hints. "
                    + "Leave it out.")
        }
        if let type = dialogAction?.type,
            !["Close", "ConfirmIntent", "Delegate", "ElicitIntent", "ElicitSlot", "None"].contains(type)
        {
            throw ServiceError.constraint(
                member: "sessionState.dialogAction.type", value: type,
                "Member must satisfy enum value set: [Close, ConfirmIntent, Delegate, ElicitIntent, ElicitSlot, None]")
        }
        if dialogAction?.type == "ElicitSlot", dialogAction?.slotToElicit == nil {
            throw ServiceError.validation("An ElicitSlot dialog action needs slotToElicit.")
        }
        if let state = intent?.state,
            !["Failed", "Fulfilled", "InProgress", "ReadyForFulfillment", "Waiting", "FulfillmentInProgress"].contains(state)
        {
            throw ServiceError.constraint(
                member: "sessionState.intent.state", value: state,
                "Member must satisfy enum value set: [Failed, Fulfilled, InProgress, ReadyForFulfillment, Waiting, FulfillmentInProgress]")
        }
        if let confirmation = intent?.confirmationState, !["Confirmed", "Denied", "None"].contains(confirmation) {
            throw ServiceError.constraint(
                member: "sessionState.intent.confirmationState", value: confirmation,
                "Member must satisfy enum value set: [Confirmed, Denied, None]")
        }
    }
}

/// Lex V2's `DialogAction`.
struct DialogActionShape: Codable, Sendable {
    var type: String
    var slotToElicit: String?
}

/// Lex V2's `Intent` in a session state.
struct IntentShape: Codable, Sendable {
    var name: String
    var slots: [String: SlotShape?]?
    var state: String?
    var confirmationState: String?
}

/// Lex V2's `Slot`.
struct SlotShape: Codable, Sendable {
    var value: ValueShape?
    var shape: String?
}

/// Lex V2's slot `Value`.
struct ValueShape: Codable, Sendable {
    var originalValue: String?
    var interpretedValue: String
    var resolvedValues: [String]?
}

/// Lex V2's runtime `Message`.
struct MessageShape: Codable, Sendable {
    var content: String?
    var contentType: String
}
