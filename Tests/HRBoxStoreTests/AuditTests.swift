import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct AuditTests {
    @Test(arguments: StoreBackend.all) func recordsNewestFirst(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        let actor = AuditActor(colleague: "mkeller", client: "thunderbird")

        try fixture.store.recordAudit(.personAdded, by: actor, about: AuditSubject(personId: anna.id))
        try fixture.store.recordAudit(
            .addressAdded, by: actor, about: AuditSubject(personId: ben.id, details: ["address": "ben@example.com"]))
        try fixture.store.recordAudit(.filed, by: AuditActor(colleague: nil, client: nil),
                                      about: AuditSubject(personId: anna.id, caseId: nil, messageRef: 7))

        let all = try fixture.store.auditEvents(personId: nil, limit: 10)
        let annas = try fixture.store.auditEvents(personId: anna.id, limit: 10)

        #expect(all.map(\.action) == [.filed, .addressAdded, .personAdded])
        #expect(all[1].details == ["address": "ben@example.com"])
        #expect(all[1].colleague == "mkeller")
        #expect(all[1].client == "thunderbird")
        #expect(all[0].colleague == nil)
        #expect(all[0].messageRef == 7)
        #expect(annas.map(\.action) == [.filed, .personAdded])
        #expect(try fixture.store.auditEvents(personId: nil, limit: 1).count == 1)
    }

    @Test(arguments: StoreBackend.all) func rolledBackWithChange(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        let ben = try fixture.addPerson("Ben", "Kraus")
        let actor = AuditActor(colleague: nil, client: "test")

        #expect(throws: StoreError.self) {
            try fixture.store.write { () throws(StoreError) in
                try fixture.store.recordAudit(.addressAdded, by: actor, about: AuditSubject(personId: ben.id))
                _ = try fixture.store.addAddress("anna@example.com", personId: ben.id)
            }
        }

        #expect(try fixture.store.auditEvents(personId: nil, limit: 10).isEmpty)
        #expect(try fixture.store.person(id: anna.id)?.addresses == ["anna@example.com"])
    }

    @Test(arguments: StoreBackend.all) func limitChecked(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)

        #expect(throws: StoreError.self) { try fixture.store.auditEvents(personId: nil, limit: 0) }
        #expect(throws: StoreError.self) { try fixture.store.auditEvents(personId: 42, limit: 5) }
    }
}
