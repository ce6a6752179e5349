import MailReading
import Testing

/// The header section: fields in order, unfolding, repeats and lines that are no field.
@Suite struct HeaderTests {
    @Test func fieldsInOrderAsWritten() {
        let message = MailMessage(bytes: Array("From: a@example.com\r\nSubject: Two\r\n  lines\r\nX-Custom/Name: v\r\n\r\nBody\r\n".utf8))
        #expect(message.headerFields.map(\.name) == ["From", "Subject", "X-Custom/Name"])
        #expect(message.headerFields[1].rawValue == " Two\r\n  lines")
        #expect(message.headerFields[1].unfoldedValue == "Two  lines")
    }

    @Test func valuesIgnoreNameCase() {
        let message = MailMessage(bytes: Array("received: one\r\nReceived: two\r\nRECEIVED:three\r\n\r\n".utf8))
        #expect(message.values(of: "Received") == ["one", "two", "three"])
        #expect(message.values(of: "X-Missing").isEmpty)
    }

    @Test func lineFeedOnlyFolding() {
        let message = MailMessage(bytes: Array("From: a@example.com\nSubject: one\n\ttwo\n\nBody\n".utf8))
        #expect(message.subject == "one\ttwo")
        #expect(message.previewText == "Body")
    }

    @Test func headerOnlyWithoutFinalLineBreak() {
        let message = MailMessage(bytes: Array("From: a@example.com\r\nSubject: End".utf8))
        #expect(message.subject == "End")
        #expect(message.previewText == "")
    }

    @Test func bareCarriageReturnEndsHeaderLine() {
        let raw = "From: a@example.com\r\nTo: robin@example.com\rCc: sam@example.org\r\nDate: Mon, 6 Jan 2025 09:15:00 +0100\r\n\r\nBody\r\n"
        let message = MailMessage(bytes: Array(raw.utf8))

        #expect(message.to.map(\.lookupKey) == ["robin@example.com"])
        #expect(message.cc.map(\.lookupKey) == ["sam@example.org"])
        #expect(message.headerFields.map(\.name) == ["From", "To", "Cc", "Date"])
        #expect(message.defects.kinds == [.bareCarriageReturn])
        #expect(message.defects.first?.field == "To")
        #expect(message.previewText == "Body")
    }

    @Test func bareCarriageReturnsOnly() {
        let raw = "From: a@example.com\rSubject: Old Mac\r\tfolded\rDate: Mon, 6 Jan 2025 09:15:00 +0100\r\rBody\r"
        let message = MailMessage(bytes: Array(raw.utf8))

        #expect(message.from.map(\.lookupKey) == ["a@example.com"])
        #expect(message.subject == "Old Mac\tfolded")
        #expect(message.date != nil)
        #expect(message.defects.kinds == [.bareCarriageReturn])
    }

    @Test func obsoleteSpaceBeforeColon() {
        let message = MailMessage(bytes: Array("Subject : spaced\r\n\r\n".utf8))
        #expect(message.subject == "spaced")
    }

    @Test func lineWithoutColonStartsBody() {
        let message = MailMessage(bytes: Array("From: a@example.com\r\nDate: Mon, 6 Jan 2025 09:15:00 +0100\r\nHello there\r\n".utf8))
        #expect(message.previewText == "Hello there")
        #expect(message.defects.kinds == [.invalidHeaderLine])
    }

    @Test func leadingContinuationIgnored() {
        let message = MailMessage(bytes: Array(" stray\r\nFrom: a@example.com\r\nDate: Mon, 6 Jan 2025 09:15:00 +0100\r\n\r\n".utf8))
        #expect(message.from.map(\.address) == ["a@example.com"])
        #expect(message.defects.kinds == [.invalidHeaderLine])
    }

    @Test func repeatedSubjectUsesFirst() {
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Subject: first", "Subject: second"])
        #expect(message.subject == "first")
        #expect(message.defects.kinds == [.duplicateField])
    }

    @Test func longLineReadInFull() {
        let long = String(repeating: "x", count: 5000)
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Subject: \(long)"])
        #expect(message.subject == long)
        #expect(message.defects.kinds == [.headerLineTooLong])
        #expect(message.defects.first?.field == "Subject")
    }

    @Test func messageIDForms() {
        let message = readMessage([
            "Message-ID: (comment) < id.1@example.com >",
            "In-Reply-To: Your message <p1@example.com> of Monday",
            "References: <r1@example.com>\r\n\t<r2@example.com> <r3@example.com>",
        ])
        #expect(message.messageID == "<id.1@example.com>")
        #expect(message.inReplyTo == ["<p1@example.com>"])
        #expect(message.references == ["<r1@example.com>", "<r2@example.com>", "<r3@example.com>"])
    }

    @Test func bareMessageIDBracketed() {
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Message-ID: id@example.com"])
        #expect(message.messageID == "<id@example.com>")
        #expect(message.defects.kinds == [.invalidMessageID])
    }

    @Test func emptyMessageIDIsNil() {
        let message = readMessage(["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Message-ID:"])
        #expect(message.messageID == nil)
        #expect(message.defects.isEmpty)
    }

    @Test func subjectMissingIsNil() {
        #expect(readMessage(["From: a@example.com"]).subject == nil)
    }

    @Test func oddMessageIDsKeptVerbatim() {
        let message = readMessage([
            "From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100",
            "Message-ID:\r\n <a b@example.com>",
            "In-Reply-To: <\"quoted local\"@example.com>",
        ])
        #expect(message.messageID == "<a b@example.com>")
        #expect(message.inReplyTo == ["<\"quoted local\"@example.com>"])
        #expect(message.defects.map(\.field) == ["Message-ID"])
        #expect(message.defects.kinds == [.invalidMessageID])
    }

    @Test func secondMessageIDReported() {
        let message = readMessage([
            "From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100",
            "Message-ID: <one@example.com> <two@example.com>",
        ])
        #expect(message.messageID == "<one@example.com>")
        #expect(message.defects.kinds == [.invalidMessageID])
        #expect(message.defects.first?.fragment == "<two@example.com>")
    }
}
