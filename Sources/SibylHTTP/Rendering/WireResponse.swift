import Foundation

/// A response before it is handed to the HTTP server: status, headers and a body in memory or in a file.
public struct WireResponse: Sendable {
    /// Where the body comes from.
    public enum Body: Sendable {
        case data(Data)
        /// A byte range of a file, streamed in chunks.
        case file(URL, range: Range<Int>)
        /// No body, with the `Content-Length` the same request would have had (HEAD).
        case none(contentLength: Int?)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// The AWS error code when this response is an error (for metrics; clients read it from the body or headers).
    public var errorCode: String?

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .data(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
