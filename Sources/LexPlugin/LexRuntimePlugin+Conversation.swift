import Dialogue
import Foundation
import SibylCore

extension LexRuntimePlugin {
    /// A bot locale reached through an alias: its trained engine and the bot's idle timeout.
    struct Conversation {
        var engine: DialogueEngine
        var idleTimeout: Double
        var bot: LexDocument
        var alias: LexDocument
        var version: String
    }

    func recognizeText(_ input: RecognizeTextRequest, context: OperationContext) async throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        let path = SessionPathRequest(
            botId: input.botId, botAliasId: input.botAliasId, localeId: input.localeId, sessionId: input.sessionId)
        let conversation = try await open(path, store: store)
        var record = try session(path, store: store, idleTimeout: conversation.idleTimeout) ?? Self.newSession(path)
        if let given = input.sessionState { record.state = Self.apply(given, to: record.state) }
        // Asked before the turn, so a failing Comprehend leaves the conversation where it was.
        let sentiment = try await sentiment(
            input.text, alias: conversation.alias, localeId: input.localeId, context: context)
        let turn = conversation.engine.turn(input.text, state: record.state)
        let hooked = try await runHooks(
            turn, text: input.text,
            context: HookContext(
                hook: try CodeHook.configured(alias: conversation.alias, localeId: input.localeId),
                bot: conversation.bot, alias: conversation.alias, version: conversation.version, path: path,
                requestId: context.requestId, requestAttributes: input.requestAttributes ?? [:]),
            engine: conversation.engine)
        record.state = hooked.state
        record.lastMessages = hooked.messages
        record.lastInterpretations = turn.interpretations.map { .init(intent: $0.intent, confidence: $0.confidence) }
        // The interpretation the conversation follows shows the intent as the hooks left it.
        if let current = hooked.state.intent, record.lastInterpretations.first?.intent.name == current.name {
            record.lastInterpretations[0].intent = current
        }
        record.originatingRequestId = context.requestId
        record.lastActive = Date().timeIntervalSince1970
        try save(record, store: store)
        var interpretations = Self.interpretations(record, engine: conversation.engine)
        if let sentiment, var first = interpretations.first?.objectValue {
            first["sentimentResponse"] = sentiment
            interpretations[0] = .object(first)
        }
        var output: LexDocument = [
            "sessionId": .string(input.sessionId),
            "messages": .array(hooked.messages.map(Self.message)),
            "sessionState": Self.sessionState(record, engine: conversation.engine),
            "interpretations": .array(interpretations),
        ]
        if let attributes = input.requestAttributes { output["requestAttributes"] = Self.strings(attributes) }
        return .object(output)
    }

    func getSession(_ input: SessionPathRequest, context: OperationContext) async throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        let conversation = try await open(input, store: store)
        guard let record = try session(input, store: store, idleTimeout: conversation.idleTimeout) else {
            throw LexErrors.notFound("Session \(input.sessionId) does not exist or has expired.")
        }
        return .object([
            "sessionId": .string(input.sessionId), "messages": .array(record.lastMessages.map(Self.message)),
            "interpretations": .array(Self.interpretations(record, engine: conversation.engine)),
            "sessionState": Self.sessionState(record, engine: conversation.engine),
        ])
    }

    func putSession(_ input: PutSessionRequest, context: OperationContext) async throws -> Reply {
        let store = LexStore(resources: context.resources)
        let path = SessionPathRequest(
            botId: input.botId, botAliasId: input.botAliasId, localeId: input.localeId, sessionId: input.sessionId)
        let conversation = try await open(path, store: store)
        var record = try session(path, store: store, idleTimeout: conversation.idleTimeout) ?? Self.newSession(path)
        record.state = Self.apply(input.sessionState, to: record.state)
        if let intent = input.sessionState.intent, conversation.engine.bot.intent(named: intent.name) == nil,
            intent.name != conversation.engine.bot.fallbackIntent
        {
            throw ServiceError.validation("The bot locale has no intent named \(intent.name).")
        }
        record.lastMessages = (input.messages ?? []).compactMap { message in
            guard let content = message.content,
                let format = DialogueMessage.Format(rawValue: message.contentType)
            else { return nil }
            return DialogueMessage(format: format, content: content)
        }
        record.lastInterpretations = []
        record.originatingRequestId = context.requestId
        record.lastActive = Date().timeIntervalSince1970
        try save(record, store: store)
        var headers = [
            "x-amz-lex-session-id": input.sessionId,
            "x-amz-lex-session-state": try Self.header(Self.sessionState(record, engine: conversation.engine)),
        ]
        if !record.lastMessages.isEmpty {
            headers["x-amz-lex-messages"] = try Self.header(.array(record.lastMessages.map(Self.message)))
        }
        if let attributes = input.requestAttributes {
            headers["x-amz-lex-request-attributes"] = try Self.header(Self.strings(attributes))
        }
        return Reply(body: .binary(Data(), contentType: input.responseContentType ?? "text/plain; charset=utf-8"), headers: headers)
    }

    func deleteSession(_ input: SessionPathRequest, context: OperationContext) throws -> JSONValue {
        let store = LexStore(resources: context.resources)
        _ = try target(input, store: store)
        guard try store.delete(.session, Self.sessionKey(input)) else {
            throw LexErrors.notFound("Session \(input.sessionId) does not exist.")
        }
        return .object([
            "botId": .string(input.botId), "botAliasId": .string(input.botAliasId), "localeId": .string(input.localeId),
            "sessionId": .string(input.sessionId),
        ])
    }

    // MARK: - Bots and sessions

    /// The bot, the alias, the version it points at, and that version's locale (which holds its last build's stamp).
    func target(_ path: SessionPathRequest, store: LexStore) throws -> (
        bot: LexDocument, alias: LexDocument, version: String, locale: LexDocument
    ) {
        let bot = try store.bot(path.botId)
        guard let alias = try store.get(.alias, [path.botId, path.botAliasId]) else {
            throw LexErrors.notFound("Bot alias \(path.botAliasId) of bot \(path.botId) does not exist.")
        }
        guard let version = alias.string("botVersion") else {
            throw LexErrors.preconditionFailed("Bot alias \(path.botAliasId) points at no bot version.")
        }
        if case .object(let settings) = alias["botAliasLocaleSettings"],
            settings[path.localeId]?.objectValue?["enabled"] != .bool(true)
        {
            throw ServiceError.validation("Locale \(path.localeId) is not enabled on bot alias \(path.botAliasId).")
        }
        guard let locale = try store.get(.locale, [path.botId, version, path.localeId]) else {
            throw LexErrors.notFound("Bot \(path.botId) version \(version) has no locale \(path.localeId).")
        }
        guard locale.number("builtAt") != nil else {
            throw LexErrors.notFound(
                "Locale \(path.localeId) of bot \(path.botId) version \(version) has not been built; call BuildBotLocale first.")
        }
        return (bot, alias, version, locale)
    }

    /// The conversation's engine: trained from the locale's last build the first time it is needed (the build
    /// document, which holds every utterance and value, is read only then).
    private func open(_ path: SessionPathRequest, store: LexStore) async throws -> Conversation {
        let (bot, alias, version, locale) = try target(path, store: store)
        let key = [path.botId, version, path.localeId].joined(separator: "/")
        let engine = try await engines.engine(for: key, builtAt: locale.number("builtAt") ?? 0) {
            guard let build = try store.get(.build, [path.botId, version, path.localeId]) else {
                throw LexErrors.notFound("The build of locale \(path.localeId) is missing; call BuildBotLocale again.")
            }
            do {
                return try DialogueEngine(
                    bot: try LocaleSnapshot(document: build).compile(), resolver: SlotValueResolver(places: places()))
            } catch let error as DialogueBuildError {
                throw LexErrors.preconditionFailed("The bot locale's build cannot run: " + error.reasons.joined(separator: " "))
            }
        }
        return Conversation(
            engine: engine, idleTimeout: bot.number("idleSessionTTLInSeconds") ?? 300, bot: bot, alias: alias,
            version: version)
    }

    private func session(_ path: SessionPathRequest, store: LexStore, idleTimeout: Double) throws -> SessionRecord? {
        guard
            let record = try store.resources.get(
                SessionRecord.self, service: LexStore.service, kind: LexStore.Kind.session.rawValue,
                id: Self.sessionKey(path).joined(separator: "/"))
        else { return nil }
        if Date().timeIntervalSince1970 - record.lastActive > idleTimeout {
            try store.delete(.session, Self.sessionKey(path))
            return nil
        }
        return record
    }

    private func save(_ record: SessionRecord, store: LexStore) throws {
        try store.resources.put(
            record, service: LexStore.service, kind: LexStore.Kind.session.rawValue,
            id: [record.botId, record.botAliasId, record.localeId, record.sessionId].joined(separator: "/"))
    }

    static func sessionKey(_ path: SessionPathRequest) -> [String] {
        [path.botId, path.botAliasId, path.localeId, path.sessionId]
    }

    static func newSession(_ path: SessionPathRequest) -> SessionRecord {
        SessionRecord(
            botId: path.botId, botAliasId: path.botAliasId, localeId: path.localeId, sessionId: path.sessionId,
            state: ConversationState(), lastMessages: [], lastInterpretations: [], originatingRequestId: nil,
            lastActive: Date().timeIntervalSince1970)
    }
}
