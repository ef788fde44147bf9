import Foundation
import SibylCore

extension LexModelsPlugin {
    /// CreateIntent and UpdateIntent: Lex replaces the whole definition on update, keeping id and creation time.
    func saveIntent(_ input: RawRequest<IntentRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        _ = try store.locale(request.botId, request.botVersion, request.localeId)
        let scope = ["botId": request.botId, "botVersion": request.botVersion, "localeId": request.localeId]
        let existing = try request.intentId.map {
            try store.intent(request.botId, request.botVersion, request.localeId, $0)
        }
        let intentId = request.intentId ?? LexStore.newId()
        let namesake = try store.list(.intent, where: scope.merging(["intentName": request.intentName]) { $1 })
        guard namesake.allSatisfy({ $0.string("intentId") == intentId }) else {
            throw LexErrors.preconditionFailed("An intent named \(request.intentName) already exists in this locale.")
        }
        if existing == nil, request.parentIntentSignature == "AMAZON.FallbackIntent" {
            throw LexErrors.preconditionFailed(
                "The locale already has its fallback intent (\(Self.fallbackIntentId)); update it instead.")
        }
        if existing?.string("parentIntentSignature") == "AMAZON.FallbackIntent",
            !(request.sampleUtterances ?? []).isEmpty
        {
            throw ServiceError.validation("The fallback intent cannot have sample utterances.")
        }
        var intent = input.members
        if let existing {
            intent["creationDateTime"] = existing["creationDateTime"]
            intent["parentIntentSignature"] = intent["parentIntentSignature"] ?? existing["parentIntentSignature"]
            if intent["slotPriorities"] == nil { intent["slotPriorities"] = existing["slotPriorities"] }
        } else {
            intent["creationDateTime"] = .timestamp()
        }
        intent["intentId"] = .string(intentId)
        intent["lastUpdatedDateTime"] = .timestamp()
        _ = try intent.decode(IntentSpec.self)
        try UnimplementedSettings.checkIntent(intent)
        try store.put(intent, .intent, [request.botId, request.botVersion, request.localeId, intentId])
        try store.touchLocale(request.botId, request.botVersion, request.localeId)
        return .object(existing == nil ? intent.removing(["lastUpdatedDateTime", "slotPriorities"]) : intent)
    }

    func describeIntent(_ input: IntentPathRequest, store: LexStore) throws -> JSONValue {
        .object(try store.intent(input.botId, input.botVersion, input.localeId, input.intentId))
    }

    func listIntents(_ input: ListWithinLocaleRequest, store: LexStore) throws -> JSONValue {
        _ = try store.locale(input.botId, input.botVersion, input.localeId)
        let scope = ["botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId]
        let summaries = try store.list(.intent, where: scope).map {
            $0.keeping([
                "intentId", "intentName", "intentDisplayName", "description", "parentIntentSignature", "inputContexts",
                "outputContexts", "lastUpdatedDateTime",
            ])
        }
        let page = try LexListing.page(
            summaries, nameMember: "intentName", filters: input.filters, sortBy: input.sortBy,
            maxResults: input.maxResults, nextToken: input.nextToken)
        return LexListing.output(
            [
                "botId": .string(input.botId), "botVersion": .string(input.botVersion),
                "localeId": .string(input.localeId), "intentSummaries": .array(page.items),
            ], nextToken: page.nextToken)
    }

    func deleteIntent(_ input: IntentPathRequest, store: LexStore) throws {
        try LexValidation.draft(input.botVersion)
        let intent = try store.intent(input.botId, input.botVersion, input.localeId, input.intentId)
        if intent.string("parentIntentSignature") == "AMAZON.FallbackIntent" {
            throw LexErrors.preconditionFailed("The fallback intent cannot be deleted.")
        }
        let scope = [
            "botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId, "intentId": input.intentId,
        ]
        for slot in try store.list(.slot, where: scope) { try store.delete(.slot, Self.key(of: slot, kind: .slot)) }
        try store.delete(.intent, [input.botId, input.botVersion, input.localeId, input.intentId])
        try store.touchLocale(input.botId, input.botVersion, input.localeId)
    }
}
