import Foundation
import SibylCore

extension LexModelsPlugin {
    /// The members every bot's Describe output carries, beyond those the client sent.
    static let botMembers = [
        "botId", "botName", "description", "roleArn", "dataPrivacy", "idleSessionTTLInSeconds", "botStatus",
        "creationDateTime", "lastUpdatedDateTime", "botType", "botMembers", "failureReasons", "errorLogSettings",
    ]

    func createBot(_ input: RawRequest<CreateBotRequest>, store: LexStore) throws -> JSONValue {
        let name = input.typed.botName
        guard try store.list(.bot, where: ["botName": name]).isEmpty else {
            throw LexErrors.preconditionFailed("A bot named \(name) already exists. Choose another name.")
        }
        let botId = LexStore.newId()
        let now = JSONValue.timestamp()
        var bot = input.members
        bot["botId"] = .string(botId)
        bot["botStatus"] = .string("Available")
        bot["botType"] = .string("Bot")
        bot["creationDateTime"] = now
        bot["lastUpdatedDateTime"] = now
        try store.put(bot, .bot, [botId], createOnly: true)
        // Every bot has the test alias on its draft version, as in Lex.
        let alias: LexDocument = [
            "botId": .string(botId), "botAliasId": .string(Self.testAliasId), "botAliasName": .string("TestBotAlias"),
            "botVersion": .string("DRAFT"), "botAliasStatus": .string("Available"), "creationDateTime": now,
            "lastUpdatedDateTime": now, "description": .string("test bot alias"),
            "tags": input.members["testBotAliasTags"] ?? .object([:]),
        ]
        try store.put(alias, .alias, [botId, Self.testAliasId])
        return .object(bot.keeping(Self.botMembers + ["botTags", "testBotAliasTags"]).removing(["lastUpdatedDateTime"]))
    }

    /// UpdateBot: the settings CreateBot takes replace the bot's (one left out is removed, as Lex replaces them);
    /// id, creation time, tags and versions stay.
    func updateBot(_ input: RawRequest<UpdateBotRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        var bot = try store.bot(request.botId)
        let name = request.settings.botName
        guard try store.list(.bot, where: ["botName": name]).allSatisfy({ $0.string("botId") == request.botId }) else {
            throw LexErrors.preconditionFailed("A bot named \(name) already exists. Choose another name.")
        }
        let settings = [
            "botName", "description", "roleArn", "dataPrivacy", "idleSessionTTLInSeconds", "botMembers",
            "errorLogSettings",
        ]
        for member in settings { bot[member] = input.members[member] }
        bot["botType"] = .string("Bot")
        bot["lastUpdatedDateTime"] = .timestamp()
        try store.put(bot, .bot, [request.botId])
        return .object(bot.keeping(Self.botMembers))
    }

    func describeBot(_ input: BotIdRequest, store: LexStore) throws -> JSONValue {
        .object(try store.bot(input.botId).keeping(Self.botMembers))
    }

    func listBots(_ input: ListBotsRequest, store: LexStore) throws -> JSONValue {
        let bots = try store.list(.bot, where: [:]).map { bot -> LexDocument in
            var summary = bot.keeping(["botId", "botName", "description", "botStatus", "lastUpdatedDateTime", "botType"])
            if let latest = bot.number("latestVersion") { summary["latestBotVersion"] = .string(String(Int(latest))) }
            return summary
        }
        let page = try LexListing.page(
            bots, nameMember: "botName", filters: input.filters, sortBy: input.sortBy, maxResults: input.maxResults,
            nextToken: input.nextToken)
        return LexListing.output(["botSummaries": .array(page.items)], nextToken: page.nextToken)
    }

    func deleteBot(_ input: BotIdRequest, store: LexStore) throws -> JSONValue {
        _ = try store.bot(input.botId)
        for kind in [LexStore.Kind.locale, .intent, .slotType, .slot, .alias, .version, .build, .session] {
            for document in try store.list(kind, where: ["botId": input.botId]) {
                try store.delete(kind, Self.key(of: document, kind: kind))
            }
        }
        try store.delete(.bot, [input.botId])
        return .object(["botId": .string(input.botId), "botStatus": .string("Deleting")])
    }

    /// The id of the test alias every bot has.
    static let testAliasId = "TSTALIASID"

    /// The store key of a document of a kind, from its members.
    static func key(of document: LexDocument, kind: LexStore.Kind) -> [String] {
        let members: [String]
        switch kind {
        case .bot: members = ["botId"]
        case .locale, .build: members = ["botId", "botVersion", "localeId"]
        case .intent: members = ["botId", "botVersion", "localeId", "intentId"]
        case .slotType: members = ["botId", "botVersion", "localeId", "slotTypeId"]
        case .slot: members = ["botId", "botVersion", "localeId", "intentId", "slotId"]
        case .alias: members = ["botId", "botAliasId"]
        case .version: members = ["botId", "botVersion"]
        case .session: members = ["botId", "botAliasId", "localeId", "sessionId"]
        case .importJob: members = ["importId"]
        }
        return members.map { document.string($0) ?? "" }
    }
}
