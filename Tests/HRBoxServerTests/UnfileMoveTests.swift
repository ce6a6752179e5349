import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct UnfileMoveTests {
    @Test func unfileLastFilingDeletesMessage() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let filed = try harness.file(TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])

        let result = try harness.call(Unfile.self, Unfile.Params(messageRef: filed.messageRef, personId: tobias.id))

        #expect(result.messageDeleted)
        #expect(try !harness.hasStoredMessages())
        let events = try harness.store.auditEvents(personId: tobias.id, limit: 5)
        #expect(events.map(\.action) == [.unfiled, .filed, .personAdded])
        #expect(events.first?.messageRef == filed.messageRef)
        #expect(events.first?.details["messageDeleted"] == "true")
    }

    @Test func unknownFilingRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let filed = try harness.file(TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])

        let error = try harness.failure(Unfile.self, Unfile.Params(messageRef: filed.messageRef, personId: lena.id))

        #expect(error.code == HRBoxErrorCode.filingNotFound)
        #expect(error.data?["messageRef"] == JSONValue(Int(filed.messageRef)))
        #expect(error.data?["personId"] == JSONValue(Int(lena.id)))
        #expect(try harness.hasStoredMessages())
    }

    @Test func moveOntoItselfChangesNothing() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let filed = try harness.file(TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])
        let eventsBefore = try harness.store.auditEvents(personId: nil, limit: 100)

        let result = try harness.call(Move.self, Move.Params(
            messageRef: filed.messageRef, from: FilingTarget(personId: tobias.id), to: FilingTarget(personId: tobias.id)))

        #expect(result.filing.alreadyFiled)
        #expect(try harness.store.auditEvents(personId: nil, limit: 100) == eventsBefore)
        #expect(try harness.store.personnelFile(personId: tobias.id)?.messages.count == 1)
    }

    @Test func movedDetailsInKeyOrder() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let tobiasCase = try harness.startCase("Sick leave", for: tobias, on: "2026-12-01")
        let lenasCase = try harness.startCase("Reference letter", for: lena, on: "2026-12-01")
        let filed = try harness.file(
            TestMail.message(from: "lena.novak@example.org"),
            for: [FilingTarget(personId: tobias.id, caseId: tobiasCase.id)])
        _ = try harness.call(Move.self, Move.Params(
            messageRef: filed.messageRef, from: FilingTarget(personId: tobias.id, caseId: tobiasCase.id),
            to: FilingTarget(personId: lena.id, caseId: lenasCase.id)))

        let reply = try harness.server.handle(method: Audit.name, params: ["personId": JSONValue(Int(lena.id)), "limit": 1])

        let event = try #require(reply["events"]?[0])
        guard case .object(let details)? = event["details"] else {
            Issue.record("details is no object: \(event)")
            return
        }
        #expect(details.keys == ["fromCaseId", "fromPersonId", "toCaseId", "toPersonId"])
        #expect(event["details"]?["fromCaseId"] == .string(String(tobiasCase.id)))
        #expect(event["details"]?["toPersonId"] == .string(String(lena.id)))
    }

    @Test func moveToCaseOfOtherPerson() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let lenasCase = try harness.startCase("Reference letter", for: lena, on: "2026-12-01")
        let filed = try harness.file(TestMail.message(from: "lena.novak@example.org"), for: [FilingTarget(personId: tobias.id)])

        let result = try harness.call(Move.self, Move.Params(
            messageRef: filed.messageRef, from: FilingTarget(personId: tobias.id),
            to: FilingTarget(personId: lena.id, caseId: lenasCase.id)))

        #expect(!result.filing.alreadyFiled)
        #expect(result.filing.personId == lena.id)
        #expect(result.filing.caseId == lenasCase.id)
        let personnelFile = try #require(try harness.store.personnelFile(personId: tobias.id))
        #expect(personnelFile.messages.isEmpty)
        #expect(try harness.store.auditEvents(personId: tobias.id, limit: 1).first?.action == .moved)
        let reached = try #require(try harness.store.auditEvents(personId: lena.id, limit: 1).first)
        #expect(reached.action == .moved)
        #expect(reached.details["fromPersonId"] == String(tobias.id))
        #expect(reached.details["toCaseId"] == String(lenasCase.id))
    }
}
