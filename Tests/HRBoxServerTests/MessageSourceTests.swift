import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

/// How the server reads a `MessageSource`, and how it rejects one it cannot read.
@Suite struct MessageSourceTests {
    @Test func base64WithLineBreaks() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(from: "someone@example.com", body: String(repeating: "A long line. ", count: 20))
        let wrapped = Data(text.utf8).base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn])
            + "\n"
        #expect(wrapped.contains("\r"))

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .base64(wrapped))).summary

        #expect(summary.sha256 == SHA256.hex(Array(text.utf8)))
    }

    @Test func base64WithSpacesAndTabs() throws {
        let harness = try ServerHarness()
        let text = TestMail.message(from: "someone@example.com")
        let encoded = Data(text.utf8).base64EncodedString()
        let spaced = encoded.enumerated().map { $0.offset % 10 == 9 ? "\($0.element) \t" : "\($0.element)" }.joined()

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .base64(spaced))).summary

        #expect(summary.sha256 == SHA256.hex(Array(text.utf8)))
    }

    @Test func pathSourceStored() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let bytes = Array(TestMail.message(from: "tobias.brandt@northwind.example").utf8)
        let path = try harness.write("sick-note.eml", bytes: bytes)

        let result = try harness.call(
            StoreMessage.self, StoreMessage.Params(message: .path(path), targets: [FilingTarget(personId: tobias.id)]))

        #expect(try harness.store.rawMessage(ref: result.messageRef) == bytes)
    }

    @Test func fileAtLimitAccepted() throws {
        let harness = try ServerHarness()
        let path = try harness.write("exactly-at-limit.eml", message(size: ServerHarness.maxMessageBytes))

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .path(path))).summary

        #expect(summary.size == ServerHarness.maxMessageBytes)
    }

    @Test func invalidBase64() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let error = try unreadable(.base64("this is not base64!"), harness: harness)

        #expect(error.data?["reason"]?.stringValue?.contains("base64") == true)
        #expect(error.data?["path"] == nil)
        #expect(error.message.contains("Encode the raw message"))
    }

    @Test func emptyMessage() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let inline = try unreadable(.base64(""), harness: harness)
        let file = try unreadable(.path(harness.write("empty.eml", "")), harness: harness)

        #expect(inline.data?["reason"]?.stringValue?.contains("empty") == true)
        #expect(file.data?["reason"]?.stringValue?.contains("empty") == true)
        #expect(inline.message.contains("Send the whole raw message"))
    }

    @Test func missingFile() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let path = harness.directory.appendingPathComponent("gone.eml").path

        let error = try unreadable(.path(path), harness: harness)

        #expect(error.data?["path"]?.stringValue == path)
        #expect(error.message.contains("Check the path"))
    }

    @Test func folderInsteadOfFile() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let error = try unreadable(.path(harness.directory.path), harness: harness)

        #expect(error.data?["path"]?.stringValue == harness.directory.path)
        #expect(error.data?["reason"]?.stringValue?.contains("folder") == true)
        #expect(error.message.contains("Give the path of the message file"))
    }

    @Test func fileAboveLimit() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let path = try harness.write("too-large.eml", message(size: ServerHarness.maxMessageBytes + 1))

        let error = try unreadable(.path(path), harness: harness)

        #expect(error.data?["path"]?.stringValue == path)
        #expect(error.message.contains("\(ServerHarness.maxMessageBytes + 1) bytes"))
        #expect(error.message.contains("--max-message-bytes"))
    }

    @Test func symbolicLinkFollowed() throws {
        let harness = try ServerHarness()
        let bytes = Array(TestMail.message(from: "someone@example.com").utf8)
        let target = try harness.write("sick-note.eml", bytes: bytes)
        let link = harness.directory.appendingPathComponent("link.eml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        let summary = try harness.call(Lookup.self, Lookup.Params(message: .path(link))).summary

        #expect(summary.sha256 == SHA256.hex(bytes))
    }

    @Test func symbolicLinkAboveLimit() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let target = try harness.write("too-large.eml", message(size: ServerHarness.maxMessageBytes + 1))
        let link = harness.directory.appendingPathComponent("link.eml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)

        let error = try unreadable(.path(link), harness: harness)

        #expect(error.data?["path"]?.stringValue == link)
        #expect(error.message.contains("\(ServerHarness.maxMessageBytes + 1) bytes"))
    }

    /// A pipe would block the server until a writer comes, so it must be rejected before it is opened.
    @Test func pipeRejected() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let pipe = harness.directory.appendingPathComponent("message.pipe").path
        try #require(mkfifo(pipe, 0o600) == 0, "mkfifo failed with errno \(errno)")

        let error = try unreadable(.path(pipe), harness: harness)

        #expect(error.data?["reason"]?.stringValue?.contains("pipe") == true)
        #expect(error.message.contains("Save the message to a file"))
    }

    @Test(arguments: [
        Array("Hello HR team, I am ill this week.\r\n".utf8),
        [0x00, 0xFF, 0x13, 0x37, 0x0A],
    ])
    func bytesThatAreNoMessage(bytes: [UInt8]) throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let error = try unreadable(.inline(bytes: bytes), harness: harness)

        #expect(error.data?["reason"]?.stringValue?.contains("no header fields") == true)
        #expect(error.message.contains("pipe_decode"))
    }

    /// Returns a message of exactly `size` bytes, its body padded with letters.
    private func message(size: Int) -> String {
        let header = TestMail.message(from: "someone@example.com")
        return header + String(repeating: "x", count: size - header.utf8.count)
    }

    /// Files the message for Tobias Brandt of the imported team and expects -32015 with nothing
    /// stored, then looks the message up and expects the same error.
    private func unreadable(_ source: MessageSource, harness: ServerHarness) throws -> ResponseError {
        let tobias = try harness.person("tobias.brandt@northwind.example")

        let storeError = try harness.failure(
            StoreMessage.self, StoreMessage.Params(message: source, targets: [FilingTarget(personId: tobias.id)]))
        let lookupError = try harness.failure(Lookup.self, Lookup.Params(message: source))

        #expect(storeError.code == HRBoxErrorCode.messageUnreadable)
        #expect(storeError.message.hasPrefix("The message cannot be read: "))
        #expect(lookupError == storeError)
        #expect(try harness.hasStoredMessages() == false)
        #expect(try harness.store.personnelFile(personId: tobias.id)?.messages.isEmpty == true)
        return storeError
    }
}
