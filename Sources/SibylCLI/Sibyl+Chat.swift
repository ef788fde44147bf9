import ArgumentParser
import Foundation
import SibylCore

extension Sibyl {
    /// `sibyl chat`: talk to a Lex V2 bot, in-process or on a running server.
    struct Chat: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Talk to a Lex V2 bot: type utterances, read the bot's answers.",
            discussion: """
                --bot takes a bot id, or a folder in Lex V2's export layout (such as Resources/bots/OrderFlowers),
                which is imported and built first unless a bot of that name is already there.
                Commands: /debug (toggle the intent, confidence, slots and dialog action of each turn), /session
                (the session state), /reset (a new session), /quit. When standard input is not a terminal, each
                line is one utterance, so a conversation can be scripted.
                """)

        @OptionGroup var options: ConfigurationOptions

        @Option(help: "A bot id, or a Lex V2 export folder to import.")
        var bot: String

        @Option(help: "The bot alias id.")
        var alias = "TSTALIASID"

        @Option(help: "The bot locale.")
        var locale = "en_US"

        @Option(help: "The base URL of a running server, e.g. http://127.0.0.1:4566 (default: in-process).")
        var endpoint: String?

        @Flag(help: "Start with /debug on.")
        var debug = false

        func run() async throws {
            let caller = try OperationCaller.make(endpoint: endpoint, runsJobs: true) {
                let configuration = try options.resolve()
                return (configuration, options.logger(for: configuration))
            }
            let botId: String
            do {
                botId = try await BotInstaller(caller: caller).botId(for: bot, locale: locale)
                _ = try await caller.call("lexv2-models", "DescribeBot", .object(["botId": .string(botId)]))
            } catch let failure as OperationCaller.Failure {
                FileHandle.standardError.write(Data("\(failure)\n".utf8))
                throw ExitCode(1)
            }
            var conversation = ChatConversation(
                caller: caller, botId: botId, alias: alias, locale: locale, debug: debug)
            let reader = LineReader()
            if reader.interactive { print("Talking to bot \(botId) (\(locale)). /debug, /session, /reset, /quit.") }
            while let line = reader.next(prompt: "you> ") {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                do {
                    guard try await conversation.handle(text) else { break }
                } catch let failure as OperationCaller.Failure {
                    print("error: \(failure)")
                }
            }
        }
    }
}
