import Foundation

/// One call of one operation, whichever way it arrived (awsJson, rest-json, native route, CLI, another plugin).
public struct Invocation: Sendable {
    /// The service name as the plugin's descriptor declares it, e.g. `comprehend`.
    public var service: String
    /// The operation name as botocore names it, e.g. `DetectSentiment`.
    public var operation: String
    /// The input document as JSON (an empty body means `{}`).
    public var input: Data
    /// A raw binary payload bound to a rest-json payload member, if any.
    public var payload: Data?
    /// The id echoed in `x-amzn-RequestId`.
    public var requestId: String
    /// The access key id of a verified caller, `nil` when anonymous.
    public var caller: String?
    /// The `Host` the client addressed (`127.0.0.1:4566`), for answers that hand out the gateway's own URLs; `nil`
    /// for calls from inside the process.
    public var host: String?
    /// Presigns URLs with the verified caller's key; `nil` for unsigned calls.
    public var presigner: URLPresigner?

    /// Creates an invocation; a fresh request id is made when none is given.
    public init(
        service: String,
        operation: String,
        input: Data = Data("{}".utf8),
        payload: Data? = nil,
        requestId: String = UUID().uuidString.lowercased(),
        caller: String? = nil,
        host: String? = nil
    ) {
        self.service = service
        self.operation = operation
        self.input = input
        self.payload = payload
        self.requestId = requestId
        self.caller = caller
        self.host = host
    }
}
