import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

@Suite struct LookupBoundTests {
    /// A sent message to five addresses of which two, in the middle and at the end, belong to people.
    private static let sent = TestMail.message(
        from: "Mara Keller <hr@northwind.example>",
        to: ["agency@recruit.example", "lena.novak@example.org", "one@example.com"],
        cc: ["two@example.com", "d.fischer@example.net"])

    @Test func peopleKeptFirstInHeaderOrder() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(Self.sent), maxParticipants: 3))

        #expect(result.participantCount == 6)
        #expect(result.participants.map(\.address) == [
            "hr@northwind.example", "lena.novak@example.org", "d.fischer@example.net",
        ])
        #expect(result.defaultPerson?.lastName == "Novak")
    }

    @Test func zeroKeepsDefaultPerson() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let lena = try harness.person("lena.novak@example.org")

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(Self.sent), maxParticipants: 0))

        #expect(result.participants.isEmpty)
        #expect(result.participantCount == 6)
        #expect(result.defaultPerson == lena)
    }

    @Test func peopleBeyondLimitCut() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let result = try harness.call(Lookup.self, Lookup.Params(message: .inline(Self.sent), maxParticipants: 1))

        #expect(result.participants.map(\.address) == ["lena.novak@example.org"])
        #expect(result.participantCount == 6)
    }

    @Test func limitAboveCountKeepsAll() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let bounded = try harness.call(Lookup.self, Lookup.Params(message: .inline(Self.sent), maxParticipants: 6))
        let unbounded = try harness.call(Lookup.self, Lookup.Params(message: .inline(Self.sent)))

        #expect(bounded.participants.count == 6)
        #expect(bounded == unbounded)
        #expect(unbounded.participantCount == 6)
    }

    @Test func negativeLimitRejected() throws {
        let harness = try ServerHarness()

        let failure = try harness.failure(Lookup.self, Lookup.Params(message: .inline(Self.sent), maxParticipants: -1))

        #expect(failure.code == ResponseError.Code.invalidParams)
        #expect(failure.message.contains("maxParticipants"), "\(failure.message)")
    }

    @Test func countSentWithoutLimit() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(from: "agency@recruit.example")

        let result = try harness.server.handle(
            method: Lookup.name, params: JSONValueEncoder().encode(Lookup.Params(message: .inline(text))))

        #expect(result["participantCount"] == 2)
    }
}
