import ArgumentParser
import Foundation
import SibylCore

extension Sibyl {
    /// `sibyl call`: invoke one operation in-process, or on a running server with `--endpoint`.
    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invoke an operation with a JSON input and print its JSON output.",
            discussion: """
                In-process by default (on the data directory); with --endpoint, through the native route
                POST {endpoint}/v1/{service}/{Operation} of a running server.
                Example: sibyl call sibyl Ping --input '{}'
                """)

        @OptionGroup var options: ConfigurationOptions

        @Argument(help: "The service name, as `sibyl services` lists it.")
        var service: String

        @Argument(help: "The operation name, e.g. DetectSentiment.")
        var operation: String

        @Option(help: "The input as JSON text, or @FILE to read it from a file.")
        var input = "{}"

        @Option(help: "The base URL of a running server, e.g. http://127.0.0.1:4566.")
        var endpoint: String?

        @Option(help: "Write a binary reply (audio, files) to this file instead of standard output.")
        var output: String?

        func run() async throws {
            let body = try InputArgument.read(input)
            let caller = try OperationCaller.make(endpoint: endpoint) {
                let configuration = try options.resolve()
                return (configuration, options.logger(for: configuration))
            }
            let result = try await caller.answer(service, operation, body: body)
            guard result.status < 400 else {
                FileHandle.standardError.write(Data("\(OperationCaller.failure(result))\n".utf8))
                throw ExitCode(1)
            }
            if let output {
                try result.body.write(to: URL(fileURLWithPath: output))
            } else if result.contentType.contains("json"), let value = try? JSONSerialization.jsonObject(with: result.body) {
                let pretty = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: pretty, as: UTF8.self))
            } else {
                FileHandle.standardOutput.write(result.body)
            }
        }
    }
}
