import Foundation
import SibylCore

extension LexModelsPlugin {
    // MARK: - Versions

    /// Freezes built draft locales into the bot's next numbered version.
    func createBotVersion(_ input: CreateBotVersionRequest, store: LexStore) throws -> JSONValue {
        var bot = try store.bot(input.botId)
        for (localeId, source) in input.botVersionLocaleSpecification {
            let locale = try store.locale(input.botId, source.sourceBotVersion, localeId)
            guard locale.string("botLocaleStatus") == "Built" else {
                throw LexErrors.preconditionFailed(
                    "Locale \(localeId) of version \(source.sourceBotVersion) is not built; build it before creating a version.")
            }
        }
        let number = Int(bot.number("latestVersion") ?? 0) + 1
        let version = String(number)
        let now = JSONValue.timestamp()
        for (localeId, source) in input.botVersionLocaleSpecification {
            let scope = ["botId": input.botId, "botVersion": source.sourceBotVersion, "localeId": localeId]
            for kind in [LexStore.Kind.locale, .build, .intent, .slot, .slotType] {
                for var document in try store.list(kind, where: scope) {
                    document["botVersion"] = .string(version)
                    if kind == .locale { document["creationDateTime"] = now }
                    try store.put(document, kind, Self.key(of: document, kind: kind))
                }
            }
        }
        var specification: LexDocument = [:]
        for (localeId, source) in input.botVersionLocaleSpecification {
            specification[localeId] = .object(["sourceBotVersion": .string(source.sourceBotVersion)])
        }
        var record: LexDocument = [
            "botId": .string(input.botId), "botVersion": .string(version), "botStatus": .string("Available"),
            "botVersionLocaleSpecification": .object(specification), "creationDateTime": now,
            "botName": bot["botName"] ?? .null,
        ]
        if let description = input.description { record["description"] = .string(description) }
        try store.put(record, .version, [input.botId, version])
        bot["latestVersion"] = .number(Double(number))
        try store.put(bot, .bot, [input.botId])
        return .object(record.removing(["botName"]))
    }

    func listBotVersions(_ input: ListWithinBotRequest, store: LexStore) throws -> JSONValue {
        let bot = try store.bot(input.botId)
        var versions = try store.list(.version, where: ["botId": input.botId])
            .sorted { Int($0.string("botVersion") ?? "") ?? 0 < Int($1.string("botVersion") ?? "") ?? 0 }
            .map { $0.keeping(["botName", "botVersion", "description", "botStatus", "creationDateTime"]) }
        versions.insert(
            [
                "botName": bot["botName"] ?? .null, "botVersion": .string("DRAFT"), "botStatus": .string("Available"),
                "creationDateTime": bot["creationDateTime"] ?? .null,
            ], at: 0)
        if input.sortBy?.order == "Descending" { versions.reverse() }
        let page = try ListPage(
            versions, token: input.nextToken, limit: input.maxResults ?? 10, errorCode: "ValidationException",
            id: { $0.string("botVersion") ?? "" })
        return LexListing.output(
            ["botId": .string(input.botId), "botVersionSummaries": .array(page.items.map(JSONValue.object))],
            nextToken: page.nextToken)
    }

    // MARK: - Aliases

    func createBotAlias(_ input: RawRequest<CreateBotAliasRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        _ = try store.bot(request.botId)
        if let version = request.botVersion, try store.get(.version, [request.botId, version]) == nil {
            throw LexErrors.preconditionFailed("Version \(version) of bot \(request.botId) does not exist.")
        }
        let aliases = try store.list(.alias, where: ["botId": request.botId])
        guard !aliases.contains(where: { $0.string("botAliasName") == request.botAliasName }) else {
            throw LexErrors.preconditionFailed("The bot already has an alias named \(request.botAliasName).")
        }
        let now = JSONValue.timestamp()
        var alias = input.members
        alias["botAliasId"] = .string(LexStore.newId())
        alias["botAliasStatus"] = .string("Available")
        alias["creationDateTime"] = now
        alias["lastUpdatedDateTime"] = now
        try store.put(alias, .alias, [request.botId, alias.string("botAliasId")!])
        return .object(alias.removing(["lastUpdatedDateTime"]))
    }

    /// UpdateBotAlias: the whole definition replaced, id and creation time kept (the test alias stays on DRAFT).
    func updateBotAlias(_ input: RawRequest<CreateBotAliasRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        let aliasId = request.botAliasId ?? ""
        try LexValidation.id(aliasId, member: "botAliasId")
        _ = try store.bot(request.botId)
        guard let existing = try store.get(.alias, [request.botId, aliasId]) else {
            throw LexErrors.notFound("Failed to retrieve resource since it does not exist: bot alias \(aliasId)")
        }
        if let version = request.botVersion, try store.get(.version, [request.botId, version]) == nil {
            throw LexErrors.preconditionFailed("Version \(version) of bot \(request.botId) does not exist.")
        }
        var alias = input.members
        alias["botAliasStatus"] = .string("Available")
        alias["creationDateTime"] = existing["creationDateTime"]
        alias["lastUpdatedDateTime"] = .timestamp()
        if aliasId == Self.testAliasId { alias["botVersion"] = .string("DRAFT") }
        if alias["botVersion"] == nil { alias["botVersion"] = existing["botVersion"] }
        alias["tags"] = existing["tags"]
        try store.put(alias, .alias, [request.botId, aliasId])
        return .object(alias.removing(["tags"]))
    }

    func describeBotAlias(_ input: BotAliasPathRequest, store: LexStore) throws -> JSONValue {
        _ = try store.bot(input.botId)
        guard let alias = try store.get(.alias, [input.botId, input.botAliasId]) else {
            throw LexErrors.notFound("Failed to retrieve resource since it does not exist: bot alias \(input.botAliasId)")
        }
        return .object(alias.removing(["tags"]))
    }

    func listBotAliases(_ input: ListWithinBotRequest, store: LexStore) throws -> JSONValue {
        _ = try store.bot(input.botId)
        let aliases = try store.list(.alias, where: ["botId": input.botId])
            .sorted { ($0.string("botAliasName") ?? "") < ($1.string("botAliasName") ?? "") }
            .map {
                $0.keeping([
                    "botAliasId", "botAliasName", "description", "botVersion", "botAliasStatus", "creationDateTime",
                    "lastUpdatedDateTime",
                ])
            }
        let page = try ListPage(
            aliases, token: input.nextToken, limit: input.maxResults ?? 10, errorCode: "ValidationException",
            id: { $0.string("botAliasId") ?? "" })
        return LexListing.output(
            ["botId": .string(input.botId), "botAliasSummaries": .array(page.items.map(JSONValue.object))],
            nextToken: page.nextToken)
    }
}
