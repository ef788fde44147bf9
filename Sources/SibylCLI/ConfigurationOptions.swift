import ArgumentParser
import Foundation
import Logging
import SibylCore

/// Options shared by every subcommand that opens the data directory; flags win over `SIBYL_*` variables,
/// which win over the config file.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "A JSON config file (default: $SIBYL_CONFIG).")
    var configFile: String?

    @Option(name: .customLong("data-dir"), help: "The data directory (default: .sibyl).")
    var dataDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    /// Resolves the configuration with `extra` flag values from the subcommand.
    func resolve(_ extra: [SibylConfiguration.Key: String?] = [:]) throws -> SibylConfiguration {
        var overrides: [SibylConfiguration.Key: String] = [:]
        if let dataDirectory { overrides[.dataDirectory] = dataDirectory }
        if let logLevel { overrides[.logLevel] = logLevel }
        for (key, value) in extra {
            if let value { overrides[key] = value }
        }
        do {
            return try SibylConfiguration.resolve(file: configFile, overrides: overrides)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// A logger at the configured level.
    func logger(for configuration: SibylConfiguration) -> Logger {
        var logger = Logger(label: "sibyl")
        logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
        return logger
    }
}
