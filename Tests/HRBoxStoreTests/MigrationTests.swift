import CSQLite
import Foundation
import HRBoxProtocol
@testable import HRBoxStore
import Synchronization
import Testing

/// A version after the current one that does not exist yet: a new table and a new column, to migrate stores to.
private let nextVersion = SchemaMigration(
    version: Store.schemaVersion + 1,
    sqlite: ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT", "ALTER TABLE people ADD COLUMN nickname TEXT"],
    postgresql: ["CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)", "ALTER TABLE people ADD COLUMN nickname TEXT"]
)

@Suite struct MigrationTests {
    @Test func olderFileMigrates() throws {
        let fixture = try StoreFixture()
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        try fixture.store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))

        let migrated = try Store(location: fixture.location, clock: { Date() }, migrations: SchemaMigration.all + [nextVersion])

        #expect(try pragma("user_version", of: fixture.path) == "\(Store.schemaVersion + 1)")
        #expect(try migrated.person(id: anna.id) == anna)
        #expect(try migrated.colleagues().map(\.id) == ["mkeller"])
        #expect(try pragmaRows("SELECT count(*) FROM notes", of: fixture.path) == ["0"])
        #expect(try pragmaRows("SELECT count(*) FROM people WHERE nickname IS NULL", of: fixture.path) == ["1"])

        let backups = try backupFiles(of: fixture)
        #expect(backups.count == 1)
        let backup = try #require(backups.first)
        #expect(backup.hasPrefix("hrbox.sqlite.v\(Store.schemaVersion)-backup-"))
        let backupPath = fixture.directory.appendingPathComponent("data/\(backup)").path
        #expect(try pragma("user_version", of: backupPath) == "\(Store.schemaVersion)")
        #expect(try pragmaRows("SELECT first_name FROM people", of: backupPath) == ["Anna"])
        let attributes = try FileManager.default.attributesOfItem(atPath: backupPath)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test func currentFileKeepsNoBackup() throws {
        let fixture = try StoreFixture()
        try fixture.addPerson("Anna", "Schmidt")

        _ = try fixture.openAgain()

        #expect(try backupFiles(of: fixture).isEmpty)
    }

    @Test func failedStepKeepsVersion() throws {
        let fixture = try StoreFixture()
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let broken = SchemaMigration(
            version: Store.schemaVersion + 1,
            sqlite: ["CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT", "ALTER TABLE nowhere ADD COLUMN x TEXT"],
            postgresql: []
        )

        #expect(throws: StoreError.self) {
            try Store(location: fixture.location, clock: { Date() }, migrations: SchemaMigration.all + [broken])
        }

        #expect(try pragma("user_version", of: fixture.path) == "\(Store.schemaVersion)")
        #expect(try pragmaRows("SELECT name FROM sqlite_schema WHERE name = 'notes'", of: fixture.path).isEmpty)
        #expect(try fixture.openAgain().person(id: anna.id) == anna)
    }

    @Test func postgresqlMigrates() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let fixture = try StoreFixture(.postgresql)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])

        let migrated = try Store(location: fixture.location, clock: { Date() }, migrations: SchemaMigration.all + [nextVersion])

        #expect(try migrated.person(id: anna.id) == anna)
        let version = try migrated.connection.queryFirst("SELECT version FROM schema_version") { $0.integer(0) }
        #expect(version == Int64(Store.schemaVersion + 1))
        let nicknames = try migrated.connection.query("SELECT nickname FROM people") { $0.optionalText(0) }
        #expect(nicknames == [nil])
    }

    /// A database user allowed to read and write rows, but not to create tables, opens a current store.
    @Test func rowOnlyUserOpensStore() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let fixture = try StoreFixture(.postgresql)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let role = "clerk_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try fixture.store.connection.execute("CREATE ROLE \(role) LOGIN")
        try fixture.store.connection.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)")
        try fixture.store.connection.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        guard case .postgresql(let uri) = fixture.location else {
            Issue.record("expected a PostgreSQL location, got \(fixture.location)")
            return
        }

        let store = try Store(location: StoreLocation(uri.replacingOccurrences(of: "user=postgres", with: "user=\(role)")))

        #expect(try store.person(id: anna.id) == anna)
        let colleague = try store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))
        #expect(colleague.id == "mkeller")
    }

    @Test(arguments: StoreBackend.all) func newerVersionRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        switch backend {
        case .sqlite:
            try setUserVersion(7, of: fixture.path)
        case .postgresql:
            try fixture.store.connection.execute("UPDATE schema_version SET version = 7")
        }

        let error = try #require(throws: StoreError.self) {
            try fixture.openAgain()
        }

        guard case .newerSchema(found: 7, supported: Store.schemaVersion) = error else {
            Issue.record("expected newerSchema, got \(error)")
            return
        }
        #expect(error.description.contains("schema version 7"))
        #expect(error.description.contains("version \(Store.schemaVersion) at most"))
        #expect(error.description.contains("Update hrbox"))
    }

    /// Several processes opening one old store at once: one migrates, the others wait for its lock
    /// and find the store current.
    @Test(arguments: StoreBackend.all) func concurrentOpenersMigrateOnce(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let location = fixture.location
        let failures = Mutex<[String]>([])

        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try Store(location: location, clock: { Date() }, migrations: SchemaMigration.all + [nextVersion])
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }

        #expect(failures.withLock { $0 } == [])
        let migrated = try Store(location: location, clock: { Date() }, migrations: SchemaMigration.all + [nextVersion])
        #expect(try migrated.person(id: anna.id) == anna)
        if backend == .sqlite {
            #expect(try pragma("user_version", of: fixture.path) == "\(Store.schemaVersion + 1)")
            #expect(try backupFiles(of: fixture).count == 1)
        }
    }

    @Test func backupPathNamesVersionAndTime() {
        let path = Store.backupPath(of: "/d/hrbox.sqlite", version: 1, at: Date(timeIntervalSince1970: 1_717_200_000))
        #expect(path == "/d/hrbox.sqlite.v1-backup-20240601T000000Z")
    }

    private func backupFiles(of fixture: StoreFixture) throws -> [String] {
        let folder = fixture.directory.appendingPathComponent("data").path
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("-backup-") }
    }
}
