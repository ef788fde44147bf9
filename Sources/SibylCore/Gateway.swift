import Foundation
import Logging
import Synchronization

/// The registry of plugins and the single request path: every adapter, the CLI and plugins call ``invoke(_:)``.
public final class Gateway: Sendable {
    /// The registered plugins by service name, in registration order.
    public let plugins: [any ServicePlugin]
    /// The resource store (SQLite).
    public let resources: ResourceStore
    /// The blob store behind `s3://` URIs and the S3 stand-in.
    public let blobs: BlobStore
    /// The durable job queue.
    public let jobs: JobRunner
    /// The configuration the gateway was built from.
    public let configuration: SibylConfiguration
    let logger: Logger
    private let index: [String: [String: ServiceOperation]]
    private let advertisedURL = Mutex<String?>(nil)

    /// Opens the data directory, applies every plugin's migrations and registers the plugins.
    ///
    /// Two plugins with one service name, or one plugin with one operation twice, are programming errors.
    public init(configuration: SibylConfiguration, plugins: [any ServicePlugin], logger: Logger) throws {
        self.configuration = configuration
        self.plugins = plugins
        self.logger = logger
        let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory, isDirectory: true)
        resources = try ResourceStore(
            directory: dataDirectory,
            migrations: BlobStore.migrations + BlobStore.multipartMigrations + JobRunner.migrations + plugins.flatMap(\.migrations))
        blobs = try BlobStore(directory: dataDirectory.appendingPathComponent("blobs"), store: resources)
        jobs = JobRunner(
            store: resources, handlers: plugins.flatMap(\.jobHandlers), workers: configuration.jobWorkers,
            logger: logger)
        var index: [String: [String: ServiceOperation]] = [:]
        for plugin in plugins {
            let name = plugin.descriptor.name
            precondition(index[name] == nil, "two plugins are registered as \(name)")
            index[name] = Dictionary(plugin.operations.map { ($0.name, $0) }) { first, _ in
                preconditionFailure("\(name) registers the operation \(first.name) twice")
            }
        }
        self.index = index
    }

    /// The base URL clients reach this gateway at (for URLs in replies, such as a task's `OutputUri`):
    /// the URL the server announced once bound, else the configured host and port.
    public var endpointURL: String {
        advertisedURL.withLock { $0 } ?? "http://\(configuration.host):\(configuration.port)"
    }

    /// Records the URL the server is reachable at, once its socket is bound.
    public func advertise(url: String) {
        advertisedURL.withLock { $0 = url }
    }

    /// The plugin registered under a service name.
    public func plugin(named service: String) -> (any ServicePlugin)? {
        plugins.first { $0.descriptor.name == service }
    }

    /// The operation registered under a service and operation name.
    public func operation(service: String, named name: String) -> ServiceOperation? {
        index[service]?[name]
    }

    /// Runs one invocation and answers its reply or a ``ServiceError``; never anything else.
    public func invoke(_ invocation: Invocation) async throws(ServiceError) -> Reply {
        guard index[invocation.service] != nil else {
            throw ServiceError(
                code: "UnknownOperationException", message: "Unknown service \(invocation.service)")
        }
        guard let operation = index[invocation.service]?[invocation.operation] else {
            throw .unknownOperation(invocation.operation, service: invocation.service)
        }
        var logger = logger
        logger[metadataKey: "request-id"] = .string(invocation.requestId)
        let context = OperationContext(
            requestId: invocation.requestId, caller: invocation.caller, payload: invocation.payload, gateway: self,
            logger: logger, host: invocation.host, presigner: invocation.presigner)
        do {
            return try await operation.handler(invocation, context)
        } catch let error as ServiceError {
            if let cause = error.cause {
                logger.error("\(invocation.service).\(invocation.operation) failed: \(error) (\(cause))")
            }
            throw error
        } catch {
            logger.error("\(invocation.service).\(invocation.operation) failed unexpectedly: \(error)")
            throw .internalFailure(error)
        }
    }

    /// Invokes an operation with an encodable input and decodes its JSON reply: how plugins call each other.
    public func call<Output: Decodable>(
        _ service: String, _ operation: String, input: some Encodable, as output: Output.Type
    ) async throws -> Output {
        let data = try ShapeCoding.encode(input)
        let reply = try await invoke(Invocation(service: service, operation: operation, input: data))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(Output.self, from: reply.jsonData ?? Data("{}".utf8))
    }

    /// Runs the job workers until the surrounding task is cancelled; interrupted jobs go back to the queue.
    public func runJobs() async throws {
        try await jobs.run(gateway: self)
    }
}
