import SibylCore

/// CreateBot's members that Sibyl checks.
struct CreateBotRequest: Decodable, Sendable, ValidatableInput {
    var botName: String
    var description: String?
    var roleArn: String
    var dataPrivacy: DataPrivacy
    var idleSessionTTLInSeconds: Int
    var botType: String?

    struct DataPrivacy: Decodable, Sendable {
        var childDirected: Bool
    }

    func validate() throws {
        try LexValidation.name(botName, member: "botName")
        try LexValidation.description(description)
        guard roleArn.hasPrefix("arn:aws:iam::"), roleArn.contains(":role/"), (32...2048).contains(roleArn.count) else {
            throw ServiceError.constraint(
                member: "roleArn", value: roleArn, "Member must satisfy regular expression pattern: ^arn:aws:iam::[0-9]{12}:role/.*$")
        }
        guard (60...86400).contains(idleSessionTTLInSeconds) else {
            throw ServiceError.constraint(
                member: "idleSessionTTLInSeconds", value: String(idleSessionTTLInSeconds),
                "Member must have value between 60 and 86400")
        }
        if let botType, botType != "Bot" {
            throw ServiceError.validation("Bot networks (botType \(botType)) are not supported; create a bot of type Bot.")
        }
    }
}

/// UpdateBot's members: the bot's path and CreateBot's settings, which replace the bot's.
struct UpdateBotRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var settings: CreateBotRequest

    private enum CodingKeys: String, CodingKey { case botId }

    init(from decoder: any Decoder) throws {
        botId = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .botId)
        settings = try CreateBotRequest(from: decoder)
    }

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try settings.validate()
    }
}

/// A request naming one bot by its path.
struct BotIdRequest: Decodable, Sendable, ValidatableInput {
    var botId: String

    func validate() throws { try LexValidation.id(botId, member: "botId") }
}

/// ListBots' members.
struct ListBotsRequest: Decodable, Sendable, ValidatableInput {
    var sortBy: Sort?
    var filters: [Filter]?
    var maxResults: Int?
    var nextToken: String?

    struct Sort: Decodable, Sendable {
        var attribute: String
        var order: String
    }

    struct Filter: Decodable, Sendable {
        var name: String
        var values: [String]
        var `operator`: String
    }

    func validate() throws {
        try LexValidation.maxResults(maxResults)
        for filter in filters ?? [] {
            guard ["CO", "EQ", "NCO"].contains(filter.operator) else {
                throw ServiceError.constraint(
                    member: "filters.member.operator", value: filter.operator, "Member must satisfy enum value set: [CO, EQ, NCO]")
            }
            guard filter.values.count == 1 else {
                throw ServiceError.validation("A filter takes exactly one value.")
            }
        }
        if let filters, filters.count > 1 { throw ServiceError.validation("At most one filter may be given.") }
        if let sortBy { try LexValidation.sort(sortBy, attributes: ["BotName"]) }
    }
}

/// A request for a bot locale by its path.
struct LocalePathRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.version(botVersion)
    }
}

/// CreateBotLocale's members that Sibyl checks.
struct CreateBotLocaleRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var description: String?
    var nluIntentConfidenceThreshold: Double

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.draft(botVersion)
        try LexValidation.locale(localeId)
        try LexValidation.description(description)
        guard (0...1).contains(nluIntentConfidenceThreshold) else {
            throw ServiceError.constraint(
                member: "nluIntentConfidenceThreshold", value: String(nluIntentConfidenceThreshold),
                "Member must have value between 0 and 1")
        }
    }
}

/// A list request within a locale (intents, slot types) or an intent (slots).
struct ListWithinLocaleRequest: Decodable, Sendable, ValidatableInput {
    var botId: String
    var botVersion: String
    var localeId: String
    var intentId: String?
    var sortBy: ListBotsRequest.Sort?
    var filters: [ListBotsRequest.Filter]?
    var maxResults: Int?
    var nextToken: String?

    func validate() throws {
        try LexValidation.id(botId, member: "botId")
        try LexValidation.version(botVersion)
        if let intentId { try LexValidation.id(intentId, member: "intentId") }
        try ListBotsRequest(sortBy: sortBy, filters: filters, maxResults: maxResults, nextToken: nextToken).validate()
    }
}
