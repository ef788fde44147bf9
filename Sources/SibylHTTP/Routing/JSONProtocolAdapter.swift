import Foundation
import SibylCore

/// Turns awsJson1.1, rest-json and native requests into ``Invocation``s and ``Reply``s into responses.
enum JSONProtocolAdapter {
    /// Builds the invocation for a JSON route; the body is already collected and within limits.
    static func invocation(
        route: Route, request: WireRequest, body: Data, requestId: String, caller: String?
    ) throws(ServiceError) -> Invocation {
        switch route {
        case .awsJson(let service, let operation):
            guard let service else {
                let target = request.header("x-amz-target") ?? ""
                throw ServiceError(code: "UnknownOperationException", message: "No service answers the target \(target)")
            }
            return Invocation(service: service, operation: operation, input: body, requestId: requestId, caller: caller)
        case .native(let service, let operation):
            return Invocation(service: service, operation: operation, input: body, requestId: requestId, caller: caller)
        case .restJson(let service, let operation, let labels):
            let binding = operation.http!
            var members: [String: JSONValue] = [:]
            var payload: Data?
            if binding.payloadMember != nil {
                payload = body
            } else if !body.isEmpty {
                guard let object = try? JSONDecoder().decode(JSONValue.self, from: body).objectValue else {
                    throw .validation("Request body is not a JSON object")
                }
                members = object
            }
            for (name, value) in labels { members[name] = .string(value) }
            for binding in binding.query {
                let values = request.queryItems.filter { $0.name == binding.location }.map(\.value)
                guard !values.isEmpty else { continue }
                members[binding.member] = try convert(values, to: binding.type, member: binding.member)
            }
            for binding in binding.headers {
                let values = request.headers.filter { $0.name == binding.location.lowercased() }.map(\.value)
                guard !values.isEmpty else { continue }
                members[binding.member] = try convert(values, to: binding.type, member: binding.member)
            }
            let input: Data
            do {
                input = try JSONValue.object(members).jsonData()
            } catch {
                throw .internalFailure(error)
            }
            return Invocation(
                service: service, operation: operation.name, input: input, payload: payload, requestId: requestId,
                caller: caller, host: request.header("host"))
        case .health, .metrics, .s3, .unknown:
            throw .unknownOperation(request.method + " " + request.rawPath)
        }
    }

    /// Renders a successful reply.
    static func response(_ reply: Reply, style: ErrorStyle, requestId: String) -> WireResponse {
        var headers: [(name: String, value: String)] = [("x-amzn-RequestId", requestId)]
        let body: Data
        switch reply.body {
        case .json(let data):
            headers.append(("Content-Type", style == .awsJson ? "application/x-amz-json-1.1" : "application/json"))
            body = data
        case .binary(let data, let contentType):
            headers.append(("Content-Type", contentType))
            body = data
        case .empty:
            body = Data()
        }
        headers += reply.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return WireResponse(status: reply.status, headers: headers, body: .data(body))
    }

    private static func convert(_ values: [String], to type: HTTPBinding.MemberType, member: String) throws(ServiceError)
        -> JSONValue
    {
        let text = values[0]
        switch type {
        case .string: return .string(text)
        case .stringList:
            return .array(values.flatMap { $0.split(separator: ",").map { .string(String($0)) } })
        case .integer:
            guard let number = Int(text) else {
                throw .validation("1 validation error detected: Value '\(text)' at '\(member)' failed to satisfy constraint: Member must be an integer")
            }
            return .number(Double(number))
        case .double:
            guard let number = Double(text) else {
                throw .validation("1 validation error detected: Value '\(text)' at '\(member)' failed to satisfy constraint: Member must be a number")
            }
            return .number(number)
        case .boolean:
            guard let flag = Bool(text.lowercased()) else {
                throw .validation("1 validation error detected: Value '\(text)' at '\(member)' failed to satisfy constraint: Member must be true or false")
            }
            return .bool(flag)
        }
    }
}
