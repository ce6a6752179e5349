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
