import SibylCore

/// The body of `GET /health`: the version and whether each plugin's engine is ready.
struct HealthReport: Encodable {
    struct Service: Encodable {
        var name: String
        var `protocol`: String
        var operations: Int
        var ready: Bool
        var detail: String
    }

    var status: String
    var version: String
    var services: [Service]

    static func make(gateway: Gateway, version: String) async -> HealthReport {
        var services: [Service] = []
        for plugin in gateway.plugins {
            let readiness = await plugin.readiness()
            let wire =
                switch plugin.descriptor.wireProtocol {
                case .awsJson11: "awsJson1.1"
                case .restJson: "rest-json"
                }
            services.append(
                Service(
                    name: plugin.descriptor.name, protocol: wire, operations: plugin.operations.count,
                    ready: readiness.ready, detail: readiness.detail))
        }
        return HealthReport(
            status: services.allSatisfy(\.ready) ? "ok" : "degraded", version: version, services: services)
    }
}
