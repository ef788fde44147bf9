import ArgumentParser
import Foundation
import SibylCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
            let body = try readInput()
            let result: (status: Int, contentType: String, body: Data)
            if let endpoint {
                result = try await callRemote(endpoint, body: body)
            } else {
                result = try await callInProcess(body)
            }
            guard result.status < 400 else {
                let error = (try? JSONDecoder().decode(JSONValue.self, from: result.body))?.objectValue
                let code = error?["__type"]?.stringValue ?? "HTTP \(result.status)"
                let message = error?["message"]?.stringValue ?? String(decoding: result.body, as: UTF8.self)
                FileHandle.standardError.write(Data("\(code): \(message)\n".utf8))
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

        private func readInput() throws -> Data {
            guard input.hasPrefix("@") else { return Data(input.utf8) }
            let path = String(input.dropFirst())
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ValidationError("cannot read the input file \(path): \(error.localizedDescription)")
            }
        }

        private func callInProcess(_ body: Data) async throws -> (status: Int, contentType: String, body: Data) {
            let configuration = try options.resolve()
            let gateway = try Gateway(
                configuration: configuration, plugins: PluginList.make(configuration),
                logger: options.logger(for: configuration))
            do {
                let reply = try await gateway.invoke(Invocation(service: service, operation: operation, input: body))
                switch reply.body {
                case .json(let data): return (reply.status, "application/json", data)
                case .binary(let data, let contentType): return (reply.status, contentType, data)
                case .empty: return (reply.status, "application/json", Data("{}".utf8))
                }
            } catch {
                let data = try JSONSerialization.data(withJSONObject: ["__type": error.code, "message": error.message])
                return (error.status, "application/json", data)
            }
        }

        private func callRemote(_ endpoint: String, body: Data) async throws -> (status: Int, contentType: String, body: Data) {
            let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
            guard let url = URL(string: "\(base)/v1/\(service)/\(operation)") else {
                throw ValidationError("not a URL: \(endpoint)")
            }
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return (http?.statusCode ?? 500, http?.value(forHTTPHeaderField: "Content-Type") ?? "", data)
        }
    }
}
