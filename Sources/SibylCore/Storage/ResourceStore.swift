import Foundation
import GRDB

/// The SQLite database of the data directory (WAL mode), holding every plugin's resources, jobs and object metadata.
///
/// Plugins add tables through ``StoreMigration``s; simple resources can live in the generic `resources` table
/// through ``put(_:service:kind:id:createOnly:)`` and friends.
public final class ResourceStore: Sendable {
    /// The underlying GRDB pool: readers run concurrently with one writer.
    public let database: DatabasePool

    /// Opens (creating if needed) `sibyl.sqlite` in `directory` and applies the migrations in order.
    public init(directory: URL, migrations: [StoreMigration]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabasePool(
            path: directory.appendingPathComponent("sibyl.sqlite").path, configuration: configuration)
        var migrator = DatabaseMigrator()
        for migration in Self.coreMigrations + migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        try migrator.migrate(database)
    }

    static let coreMigrations = [
        StoreMigration("core.v1.resources") { db in
            try db.create(table: "resources") { table in
                table.column("service", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("id", .text).notNull()
                table.column("body", .blob).notNull()
                table.column("createdAt", .double).notNull()
                table.column("updatedAt", .double).notNull()
                table.primaryKey(["service", "kind", "id"])
            }
        }
    ]

    // MARK: - Generic resources

    /// Stores a resource as JSON; with `createOnly`, answers `false` instead of overwriting an existing one.
    @discardableResult
    public func put(
        _ value: some Encodable, service: String, kind: String, id: String, createOnly: Bool = false
    ) throws -> Bool {
        let body = try ShapeCoding.encode(value)
        let now = Date().timeIntervalSince1970
        return try database.write { db in
            if createOnly {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO resources (service, kind, id, body, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [service, kind, id, body, now, now])
                return db.changesCount == 1
            }
            try db.execute(
                sql: """
                    INSERT INTO resources (service, kind, id, body, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (service, kind, id) DO UPDATE SET body = excluded.body, updatedAt = excluded.updatedAt
                    """, arguments: [service, kind, id, body, now, now])
            return true
        }
    }

    /// The resource stored under an id, or `nil`.
    public func get<Value: Decodable>(_ type: Value.Type, service: String, kind: String, id: String) throws -> Value? {
        let body = try database.read { db in
            try Data.fetchOne(
                db, sql: "SELECT body FROM resources WHERE service = ? AND kind = ? AND id = ?",
                arguments: [service, kind, id])
        }
        return try body.map { try Self.decoder.decode(Value.self, from: $0) }
    }

    /// All resources of a kind, ordered by id.
    public func list<Value: Decodable>(_ type: Value.Type, service: String, kind: String) throws -> [Value] {
        let bodies = try database.read { db in
            try Data.fetchAll(
                db, sql: "SELECT body FROM resources WHERE service = ? AND kind = ? ORDER BY id",
                arguments: [service, kind])
        }
        return try bodies.map { try Self.decoder.decode(Value.self, from: $0) }
    }

    /// Deletes a resource, answering whether it existed.
    @discardableResult
    public func delete(service: String, kind: String, id: String) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "DELETE FROM resources WHERE service = ? AND kind = ? AND id = ?", arguments: [service, kind, id])
            return db.changesCount == 1
        }
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}
