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

    /// UpdateBotLocale: the settings CreateBotLocale takes replace the locale's (one left out is removed); the
    /// locale must be built again for its conversations to use them, as in Lex.
    func updateBotLocale(_ input: RawRequest<CreateBotLocaleRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        var locale = try store.locale(request.botId, request.botVersion, request.localeId)
        let settings = [
            "description", "nluIntentConfidenceThreshold", "voiceSettings", "unifiedSpeechSettings", "audioFillerSettings",
            "speechRecognitionSettings", "generativeAISettings", "speechDetectionSensitivity",
        ]
        for member in settings { locale[member] = input.members[member] }
        try store.put(locale, .locale, [request.botId, request.botVersion, request.localeId])
        try store.touchLocale(request.botId, request.botVersion, request.localeId)
        let updated = try store.locale(request.botId, request.botVersion, request.localeId)
        return .object(updated.keeping(Self.localeMembers + ["failureReasons", "lastUpdatedDateTime"]))
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

    /// Starts training the locale on the job queue: the locale is `Building` until ``LocaleBuildHandler`` makes it
    /// `Built` (its snapshot is then what the runtime converses with) or `Failed` with the reasons, as Lex's build.
    func buildBotLocale(_ input: LocalePathRequest, context: OperationContext) async throws -> JSONValue {
        try LexValidation.draft(input.botVersion)
        let store = LexStore(resources: context.resources)
        var locale = try store.locale(input.botId, input.botVersion, input.localeId)
        locale["botLocaleStatus"] = .string("Building")
        locale["lastBuildSubmittedDateTime"] = .timestamp()
        locale["lastUpdatedDateTime"] = .timestamp()
        try store.put(locale, .locale, [input.botId, input.botVersion, input.localeId])
        let work = LocaleBuild(botId: input.botId, version: input.botVersion, localeId: input.localeId)
        _ = try await context.jobs.enqueue(
            id: "lex-build-" + UUID().uuidString.lowercased(), kind: LocaleBuildHandler.kind,
            input: try JSONEncoder().encode(work))
        return .object(
            locale.keeping(["botId", "botVersion", "localeId", "botLocaleStatus", "lastBuildSubmittedDateTime"]))
    }
}
