import Crypto
import Foundation
import Hummingbird
import Logging
import SibylCore

/// The one HTTP responder: routes every request (awsJson, rest-json, native, S3, health, metrics),
/// checks its signature, and answers in the error format of the protocol it arrived on.
struct GatewayResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let gateway: Gateway
    let routes: RouteTable
    let verifier: SigV4Verifier?
    let s3: S3Service
    let metrics: GatewayMetrics

    init(gateway: Gateway, verifier: SigV4Verifier?, metrics: GatewayMetrics, logger: Logger) {
        self.gateway = gateway
        self.routes = RouteTable(plugins: gateway.plugins)
        self.verifier = verifier
        self.s3 = S3Service(
            blobs: gateway.blobs, maxObjectBytes: gateway.configuration.maxObjectBytes,
            region: gateway.configuration.region, logger: logger)
        self.metrics = metrics
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let requestId = UUID().uuidString.lowercased()
        let wire = WireRequest(request)
        let route = routes.route(wire)
        let body = RequestBodyReader(request.body)
        var (response, service, operation) = await answer(wire, route: route, body: body, requestId: requestId)
        await body.drain(upTo: gateway.configuration.maxObjectBytes)
        if let service {
            let code = response.status >= 400 ? (response.errorCode ?? String(response.status)) : nil
            metrics.record(service: service, operation: operation, errorCode: code, duration: ContinuousClock.now - started)
        }
        if response.header("x-amzn-RequestId") == nil { response.headers.append(("x-amzn-RequestId", requestId)) }
        return response.hummingbirdResponse()
    }

    /// The response, plus the service and operation names to record in the metrics.
    private func answer(_ request: WireRequest, route: Route, body: RequestBodyReader, requestId: String) async
        -> (WireResponse, service: String?, operation: String)
    {
        switch route {
        case .health:
            let report = await HealthReport.make(gateway: gateway, version: SibylVersion.current)
            let data = (try? ShapeCoding.encode(report)) ?? Data()
            return (WireResponse(status: 200, headers: [("Content-Type", "application/json")], body: .data(data)), nil, "")
        case .metrics:
            let counts = (try? gateway.jobs.countsByState()) ?? [:]
            let text = metrics.render(jobCounts: counts)
            return (
                WireResponse(
                    status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")], body: .data(Data(text.utf8))),
                nil, ""
            )
        case .s3:
            var caller: VerifiedCaller?
            if let verifier {
                do {
                    caller = try verifier.verify(request, bodyHash: nil)
                } catch {
                    return (ErrorRendering.signature(error, style: .s3, requestId: requestId), "s3", s3Label(request))
                }
            }
            return (await s3.handle(request, body: body, caller: caller, requestId: requestId), "s3", s3Label(request))
        case .unknown:
            let error = ServiceError(
                code: "UnknownOperationException",
                message: "No operation answers \(request.method) \(request.rawPath)", status: 404)
            // The scope's service comes from the client: counted as "unknown" to keep the metric labels bounded.
            return (ErrorRendering.json(error, style: .restJson, requestId: requestId), "unknown", "unknown")
        case .awsJson, .restJson, .native:
            return await answerJSON(request, route: route, body: body, requestId: requestId)
        }
    }

    private func answerJSON(_ request: WireRequest, route: Route, body: RequestBodyReader, requestId: String) async
        -> (WireResponse, service: String?, operation: String)
    {
        let style = route.errorStyle
        var (service, operationName, operation) = describe(route)
        if operation == nil { operationName = "unknown" }
        do {
            let limit = operation?.maxBodyBytes ?? gateway.configuration.maxRequestBodyBytes
            let data = try await Self.collect(body, limit: limit, declaredLength: request.header("content-length"))
            var verified: VerifiedCaller?
            if let verifier {
                do {
                    let hash = SHA256.hash(data: data).hexString
                    let caller = try verifier.verify(request, bodyHash: hash)
                    try SigV4Verifier.checkPayload(hash, of: caller)
                    verified = caller
                } catch {
                    return (ErrorRendering.signature(error, style: style, requestId: requestId), service, operationName)
                }
            }
            var invocation = try JSONProtocolAdapter.invocation(
                route: route, request: request, body: data, requestId: requestId, caller: verified?.accessKeyID)
            if let verifier, let verified { invocation.presigner = verifier.presigner(for: verified) }
            let reply = try await gateway.invoke(invocation)
            return (JSONProtocolAdapter.response(reply, style: style, requestId: requestId), service, operationName)
        } catch let error as ServiceError {
            return (ErrorRendering.json(error, style: style, requestId: requestId), service, operationName)
        } catch {
            let failure = ServiceError.internalFailure(error)
            return (ErrorRendering.json(failure, style: style, requestId: requestId), service, operationName)
        }
    }

    /// The metrics label of an S3 request: its method, from a fixed set so clients cannot grow the label space.
    private func s3Label(_ request: WireRequest) -> String {
        ["GET", "HEAD", "PUT", "POST", "DELETE"].contains(request.method) ? request.method : "OTHER"
    }

    /// The service, operation name and registered operation a JSON route names (nil when it names none).
    private func describe(_ route: Route) -> (String?, String, ServiceOperation?) {
        switch route {
        case .awsJson(let service, let name):
            return (service, name, service.flatMap { gateway.operation(service: $0, named: name) })
        case .native(let service, let name):
            return (service, name, gateway.operation(service: service, named: name))
        case .restJson(let service, let operation, _):
            return (service, operation.name, operation)
        default:
            return (nil, "unknown", nil)
        }
    }

    /// Reads a whole body, refusing it as soon as it passes `limit` so an oversized body never fills memory.
    static func collect(_ body: RequestBodyReader, limit: Int, declaredLength: String?) async throws -> Data {
        if let declared = declaredLength.flatMap(Int.init), declared > limit { throw ServiceError.bodyTooLarge(limit: limit) }
        var data = Data()
        while let chunk = try await body.next() {
            guard data.count + chunk.readableBytes <= limit else { throw ServiceError.bodyTooLarge(limit: limit) }
            chunk.withUnsafeReadableBytes { data.append(contentsOf: $0) }
        }
        return data
    }
}

extension WireRequest {
    /// The routing view of a Hummingbird request; the `Host` (an HTTP/2-style authority in HTTPTypes) comes back
    /// as a `host` header because SigV4 signs it.
    init(_ request: Request) {
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority, !headers.contains(where: { $0.name == "host" }) {
            headers.append((name: "host", value: authority))
        }
        self.init(method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query, headers: headers)
    }
}
