import GRDB

/// Whether a plugin's engine can answer now, as `/health` and `sibyl services` report it.
public struct EngineReadiness: Sendable, Codable, Equatable {
    /// `true` when requests will be answered by the engine.
    public var ready: Bool
    /// What is missing or how the engine is set up.
    public var detail: String

    /// Creates a readiness report.
    public init(ready: Bool, detail: String) {
        self.ready = ready
        self.detail = detail
    }

    /// An engine that is ready.
    public static func ready(_ detail: String = "ready") -> EngineReadiness { .init(ready: true, detail: detail) }
}

/// A schema change a plugin contributes to the resource store, applied once in registration order.
public struct StoreMigration: Sendable {
    /// A unique, stable identifier (e.g. `polly.v1.lexicons`).
    public var identifier: String
    /// The change itself.
    public var migrate: @Sendable (Database) throws -> Void

    /// Creates a migration.
    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.migrate = migrate
    }
}

/// One AWS service behind the gateway: a descriptor, typed operations, and what it needs from the core.
///
/// A plugin knows nothing of HTTP. Adding one is one target plus one line in the CLI's plugin list.
public protocol ServicePlugin: Sendable {
    /// How the service is reached on the wire.
    var descriptor: ServiceDescriptor { get }
    /// The operations the plugin implements; anything else answers `UnknownOperationException`.
    var operations: [ServiceOperation] { get }
    /// Tables the plugin needs in the resource store.
    var migrations: [StoreMigration] { get }
    /// Kinds of background job the plugin runs.
    var jobHandlers: [any JobHandler] { get }
    /// Whether the plugin's engine is ready to answer.
    func readiness() async -> EngineReadiness
}

extension ServicePlugin {
    public var migrations: [StoreMigration] { [] }
    public var jobHandlers: [any JobHandler] { [] }
    public func readiness() async -> EngineReadiness { .ready() }
}
