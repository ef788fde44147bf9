/// An error a client receives: an AWS error code, a message and an HTTP status.
///
/// Plugins pick the code from their service model (`ResourceNotFoundException`, …); adapters render it
/// exactly as botocore parses it. The `cause` is for logs and is never sent to a client.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// The AWS error code, e.g. `ValidationException`.
    public var code: String
    /// The human-readable message sent to the client.
    public var message: String
    /// The HTTP status the adapters answer with.
    public var status: Int
    /// What went wrong underneath, logged but never sent.
    public var cause: (any Error)?
    /// Further members of the error's shape in the service model (e.g. Translate's
    /// `UnsupportedLanguagePairException` carries `SourceLanguageCode` and `TargetLanguageCode`).
    public var members: [String: String] = [:]

    /// Creates an error with an explicit code, message and status.
    public init(code: String, message: String, status: Int = 400, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }

    /// A request that does not satisfy its model (`ValidationException`, 400).
    public static func validation(_ message: String) -> ServiceError {
        ServiceError(code: "ValidationException", message: message)
    }

    /// A member that breaks a constraint of the model, worded as AWS words it.
    public static func constraint(member: String, value: String = "null", _ constraint: String) -> ServiceError {
        .validation("1 validation error detected: Value \(value) at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// A named resource that does not exist (`ResourceNotFoundException`, 400).
    public static func notFound(_ message: String) -> ServiceError {
        ServiceError(code: "ResourceNotFoundException", message: message)
    }

    /// An operation the service does not have (`UnknownOperationException`, 400).
    public static func unknownOperation(_ operation: String, service: String? = nil) -> ServiceError {
        let owner = service.map { " for service \($0)" } ?? ""
        return ServiceError(code: "UnknownOperationException", message: "Unknown operation \(operation)\(owner)")
    }

    /// A request body over the route's limit (`ValidationException`, 413).
    public static func bodyTooLarge(limit: Int) -> ServiceError {
        ServiceError(code: "ValidationException", message: "Request body exceeds the limit of \(limit) bytes", status: 413)
    }

    /// An engine that is not installed or not ready: says so rather than answering something made up.
    public static func engineUnavailable(_ message: String) -> ServiceError {
        ServiceError(code: "ServiceUnavailableException", message: message, status: 503)
    }

    /// A failure of the server itself (`InternalServerException`, 500); the cause is logged only.
    public static func internalFailure(_ cause: any Error) -> ServiceError {
        ServiceError(code: "InternalServerException", message: "The server failed to process the request", status: 500, cause: cause)
    }
}
