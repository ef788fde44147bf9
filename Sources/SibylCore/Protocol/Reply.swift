import Foundation

/// What an operation answers: a JSON document, or a raw body with its content type, plus extra headers.
public struct Reply: Sendable {
    /// The body of a reply.
    public enum Body: Sendable {
        /// A JSON document in the service's shapes.
        case json(Data)
        /// Raw bytes (audio, a file) with their media type.
        case binary(Data, contentType: String)
        /// No body at all.
        case empty
    }

    /// The HTTP status for successful replies; rest-json operations may declare another (e.g. 201, 204).
    public var status: Int
    /// The body.
    public var body: Body
    /// Response headers bound to output members (e.g. Polly's `x-amzn-RequestCharacters`).
    public var headers: [String: String]

    /// Creates a reply.
    public init(status: Int = 200, body: Body, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// The JSON body of the reply, or `nil` when it is binary or empty.
    public var jsonData: Data? {
        if case .json(let data) = body { return data }
        return nil
    }
}
