import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

@Suite struct StoreMessageTests {
    @Test func fileTwiceStoresOnce() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let text = TestMail.message(from: "tobias.brandt@northwind.example")
        let target = FilingTarget(personId: tobias.id, caseId: sickLeave.id)

        let first = try harness.file(text, for: [target])
        harness.clock.advance(seconds: 3_600)
        let second = try harness.file(text, for: [target])

        #expect(first.filings.map(\.alreadyFiled) == [false])
        #expect(first.filings.map(\.filedAt) == ["2026-12-04T09:12:41Z"])
        #expect(second.messageRef == first.messageRef)
        #expect(second.filings.map(\.alreadyFiled) == [true])
        #expect(second.filings.map(\.filedAt) == first.filings.map(\.filedAt))
        let file = try harness.call(PersonnelFile.self, PersonnelFile.Params(personId: tobias.id))
        #expect(file.messages.count == 1)
    }

    @Test func samePersonOtherCaseFiledAgain() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let text = TestMail.message(from: "tobias.brandt@northwind.example")

        try harness.file(text, for: [FilingTarget(personId: tobias.id)])
        let underCase = try harness.file(text, for: [FilingTarget(personId: tobias.id, caseId: sickLeave.id)])

        #expect(underCase.filings.map(\.alreadyFiled) == [false])
        let file = try harness.call(PersonnelFile.self, PersonnelFile.Params(personId: tobias.id))
        #expect(file.messages.map(\.caseId).sorted { ($0 ?? 0) < ($1 ?? 0) } == [nil, sickLeave.id])
    }

    @Test func twoTargetsOneMessage() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", cc: ["daniel.fischer@northwind.example"])

        let result = try harness.file(text, for: [FilingTarget(personId: tobias.id), FilingTarget(personId: daniel.id)])

        #expect(result.filings.map(\.personId) == [tobias.id, daniel.id])
        #expect(result.filings.map(\.alreadyFiled) == [false, false])
        let filings = try harness.store.filings(sha256: SHA256.hex(Array(text.utf8)))
        #expect(filings.map(\.messageRef) == [result.messageRef, result.messageRef])
        #expect(filings.map(\.personId) == [tobias.id, daniel.id])
        #expect(try harness.store.rawMessage(ref: result.messageRef + 1) == nil)
    }

    @Test func unknownSecondPersonFilesNothing() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let text = TestMail.message(from: "tobias.brandt@northwind.example")
        let params = StoreMessage.Params(
            message: .inline(text), targets: [FilingTarget(personId: tobias.id), FilingTarget(personId: 9_999)])

        let error = try harness.failure(StoreMessage.self, params)

        #expect(error.code == HRBoxErrorCode.personNotFound)
        #expect(error.data?["personId"]?.int64Value == 9_999)
        #expect(error.message.contains("9999"))
        #expect(try harness.store.filings(sha256: SHA256.hex(Array(text.utf8))).isEmpty)
        #expect(try harness.hasStoredMessages() == false)
        #expect(try harness.store.personnelFile(personId: tobias.id)?.messages.isEmpty == true)
    }

    @Test func otherPersonsCaseFilesNothing() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let tobiasCase = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", cc: ["lena.novak@example.org"])
        let params = StoreMessage.Params(
            message: .inline(text),
            targets: [FilingTarget(personId: tobias.id), FilingTarget(personId: lena.id, caseId: tobiasCase.id)])

        let error = try harness.failure(StoreMessage.self, params)

        #expect(error.code == HRBoxErrorCode.caseNotFound)
        #expect(error.data?["caseId"]?.int64Value == tobiasCase.id)
        #expect(error.data?["personId"]?.int64Value == lena.id)
        #expect(try harness.store.filings(sha256: SHA256.hex(Array(text.utf8))).isEmpty)
        #expect(try harness.hasStoredMessages() == false)
    }

    @Test func emptyTargetsRejected() throws {
        let harness = try ServerHarness()
        let params = StoreMessage.Params(message: .inline(TestMail.message(from: "someone@example.com")), targets: [])

        let error = try harness.failure(StoreMessage.self, params)

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("targets"))
        #expect(try harness.hasStoredMessages() == false)
    }

    @Test func storedBytesEqualInput() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        // Bare LF and CRLF mixed, trailing blanks, a Latin-1 byte and no final line break: none of it may change.
        let bytes = Array("From: tobias.brandt@northwind.example\nTo: hr@northwind.example\r\nSubject: Gr".utf8)
            + [0xFC, 0xDF, 0x65] + Array("  \r\n\r\nBody line \t\nlast line".utf8)

        let result = try harness.call(
            StoreMessage.self,
            StoreMessage.Params(message: .inline(bytes: bytes), targets: [FilingTarget(personId: tobias.id)]))

        #expect(try harness.store.rawMessage(ref: result.messageRef) == bytes)
    }

    @Test func mboxAndMozillaLinesLeftOut() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let message = TestMail.message(from: "tobias.brandt@northwind.example")
        let fromLine = "From tobias.brandt@northwind.example Thu Nov 26 07:14:12 2026\r\n"
        let mozillaLines = "X-Mozilla-Status: 0001\r\nX-Mozilla-Status2: 00000000\r\nX-Mozilla-Keys:                 \r\n"
        let asExported = fromLine + mozillaLines + message

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .inline(asExported))).summary
        let result = try harness.file(asExported, for: [FilingTarget(personId: tobias.id)])
        let plainAgain = try harness.file(message, for: [FilingTarget(personId: tobias.id)])

        #expect(summary.size == message.utf8.count)
        #expect(summary.sha256 == SHA256.hex(Array(message.utf8)))
        #expect(try harness.store.rawMessage(ref: result.messageRef) == Array(message.utf8))
        #expect(plainAgain.messageRef == result.messageRef)
        #expect(plainAgain.filings.map(\.alreadyFiled) == [true])
    }

    @Test func filingDirectionFromOwnAddress() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")
        let text = TestMail.message(from: "hr@northwind.example", to: ["lena.novak@example.org"])

        let result = try harness.file(text, for: [FilingTarget(personId: lena.id)])

        let filings = try harness.store.filings(sha256: SHA256.hex(Array(text.utf8)))
        #expect(filings.map(\.direction) == [.sent])
        #expect(filings.map(\.messageRef) == [result.messageRef])
    }
}
