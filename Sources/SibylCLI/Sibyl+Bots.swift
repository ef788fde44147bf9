import ArgumentParser
import Foundation
import LexPlugin
import SibylCore

extension Sibyl {
    /// `sibyl bots`: manage Lex V2 bots from the command line.
    struct Bots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage Lex V2 bots.", subcommands: [Import.self])

        /// `sibyl bots import PATH`: installs a bot exported from Lex V2.
        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a bot in Lex V2's export layout (a folder or a zip) and build its locales.",
                discussion: "Prints the new bot's id. In-process on the data directory by default; with --endpoint, on a running server.")

            @OptionGroup var options: ConfigurationOptions

            @Argument(help: "The export: a folder holding Bot.json (or one holding that folder), or its zip.")
            var path: String

            @Option(help: "Name the bot this instead of its exported name.")
            var name: String?

            @Option(help: "The base URL of a running server, e.g. http://127.0.0.1:4566 (default: in-process).")
            var endpoint: String?

            func run() async throws {
                let caller = try OperationCaller.make(endpoint: endpoint, runsJobs: true) {
                    let configuration = try options.resolve()
                    return (configuration, options.logger(for: configuration))
                }
                let installer = BotInstaller(caller: caller)
                do {
                    print(try await installer.install(try installer.export(at: path), name: name))
                } catch let failure as OperationCaller.Failure {
                    FileHandle.standardError.write(Data("\(failure)\n".utf8))
                    throw ExitCode(1)
                } catch let failure as ExportError {
                    FileHandle.standardError.write(Data("\(failure)\n".utf8))
                    throw ExitCode(1)
                }
            }
        }
    }
}
