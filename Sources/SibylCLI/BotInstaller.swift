import Foundation
import LexPlugin
import SibylCore

/// Finds or installs the bot a command names: a bot id as is, or a Lex V2 export (folder or zip) imported through
/// the models API unless a bot of its name is already there.
struct BotInstaller {
    let caller: OperationCaller

    /// The bot id `reference` stands for.
    func botId(for reference: String, locale: String, reuse: Bool = true) async throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reference, isDirectory: &isFolder) else {
            return reference
        }
        let export = try read(reference, isFolder: isFolder.boolValue)
        if reuse, let existing = try await existingBot(named: export.name) {
            try await waitUntilBuilt(existing, locales: [locale])
            return existing
        }
        return try await install(export)
    }

    /// Installs an export as a new bot (named `name`, else as exported), waits for its locales to build, and
    /// answers its id.
    func install(_ export: LexBotExport, name: String? = nil) async throws -> String {
        let botId = try await export.install(name: name) { operation, input in
            try await caller.call("lexv2-models", operation, input)
        }
        try await waitUntilBuilt(botId, locales: export.localeIds)
        return botId
    }

    /// Polls the draft locales until none is building; a failed build throws its reasons.
    private func waitUntilBuilt(_ botId: String, locales: [String]) async throws {
        for locale in locales {
            let path: JSONValue = .object([
                "botId": .string(botId), "botVersion": .string("DRAFT"), "localeId": .string(locale),
            ])
            for _ in 0..<3000 {
                let described = try await caller.call("lexv2-models", "DescribeBotLocale", path).objectValue ?? [:]
                switch described["botLocaleStatus"]?.stringValue {
                case "Building", "Creating":
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                case "Failed":
                    let reasons: [String]
                    if case .array(let items) = described["failureReasons"] { reasons = items.compactMap(\.stringValue) } else { reasons = [] }
                    throw OperationCaller.Failure(
                        code: "BuildFailed", message: "locale \(locale) of bot \(botId) failed to build: " + reasons.joined(separator: " "))
                default:
                    break
                }
                break
            }
        }
    }

    /// Reads an export from a folder or a zip file (unpacked into a temporary folder with `unzip`).
    func export(at path: String) throws -> LexBotExport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw OperationCaller.Failure(code: "Usage", message: "no such file or folder: \(path)")
        }
        return try read(path, isFolder: isFolder.boolValue)
    }

    private func existingBot(named name: String) async throws -> String? {
        let filter: JSONValue = .array([
            .object(["name": .string("BotName"), "values": .array([.string(name)]), "operator": .string("EQ")])
        ])
        let answer = try await caller.call("lexv2-models", "ListBots", .object(["filters": filter]))
        guard case .array(let bots) = answer.objectValue?["botSummaries"] else { return nil }
        return bots.first?.objectValue?["botId"]?.stringValue
    }

    private func read(_ path: String, isFolder: Bool) throws -> LexBotExport {
        let url = URL(fileURLWithPath: path)
        return isFolder ? try LexBotExport(folder: url) : try LexBotExport(zip: url)
    }
}
