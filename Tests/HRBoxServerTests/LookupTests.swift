import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

@Suite struct LookupTests {
    @Test func senderFoundInAnyLetterCase() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let text = TestMail.message(from: "Tobias Brandt <Tobias.Brandt@Northwind.EXAMPLE>")

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(text)))

        #expect(result.summary.direction == .received)
        #expect(result.defaultPerson == tobias)
        let sender = try #require(result.participants.first)
        #expect(sender.address == "Tobias.Brandt@Northwind.EXAMPLE")
        #expect(sender.person == tobias)
    }

    @Test func summaryDescribesMessage() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(from: "someone@example.com", subject: "Holiday request")

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .inline(text))).summary

        #expect(summary.subject == "Holiday request")
        #expect(summary.date == "2026-11-26T07:14:12+01:00")
        #expect(summary.messageId == "<holidayrequest@mail.northwind.example>")
        #expect(summary.size == text.utf8.count)
        #expect(summary.sha256 == SHA256.hex(Array(text.utf8)))
        #expect(summary.attachments.isEmpty)
    }

    @Test func participantsHaveRolesAndPeople() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let text = TestMail.message(
            from: "Tobias Brandt <tobias.brandt@northwind.example>",
            to: ["HR <HR@Northwind.example>", "agency@recruit.example"],
            cc: ["d.fischer@example.net"],
            bcc: ["lena.novak@example.org"])

        let participants = try harness.call(Lookup.self, Lookup.Params(message: .inline(text))).participants

        #expect(participants.map(\.role) == [.from, .to, .to, .cc, .bcc])
        #expect(participants.map(\.address) == [
            "tobias.brandt@northwind.example", "HR@Northwind.example", "agency@recruit.example",
            "d.fischer@example.net", "lena.novak@example.org",
        ])
        #expect(participants.map(\.person) == [tobias, nil, nil, daniel, lena])
        #expect(participants.map(\.name) == ["Tobias Brandt", "HR", nil, nil, nil])
    }

    @Test func ownAddressesMarked() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(
            from: "applicant@example.com", to: ["HR <HR@Northwind.EXAMPLE>"], cc: ["team@northwind.example"])

        let participants = try harness.call(Lookup.self, Lookup.Params(message: .inline(text))).participants

        #expect(participants.map(\.isOwnAddress) == [false, true, false])
    }

    @Test func filingsListedForSameBytes() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let sickLeave = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", cc: ["daniel.fischer@northwind.example"])
        let stored = try harness.file(
            text, for: [FilingTarget(personId: tobias.id, caseId: sickLeave.id), FilingTarget(personId: daniel.id)])

        let filings = try harness.call(Lookup.self, Lookup.Params(message: .inline(text))).filings

        #expect(filings.count == 2)
        #expect(filings.map(\.messageRef) == [stored.messageRef, stored.messageRef])
        #expect(filings.map(\.personId) == [tobias.id, daniel.id])
        #expect(filings.map(\.personName) == ["Tobias Brandt", "Daniel Fischer"])
        #expect(filings.map(\.caseId) == [sickLeave.id, nil])
        #expect(filings.map(\.caseTitle) == ["Sick leave 2026-11-30", nil])
        #expect(filings.map(\.direction) == [.received, .received])
        #expect(filings.map(\.filedBy) == ["mkeller", "mkeller"])
        #expect(filings.map(\.filedAt) == stored.filings.map(\.filedAt))
    }

    @Test func otherBytesHaveNoFilings() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        try harness.file(TestMail.message(from: "tobias.brandt@northwind.example"), for: [FilingTarget(personId: tobias.id)])
        let changed = TestMail.message(from: "tobias.brandt@northwind.example", body: "I am ill until Monday.")

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(changed)))

        #expect(result.filings.isEmpty)
        #expect(result.defaultPerson == tobias)
    }

    @Test func openCasesOfDefaultPerson() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let older = try harness.startCase("Sick leave", for: tobias, on: "2026-03-02")
        let newer = try harness.startCase("Reference letter", for: tobias, on: "2026-11-30")
        _ = try harness.startCase("Sick leave", for: lena, on: "2026-11-30")
        let text = TestMail.message(from: "tobias.brandt@northwind.example", cc: ["lena.novak@example.org"])

        let cases = try harness.call(Lookup.self, Lookup.Params(message: .inline(text))).cases

        #expect(cases == [newer, older])
    }

    @Test func sentMessageSkipsUnknownRecipient() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")
        let text = TestMail.message(
            from: "Mara Keller <hr@northwind.example>",
            to: ["agency@recruit.example", "lena.novak@example.org"],
            cc: ["daniel.fischer@northwind.example"])

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(text)))

        #expect(result.summary.direction == .sent)
        #expect(result.defaultPerson == lena)
        #expect(result.participants.first?.isOwnAddress == true)
    }

    @Test func sentMessageFallsBackToCcAndBcc() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let daniel = try harness.person("daniel.fischer@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let toBcc = TestMail.message(
            from: "hr@northwind.example", to: ["agency@recruit.example"], bcc: ["lena.novak@example.org"])
        let toCc = TestMail.message(
            from: "hr@northwind.example", to: ["hr@northwind.example"], cc: ["d.fischer@example.net"],
            bcc: ["lena.novak@example.org"])

        let bccResult = try harness.call(Lookup.self, Lookup.Params(message: .inline(toBcc)))
        let ccResult = try harness.call(Lookup.self, Lookup.Params(message: .inline(toCc)))

        #expect(bccResult.defaultPerson == lena)
        #expect(ccResult.defaultPerson == daniel)
    }

    @Test func noKnownParticipant() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let text = TestMail.message(from: "Recruiting <agency@recruit.example>", cc: ["someone@example.com"])

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(text)))

        #expect(result.defaultPerson == nil)
        #expect(result.cases.isEmpty)
        #expect(result.filings.isEmpty)
        #expect(result.participants.count == 3)
        #expect(result.participants.allSatisfy { $0.person == nil })
    }

    @Test func absentDefaultPersonLeftOut() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(from: "agency@recruit.example")

        let result = try harness.server.handle(
            method: Lookup.name, params: JSONValueEncoder().encode(Lookup.Params(message: .inline(text))))

        #expect(result["summary"] != nil)
        #expect(result["defaultPerson"] == nil)
        #expect(result["cases"] == .array([]))
        #expect(result["participants"]?[0]?["person"] == nil)
    }
}
