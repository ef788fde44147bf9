import Dialogue
import Foundation
import SibylCore

/// Which bot locale a build job trains.
struct LocaleBuild: Codable, Sendable {
    var botId: String
    var version: String
    var localeId: String
}

/// Trains a bot locale on the job queue: compiles its intents, slots and slot types, trains the Dialogue engine on
/// them, and stores the snapshot the runtime converses with; the locale ends `Built`, or `Failed` with reasons a bot
/// author can act on. A build interrupted by a restart runs again.
struct LocaleBuildHandler: JobHandler {
    static let kind = "lex.build"
    var kind: String { Self.kind }

    func run(_ job: Job, context: JobContext) async throws -> Data? {
        let work = try JSONDecoder().decode(LocaleBuild.self, from: job.input)
        let store = LexStore(resources: context.gateway.resources)
        guard try store.get(.locale, [work.botId, work.version, work.localeId]) != nil else { return nil }
        let snapshot = try LocaleSnapshot.collect(
            store: store, botId: work.botId, version: work.version, localeId: work.localeId)
        var outcome: (stamp: JSONValue?, reasons: [String])
        do {
            _ = try DialogueEngine(bot: try snapshot.compile())
            var build = snapshot.document
            let stamp = JSONValue.number(Date().timeIntervalSince1970)
            build["botId"] = .string(work.botId)
            build["botVersion"] = .string(work.version)
            build["localeId"] = .string(work.localeId)
            build["builtAt"] = stamp
            try store.put(build, .build, [work.botId, work.version, work.localeId])
            outcome = (stamp, [])
        } catch let error as DialogueBuildError {
            outcome = (nil, error.reasons)
        }
        // The locale is read again: it may have been edited while the engine trained.
        guard var locale = try store.get(.locale, [work.botId, work.version, work.localeId]) else { return nil }
        if let stamp = outcome.stamp {
            locale["builtAt"] = stamp
            locale["botLocaleStatus"] = .string("Built")
            locale["failureReasons"] = nil
        } else {
            locale["botLocaleStatus"] = .string("Failed")
            locale["failureReasons"] = .array(outcome.reasons.map(JSONValue.string))
        }
        locale["lastUpdatedDateTime"] = .timestamp()
        try store.put(locale, .locale, [work.botId, work.version, work.localeId])
        return nil
    }
}
