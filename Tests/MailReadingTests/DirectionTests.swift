import MailReading
import Testing

/// Whether the user sent or received a message, and whom a filing is for.
@Suite struct DirectionTests {
    private let own: Set<String> = ["hr@example.com"]

    @Test func receivedFromOthers() {
        let message = readMessage(["From: Dana <dana@example.org>", "To: hr@example.com, robin@example.net"])
        #expect(message.direction(ownAddressKeys: own) == .received)
        #expect(message.counterparts(ownAddressKeys: own).map(\.address) == ["dana@example.org"])
    }

    @Test func sentFromOwnAddressIgnoringCase() {
        let message = readMessage(["From: HR <HR@Example.COM>", "To: dana@example.org", "Cc: hr@example.com, sam@example.net", "Bcc: audit@example.com"])
        #expect(message.direction(ownAddressKeys: own) == .sent)
        #expect(message.counterparts(ownAddressKeys: own).map(\.address) == ["dana@example.org", "sam@example.net", "audit@example.com"])
    }

    @Test func ownKeysComparedAsGiven() {
        let message = readMessage(["From: hr@example.com", "To: dana@example.org"])
        #expect(message.direction(ownAddressKeys: ["  HR@EXAMPLE.COM"]) == .received)
        #expect(message.direction(ownAddressKeys: [AddressKey.lookupKey(for: "  HR@EXAMPLE.COM")]) == .sent)
    }

    @Test func repeatedCounterpartOnce() {
        let message = readMessage(["From: hr@example.com", "To: dana@example.org, Dana@Example.org", "Cc: dana@example.org"])
        #expect(message.counterparts(ownAddressKeys: own).map(\.address) == ["dana@example.org"])
    }

    @Test func senderAndReplyToAreNoAuthors() {
        let message = readMessage(["From: dana@example.org", "Sender: hr@example.com", "Reply-To: hr@example.com", "To: sam@example.net"])
        #expect(message.direction(ownAddressKeys: own) == .received)
    }

    @Test func noFromIsReceived() {
        let message = readMessage(["To: hr@example.com"])
        #expect(message.direction(ownAddressKeys: own) == .received)
        #expect(message.counterparts(ownAddressKeys: own).isEmpty)
    }

    @Test func unicodeDomainMatchesPunycodeOwnAddress() {
        let message = readMessage(["From: hr@bücher.example", "To: dana@example.org"])
        #expect(message.direction(ownAddressKeys: ["hr@xn--bcher-kva.example"]) == .sent)
    }
}
