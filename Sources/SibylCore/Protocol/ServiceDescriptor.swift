/// How a service is reached on the wire: its name, protocol and SigV4 signing name.
public struct ServiceDescriptor: Sendable {
    /// The wire protocol a service speaks, as its botocore model's `metadata.protocol`.
    public enum WireProtocol: Sendable, Equatable {
        /// `POST /` with `X-Amz-Target: <targetPrefix>.<Operation>`.
        case awsJson11(targetPrefix: String)
        /// Method and path per operation, from each operation's ``HTTPBinding``.
        case restJson
    }

    /// The service name used by the native route and the CLI (botocore's endpoint prefix, e.g. `comprehend`).
    public var name: String
    /// The wire protocol.
    public var wireProtocol: WireProtocol
    /// The service name in the SigV4 credential scope (e.g. `lex` for both Lex V2 APIs).
    public var signingName: String
    /// The API version, as in the botocore model (for documentation and `/health`).
    public var apiVersion: String
    /// The botocore service model this service implements (e.g. `lexv2-runtime`); `nil` for Sibyl's own services.
    /// The coverage table lists every operation of that model as implemented or not.
    public var botocoreModel: String?

    /// Creates a descriptor.
    public init(
        name: String, wireProtocol: WireProtocol, signingName: String, apiVersion: String, botocoreModel: String? = nil
    ) {
        self.name = name
        self.wireProtocol = wireProtocol
        self.signingName = signingName
        self.apiVersion = apiVersion
        self.botocoreModel = botocoreModel
    }
}
