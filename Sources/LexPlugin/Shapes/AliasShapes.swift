import SibylCore

/// CreateBotVersion's members.
struct CreateBotVersionRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var description: String?
    var botVersionLocaleSpecification: [String: LocaleSource]

    struct LocaleSource: Decodable, Sendable {
        var sourceBotVersion: String
    }

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.description(description)
        guard !botVersionLocaleSpecification.isEmpty else {
            throw ServiceError.validation("botVersionLocaleSpecification must name at least one locale.")
        }
        for (locale, source) in botVersionLocaleSpecification {
            try LexValidation.locale(locale, member: "botVersionLocaleSpecification")
            try LexValidation.version(source.sourceBotVersion, member: "botVersionLocaleSpecification.\(locale).sourceBotVersion")
        }
    }
}

/// CreateBotAlias's and UpdateBotAlias's members that Sibyl checks.
struct CreateBotAliasRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    /// Set for UpdateBotAlias (from the path).
    var botAliasId: String?
    var botAliasName: String
    var description: String?
    var botVersion: String?
    var botAliasLocaleSettings: [String: AliasLocaleSettings]?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.name(botAliasName, member: "botAliasName")
        try LexValidation.description(description)
        if let botVersion {
            guard botVersion.allSatisfy(\.isNumber), (1...5).contains(botVersion.count) else {
                throw ServiceError.constraint(
                    member: "botVersion", value: botVersion, "Member must satisfy regular expression pattern: ^[0-9]+$")
            }
        }
        for locale in (botAliasLocaleSettings ?? [:]).keys { try LexValidation.locale(locale, member: "botAliasLocaleSettings") }
    }
}

/// An alias's settings for one locale: whether it is on, and its code hook.
struct AliasLocaleSettings: Decodable, Sendable {
    var enabled: Bool
    var codeHookSpecification: CodeHookSpecification?

    struct CodeHookSpecification: Decodable, Sendable {
        var lambdaCodeHook: LambdaCodeHook
    }

    struct LambdaCodeHook: Decodable, Sendable {
        var lambdaARN: String
        var codeHookInterfaceVersion: String
    }
}

/// The path of an alias.
struct BotAliasPathRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botAliasId: String

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.id(botAliasId, member: "botAliasId")
    }
}

/// A list request for a bot's aliases or versions (`sortBy` is ListBotVersions': by `BotVersion`).
struct ListWithinBotRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var sortBy: ListBotsRequest.Sort?
    var maxResults: Int?
    var nextToken: String?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.maxResults(maxResults)
        if let sortBy {
            try LexValidation.sort(sortBy, attributes: ["BotVersion"])
        }
    }
}
