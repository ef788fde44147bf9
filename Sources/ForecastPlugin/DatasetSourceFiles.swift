import Foundation
import SibylCore

/// The CSV files an import job reads from its `S3Config.Path`: the object itself, or, as Forecast reads a folder or
/// a bucket, every object under it (in key order; empty objects and folder markers skipped).
struct DatasetSourceFiles {
    /// Each file's address and text.
    let texts: [(address: String, text: String)]
    /// Their total size in bytes.
    let size: Int

    /// The files' texts one after another, each ending its last line.
    var joinedText: String {
        texts.map { $0.text.hasSuffix("\n") || $0.text.isEmpty ? $0.text : $0.text + "\n" }.joined()
    }

    /// At most this many files under a folder: a bigger folder is refused rather than read for minutes.
    static let fileLimit = 10_000

    init(path: String, blobs: BlobStore) throws {
        let address = try S3URI(parsing: path)
        if !address.key.isEmpty, !address.key.hasSuffix("/"), let (info, data) = try? blobs.read(address) {
            texts = [(path, try Self.text(data, address: path))]
            size = info.size
            return
        }
        let prefix = address.key.isEmpty || address.key.hasSuffix("/") ? address.key : address.key + "/"
        var found: [ObjectInfo] = []
        var cursor: ListCursor? = nil
        repeat {
            guard let page = try? blobs.list(bucket: address.bucket, prefix: prefix, after: cursor) else {
                throw WorkFailure("The S3 object \(path) does not exist or cannot be read.")
            }
            found += page.objects.filter { $0.size > 0 && !$0.key.hasSuffix("/") }
            guard found.count <= Self.fileLimit else {
                throw WorkFailure("\(path) holds more than \(Self.fileLimit) files: import a smaller folder.")
            }
            cursor = page.isTruncated ? page.next : nil
        } while cursor != nil
        guard !found.isEmpty else { throw WorkFailure("The S3 object \(path) does not exist or cannot be read.") }
        texts = try found.map { info in
            let file = S3URI(bucket: info.bucket, key: info.key).description
            guard let (_, data) = try? blobs.read(S3URI(bucket: info.bucket, key: info.key)) else {
                throw WorkFailure("The S3 object \(file) cannot be read.")
            }
            return (file, try Self.text(data, address: file))
        }
        size = found.reduce(0) { $0 + $1.size }
    }

    private static func text(_ data: Data, address: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw WorkFailure("\(address) is not UTF-8 text.") }
        // A byte-order mark would otherwise sit mid-text once the files are joined.
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
