import Foundation
import GRDB

/// Facts about one stored object.
public struct ObjectInfo: Sendable, Equatable, Codable {
    public var bucket: String
    public var key: String
    /// Size in bytes.
    public var size: Int
    /// The quoted hex MD5, as S3 writes ETags of single-part objects.
    public var etag: String
    public var contentType: String
    public var lastModified: Date
    /// User metadata (`x-amz-meta-*` without the prefix).
    public var metadata: [String: String]
    /// The file holding the bytes, relative to the blob area.
    var file: String
}

/// A bucket and when it was made.
public struct BucketInfo: Sendable, Equatable {
    public var name: String
    public var creationDate: Date
}

/// One page of a listing: objects, common prefixes, and where to go on.
public struct ObjectListing: Sendable {
    public var objects: [ObjectInfo]
    public var commonPrefixes: [String]
    public var isTruncated: Bool
    /// Where the next page starts: after the last key or common prefix on this page.
    public var next: ListCursor?

    /// An empty, complete listing.
    public static let empty = ObjectListing(objects: [], commonPrefixes: [], isTruncated: false, next: nil)
}

/// A position in a listing: after a key, or after every key under a common prefix.
public struct ListCursor: Sendable, Equatable, Codable {
    /// The last key or common prefix returned.
    public var key: String
    /// Whether `key` is a common prefix whose keys are all skipped.
    public var isCommonPrefix: Bool

    /// Creates a cursor.
    public init(key: String, isCommonPrefix: Bool) {
        self.key = key
        self.isCommonPrefix = isCommonPrefix
    }
}

/// Objects in buckets under the data directory: bytes in files with opaque names, facts in the resource store.
///
/// Keys never become file paths, so no key can reach outside the blob area; writes go to a temporary file first
/// and are renamed into place, so a failed upload leaves the previous object untouched.
public final class BlobStore: Sendable {
    let root: URL
    let store: ResourceStore

