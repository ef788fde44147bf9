import SibylCore

/// Lex V2's errors, with the statuses its models give them.
enum LexErrors {
    /// `ResourceNotFoundException` (404).
    static func notFound(_ message: String) -> ServiceError {
        ServiceError(code: "ResourceNotFoundException", message: message, status: 404)
    }

    /// `ConflictException` (409): a name taken, or a resource busy.
    static func conflict(_ message: String) -> ServiceError {
        ServiceError(code: "ConflictException", message: message, status: 409)
    }

    /// `PreconditionFailedException` (412): the resource is not in a state that allows the request.
    static func preconditionFailed(_ message: String) -> ServiceError {
        ServiceError(code: "PreconditionFailedException", message: message, status: 412)
    }

    /// `DependencyFailedException` (424): a code hook or another service failed.
    static func dependencyFailed(_ message: String) -> ServiceError {
        ServiceError(code: "DependencyFailedException", message: message, status: 424)
    }
}
