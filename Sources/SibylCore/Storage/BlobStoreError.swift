/// Why a blob store operation failed; the S3 stand-in and the plugins each map it to their own error codes.
public struct BlobStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, named after S3's error codes.
    public enum Code: String, Sendable {
        case noSuchBucket = "NoSuchBucket"
        case noSuchKey = "NoSuchKey"
        case bucketAlreadyOwnedByYou = "BucketAlreadyOwnedByYou"
        case bucketNotEmpty = "BucketNotEmpty"
        case invalidBucketName = "InvalidBucketName"
        case invalidKey = "KeyTooLongError"
        case invalidURI = "InvalidURI"
        case invalidArgument = "InvalidArgument"
        case noSuchUpload = "NoSuchUpload"
        case invalidPart = "InvalidPart"
        case invalidPartOrder = "InvalidPartOrder"
        case entityTooSmall = "EntityTooSmall"
        case malformedXML = "MalformedXML"
    }

    /// The kind of failure.
    public var code: Code
    /// A message naming the bucket or key.
    public var message: String

    public var description: String { "\(code.rawValue): \(message)" }

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The bucket does not exist.
    public static func noSuchBucket(_ bucket: String) -> Self {
        .init(code: .noSuchBucket, message: "The specified bucket does not exist: \(bucket)")
    }

    /// The key does not exist in the bucket.
    public static func noSuchKey(_ key: String) -> Self {
        .init(code: .noSuchKey, message: "The specified key does not exist: \(key)")
    }
}
