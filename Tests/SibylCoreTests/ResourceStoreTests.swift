import Foundation
import GRDB
import SibylCore
import Testing

@Suite("Resource store")
struct ResourceStoreTests {
    struct Lexicon: Codable, Equatable {
        var name: String
        var size: Int
    }

    @Test func putGetListDelete() throws {
        let directory = try TemporaryDirectory()
        let store = try ResourceStore(directory: directory.url, migrations: [])
        #expect(try store.put(Lexicon(name: "b", size: 2), service: "polly", kind: "lexicon", id: "b"))
        #expect(try store.put(Lexicon(name: "a", size: 1), service: "polly", kind: "lexicon", id: "a"))
        #expect(try !store.put(Lexicon(name: "a", size: 9), service: "polly", kind: "lexicon", id: "a", createOnly: true))
        #expect(try store.get(Lexicon.self, service: "polly", kind: "lexicon", id: "a") == Lexicon(name: "a", size: 1))
        #expect(try store.list(Lexicon.self, service: "polly", kind: "lexicon").map(\.name) == ["a", "b"])
        #expect(try store.list(Lexicon.self, service: "polly", kind: "other").isEmpty)
        #expect(try store.delete(service: "polly", kind: "lexicon", id: "a"))
        #expect(try !store.delete(service: "polly", kind: "lexicon", id: "a"))
        #expect(try store.get(Lexicon.self, service: "polly", kind: "lexicon", id: "a") == nil)
    }

    @Test func pluginMigrationsRunOnceAndDataSurvivesReopening() throws {
        let directory = try TemporaryDirectory()
        let migration = StoreMigration("test.v1.things") { db in
            try db.execute(sql: "CREATE TABLE things (id TEXT PRIMARY KEY)")
        }
        do {
            let store = try ResourceStore(directory: directory.url, migrations: [migration])
            try store.database.write { db in try db.execute(sql: "INSERT INTO things VALUES ('x')") }
        }
        let reopened = try ResourceStore(directory: directory.url, migrations: [migration])
        let count = try reopened.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM things") }
        #expect(count == 1)
        let journal = try reopened.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }
}
