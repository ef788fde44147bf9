/// Signs a URL of this gateway so that whoever holds it may make one kind of request without credentials, as AWS
/// hands out presigned S3 URLs (e.g. Lex's `CreateUploadUrl`). The HTTP layer makes one for each verified caller,
/// signing with that caller's key; calls that were not signed get none, and their URLs need no signature.
public struct URLPresigner: Sendable {
    private let sign: @Sendable (_ method: String, _ host: String, _ path: String, _ expiresSeconds: Int) -> String

    /// Creates a presigner from a function answering the query string for a method, host, path and lifetime.
    public init(_ sign: @escaping @Sendable (_ method: String, _ host: String, _ path: String, _ expiresSeconds: Int) -> String) {
        self.sign = sign
    }

    /// The query string (without `?`) that makes `method` on `path` at `host` valid for `expiresSeconds`.
    public func query(method: String, host: String, path: String, expiresSeconds: Int) -> String {
        sign(method, host, path, expiresSeconds)
    }
}
