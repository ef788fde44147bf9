import ArgumentParser
import Foundation
import SibylCore
import SibylHTTP

extension Sibyl {
    /// `sibyl serve`: run the gateway until SIGINT/SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the AWS-compatible API, the native /v1 route, the S3 stand-in, /health and /metrics.")

        @OptionGroup var options: ConfigurationOptions

        @Option(help: "The address to listen on (default: 127.0.0.1).")
        var host: String?

        @Option(help: "The port to listen on; 0 picks a free one (default: 4566).")
        var port: Int?

        @Option(help: "none or sigv4 (default: none, allowed only on loopback without --allow-anonymous).")
        var auth: String?

        @Option(help: "An AWS shared-credentials file listing the keys accepted with --auth sigv4.")
        var credentials: String?

        @Flag(help: "Accept unsigned calls on a non-loopback address.")
        var allowAnonymous = false

        @Option(help: "How many jobs run at once (default: 2).")
        var jobWorkers: Int?

        @Flag(help: "Register the test-only diagnostics job kind.")
        var testJobs = false

        func run() async throws {
            let configuration = try options.resolve([
                .host: host, .port: port.map(String.init), .auth: auth, .credentialsFile: credentials,
                .allowAnonymous: allowAnonymous ? "true" : nil, .jobWorkers: jobWorkers.map(String.init),
                .testJobs: testJobs ? "true" : nil,
            ])
            let logger = options.logger(for: configuration)
            let server = try SibylServer(
                configuration: configuration, plugins: PluginList.make(configuration), logger: logger)
            try await server.run { url in
                // Written straight to the file handle so a test harness reading the pipe sees it at once.
                let line = "Sibyl \(SibylVersion.current) listening on \(url) (auth: \(configuration.auth.rawValue))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
    }
}
