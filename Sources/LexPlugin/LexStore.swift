import Foundation
import SibylCore

/// Where Lex's resources live in the resource store: one kind per resource, keyed by its path of ids.
struct LexStore: Sendable {
    /// The kinds of resource, each its own kind in the store (derived data never shares a kind with a resource).
    enum Kind: String {
        case bot, locale, intent, slotType = "slot-type", slot, alias, version
        /// A built locale: the snapshot of intents, slots and slot types the runtime trains on.
        case build
        /// A runtime conversation.
        case session
        /// A bot import (CreateUploadUrl, StartImport).
        case importJob = "import"
    }

    let resources: ResourceStore

    static let service = "lexv2"

    /// The document stored under `key`, or `nil`.
    func get(_ kind: Kind, _ key: [String]) throws -> LexDocument? {
        try resources.get(LexDocument.self, service: Self.service, kind: kind.rawValue, id: key.joined(separator: "/"))
    }

    /// Stores a document; with `createOnly`, answers `false` when the key is taken.
    @discardableResult
    func put(_ document: LexDocument, _ kind: Kind, _ key: [String], createOnly: Bool = false) throws -> Bool {
        try resources.put(
            document, service: Self.service, kind: kind.rawValue, id: key.joined(separator: "/"), createOnly: createOnly)
    }

    /// Deletes a document, answering whether it existed.
    @discardableResult
    func delete(_ kind: Kind, _ key: [String]) throws -> Bool {
        try resources.delete(service: Self.service, kind: kind.rawValue, id: key.joined(separator: "/"))
    }

    /// The documents of a kind whose members match every `(member, value)` pair.
    func list(_ kind: Kind, where matches: [String: String]) throws -> [LexDocument] {
        try resources.list(LexDocument.self, service: Self.service, kind: kind.rawValue).filter { document in
            matches.allSatisfy { document.string($0.key) == $0.value }
        }
    }

    // MARK: - Lookups that answer Lex's errors

    /// The bot, or `ResourceNotFoundException`.
    func bot(_ botId: String) throws -> LexDocument {
        guard let bot = try get(.bot, [botId]) else {
            throw LexErrors.notFound("Failed to retrieve resource since it does not exist: bot \(botId)")
        }
        return bot
    }

    /// The bot locale, or `ResourceNotFoundException`.
    func locale(_ botId: String, _ version: String, _ localeId: String) throws -> LexDocument {
        _ = try bot(botId)
        guard let locale = try get(.locale, [botId, version, localeId]) else {
            throw LexErrors.notFound(
                "Failed to retrieve resource since it does not exist: locale \(localeId) of bot \(botId) version \(version)")
        }
        return locale
    }

    /// The intent, or `ResourceNotFoundException`.
    func intent(_ botId: String, _ version: String, _ localeId: String, _ intentId: String) throws -> LexDocument {
        _ = try locale(botId, version, localeId)
        guard let intent = try get(.intent, [botId, version, localeId, intentId]) else {
            throw LexErrors.notFound("Failed to retrieve resource since it does not exist: intent \(intentId)")
        }
        return intent
    }

    /// Marks a draft locale as changed since its last build, as Lex does when an intent, slot or slot type changes.
    func touchLocale(_ botId: String, _ version: String, _ localeId: String) throws {
        guard var locale = try get(.locale, [botId, version, localeId]) else { return }
        locale["lastUpdatedDateTime"] = .timestamp()
        if locale.string("botLocaleStatus") == "Built" || locale.string("botLocaleStatus") == "Failed" {
            locale["botLocaleStatus"] = .string("NotBuilt")
        }
        try put(locale, .locale, [botId, version, localeId])
    }

    /// A new random resource id: 10 upper-case letters and digits, as Lex's.
    static func newId() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<10).map { _ in alphabet.randomElement()! })
    }
}
