import MailReading
import Testing

/// Part paths: the identity of attached messages and attachments, and where body defects are.
@Suite struct PartPathTests {
    private let header = ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100"]

    private func multipart(_ body: String) -> MailMessage {
        readMessage(header + ["Content-Type: multipart/mixed; boundary=\"b\""], body: body)
    }

    private func attachedMessagePart(from sender: String, subject: String? = nil) -> String {
        var inner = "From: \(sender)\r\n"
        if let subject {
            inner += "Subject: \(subject)\r\n"
        }
        inner += "Content-Type: application/pdf\r\n\r\nPDF\r\n"
        return "--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner
    }

    @Test func unnamedAttachedMessagesDiffer() {
        let body = "--b\r\n\r\ntext\r\n" + attachedMessagePart(from: "x@example.com") + attachedMessagePart(from: "y@example.org") + "--b--\r\n"
        let message = multipart(body)

        #expect(message.attachedMessages.map(\.partPath) == ["2", "3"])
        #expect(message.attachedMessages.map { $0.from.map(\.address) } == [["x@example.com"], ["y@example.org"]])
        #expect(message.attachments.map(\.partPath) == ["2", "2.1", "3", "3.1"])
        #expect(message.attachments.map(\.enclosingMessagePath) == [nil, "2", nil, "3"])
        #expect(message.from.map(\.address) == ["a@example.com"])
    }

    @Test func topMessageHasNoPartPath() {
        let message = readMessage(header)
        #expect(message.partPath == nil)
    }

    @Test func singlePartBodyIsPartOne() {
        let message = readMessage(header + ["Content-Type: application/pdf"], body: "PDF")
        #expect(message.attachments.map(\.partPath) == ["1"])
    }

    @Test func nestedMultipartPaths() {
        let inner = "--i\r\nContent-Type: application/pdf\r\n\r\nA\r\n--i\r\nContent-Type: image/png\r\n\r\nB\r\n--i--\r\n"
        let body = "--b\r\n\r\ntext\r\n--b\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n" + inner + "--b--\r\n"
        let message = multipart(body)
        #expect(message.attachments.map(\.partPath) == ["2.1", "2.2"])
    }

    @Test func messageInsideAttachedMessage() {
        let innermost = "From: z@example.net\r\nSubject: Innermost\r\n\r\ntext\r\n"
        let middle = "From: y@example.org\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n"
            + "--m\r\n\r\nmiddle text\r\n--m\r\nContent-Type: message/rfc822\r\n\r\n" + innermost + "--m--\r\n"
        let message = multipart("--b\r\nContent-Type: message/rfc822\r\n\r\n" + middle + "--b--\r\n")
        let attached = message.attachedMessages

        #expect(attached.map(\.partPath) == ["1"])
        #expect(attached.first?.attachedMessages.map(\.partPath) == ["1.2"])
        #expect(attached.first?.attachedMessages.first?.subject == "Innermost")
        #expect(message.attachments.map(\.enclosingMessagePath) == [nil, "1"])
    }

    @Test func bodyDefectsNamePart() {
        let body = "--b\r\n\r\ntext\r\n--b\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nmore\r\n"
            + "--b\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBE*!\r\n--b--\r\n"
        let message = multipart(body)
        let transfer = message.defects.first { $0.kind == .invalidTransferEncoding }

        #expect(transfer?.part == "3")
        #expect(transfer?.field == nil)
    }

    @Test func previewCharsetDefectNamesPart() {
        let body = "--b\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\ntext\r\n--b--\r\n"
        let message = multipart(body)
        let charset = message.defects.first { $0.kind == .unknownCharset }
        #expect(charset?.part == "1")
    }

    @Test func singlePartCharsetMismatchNamesPart() {
        let message = MailMessage(bytes: rawMessage(header + ["Content-Type: text/plain; charset=utf-8"], body: "") + [0x4B, 0xF6])
        let mismatch = message.defects.first { $0.kind == .charsetMismatch }
        #expect(mismatch?.part == "1")
    }

    @Test func headerDefectsNameField() {
        let result = subject(of: "=?utf-8?x?abc?= \"open")
        let encodedWord = result.defects.first { $0.kind == .invalidEncodedWord }
        #expect(encodedWord?.field == "Subject")

        let message = readMessage(header + ["To: \"Robin <r@example.com>"])
        let token = message.defects.first { $0.kind == .unterminatedToken }
        #expect(token?.field == "To")
    }
}
