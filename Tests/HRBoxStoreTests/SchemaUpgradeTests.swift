import CSQLite
import Foundation
import HRBoxProtocol
@testable import HRBoxStore
import Testing

@Suite struct SchemaUpgradeTests {
    /// Turns a fresh store back into schema version 1 by dropping what version 2 added.
    private func downgradeToVersion1(_ path: String) throws {
        let database = try openRaw(path)
        defer { sqlite3_close(database) }
        for statement in [
            "DROP TABLE audit_events", "DROP TABLE message_search", "DROP INDEX todos_by_assignee",
            "DROP INDEX todo_shares_by_colleague", "ALTER TABLE todos DROP COLUMN done_at",
            "ALTER TABLE todos DROP COLUMN done_by", "PRAGMA user_version = 1",
        ] {
            #expect(sqlite3_exec(database, statement, nil, nil, nil) == SQLITE_OK, "\(statement)")
        }
    }

    @Test func version1MessagesBecomeSearchable() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("data/old.sqlite").path
        var personId: Int64 = 0
        do {
            // A store of its own, released at the end of this block so that its WAL is folded back.
            let old = try Store(path: path)
            personId = try old.addPerson(NewPerson(firstName: "Anna", lastName: "Schmidt", addresses: [], status: .employee)).id
            _ = try old.file(
                fixture.message(MailText.message(subject: "Old", body: "Probezeit", attachment: "Attest.pdf")),
                targets: [FilingTarget(personId: personId)], filedBy: nil)
        }
        try downgradeToVersion1(path)
        #expect(try pragma("user_version", of: path) == "1")

        let store = try Store(path: path)

        #expect(try pragma("user_version", of: path) == "\(Store.schemaVersion)")
        #expect(try store.searchFiled("probezeit", personId: personId, limit: 5).count == 1)
        #expect(try store.searchFiled("attest", personId: nil, limit: 5).count == 1)
        #expect(try store.auditEvents(personId: nil, limit: 5).isEmpty)
    }

    /// The same upgrade on PostgreSQL: a store turned back into version 1 is migrated when opened
    /// again, and its stored messages become searchable.
    @Test func postgresqlVersion1Migrates() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let fixture = try StoreFixture(.postgresql)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        _ = try fixture.store.file(
            fixture.message(MailText.message(subject: "Old", body: "Probezeit", attachment: "Attest.pdf")),
            targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        for statement in [
            "DROP TABLE audit_events", "DROP TABLE message_search", "DROP INDEX todos_by_assignee",
            "DROP INDEX todo_shares_by_colleague", "ALTER TABLE todos DROP COLUMN done_at",
            "ALTER TABLE todos DROP COLUMN done_by", "UPDATE schema_version SET version = 1",
        ] {
            try fixture.store.connection.execute(statement)
        }

        let store = try fixture.openAgain()

        let version = try store.connection.queryFirst("SELECT version FROM schema_version") { $0.integer(0) }
        #expect(version == Int64(Store.schemaVersion))
        #expect(try store.searchFiled("probezeit", personId: anna.id, limit: 5).count == 1)
        #expect(try store.searchFiled("attest", personId: nil, limit: 5).count == 1)
        #expect(try store.auditEvents(personId: nil, limit: 5).isEmpty)
    }
}
