import Crypto
import Foundation
import GRDB

/// One uploaded part of a multipart upload.
public struct UploadedPart: Sendable, Equatable {
    public var number: Int
    public var size: Int
    /// The quoted hex MD5 of the part.
    public var etag: String
}

/// A part a client names when completing a multipart upload.
public struct CompletedPart: Sendable, Equatable {
    public var number: Int
    public var etag: String

    /// Creates a part reference.
    public init(number: Int, etag: String) {
        self.number = number
        self.etag = etag
    }
}

/// Multipart uploads, as S3 runs them: parts are stored apart, then joined into one object on completion.
extension BlobStore {
    /// S3's smallest part (except the last): 5 MiB.
    public static let minimumPartSize = 5 * 1024 * 1024
    /// S3's largest part number.
    public static let maximumPartNumber = 10_000

    static let multipartMigrations = [
        StoreMigration("core.v1.multipart") { db in
            try db.create(table: "multipartUploads") { table in
                table.primaryKey("id", .text)
                table.column("bucket", .text).notNull().references("buckets", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("contentType", .text).notNull()
                table.column("metadata", .text).notNull()
                table.column("createdAt", .double).notNull()
            }
            try db.create(table: "multipartParts") { table in
                table.column("uploadId", .text).notNull().references("multipartUploads", onDelete: .cascade)
                table.column("number", .integer).notNull()
                table.column("size", .integer).notNull()
                table.column("etag", .text).notNull()
                table.column("file", .text).notNull()
                table.primaryKey(["uploadId", "number"])
            }
        }
    ]

    /// Starts a multipart upload and answers its id.
    public func createMultipartUpload(
        _ address: S3URI, contentType: String, metadata: [String: String]
    ) throws -> String {
        try ObjectNaming.validateKey(address.key)
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try store.database.write { db in
            try Self.requireBucket(address.bucket, in: db)
            try db.execute(
                sql: """
                    INSERT INTO multipartUploads (id, bucket, key, contentType, metadata, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, address.bucket, address.key, contentType, try Self.encodeMetadata(metadata),
                    Date().timeIntervalSince1970,
                ])
        }
        return id
    }

    /// Stores one part (replacing a previous part with the same number) and answers its ETag.
    @discardableResult
    public func commitPart(_ upload: BlobUpload, uploadID: String, to address: S3URI, number: Int) throws -> UploadedPart {
        defer { upload.discard() }
        guard (1...Self.maximumPartNumber).contains(number) else {
            throw BlobStoreError(
                code: .invalidArgument, message: "Part number must be an integer between 1 and \(Self.maximumPartNumber)")
        }
        let digests = try upload.finish()
        let file = "part-" + UUID().uuidString.lowercased()
        try FileManager.default.moveItem(at: upload.temporaryFile, to: objectFile(file))
        let part = UploadedPart(number: number, size: upload.size, etag: "\"\(digests.md5)\"")
        do {
            let replaced = try store.database.write { db in
                try Self.requireUpload(uploadID, for: address, in: db)
                let previous = try String.fetchOne(
                    db, sql: "SELECT file FROM multipartParts WHERE uploadId = ? AND number = ?",
                    arguments: [uploadID, number])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO multipartParts (uploadId, number, size, etag, file) VALUES (?, ?, ?, ?, ?)",
                    arguments: [uploadID, number, part.size, part.etag, file])
                return previous
            }
            if let replaced { try? FileManager.default.removeItem(at: objectFile(replaced)) }
        } catch {
            try? FileManager.default.removeItem(at: objectFile(file))
            throw error
        }
        return part
    }

    /// Joins the named parts, in order, into the object; answers it with S3's multipart ETag (`"md5-N"`).
    @discardableResult
    public func completeMultipartUpload(_ uploadID: String, at address: S3URI, parts: [CompletedPart]) throws
        -> ObjectInfo
    {
        let (stored, contentType, metadata) = try store.database.read { db in
            let upload = try Self.requireUpload(uploadID, for: address, in: db)
            let rows = try Row.fetchAll(
                db, sql: "SELECT number, size, etag, file FROM multipartParts WHERE uploadId = ?", arguments: [uploadID])
            let stored = Dictionary(uniqueKeysWithValues: rows.map { row -> (Int, (UploadedPart, String)) in
                let number: Int = row["number"]
                return (number, (UploadedPart(number: number, size: row["size"], etag: row["etag"]), row["file"]))
            })
            let metadataText: String = upload["metadata"]
            let metadata = try JSONDecoder().decode([String: String].self, from: Data(metadataText.utf8))
            return (stored, upload["contentType"] as String, metadata)
        }
        guard !parts.isEmpty else {
            throw BlobStoreError(code: .malformedXML, message: "You must specify at least one part")
        }
        guard zip(parts, parts.dropFirst()).allSatisfy({ $0.number < $1.number }) else {
            throw BlobStoreError(code: .invalidPartOrder, message: "The list of parts was not in ascending order.")
        }
        let named = try parts.map { part in
            guard let (uploaded, file) = stored[part.number], Self.sameETag(uploaded.etag, part.etag) else {
                throw BlobStoreError(
                    code: .invalidPart, message: "Part \(part.number) was not uploaded or its ETag does not match.")
            }
            return (uploaded, file)
        }
        var files: [String] = []
        var digests = Data()
        for (index, (uploaded, file)) in named.enumerated() {
            if index < parts.count - 1, uploaded.size < Self.minimumPartSize {
                throw BlobStoreError(
                    code: .entityTooSmall, message: "Part \(uploaded.number) is smaller than the minimum of 5 MiB.")
            }
            files.append(file)
            digests.append(Data(hex: String(uploaded.etag.dropFirst().dropLast())) ?? Data())
        }
        let joined = try beginUpload()
        do {
            for file in files { try joined.append(contentsOf: objectFile(file)) }
        } catch {
            joined.discard()
            throw error
        }
        let etag = "\"\(Insecure.MD5.hash(data: digests).hexString)-\(parts.count)\""
        let info = try commit(joined, to: address, contentType: contentType, metadata: metadata, etag: etag)
        try abortMultipartUpload(uploadID, at: address)
        return info
    }

    /// Drops an upload and its parts.
    public func abortMultipartUpload(_ uploadID: String, at address: S3URI) throws {
        let files = try store.database.write { db in
            try Self.requireUpload(uploadID, for: address, in: db)
            let files = try String.fetchAll(
                db, sql: "SELECT file FROM multipartParts WHERE uploadId = ?", arguments: [uploadID])
            try db.execute(sql: "DELETE FROM multipartParts WHERE uploadId = ?", arguments: [uploadID])
            try db.execute(sql: "DELETE FROM multipartUploads WHERE id = ?", arguments: [uploadID])
            return files
        }
        for file in files { try? FileManager.default.removeItem(at: objectFile(file)) }
    }

    @discardableResult
    private static func requireUpload(_ id: String, for address: S3URI, in db: Database) throws -> Row {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM multipartUploads WHERE id = ? AND bucket = ? AND key = ?",
            arguments: [id, address.bucket, address.key])
        else {
            throw BlobStoreError(
                code: .noSuchUpload,
                message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have "
                    + "been aborted or completed.")
        }
        return row
    }

    private static func sameETag(_ stored: String, _ given: String) -> Bool {
        stored.trimmingCharacters(in: ["\""]) == given.trimmingCharacters(in: ["\""]).lowercased()
    }
}
