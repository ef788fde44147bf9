import Foundation
import Logging

/// What a handler may use besides its input: the gateway (for calls to other plugins), stores and jobs.
public struct OperationContext: Sendable {
    /// The request id of the call being answered.
    public let requestId: String
    /// The access key id of a verified caller, `nil` when anonymous.
    public let caller: String?
    /// A raw payload bound to a rest-json payload member, if any.
    public let payload: Data?
    /// The gateway, for invoking other plugins.
    public let gateway: Gateway
    /// A logger carrying the request id.
    public let logger: Logger
    /// The `Host` the client addressed, `nil` for calls from inside the process.
    public var host: String? = nil
    /// Presigns URLs of this gateway with the verified caller's key; `nil` for unsigned calls.
    public var presigner: URLPresigner? = nil

    /// The resource store.
    public var resources: ResourceStore { gateway.resources }
    /// The blob store behind `s3://` URIs.
    public var blobs: BlobStore { gateway.blobs }
    /// The durable job queue.
    public var jobs: JobRunner { gateway.jobs }
}
