import Foundation
import GRDB
import SibylCore

/// A face indexed into a collection: where it was found, and its embedding.
struct StoredFace: Sendable {
    var faceId: String
    var imageId: String
    var externalImageId: String?
    var box: BoundingBox
    var confidence: Double
    var embedding: [Float]
    var indexedAt: Date
}

/// A face collection's own record.
struct StoredCollection: Codable, Sendable {
    var id: String
    var createdAt: Date
    var tags: [String: String]?
}

/// Collections live in the generic resources table; their faces in `rekognition_faces`, one row a face with its
/// 128 floats as a little-endian blob.
enum FaceCollectionStore {
    static let service = "rekognition"
    static let collectionKind = "collection"

    static let migrations = [
        StoreMigration("rekognition.v1.faces") { db in
            try db.create(table: "rekognition_faces") { table in
                table.column("collectionId", .text).notNull()
                table.column("faceId", .text).notNull()
                table.column("imageId", .text).notNull()
                table.column("externalImageId", .text)
                table.column("boxLeft", .double).notNull()
                table.column("boxTop", .double).notNull()
                table.column("boxWidth", .double).notNull()
                table.column("boxHeight", .double).notNull()
                table.column("confidence", .double).notNull()
                table.column("embedding", .blob).notNull()
                table.column("indexedAt", .double).notNull()
                table.primaryKey(["collectionId", "faceId"])
            }
        }
    ]

    static func insert(_ faces: [StoredFace], collection: String, store: ResourceStore) throws {
        try store.database.write { db in
            for face in faces {
                try db.execute(
                    sql: """
                        INSERT INTO rekognition_faces (collectionId, faceId, imageId, externalImageId, boxLeft, boxTop,
                        boxWidth, boxHeight, confidence, embedding, indexedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        collection, face.faceId, face.imageId, face.externalImageId, face.box.Left ?? 0, face.box.Top ?? 0,
                        face.box.Width ?? 0, face.box.Height ?? 0, face.confidence, blob(face.embedding),
                        face.indexedAt.timeIntervalSince1970,
                    ])
            }
        }
    }

    /// The faces of a collection in the order they were indexed.
    static func faces(collection: String, store: ResourceStore) throws -> [StoredFace] {
        try store.database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM rekognition_faces WHERE collectionId = ? ORDER BY indexedAt, faceId",
                arguments: [collection]
            ).map(face)
        }
    }

    static func count(collection: String, store: ResourceStore) throws -> Int {
        try store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rekognition_faces WHERE collectionId = ?", arguments: [collection])
                ?? 0
        }
    }

    /// Deletes faces, answering the ids that existed.
    static func delete(_ ids: [String], collection: String, store: ResourceStore) throws -> [String] {
        try store.database.write { db in
            var deleted: [String] = []
            for id in ids {
                try db.execute(
                    sql: "DELETE FROM rekognition_faces WHERE collectionId = ? AND faceId = ?", arguments: [collection, id])
                if db.changesCount == 1 { deleted.append(id) }
            }
            return deleted
        }
    }

    static func deleteAll(collection: String, store: ResourceStore) throws {
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM rekognition_faces WHERE collectionId = ?", arguments: [collection])
        }
    }

    private static func face(_ row: Row) -> StoredFace {
        let data: Data = row["embedding"]
        return StoredFace(
            faceId: row["faceId"], imageId: row["imageId"], externalImageId: row["externalImageId"],
            box: BoundingBox(Width: row["boxWidth"], Height: row["boxHeight"], Left: row["boxLeft"], Top: row["boxTop"]),
            confidence: row["confidence"], embedding: floats(data),
            indexedAt: Date(timeIntervalSince1970: row["indexedAt"]))
    }

    static func blob(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func floats(_ data: Data) -> [Float] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 3, by: 4).map { at in
            Float(
                bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
                    | UInt32(bytes[at + 3]) << 24)
        }
    }
}
