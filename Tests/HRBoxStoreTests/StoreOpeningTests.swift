import CSQLite
import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct StoreOpeningTests {
    @Test func createsFileOwnerOnly() throws {
        let fixture = try StoreFixture()
        try fixture.addPerson("Anna", "Schmidt")

        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path + suffix)
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode == 0o600, "mode of hrbox.sqlite\(suffix)")
        }
        let directoryAttributes = try FileManager.default.attributesOfItem(
            atPath: (fixture.path as NSString).deletingLastPathComponent
        )
        #expect(directoryAttributes[.posixPermissions] as? Int == 0o700)
    }

    @Test func schemaAndJournalMode() throws {
        let fixture = try StoreFixture()

        #expect(try pragma("user_version", of: fixture.path) == "\(Store.schemaVersion)")
        #expect(try pragma("journal_mode", of: fixture.path) == "wal")
        let tables = try pragmaRows(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'message_search_%' ORDER BY name",
            of: fixture.path)
        #expect(tables == [
            "addresses", "audit_events", "case_types", "cases", "colleagues", "filings", "message_search", "messages",
            "people", "todo_shares", "todos", "workflow_steps",
        ])
    }

    @Test(arguments: StoreBackend.all) func reopensWithData(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])

        let reopened = try fixture.openAgain()
        #expect(try reopened.person(id: anna.id) == anna)
    }

    @Test func newerSchemaRejected() throws {
        let fixture = try StoreFixture()
        try setUserVersion(Store.schemaVersion + 1, of: fixture.path)

        let error = try #require(throws: StoreError.self) {
            try Store(path: fixture.path)
        }

        guard case .newerSchema(found: Store.schemaVersion + 1, supported: Store.schemaVersion) = error else {
            Issue.record("expected newerSchema, got \(error)")
            return
        }
        #expect(error.description.contains("schema version \(Store.schemaVersion + 1)"))
        #expect(error.description.contains("version \(Store.schemaVersion) at most"))
    }

    @Test func otherFileRejected() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: StoreError.self) {
            try Store(path: path)
        }

        guard case .sqlite(let code, _, _, _) = error else {
            Issue.record("expected an SQLite error, got \(error)")
            return
        }
        #expect(code == SQLITE_NOTADB)
    }

    @Test func defaultPathOrder() {
        #expect(Store.defaultPath(environment: ["HRBOX_STORE": "/s/x.sqlite", "HOME": "/home/a"]) == "/s/x.sqlite")
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/home/a"]) == "/d/hrbox/hrbox.sqlite")
        #expect(Store.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/hrbox/hrbox.sqlite")
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/a"])
            == "/home/a/.local/share/hrbox/hrbox.sqlite")
    }

    @Test(arguments: StoreBackend.all) func transactionRollsBackOnError(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        struct Abort: Error {}

        #expect(throws: Abort.self) {
            try fixture.store.transaction {
                try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
                throw Abort()
            }
        }
        #expect(try fixture.store.person(ownerOf: "anna@example.com") == nil)
    }

    @Test(arguments: StoreBackend.all) func nestedFailureUndoesInnerOnly(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)

        try fixture.store.transaction {
            try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
            #expect(throws: StoreError.self) {
                try fixture.addPerson("Ben", "Meier", addresses: ["ben@example.com", "ANNA@example.com"])
            }
        }
        #expect(try fixture.store.person(ownerOf: "anna@example.com")?.firstName == "Anna")
        #expect(try fixture.store.person(ownerOf: "ben@example.com") == nil)
    }

    @Test func sqliteErrorKeepsCodesNotValues() throws {
        let fixture = try StoreFixture()
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        let database = try openRaw(fixture.path)
        defer { sqlite3_close(database) }
        let trigger = "CREATE TRIGGER no_updates BEFORE UPDATE ON people BEGIN SELECT RAISE(ABORT, 'no updates'); END"
        #expect(sqlite3_exec(database, trigger, nil, nil, nil) == SQLITE_OK)

        let error = try #require(throws: StoreError.self) {
            try fixture.store.updatePerson(id: anna.id, with: NewPerson(
                firstName: "Secret", lastName: "Value", addresses: [], status: .employee))
        }

        guard case .sqlite(let code, let extendedCode, let message, let sql) = error else {
            Issue.record("expected an SQLite error, got \(error)")
            return
        }
        #expect(code == SQLITE_CONSTRAINT)
        #expect(extendedCode == SQLITE_CONSTRAINT | (7 << 8), "SQLITE_CONSTRAINT_TRIGGER")
        #expect(message == "no updates")
        #expect(sql.hasPrefix("UPDATE people SET"))
        #expect(!error.description.contains("Secret"))
        #expect(try fixture.store.person(id: anna.id) == anna)
    }
}

func openRaw(_ path: String) throws -> OpaquePointer {
    var database: OpaquePointer?
    #expect(sqlite3_open(path, &database) == SQLITE_OK)
    return try #require(database)
}

/// Returns the first column of every row the SQL returns, read through a connection of its own.
func pragmaRows(_ sql: String, of path: String) throws -> [String] {
    let database = try openRaw(path)
    defer { sqlite3_close(database) }
    var statement: OpaquePointer?
    #expect(sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK)
    defer { sqlite3_finalize(statement) }
    var rows: [String] = []
    while sqlite3_step(statement) == SQLITE_ROW {
        rows.append(String(cString: sqlite3_column_text(statement, 0)))
    }
    return rows
}

func pragma(_ name: String, of path: String) throws -> String? {
    try pragmaRows("PRAGMA \(name)", of: path).first
}

func setUserVersion(_ version: Int, of path: String) throws {
    let database = try openRaw(path)
    defer { sqlite3_close(database) }
    #expect(sqlite3_exec(database, "PRAGMA user_version = \(version)", nil, nil, nil) == SQLITE_OK)
}