    /// Opens the blob area in `directory`, recording object facts in `store`.
    public init(directory: URL, store: ResourceStore) throws {
        root = directory
        self.store = store
        for folder in ["objects", "incoming"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Uploads cut off by a crash are never committed; clear their leftovers.
        let incoming = directory.appendingPathComponent("incoming")
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: incoming.path)) ?? [] {
            try? FileManager.default.removeItem(at: incoming.appendingPathComponent(leftover))
        }
    }

    static let migrations = [
        StoreMigration("core.v1.blobs") { db in
            try db.create(table: "buckets") { table in
                table.primaryKey("name", .text)
                table.column("createdAt", .double).notNull()
            }
            try db.create(table: "objects") { table in
                table.column("bucket", .text).notNull().references("buckets", onDelete: .restrict)
                table.column("key", .text).notNull()
                table.column("size", .integer).notNull()
                table.column("etag", .text).notNull()
                table.column("contentType", .text).notNull()
                table.column("lastModified", .double).notNull()
                table.column("metadata", .text).notNull()
                table.column("file", .text).notNull()
                table.primaryKey(["bucket", "key"])
            }
        }
    ]

    // MARK: - Buckets

    /// Creates a bucket; an existing one answers `BucketAlreadyOwnedByYou`.
    public func createBucket(_ name: String) throws {
        try ObjectNaming.validateBucket(name)
        let created = try store.database.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO buckets (name, createdAt) VALUES (?, ?)",
                arguments: [name, Date().timeIntervalSince1970])
            return db.changesCount == 1
        }
        guard created else {
            throw BlobStoreError(
                code: .bucketAlreadyOwnedByYou,
                message: "Your previous request to create the named bucket succeeded and you already own it.")
        }
    }

    /// Deletes an empty bucket.
    public func deleteBucket(_ name: String) throws {
        try store.database.write { db in
            try Self.requireBucket(name, in: db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM objects WHERE bucket = ? LIMIT 1", arguments: [name]) != nil {
                throw BlobStoreError(
                    code: .bucketNotEmpty, message: "The bucket you tried to delete is not empty: \(name)")
            }
            try db.execute(sql: "DELETE FROM buckets WHERE name = ?", arguments: [name])
        }
    }

    /// Whether a bucket exists.
    public func bucketExists(_ name: String) throws -> Bool {
        try store.database.read { db in
            try Self.bucketExists(name, in: db)
        }
    }

    /// All buckets, by name.
    public func listBuckets() throws -> [BucketInfo] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, createdAt FROM buckets ORDER BY name").map {
                BucketInfo(name: $0["name"], creationDate: Date(timeIntervalSince1970: $0["createdAt"]))
            }
        }
    }

    // MARK: - Objects

    /// Starts an upload into the blob area's incoming folder.
    public func beginUpload() throws -> BlobUpload {
        try BlobUpload(temporaryFile: root.appendingPathComponent("incoming/\(UUID().uuidString)"))
    }

    /// Makes an upload the object at `bucket`/`key`, replacing any previous one.
    @discardableResult
    public func commit(
        _ upload: BlobUpload, to address: S3URI, contentType: String = "binary/octet-stream",
        metadata: [String: String] = [:], etag: String? = nil
    ) throws -> ObjectInfo {
        defer { upload.discard() }
        try ObjectNaming.validateKey(address.key)
        let digests = try upload.finish()
        let file = UUID().uuidString.lowercased()
        try FileManager.default.moveItem(at: upload.temporaryFile, to: objectFile(file))
        let info = ObjectInfo(
            bucket: address.bucket, key: address.key, size: upload.size, etag: etag ?? "\"\(digests.md5)\"",
            contentType: contentType, lastModified: Date(), metadata: metadata, file: file)
        let replaced: String?
        do {
            replaced = try store.database.write { db in
                try Self.requireBucket(address.bucket, in: db)
                let previous = try String.fetchOne(
                    db, sql: "SELECT file FROM objects WHERE bucket = ? AND key = ?",
                    arguments: [address.bucket, address.key])
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO objects
                            (bucket, key, size, etag, contentType, lastModified, metadata, file)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        info.bucket, info.key, info.size, info.etag, info.contentType,
                        info.lastModified.timeIntervalSince1970, try Self.encodeMetadata(metadata), file,
                    ])
                return previous
            }
        } catch {
            try? FileManager.default.removeItem(at: objectFile(file))
            throw error
        }
        if let replaced { try? FileManager.default.removeItem(at: objectFile(replaced)) }
        return info
    }

    /// Facts about an object; throws `NoSuchBucket` or `NoSuchKey`.
    public func head(_ address: S3URI) throws -> ObjectInfo {
        try store.database.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM objects WHERE bucket = ? AND key = ?", arguments: [address.bucket, address.key])
            else {
                try Self.requireBucket(address.bucket, in: db)
                throw BlobStoreError.noSuchKey(address.key)
            }
            return try Self.objectInfo(row)
        }
    }

    /// The file holding an object's bytes, to stream from; valid until the object is replaced or deleted.
    public func fileURL(of info: ObjectInfo) -> URL { objectFile(info.file) }

    /// Reads a whole object (for plugin inputs; the S3 stand-in streams instead).
    public func read(_ address: S3URI) throws -> (info: ObjectInfo, data: Data) {
        let info = try head(address)
        return (info, try Data(contentsOf: objectFile(info.file)))
    }

    /// Writes a whole object (for plugin outputs such as transcripts).
    @discardableResult
    public func write(_ data: Data, to address: S3URI, contentType: String) throws -> ObjectInfo {
        let upload = try beginUpload()
        do {
            try upload.append(data)
        } catch {
            upload.discard()
            throw error
        }
        return try commit(upload, to: address, contentType: contentType)
    }

    /// Copies an object, keeping its content type and metadata unless new ones are given; answers the copy.
    @discardableResult
    public func copy(
        _ source: S3URI, to destination: S3URI, contentType: String? = nil, metadata: [String: String]? = nil
    ) throws -> ObjectInfo {
        let original = try head(source)
        let upload = try beginUpload()
        do {
            try upload.append(contentsOf: objectFile(original.file))
        } catch {
            upload.discard()
            throw error
        }
        return try commit(
            upload, to: destination, contentType: contentType ?? original.contentType,
            metadata: metadata ?? original.metadata)
    }

    /// Deletes an object; deleting a missing key succeeds as in S3, a missing bucket does not.
    public func delete(_ address: S3URI) throws {
        let file = try store.database.write { db in
            try Self.requireBucket(address.bucket, in: db)
            let file = try String.fetchOne(
                db, sql: "SELECT file FROM objects WHERE bucket = ? AND key = ?",
                arguments: [address.bucket, address.key])
            try db.execute(
                sql: "DELETE FROM objects WHERE bucket = ? AND key = ?", arguments: [address.bucket, address.key])
            return file
        }
        if let file { try? FileManager.default.removeItem(at: objectFile(file)) }
    }

    /// Lists keys under `prefix` in byte order after `cursor`, grouping keys up to `delimiter` as common prefixes.
    public func list(
        bucket: String, prefix: String = "", delimiter: String? = nil, after cursor: ListCursor? = nil,
        maxKeys: Int = 1000
    ) throws -> ObjectListing {
        try store.database.read { db in
            try Self.requireBucket(bucket, in: db)
            var listing = ObjectListing(objects: [], commonPrefixes: [], isTruncated: false, next: nil)
            let startsBeforePrefix = cursor.map { $0.key.utf8.lexicographicallyPrecedes(prefix.utf8) } ?? true
            var position = startsBeforePrefix ? prefix : cursor!.key
            var inclusive = startsBeforePrefix
            let skippedPrefix = cursor.flatMap { $0.isCommonPrefix ? $0.key : nil }
            let delimiter = delimiter.flatMap { $0.isEmpty ? nil : $0 }
            scan: while true {
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM objects WHERE bucket = ? AND key \(inclusive ? ">=" : ">") ? ORDER BY key LIMIT 500",
                    arguments: [bucket, position])
                if rows.isEmpty { break }
                for row in rows {
                    let key: String = row["key"]
                    position = key
                    guard key.utf8.starts(with: prefix.utf8) else { break scan }
                    if let skippedPrefix, key.utf8.starts(with: skippedPrefix.utf8) { continue }
                    var entry: String? = nil
                    if let delimiter {
                        let rest = key.utf8.dropFirst(prefix.utf8.count)
                        if let range = String(Substring(rest)).range(of: delimiter) {
                            entry = prefix + String(Substring(rest))[..<range.upperBound]
                        }
                    }
                    if let common = entry, listing.commonPrefixes.last == common { continue }
                    if listing.objects.count + listing.commonPrefixes.count == maxKeys {
                        listing.isTruncated = true
                        break scan
                    }
                    if let common = entry {
                        listing.commonPrefixes.append(common)
                        listing.next = ListCursor(key: common, isCommonPrefix: true)
                    } else {
                        listing.objects.append(try Self.objectInfo(row))
                        listing.next = ListCursor(key: key, isCommonPrefix: false)
                    }
                }
                inclusive = false
            }
            return listing
        }
    }

    // MARK: - Private

    static func bucketExists(_ name: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM buckets WHERE name = ?", arguments: [name]) != nil
    }

    static func requireBucket(_ name: String, in db: Database) throws {
        guard try bucketExists(name, in: db) else { throw BlobStoreError.noSuchBucket(name) }
    }

    func objectFile(_ name: String) -> URL {
        root.appendingPathComponent("objects/\(name)")
    }

    private static func objectInfo(_ row: Row) throws -> ObjectInfo {
        let metadata: String = row["metadata"]
        return ObjectInfo(
            bucket: row["bucket"], key: row["key"], size: row["size"], etag: row["etag"],
            contentType: row["contentType"], lastModified: Date(timeIntervalSince1970: row["lastModified"]),
            metadata: try JSONDecoder().decode([String: String].self, from: Data(metadata.utf8)), file: row["file"])
    }

    static func encodeMetadata(_ metadata: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }
}
