import Foundation

/// An input shape that checks the constraints a decode cannot (lengths, ranges, enums, limits).
///
/// The gateway calls ``validate()`` after decoding and before the handler runs, so handlers see valid input only.
public protocol ValidatableInput {
    /// Throws a ``ServiceError`` naming the first member that breaks its model.
    func validate() throws
}

/// The input of an operation that takes no members.
public struct NoInput: Codable, Sendable {
    public init() {}
}

/// The output of an operation that answers an empty JSON object.
public struct NoOutput: Codable, Sendable {
    public init() {}
}

/// One operation of a plugin: its name, optional rest-json binding, and a handler on typed shapes.
///
/// Decoding, validation and encoding happen here once, never in each handler.
public struct ServiceOperation: Sendable {
    /// The operation name as botocore names it.
    public let name: String
    /// How it maps onto HTTP for rest-json services; `nil` for awsJson services.
    public let http: HTTPBinding?
    /// The largest request body this operation accepts, overriding the server default.
    public let maxBodyBytes: Int?
    /// Why the operation is refused, for an operation of the service that no engine here can answer.
    public private(set) var refusal: String?
    let handler: @Sendable (Invocation, OperationContext) async throws -> Reply

    /// An operation on typed shapes that answers a JSON document.
    public init<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ name: String,
        http: HTTPBinding? = nil,
        maxBodyBytes: Int? = nil,
        _ body: @escaping @Sendable (Input, OperationContext) async throws -> Output
    ) {
        self.name = name
        self.http = http
        self.maxBodyBytes = maxBodyBytes
        let status = http?.successStatus ?? 200
        self.handler = { invocation, context in
            let input: Input = try ShapeCoding.decode(Input.self, from: invocation.input)
            let output = try await body(input, context)
            return Reply(status: status, body: .json(try ShapeCoding.encode(output)))
        }
    }

    /// An operation on typed input that builds its own ``Reply`` (a raw body, extra headers).
    public init<Input: Decodable & Sendable>(
        _ name: String,
        http: HTTPBinding? = nil,
        maxBodyBytes: Int? = nil,
        replying body: @escaping @Sendable (Input, OperationContext) async throws -> Reply
    ) {
        self.name = name
        self.http = http
        self.maxBodyBytes = maxBodyBytes
        self.handler = { invocation, context in
            let input: Input = try ShapeCoding.decode(Input.self, from: invocation.input)
            return try await body(input, context)
        }
    }

    /// An operation of the service with no engine behind it here: every call answers
    /// `UnsupportedOperationException` (400) naming the operation and the reason, so a client learns at once that
    /// this deployment cannot serve it, rather than receiving a made-up result. `sibyl services` and the coverage
    /// table list it as refused, not implemented.
    public static func refused(_ name: String, reason: String) -> ServiceOperation {
        var operation = ServiceOperation(name) { (_: JSONValue, _: OperationContext) -> NoOutput in
            throw ServiceError(
                code: "UnsupportedOperationException", message: "\(name) is not supported in this deployment: \(reason).")
        }
        operation.refusal = reason
        return operation
    }
}
