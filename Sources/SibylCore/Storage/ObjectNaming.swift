/// The rules for bucket names and object keys, as S3 states them, plus the stand-in's own safety rules.
public enum ObjectNaming {
    /// Checks a bucket name against S3's general-purpose bucket rules, except that names of one or two
    /// characters are accepted (S3 wants at least three): short names like `s3://b` are common in local scripts.
    public static func validateBucket(_ name: String) throws(BlobStoreError) {
        let bytes = Array(name.utf8)
        func fail(_ reason: String) -> BlobStoreError {
            BlobStoreError(code: .invalidBucketName, message: "The specified bucket is not valid: \(reason)")
        }
        guard (1...63).contains(bytes.count) else { throw fail("names are 1 to 63 characters long") }
        let allowed = bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        guard allowed else { throw fail("only lowercase letters, digits, dots and hyphens are allowed") }
        let isAlphanumeric: (UInt8) -> Bool = { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        guard isAlphanumeric(bytes[0]), isAlphanumeric(bytes[bytes.count - 1]) else {
            throw fail("names begin and end with a letter or digit")
        }
        guard !name.contains("..") else { throw fail("names must not contain two adjacent dots") }
        let parts = name.split(separator: ".")
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) {
            throw fail("names must not be formatted as an IP address")
        }
    }

    /// Checks an object key: 1 to 1024 UTF-8 bytes, no NUL, and no `.`/`..` segment that could escape the blob area.
    public static func validateKey(_ key: String) throws(BlobStoreError) {
        let length = key.utf8.count
        guard length > 0 else { throw BlobStoreError(code: .invalidURI, message: "Object keys must not be empty") }
        guard length <= 1024 else {
            throw BlobStoreError(code: .invalidKey, message: "Your key is too long: \(length) bytes, at most 1024")
        }
        guard !key.utf8.contains(0) else {
            throw BlobStoreError(code: .invalidURI, message: "Object keys must not contain NUL characters")
        }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            throw BlobStoreError(
                code: .invalidURI, message: "Object keys with '.' or '..' path segments are rejected: \(key)")
        }
    }
}

/// An `s3://bucket/key` address of an object in the blob store.
public struct S3URI: Sendable, Hashable, CustomStringConvertible {
    /// The bucket name.
    public var bucket: String
    /// The object key (may be empty for a bucket or prefix address).
    public var key: String

    /// Creates an address from its parts.
    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `s3://bucket/key`; throws `InvalidURI` for anything else.
    public init(parsing text: String) throws(BlobStoreError) {
        guard text.hasPrefix("s3://") else {
            throw BlobStoreError(code: .invalidURI, message: "Not an s3:// URI: \(text)")
        }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        try ObjectNaming.validateBucket(String(bucket))
        self.bucket = String(bucket)
        self.key = String(rest.dropFirst(bucket.count + 1))
    }

    public var description: String { "s3://\(bucket)/\(key)" }
}
