import Dialogue
import Foundation
import SibylCore

extension LexModelsPlugin {
    static let localeMembers = [
        "botId", "botVersion", "localeId", "localeName", "description", "nluIntentConfidenceThreshold", "voiceSettings",
        "generativeAISettings", "speechDetectionSensitivity", "botLocaleStatus", "creationDateTime",
    ]

    /// The id Lex gives every locale's built-in fallback intent.
    static let fallbackIntentId = "FALLBCKINT"

    func createBotLocale(_ input: RawRequest<CreateBotLocaleRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        _ = try store.bot(request.botId)
        let now = JSONValue.timestamp()
        var locale = input.members
        locale["localeName"] = .string(LexLocales.names[request.localeId] ?? request.localeId)
        locale["botLocaleStatus"] = .string("NotBuilt")
        locale["creationDateTime"] = now
        locale["lastUpdatedDateTime"] = now
        guard try store.put(locale, .locale, [request.botId, request.botVersion, request.localeId], createOnly: true) else {
            throw LexErrors.preconditionFailed("The bot \(request.botId) already has the locale \(request.localeId).")
        }
        let fallback: LexDocument = [
            "botId": .string(request.botId), "botVersion": .string(request.botVersion),
            "localeId": .string(request.localeId), "intentId": .string(Self.fallbackIntentId),
            "intentName": .string("FallbackIntent"), "parentIntentSignature": .string("AMAZON.FallbackIntent"),
            "description": .string("Default intent when no other intent matches"), "creationDateTime": now,
            "lastUpdatedDateTime": now,
        ]
        try store.put(fallback, .intent, [request.botId, request.botVersion, request.localeId, Self.fallbackIntentId])
        return .object(locale.keeping(Self.localeMembers))
    }

    func describeBotLocale(_ input: LocalePathRequest, store: LexStore) throws -> JSONValue {
        let locale = try store.locale(input.botId, input.botVersion, input.localeId)
        var output = locale.keeping(
            Self.localeMembers + ["failureReasons", "lastUpdatedDateTime", "lastBuildSubmittedDateTime"])
        let scope = ["botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId]
        output["intentsCount"] = .number(Double(try store.list(.intent, where: scope).count))
        output["slotTypesCount"] = .number(Double(try store.list(.slotType, where: scope).count))
        return .object(output)
    }

    func deleteBotLocale(_ input: LocalePathRequest, store: LexStore) throws -> JSONValue {
        _ = try store.locale(input.botId, input.botVersion, input.localeId)
        let scope = ["botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId]
        for kind in [LexStore.Kind.intent, .slotType, .slot, .build] {
            for document in try store.list(kind, where: scope) { try store.delete(kind, Self.key(of: document, kind: kind)) }
        }
        try store.delete(.locale, [input.botId, input.botVersion, input.localeId])
        return .object([
            "botId": .string(input.botId), "botVersion": .string(input.botVersion), "localeId": .string(input.localeId),
            "botLocaleStatus": .string("Deleting"),
        ])
    }

    /// Trains the locale: compiles its intents, slots and slot types and trains the Dialogue engine on them. The
    /// locale is Built (and its snapshot is what the runtime converses with) or Failed with the reasons.
    func buildBotLocale(_ input: LocalePathRequest, store: LexStore) throws -> JSONValue {
        try LexValidation.draft(input.botVersion)
        var locale = try store.locale(input.botId, input.botVersion, input.localeId)
        let submitted = JSONValue.timestamp()
        let snapshot = try LocaleSnapshot.collect(
            store: store, botId: input.botId, version: input.botVersion, localeId: input.localeId)
        do {
            _ = try DialogueEngine(bot: try snapshot.compile())
            var build = snapshot.document
            let stamp = JSONValue.number(Date().timeIntervalSince1970)
            build["botId"] = .string(input.botId)
            build["botVersion"] = .string(input.botVersion)
            build["localeId"] = .string(input.localeId)
            build["builtAt"] = stamp
            try store.put(build, .build, [input.botId, input.botVersion, input.localeId])
            locale["builtAt"] = stamp
            locale["botLocaleStatus"] = .string("Built")
            locale["failureReasons"] = nil
        } catch let error as DialogueBuildError {
            locale["botLocaleStatus"] = .string("Failed")
            locale["failureReasons"] = .array(error.reasons.map(JSONValue.string))
        }
        locale["lastBuildSubmittedDateTime"] = submitted
        locale["lastUpdatedDateTime"] = .timestamp()
        try store.put(locale, .locale, [input.botId, input.botVersion, input.localeId])
        return .object(
            locale.keeping(["botId", "botVersion", "localeId", "botLocaleStatus", "lastBuildSubmittedDateTime"]))
    }
}
