import MailReading
import Testing

/// The message's own bytes: what a local mail folder added is removed, everything else is kept.
@Suite struct OwnBytesTests {
    private let crlfMessage = "From: a@example.com\r\nSubject: Hi\r\n\r\nBody\r\n"
    private let lfMessage = "From: a@example.com\nSubject: Hi\n\nBody\n"

    @Test func untouchedWithoutFolderLines() {
        let input = Array((crlfMessage + "X-Mozilla-Status: 0001 in the body\r\n").utf8) + [0xFF, 0x00, 0x0D]
        #expect(MailMessage(bytes: input).ownBytes == input)
    }

    @Test func mboxSeparatorRemoved() {
        let input = Array(("From a@example.com Mon Jan  6 09:00:00 2025\r\n" + crlfMessage).utf8)
        let message = MailMessage(bytes: input)
        #expect(message.ownBytes == Array(crlfMessage.utf8))
        #expect(message.envelopeSender == "a@example.com")
    }

    @Test func mboxSeparatorRemovedLF() {
        let input = Array(("From a@example.com Mon Jan  6 09:00:00 2025\n" + lfMessage).utf8)
        #expect(MailMessage(bytes: input).ownBytes == Array(lfMessage.utf8))
    }

    @Test func fromFieldIsNoSeparator() {
        let input = Array(crlfMessage.utf8)
        let message = MailMessage(bytes: input)
        #expect(message.ownBytes == input)
        #expect(message.envelopeSender == nil)
    }

    @Test func mozillaFieldsRemovedCRLF() {
        let input = "X-Mozilla-Status: 0001\r\nX-Mozilla-Status2: 00000000\r\n" + "From: a@example.com\r\n"
            + "X-Mozilla-Keys:                                                                                 \r\n"
            + "Subject: Hi\r\n\r\nBody\r\n"
        let message = MailMessage(bytes: Array(input.utf8))
        #expect(message.ownBytes == Array(crlfMessage.utf8))
        #expect(message.subject == "Hi")
    }

    @Test func mozillaFieldsRemovedLF() {
        let input = "From: a@example.com\nx-mozilla-status: 8000\nX-MOZILLA-STATUS2: 00800000\nSubject: Hi\n\nBody\n"
        #expect(MailMessage(bytes: Array(input.utf8)).ownBytes == Array(lfMessage.utf8))
    }

    @Test func foldedMozillaFieldRemoved() {
        let input = "From: a@example.com\r\nX-Mozilla-Keys: $label1\r\n $label2\r\nSubject: Hi\r\n\r\nBody\r\n"
        #expect(MailMessage(bytes: Array(input.utf8)).ownBytes == Array(crlfMessage.utf8))
    }

    @Test func separatorAndMozillaFieldsRemoved() {
        let input = "From - Mon Jan  6 09:00:00 2025\r\nX-Mozilla-Status: 0001\r\n" + crlfMessage
        let message = MailMessage(bytes: Array(input.utf8))
        #expect(message.ownBytes == Array(crlfMessage.utf8))
        #expect(message.envelopeSender == "-")
    }

    @Test func mozillaFieldInBodyPartKept() {
        let body = "--b\r\nX-Mozilla-Status: 0001\r\n\r\ntext\r\n--b--\r\n"
        let input = rawMessage(["From: a@example.com", "Content-Type: multipart/mixed; boundary=b"], body: body)
        #expect(MailMessage(bytes: input).ownBytes == input)
    }

    @Test func similarFieldNameKept() {
        let input = Array("From: a@example.com\r\nX-Mozilla-Draft-Info: x\r\n\r\nBody\r\n".utf8)
        #expect(MailMessage(bytes: input).ownBytes == input)
    }

    @Test func emptyInput() {
        let message = MailMessage(bytes: [])
        #expect(message.ownBytes.isEmpty)
        #expect(message.from.isEmpty)
        #expect(message.previewText.isEmpty)
    }

    @Test func fromFieldWithSpaceBeforeColonKept() {
        let input = Array("From : a@example.com\r\nSubject: Hi\r\n\r\nBody\r\n".utf8)
        let message = MailMessage(bytes: input)
        #expect(message.ownBytes == input)
        #expect(message.envelopeSender == nil)
        #expect(message.from.map(\.address) == ["a@example.com"])
    }

    @Test func leadingByteOrderMarkSkipped() {
        let message = MailMessage(bytes: [0xEF, 0xBB, 0xBF] + Array(crlfMessage.utf8))
        #expect(message.ownBytes == Array(crlfMessage.utf8))
        #expect(message.from.map(\.address) == ["a@example.com"])
        #expect(message.defects.map(\.message).contains { $0.contains("byte order mark") })
    }
}
