import ArgumentParser
import SibylCore

/// The `sibyl` command: serve the gateway, call an operation, list the services.
public struct Sibyl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sibyl",
        abstract: "An offline gateway that answers AWS AI-service APIs with real local engines.",
        version: SibylVersion.current,
        subcommands: [
            Serve.self, Call.self, Batch.self, Services.self, Models.self, Forecast.self, Bots.self, Chat.self,
            SynthesisWorkerCommand.self,
        ],
        defaultSubcommand: Serve.self)

    public init() {}
}
