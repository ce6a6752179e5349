import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("a lookup of a message with thousands of recipients over native messaging")
struct ManyRecipientsTests {
    /// The maximum size in bytes of one message from a native messaging host to an extension.
    static let nativeMessagingLimit = 1024 * 1024

    /// Returns a newsletter HR sent to 13,000 addresses, of which only the last, Tobias Brandt's, belongs
    /// to a person. They are split between To and Cc because hrbox reads at most 10,000 addresses of one field.
    static func newsletter() -> Data {
        let readers = (1...12_999).map { "Reader \($0) <reader\($0)@lists.example>" }
        let to = readers.prefix(10_000)
        let cc = readers.dropFirst(10_000) + ["Tobias Brandt <tobias.brandt@northwind.example>"]
        let text = """
            Date: Tue, 1 Dec 2026 08:00:00 +0100
            From: Northwind Tools HR <hr@northwind.example>
            To: \(to.joined(separator: ",\n "))
            Cc: \(cc.joined(separator: ",\n "))
            Subject: Works meeting on 10 December
            Message-ID: <works-meeting-12@northwind.example>

            The works meeting is on 10 December in the canteen.

            """
        return Data(text.utf8)
    }

    @Test("maxParticipants keeps the reply under 1 MiB and the default person")
    func boundedReplyFits() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"),
            framing: .nativeMessaging)
        _ = try server.request("initialize", ["clientInfo": ["name": "many recipients test"]])
        try server.notify("initialized", [:])
        let message = MessageSource.base64(Self.newsletter().base64EncodedString())

        let unbounded = try server.request(Lookup.name, JSONValueEncoder().encode(Lookup.Params(message: message)))
        let response = try server.request(
            Lookup.name, JSONValueEncoder().encode(Lookup.Params(message: message, maxParticipants: 200)))
        #expect(try server.request("shutdown")["result"] == .null)
        try server.notify("exit")
        let (status, _) = try server.finish()

        #expect(unbounded["error"]?["code"] == JSONValue(ResponseError.Code.replyTooLarge))
        #expect(try response.serialized().count < Self.nativeMessagingLimit)
        let result = try JSONValueDecoder().decode(Lookup.Result.self, from: response["result"] ?? .null)
        #expect(result.participantCount == 13_001)
        #expect(result.participants.count == 200)
        #expect(result.summary.direction == .sent)
        #expect(result.defaultPerson?.employeeNumber == "NW-1042")
        #expect(result.participants.first?.address == "hr@northwind.example")
        #expect(result.participants.last?.person?.employeeNumber == "NW-1042")
        #expect(status == 0)
    }
}
