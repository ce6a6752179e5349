import Foundation
import HRBoxProtocol
@testable import HRBoxStore
import Testing

@Suite struct DatabaseErrorTests {
    @Test(arguments: StoreBackend.all) func duplicateKeyIsUniqueViolation(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let insert = "INSERT INTO colleagues (id, name, sort_key) VALUES (?, ?, ?)"
        try fixture.store.connection.execute(insert, [.text("mkeller"), .text("Maria Keller"), .text("maria keller")])

        let error = try #require(throws: StoreError.self) {
            try fixture.store.connection.execute(insert, [.text("mkeller"), .text("Secret Name"), .text("secret name")])
        }

        guard case .uniqueViolation(let constraint, let sql) = error else {
            Issue.record("expected uniqueViolation, got \(error)")
            return
        }
        #expect(!constraint.isEmpty)
        #expect(sql == insert)
        #expect(!error.redactedDescription.contains("Secret"))
    }

    /// A database user with the read-only grants of the schema documentation can read the store,
    /// and a write names the missing privilege and the documentation's section.
    @Test func readOnlyUserDeniedInsert() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let fixture = try StoreFixture(.postgresql)
        guard case .postgresql(let uri) = fixture.location else {
            Issue.record("expected a PostgreSQL location, got \(fixture.location)")
            return
        }
        let role = "hr_reports_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try fixture.store.connection.execute("CREATE ROLE \(role) LOGIN")
        try fixture.store.connection.execute("GRANT USAGE ON SCHEMA public TO \(role)")
        try fixture.store.connection.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)")
        let reader = try Store(location: .postgresql(uri: uri.replacingOccurrences(of: "user=postgres", with: "user=\(role)")))

        let people = try reader.searchPeople("Schmidt", limit: 10)
        let error = try #require(throws: StoreError.self) {
            try reader.addPerson(NewPerson(firstName: "Anna", lastName: "Schmidt", addresses: [], employeeNumber: nil, status: .employee))
        }

        #expect(people.isEmpty)
        guard case .permissionDenied(let privilege, _, _) = error else {
            Issue.record("expected permissionDenied, got \(error)")
            return
        }
        #expect(privilege == "INSERT")
        #expect(error.description.contains("INSERT privilege"), "\(error)")
        #expect(error.description.contains("docs/store-schema.md"), "\(error)")
        #expect(!error.description.contains(".."), "\(error)")
        #expect(!error.description.contains("INSERT INTO"), "\(error)")
        #expect(error.redactedDescription.contains("INSERT privilege"), "\(error.redactedDescription)")
    }

    @Test func connectionAdviceNamesPasswordFiles() {
        let error = StoreError.connectionFailed(
            store: "postgresql:///hrbox?user=hr",
            reason: "connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: fe_sendauth: no password supplied\n")

        #expect(error.description.contains("~/.pgpass"), "\(error)")
        #expect(error.description.contains("PGPASSWORD"), "\(error)")
        #expect(!error.description.contains(".."), "\(error)")
        #expect(!error.description.contains("--store"), "\(error)")
    }

    @Test(arguments: StoreBackend.all) func everyByteValueRoundTrips(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let everyByte = (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }

        let ref = try fixture.store.keepMessage(MessageRecord(bytes: everyByte, direction: .received))
        let empty = try fixture.store.keepMessage(MessageRecord(bytes: [], direction: .received))

        #expect(try fixture.store.rawMessage(ref: ref) == everyByte)
        #expect(try fixture.store.rawMessage(ref: empty) == [])
    }

    @Test(arguments: StoreBackend.all) func failedWriteRollsBack(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])

        #expect(throws: StoreError.self) {
            try fixture.store.write { () throws(StoreError) in
                try fixture.store.connection.execute("INSERT INTO colleagues (id, name, sort_key) VALUES ('a', 'A', 'a')")
                try fixture.store.connection.execute("INSERT INTO colleagues (id, name, sort_key) VALUES ('a', 'A', 'a')")
            }
        }

        #expect(try fixture.store.colleagues().isEmpty)
        try fixture.store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))
        #expect(try fixture.store.colleagues().map(\.id) == ["mkeller"])
    }
}
