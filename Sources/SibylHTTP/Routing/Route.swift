import SibylCore

/// Where a request goes, decided from its method, path, headers and credential scope.
public enum Route: Sendable {
    /// `GET /health`.
    case health
    /// `GET /metrics`.
    case metrics
    /// awsJson1.1: `POST /` with `X-Amz-Target`; `service` is nil when no plugin has the target prefix.
    case awsJson(service: String?, operation: String)
    /// A rest-json operation matched by method and path, with its path labels.
    case restJson(service: String, operation: ServiceOperation, labels: [String: String])
    /// The native route `POST /v1/{service}/{Operation}`.
    case native(service: String, operation: String)
    /// The S3 stand-in.
    case s3
    /// A rest-json-looking request no plugin declares.
    case unknown(service: String?)

    /// The service whose error format a failure on this route is rendered in.
    var errorStyle: ErrorStyle {
        switch self {
        case .awsJson: .awsJson
        case .restJson, .unknown: .restJson
        case .native, .health, .metrics: .native
        case .s3: .s3
        }
    }
}

/// The error formats clients parse.
enum ErrorStyle {
    case awsJson, restJson, native, s3
}

/// Routes requests to plugins from what the plugins declare; knows nothing of any particular service.
public struct RouteTable: Sendable {
    private let servicesByTargetPrefix: [String: String]
    private let nativeServices: Set<String>
    private let restRoutes: [(service: String, signingName: String, operation: ServiceOperation)]

    /// Builds the table from the registered plugins.
    public init(plugins: [any ServicePlugin]) {
        var prefixes: [String: String] = [:]
        var rest: [(String, String, ServiceOperation)] = []
        for plugin in plugins {
            let descriptor = plugin.descriptor
            switch descriptor.wireProtocol {
            case .awsJson11(let prefix):
                prefixes[prefix] = descriptor.name
            case .restJson:
                for operation in plugin.operations where operation.http != nil {
                    rest.append((descriptor.name, descriptor.signingName, operation))
                }
            }
        }
        servicesByTargetPrefix = prefixes
        nativeServices = Set(plugins.map(\.descriptor.name))
        restRoutes = rest.sorted { $0.2.http!.path.literalCount > $1.2.http!.path.literalCount }
    }

    /// Decides the route of a request.
    public func route(_ request: WireRequest) -> Route {
        let segments = request.pathSegments
        let scope = SigV4Verifier.scopeService(of: request)
        if request.method == "GET", request.rawQuery == nil, scope != "s3" {
            if segments == ["health"] { return .health }
            if segments == ["metrics"] { return .metrics }
        }
        if let target = request.header("x-amz-target") {
            let parts = target.split(separator: ".", maxSplits: 1)
            let operation = parts.count == 2 ? String(parts[1]) : target
            return .awsJson(service: parts.count == 2 ? servicesByTargetPrefix[String(parts[0])] : nil, operation: operation)
        }
        if scope == "s3" { return .s3 }
        for route in restRoutes {
            guard let binding = route.operation.http, binding.method == request.method else { continue }
            if let scope, scope != route.signingName { continue }
            if let labels = binding.path.match(segments) {
                return .restJson(service: route.service, operation: route.operation, labels: labels)
            }
        }
        if request.method == "POST", segments.count == 3, segments[0] == "v1", nativeServices.contains(segments[1]) {
            return .native(service: segments[1], operation: segments[2])
        }
        if scope == nil { return .s3 }
        return .unknown(service: scope)
    }
}
