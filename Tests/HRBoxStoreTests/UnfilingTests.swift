import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct UnfilingTests {
    @Test(arguments: StoreBackend.all) func lastFilingRemovesMessage(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        let message = fixture.message(MailText.message(subject: "Reference", body: "Zeugnis"))
        let filed = try fixture.store.file(
            message, targets: [FilingTarget(personId: anna.id), FilingTarget(personId: ben.id)], filedBy: nil)

        let first = try fixture.store.unfile(messageRef: filed.messageRef, from: FilingTarget(personId: anna.id))

        #expect(!first)
        #expect(try fixture.store.filings(sha256: SHA256.hex(message.bytes)).map(\.personId) == [ben.id])
        #expect(try fixture.store.searchFiled("zeugnis", personId: anna.id, limit: 5).isEmpty)

        let last = try fixture.store.unfile(messageRef: filed.messageRef, from: FilingTarget(personId: ben.id))

        #expect(last)
        #expect(try fixture.store.rawMessage(ref: filed.messageRef) == nil)
        #expect(try fixture.store.searchFiled("zeugnis", personId: nil, limit: 5).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func todoKeepsMessage(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let filed = try fixture.store.file(
            fixture.message("Subject: Call back\r\n\r\nx\r\n"), targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        try fixture.store.addTodo(
            title: "Call back", due: nil, assignee: nil, sharedWith: [], personId: anna.id, caseId: nil,
            messageRef: filed.messageRef, createdBy: nil)

        let deleted = try fixture.store.unfile(messageRef: filed.messageRef, from: FilingTarget(personId: anna.id))

        #expect(!deleted)
        #expect(try fixture.store.rawMessage(ref: filed.messageRef) != nil)
    }

    @Test(arguments: StoreBackend.all) func unknownFilingRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Leave")
        let (started, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-06-01", startedBy: nil)
        let filed = try fixture.store.file(
            fixture.message("Subject: A\r\n\r\nx\r\n"), targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        let error = try #require(throws: StoreError.self) {
            try fixture.store.unfile(messageRef: filed.messageRef, from: FilingTarget(personId: anna.id, caseId: started.id))
        }

        guard case .filingNotFound(let ref, let personId, let caseId) = error else {
            Issue.record("expected filingNotFound, got \(error)")
            return
        }
        #expect(ref == filed.messageRef)
        #expect(personId == anna.id)
        #expect(caseId == started.id)
        #expect(try fixture.store.rawMessage(ref: filed.messageRef) != nil)
    }

    @Test(arguments: StoreBackend.all) func moveKeepsFilingTime(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        let caseType = try fixture.addCaseType("Leave")
        let (bensCase, _) = try fixture.store.startCase(
            personId: ben.id, caseTypeId: caseType.id, title: nil, startDate: "2024-06-01", startedBy: nil)
        let message = fixture.message("Subject: Wrong person\r\n\r\nx\r\n")
        let filed = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: "mkeller")

        let moved = try fixture.store.move(
            messageRef: filed.messageRef, from: FilingTarget(personId: anna.id),
            to: FilingTarget(personId: ben.id, caseId: bensCase.id))

        #expect(!moved.alreadyFiled)
        #expect(moved.filedAt == filed.outcomes.first?.filedAt)
        let filings = try fixture.store.filings(sha256: SHA256.hex(message.bytes))
        #expect(filings.count == 1)
        #expect(filings.first?.personId == ben.id)
        #expect(filings.first?.caseId == bensCase.id)
        #expect(filings.first?.filedBy == "mkeller")
    }

    @Test(arguments: StoreBackend.all) func moveOntoExistingFilingMerges(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        let message = fixture.message("Subject: Both\r\n\r\nx\r\n")
        let filed = try fixture.store.file(
            message, targets: [FilingTarget(personId: anna.id), FilingTarget(personId: ben.id)], filedBy: nil)

        let moved = try fixture.store.move(
            messageRef: filed.messageRef, from: FilingTarget(personId: anna.id), to: FilingTarget(personId: ben.id))

        #expect(moved.alreadyFiled)
        #expect(try fixture.store.filings(sha256: SHA256.hex(message.bytes)).map(\.personId) == [ben.id])
    }

    @Test(arguments: StoreBackend.all) func moveToCaseOfOtherPersonRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Kraus")
        let caseType = try fixture.addCaseType("Leave")
        let (annasCase, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-06-01", startedBy: nil)
        let message = fixture.message("Subject: Stay\r\n\r\nx\r\n")
        let filed = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        #expect(throws: StoreError.self) {
            try fixture.store.move(
                messageRef: filed.messageRef, from: FilingTarget(personId: anna.id),
                to: FilingTarget(personId: ben.id, caseId: annasCase.id))
        }
        #expect(try fixture.store.filings(sha256: SHA256.hex(message.bytes)).map(\.personId) == [anna.id])
    }
}
