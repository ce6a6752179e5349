import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct FilingTests {
    @Test(arguments: StoreBackend.all) func fileTwiceStoresOnce(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let message = fixture.message("Subject: Holiday\r\n\r\nHello\r\n")

        let first = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: "mkeller")
        let second = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: "other")

        #expect(first.messageRef == second.messageRef)
        #expect(first.outcomes.first?.alreadyFiled == false)
        #expect(second.outcomes.first?.alreadyFiled == true)
        #expect(second.outcomes.first?.filedAt == first.outcomes.first?.filedAt)
        let filings = try fixture.store.filings(sha256: SHA256.hex(message.bytes))
        #expect(filings.count == 1)
        #expect(filings.first?.filedBy == "mkeller")
        #expect(filings.first?.personName == "Anna Schmidt")
    }

    @Test(arguments: StoreBackend.all) func bytesStoredExactly(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let bytes: [UInt8] = [0x46, 0x72, 0x6f, 0x6d, 0x3a, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3, 0x28]
        let message = MessageRecord(bytes: bytes, direction: .sent)

        let result = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        #expect(try fixture.store.rawMessage(ref: result.messageRef) == bytes)
        #expect(try fixture.store.rawMessage(ref: result.messageRef + 1) == nil)
    }

    @Test(arguments: StoreBackend.all) func secondBadTargetStoresNothing(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let message = fixture.message("Subject: Contract\r\n\r\nSigned\r\n")

        let error = try #require(throws: StoreError.self) {
            try fixture.store.file(
                message,
                targets: [FilingTarget(personId: anna.id), FilingTarget(personId: anna.id + 100)],
                filedBy: nil
            )
        }

        guard case .personNotFound(let id) = error else {
            Issue.record("expected personNotFound, got \(error)")
            return
        }
        #expect(id == anna.id + 100)
        #expect(try fixture.store.filings(sha256: SHA256.hex(message.bytes)).isEmpty)
        #expect(try fixture.store.personnelFile(personId: anna.id)?.messages.isEmpty == true)
        #expect(try fixture.store.rawMessage(ref: 1) == nil)
    }

    @Test(arguments: StoreBackend.all) func twoPeopleShareMessage(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Meier")
        let message = fixture.message("Subject: Team event\r\n\r\nSee you\r\n")

        let toAnna = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        let toBen = try fixture.store.file(message, targets: [FilingTarget(personId: ben.id)], filedBy: nil)

        #expect(toAnna.messageRef == toBen.messageRef)
        #expect(toBen.outcomes.first?.alreadyFiled == false)
        let filings = try fixture.store.filings(sha256: SHA256.hex(message.bytes))
        #expect(filings.map(\.personId) == [anna.id, ben.id])
    }

    @Test(arguments: StoreBackend.all) func twoTargetsInOneCall(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Meier")
        let message = fixture.message("Subject: Both\r\n\r\nHi\r\n")

        let result = try fixture.store.file(
            message,
            targets: [FilingTarget(personId: anna.id), FilingTarget(personId: ben.id)],
            filedBy: nil
        )

        #expect(result.outcomes.map(\.personId) == [anna.id, ben.id])
        #expect(result.outcomes.allSatisfy { !$0.alreadyFiled })
    }

    @Test(arguments: StoreBackend.all) func caseCountsSeparately(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Sick leave")
        let (sickLeave, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-03-01", startedBy: nil)
        let message = fixture.message("Subject: Doctor's note\r\n\r\nAttached\r\n")

        let result = try fixture.store.file(
            message,
            targets: [FilingTarget(personId: anna.id), FilingTarget(personId: anna.id, caseId: sickLeave.id)],
            filedBy: nil
        )
        let again = try fixture.store.file(
            message, targets: [FilingTarget(personId: anna.id, caseId: sickLeave.id)], filedBy: nil)

        #expect(result.outcomes.map(\.alreadyFiled) == [false, false])
        #expect(again.outcomes.map(\.alreadyFiled) == [true])
        #expect(try fixture.store.filings(sha256: SHA256.hex(message.bytes)).map(\.caseTitle) == [nil, "Sick leave 2024-03-01"])
    }

    @Test(arguments: StoreBackend.all) func caseOfOtherPersonRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Meier")
        let caseType = try fixture.addCaseType("Onboarding")
        let (bensCase, _) = try fixture.store.startCase(
            personId: ben.id, caseTypeId: caseType.id, title: nil, startDate: "2024-03-01", startedBy: nil)

        let error = try #require(throws: StoreError.self) {
            try fixture.store.file(
                fixture.message("Subject: x\r\n\r\ny\r\n"),
                targets: [FilingTarget(personId: anna.id, caseId: bensCase.id)],
                filedBy: nil
            )
        }

        guard case .caseNotFound(let caseId, let personId) = error else {
            Issue.record("expected caseNotFound, got \(error)")
            return
        }
        #expect(caseId == bensCase.id)
        #expect(personId == anna.id)
    }

    @Test(arguments: StoreBackend.all) func noTargetsRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let error = try #require(throws: StoreError.self) {
            try fixture.store.file(fixture.message("x"), targets: [], filedBy: nil)
        }

        guard case .invalidValue(field: "targets", _) = error else {
            Issue.record("expected invalid targets, got \(error)")
            return
        }
    }

    @Test(arguments: StoreBackend.all) func keepMessageReusesRow(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let message = fixture.message("Subject: Kept\r\n\r\nBody\r\n")

        let kept = try fixture.store.keepMessage(message)
        let filed = try fixture.store.file(message, targets: [FilingTarget(personId: anna.id)], filedBy: nil)

        #expect(kept == filed.messageRef)
        #expect(try fixture.store.rawMessage(ref: kept) == message.bytes)
    }
}
