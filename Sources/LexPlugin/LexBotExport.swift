import Foundation
import SibylCore

/// A bot in Lex V2's export layout (`Bot.json`, `BotLocales/<locale>/BotLocale.json`, `Intents/<name>/Intent.json`,
/// `Intents/<name>/Slots/<name>/Slot.json`, `SlotTypes/<name>/SlotType.json`), read from a folder, and installed by
/// calling the models API — so a bot exported from AWS runs here unchanged.
public struct LexBotExport: Sendable {
    /// The bot's name.
    public var name: String
    var bot: LexDocument
    var locales: [Locale]

    struct Locale: Sendable {
        var document: LexDocument
        var slotTypes: [LexDocument]
        var intents: [(intent: LexDocument, slots: [LexDocument])]
    }

    /// The locales the export holds.
    public var localeIds: [String] { locales.compactMap { $0.document.string("identifier") } }

    /// The role ARN imported bots get: an export carries none, and Sibyl has no IAM to check it against.
    public static let importRoleArn = "arn:aws:iam::000000000000:role/SibylImportedBotRole"

    /// Reads an export folder: the folder holding `Bot.json`, or one holding that folder (and `manifest.json`).
    public init(folder: URL) throws {
        let files = FileManager.default
        var root = folder
        if !files.fileExists(atPath: folder.appendingPathComponent("Bot.json").path) {
            let children = (try? files.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            guard let inner = children.first(where: { files.fileExists(atPath: $0.appendingPathComponent("Bot.json").path) })
            else { throw ExportError("No Bot.json in \(folder.path) or its folders: not a Lex V2 bot export.") }
            root = inner
        }
        bot = try Self.document(root.appendingPathComponent("Bot.json"))
        guard let name = bot.string("name") else { throw ExportError("Bot.json has no name.") }
        self.name = name
        locales = try Self.folders(root.appendingPathComponent("BotLocales")).map { localeFolder in
            let slotTypes = try Self.folders(localeFolder.appendingPathComponent("SlotTypes")).map {
                try Self.document($0.appendingPathComponent("SlotType.json"))
            }
            let intents = try Self.folders(localeFolder.appendingPathComponent("Intents")).map { intentFolder in
                let slots = try Self.folders(intentFolder.appendingPathComponent("Slots")).map {
                    try Self.document($0.appendingPathComponent("Slot.json"))
                }
                return (try Self.document(intentFolder.appendingPathComponent("Intent.json")), slots)
            }
            return Locale(
                document: try Self.document(localeFolder.appendingPathComponent("BotLocale.json")), slotTypes: slotTypes,
                intents: intents)
        }
        guard !locales.isEmpty else { throw ExportError("The export has no BotLocales.") }
    }

    /// Creates the bot through the models API (`call(operation, input)`), starts building every locale, and answers
    /// the new bot's id. `name` overrides the exported name; `settings` (CreateBot members such as `roleArn`,
    /// `dataPrivacy`, `idleSessionTTLInSeconds`, `botTags`) override the export's.
    public func install(
        name: String? = nil, settings: [String: JSONValue] = [:],
        call: (_ operation: String, _ input: JSONValue) async throws -> JSONValue
    ) async throws -> String {
        var createBot = bot.keeping(["description", "dataPrivacy", "idleSessionTTLInSeconds"])
        createBot["botName"] = .string(name ?? self.name)
        createBot["roleArn"] = .string(Self.importRoleArn)
        createBot.merge(settings) { $1 }
        if createBot["dataPrivacy"] == nil { createBot["dataPrivacy"] = .object(["childDirected": .bool(false)]) }
        if createBot["idleSessionTTLInSeconds"] == nil { createBot["idleSessionTTLInSeconds"] = .number(300) }
        let created = try await call("CreateBot", Self.apiShape(.object(createBot)))
        guard let botId = created.objectValue?.string("botId") else { throw ExportError("CreateBot answered no botId.") }
        for locale in locales {
            guard let localeId = locale.document.string("identifier") else { throw ExportError("A BotLocale.json has no identifier.") }
            let path: LexDocument = ["botId": .string(botId), "botVersion": .string("DRAFT"), "localeId": .string(localeId)]
            var createLocale = locale.document.keeping(["description", "voiceSettings"]).merging(path) { $1 }
            createLocale["nluIntentConfidenceThreshold"] = locale.document["nluConfidenceThreshold"] ?? .number(0.4)
            _ = try await call("CreateBotLocale", Self.apiShape(.object(createLocale)))
            var slotTypeIds: [String: String] = [:]
            for slotType in locale.slotTypes {
                var input = slotType.removing(["name", "identifier", "version"]).merging(path) { $1 }
                input["slotTypeName"] = slotType["name"]
                let answer = try await call("CreateSlotType", Self.apiShape(.object(input)))
                if let typeName = slotType.string("name"), let id = answer.objectValue?.string("slotTypeId") {
                    slotTypeIds[typeName] = id
                }
            }
            for (intent, slots) in locale.intents {
                try await installIntent(intent, slots: slots, path: path, slotTypeIds: slotTypeIds, call: call)
            }
            _ = try await call("BuildBotLocale", .object(path))
        }
        return botId
    }

    private func installIntent(
        _ intent: LexDocument, slots: [LexDocument], path: LexDocument, slotTypeIds: [String: String],
        call: (_ operation: String, _ input: JSONValue) async throws -> JSONValue
    ) async throws {
        guard let intentName = intent.string("name") else { throw ExportError("An Intent.json has no name.") }
        var definition = intent.removing(["name", "identifier", "version", "slotPriorities"]).merging(path) { $1 }
        definition["intentName"] = .string(intentName)
        let intentId: String
        if intent.string("parentIntentSignature") == "AMAZON.FallbackIntent" {
            intentId = LexModelsPlugin.fallbackIntentId
        } else {
            let answer = try await call("CreateIntent", Self.apiShape(.object(definition)))
            guard let id = answer.objectValue?.string("intentId") else { throw ExportError("CreateIntent answered no intentId.") }
            intentId = id
        }
        var slotIds: [String: String] = [:]
        for slot in slots {
            guard let slotName = slot.string("name"), let typeName = slot.string("slotTypeName") else {
                throw ExportError("A Slot.json of intent \(intentName) has no name or slotTypeName.")
            }
            guard let typeId = typeName.hasPrefix("AMAZON.") ? typeName : slotTypeIds[typeName] else {
                throw ExportError("Slot \(slotName) of intent \(intentName) uses slot type \(typeName), which the export lacks.")
            }
            var input = slot.removing(["name", "identifier", "version", "slotTypeName"]).merging(path) { $1 }
            input["slotName"] = .string(slotName)
            input["slotTypeId"] = .string(typeId)
            input["intentId"] = .string(intentId)
            let answer = try await call("CreateSlot", Self.apiShape(.object(input)))
            if let id = answer.objectValue?.string("slotId") { slotIds[slotName] = id }
        }
        var update = definition
        update["intentId"] = .string(intentId)
        if case .array(let priorities) = intent["slotPriorities"] {
            update["slotPriorities"] = .array(
                priorities.compactMap { entry -> JSONValue? in
                    guard let fields = entry.objectValue, let name = fields.string("slotName"), let id = slotIds[name] else {
                        return nil
                    }
                    return .object(["priority": fields["priority"] ?? .number(1), "slotId": .string(id)])
                })
        }
        _ = try await call("UpdateIntent", Self.apiShape(.object(update)))
    }

    /// An export document in the API's shape: nulls dropped, `messageGroupsList` (the export's name) renamed to
    /// `messageGroups`, resolution strategies in the API's spelling (`TOP_RESOLUTION` → `TopResolution`).
    static func apiShape(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: LexDocument = [:]
            for (key, member) in members where member != .null {
                let name = key == "messageGroupsList" ? "messageGroups" : key
                if key == "resolutionStrategy", let strategy = member.stringValue {
                    result[name] = .string(
                        ["ORIGINAL_VALUE": "OriginalValue", "TOP_RESOLUTION": "TopResolution", "CONCATENATION": "Concatenation"][
                            strategy] ?? strategy)
                } else {
                    result[name] = apiShape(member)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(apiShape))
        default:
            return value
        }
    }

    private static func document(_ file: URL) throws -> LexDocument {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ExportError("Missing \(file.path).")
        }
        guard let document = (try? JSONDecoder().decode(JSONValue.self, from: data))?.objectValue else {
            throw ExportError("\(file.path) is not a JSON object.")
        }
        return document
    }

    private static func folders(_ parent: URL) throws -> [URL] {
        let children = (try? FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        return children.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// A bot export that cannot be read or installed, with the reason.
public struct ExportError: Error, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    init(_ description: String) { self.description = description }
}
