import Foundation
import Logging
import SibylCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Invokes operations by service and name: in this process on the data directory, or on a running server through
/// its native route `POST {endpoint}/v1/{service}/{Operation}`. `sibyl call`, `sibyl bots` and `sibyl chat` share it.
enum OperationCaller {
    /// In this process, through a gateway over the configured data directory.
    case inProcess(Gateway)
    /// On a running server.
    case remote(URL)

    /// What an operation answered: its status, content type and body.
    struct Answer {
        var status: Int
        var contentType: String
        var body: Data
    }

    /// An operation that answered an error.
    struct Failure: Error, CustomStringConvertible {
        var code: String
        var message: String
        var description: String { "\(code): \(message)" }
    }

    /// Reads `--endpoint` (a base URL), or opens the data directory of `configuration` in process — with the job
    /// workers running for as long as the command does when it waits on jobs (`runsJobs`: a bot's build).
    static func make(
        endpoint: String?, runsJobs: Bool = false, configuration: () throws -> (SibylConfiguration, Logger)
    ) throws -> OperationCaller {
        if let endpoint {
            let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
            guard let url = URL(string: base), url.scheme != nil else { throw Failure(code: "Usage", message: "not a URL: \(endpoint)") }
            return .remote(url)
        }
        let (resolved, logger) = try configuration()
        let gateway = try Gateway(configuration: resolved, plugins: PluginList.make(resolved), logger: logger)
        if runsJobs { Task { try? await gateway.runJobs() } }
        return .inProcess(gateway)
    }

    /// Invokes an operation with a JSON body, answering whatever it answered (errors included).
    func answer(_ service: String, _ operation: String, body: Data) async throws -> Answer {
        switch self {
        case .inProcess(let gateway):
            do {
                let reply = try await gateway.invoke(Invocation(service: service, operation: operation, input: body))
                switch reply.body {
                case .json(let data): return Answer(status: reply.status, contentType: "application/json", body: data)
                case .binary(let data, let contentType): return Answer(status: reply.status, contentType: contentType, body: data)
                case .empty: return Answer(status: reply.status, contentType: "application/json", body: Data("{}".utf8))
                }
            } catch {
                let data = try JSONSerialization.data(withJSONObject: ["__type": error.code, "message": error.message])
                return Answer(status: error.status, contentType: "application/json", body: data)
            }
        case .remote(let base):
            var request = URLRequest(url: base.appendingPathComponent("v1").appendingPathComponent(service).appendingPathComponent(operation))
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return Answer(status: http?.statusCode ?? 500, contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
        }
    }

    /// Invokes an operation on a JSON input and answers its JSON output; an error answer throws ``Failure``.
    func call(_ service: String, _ operation: String, _ input: JSONValue) async throws -> JSONValue {
        let answer = try await answer(service, operation, body: try input.jsonData())
        guard answer.status < 400 else { throw Self.failure(answer) }
        return (try? JSONDecoder().decode(JSONValue.self, from: answer.body)) ?? .object([:])
    }

    /// The error an error answer carries.
    static func failure(_ answer: Answer) -> Failure {
        let error = (try? JSONDecoder().decode(JSONValue.self, from: answer.body))?.objectValue
        return Failure(
            code: error?["__type"]?.stringValue ?? "HTTP \(answer.status)",
            message: error?["message"]?.stringValue ?? String(decoding: answer.body, as: UTF8.self))
    }
}
