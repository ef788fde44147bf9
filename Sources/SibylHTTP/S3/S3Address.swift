/// The bucket and key an S3 request addresses, path-style (`/bucket/key`) or virtual-hosted (`bucket.localhost`).
struct S3Address: Equatable {
    var bucket: String?
    var key: String?

    init(_ request: WireRequest) throws(S3Failure) {
        var bucketFromHost: String?
        if let host = request.header("host")?.split(separator: ":").first.map(String.init),
            host.hasSuffix(".localhost") || host.contains(".s3.")
        {
            bucketFromHost = String(host.prefix { $0 != "." })
        }
        // The key is everything after the bucket, decoded once: S3 keys may contain '/' and even '//'.
        var rest = Substring(request.rawPath.drop { $0 == "/" })
        if bucketFromHost == nil {
            let bucket = rest.prefix { $0 != "/" }
            rest = rest.dropFirst(bucket.count)
            rest = rest.first == "/" ? rest.dropFirst() : rest
            bucketFromHost = bucket.isEmpty ? nil : PercentEncoding.decode(String(bucket))
            guard bucket.isEmpty || bucketFromHost != nil else {
                throw S3Failure(code: "InvalidURI", message: "Couldn't parse the specified URI.", status: 400)
            }
        }
        bucket = bucketFromHost
        if rest.isEmpty {
            key = nil
        } else {
            guard let decoded = PercentEncoding.decode(String(rest)) else {
                throw S3Failure(code: "InvalidURI", message: "Couldn't parse the specified URI.", status: 400)
            }
            key = decoded
        }
    }
}

/// An S3 error: code, message and status as S3 answers them.
struct S3Failure: Error {
    var code: String
    var message: String
    var status: Int
    var resource: String?

    static func notImplemented(_ what: String) -> S3Failure {
        S3Failure(
            code: "NotImplemented", message: "Sibyl's S3 stand-in does not implement \(what)", status: 501)
    }
}
