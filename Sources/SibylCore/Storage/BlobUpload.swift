import Crypto
import Foundation

/// An object being written: bytes stream into a temporary file while MD5 and SHA-256 are computed on the way.
///
/// Owned by one task at a time; commit it with ``BlobStore/commit(_:to:contentType:metadata:)`` or ``discard()``.
public final class BlobUpload {
    let temporaryFile: URL
    private let handle: FileHandle
    private var md5 = Insecure.MD5()
    private var sha256 = SHA256()
    /// The number of bytes written so far.
    public private(set) var size = 0

    init(temporaryFile: URL) throws {
        self.temporaryFile = temporaryFile
        guard FileManager.default.createFile(atPath: temporaryFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporaryFile.path])
        }
        handle = try FileHandle(forWritingTo: temporaryFile)
    }

    /// Appends bytes to the object.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        md5.update(bufferPointer: bytes)
        sha256.update(bufferPointer: bytes)
        size += bytes.count
        try handle.write(contentsOf: bytes)
    }

    /// Appends bytes to the object.
    public func append(_ data: Data) throws {
        try data.withUnsafeBytes { try append($0) }
    }

    /// The hex MD5 and SHA-256 of everything written, once ``finish()`` has run.
    public private(set) var digests: (md5: String, sha256: String)?

    /// Closes the file and computes the digests; later calls answer the same digests.
    @discardableResult
    public func finish() throws -> (md5: String, sha256: String) {
        if let digests { return digests }
        try handle.close()
        let result = (md5.finalize().hexString, sha256.finalize().hexString)
        digests = result
        return result
    }

    /// Appends the contents of a file, a megabyte at a time.
    func append(contentsOf file: URL) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try append(chunk)
        }
    }

    /// Everything written, read back from the file (for small uploads such as XML request documents).
    public func contents() throws -> Data {
        try finish()
        return try Data(contentsOf: temporaryFile)
    }

    /// Drops the upload and its temporary file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporaryFile)
    }
}
