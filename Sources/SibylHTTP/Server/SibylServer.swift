import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SibylCore

/// The gateway's HTTP server: one listener for every protocol, plus the job workers, stopped together
/// and gracefully on SIGINT/SIGTERM (running jobs are re-queued).
public struct SibylServer: Sendable {
    /// The gateway every request goes through.
    public let gateway: Gateway
    let verifier: SigV4Verifier?
    let logger: Logger

    /// Builds the gateway over the data directory and loads credentials when `auth` is `sigv4`.
    public init(configuration: SibylConfiguration, plugins: [any ServicePlugin], logger: Logger) throws {
        try configuration.validate()
        gateway = try Gateway(configuration: configuration, plugins: plugins, logger: logger)
        if configuration.auth == .sigv4, let path = configuration.credentialsFile {
            verifier = SigV4Verifier(credentials: try CredentialStore(contentsOf: path))
        } else {
            verifier = nil
        }
        self.logger = logger
    }

    /// Serves until SIGINT/SIGTERM; `onReady` receives the base URL once the socket is bound (the real port
    /// when the configured port is 0).
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        let configuration = gateway.configuration
        let gateway = self.gateway
        let responder = GatewayResponder(gateway: gateway, verifier: verifier, metrics: GatewayMetrics(), logger: logger)
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()])),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Sibyl"),
            services: [JobWorkerService(gateway: gateway)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                let url = "http://\(host):\(port)"
                gateway.advertise(url: url)
                onReady(url)
            },
            logger: logger)
        try await app.runService()
    }
}

/// Runs the job workers as a lifecycle service; graceful shutdown cancels them, which re-queues running jobs.
struct JobWorkerService: Service {
    let gateway: Gateway

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await gateway.runJobs()
        }
    }
}
