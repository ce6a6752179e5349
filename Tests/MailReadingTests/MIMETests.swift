import MailReading
import Testing

/// The part tree: boundaries, nesting, transfer encodings, attachments and the preview.
@Suite struct MIMETests {
    private let header = ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100"]

    private func multipart(_ body: String, type: String = "multipart/mixed", boundary: String = "b") -> MailMessage {
        readMessage(header + ["Content-Type: \(type); boundary=\"\(boundary)\""], body: body)
    }

    @Test func preambleAndEpilogueIgnored() {
        let message = multipart("This is a preamble.\r\n--b\r\n\r\nBody text.\r\n--b--\r\nEpilogue text.\r\n")
        #expect(message.previewText == "Body text.")
        #expect(message.attachments.isEmpty)
        #expect(message.defects.isEmpty)
    }

    @Test func delimiterWithTrailingBlanks() {
        let message = multipart("--b  \r\n\r\nBody text.\r\n--b-- \t\r\n")
        #expect(message.previewText == "Body text.")
        #expect(message.defects.isEmpty)
    }

    @Test func missingClosingBoundary() {
        let message = multipart("--b\r\n\r\nBody.\r\n--b\r\nContent-Type: application/pdf\r\n\r\n12345")
        #expect(message.attachments.map(\.size) == [5])
        #expect(message.defects.kinds == [.missingClosingBoundary])
    }

    @Test func missingBoundaryParameter() {
        let message = readMessage(header + ["Content-Type: multipart/mixed"], body: "--b\r\n\r\nBody.\r\n--b--\r\n")
        #expect(message.attachments.isEmpty)
        #expect(message.defects.kinds == [.missingBoundary])
    }

    @Test func noDelimiterLine() {
        let message = multipart("just text\r\n")
        #expect(message.defects.kinds == [.missingBoundary])
    }

    @Test func depthLimitStopsNesting() {
        let levels = 60
        var body = "innermost\r\n"
        for level in (0..<levels).reversed() {
            body = "--b\(level)\r\nContent-Type: multipart/mixed; boundary=\"b\(level + 1)\"\r\n\r\n" + body + "--b\(level)--\r\n"
        }
        let message = multipart(body, boundary: "b0")
        #expect(message.defects.kinds == [.nestingTooDeep])
        #expect(message.attachments.isEmpty)
    }

    @Test func deeplyNestedAttachedMessages() {
        var inner = "From: x@example.com\r\nSubject: innermost\r\n\r\ntext\r\n"
        for _ in 0..<60 {
            inner = "From: x@example.com\r\nContent-Type: message/rfc822\r\n\r\n" + inner
        }
        let message = MailMessage(bytes: Array(("Date: Mon, 6 Jan 2025 09:15:00 +0100\r\n" + inner).utf8))
        #expect(message.defects.kinds.contains(.nestingTooDeep))
        // The message itself and the attached messages at depths 1...50 are message/rfc822.
        #expect(message.attachments.count == 51)
    }

    @Test func base64Size() {
        let message = multipart("--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\nAwQ=\r\n--b--\r\n")
        #expect(message.attachments.map(\.size) == [5])
        #expect(message.defects.isEmpty)
    }

    @Test func base64InvalidCharactersSkipped() {
        let message = multipart("--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: BASE64\r\n\r\nAA!EC\r\n--b--\r\n")
        #expect(message.attachments.map(\.size) == [3])
        #expect(message.defects.kinds == [.invalidTransferEncoding])
    }

    @Test func quotedPrintableSizeAndPreview() {
        let body = "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Gr=C3=BC=C3=9Fe, das ist ei=\r\nn langer Satz.   \r\n--b\r\n"
            + "Content-Type: text/plain; name=a.txt\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "a=3Db=\r\nc  \r\nd\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.previewText == "Grüße, das ist ein langer Satz.")
        #expect(message.attachments.map(\.size) == [7])
        #expect(message.defects.isEmpty)
    }

    @Test func quotedPrintableInvalidEscapeKept() {
        let body = "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n100=%\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.previewText == "100=%")
        #expect(message.defects.kinds == [.invalidTransferEncoding])
    }

    @Test func unknownTransferEncoding() {
        let body = "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\n1234\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.attachments.map(\.size) == [4])
        #expect(message.defects.kinds == [.unknownTransferEncoding])
    }

    @Test func htmlPreviewWhenNoPlainText() {
        let html = "<html><head><title>T</title><style>p { color: red }</style></head><body>"
            + "<p>Gr&uuml;&szlig;e&nbsp;aus</p><p>K&#246;ln &amp; <b>Bonn</b></p><!-- hidden --><script>x()</script>&#x2713;</body></html>"
        let message = multipart("--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\(html)\r\n--b--\r\n", type: "multipart/alternative")
        #expect(message.previewText == "Grüße aus Köln & Bonn ✓")
    }

    @Test func plainTextPreferredOverHTML() {
        let body = "--b\r\nContent-Type: text/html\r\n\r\n<p>HTML</p>\r\n--b\r\nContent-Type: text/plain\r\n\r\nPlain\r\n--b--\r\n"
        #expect(multipart(body, type: "multipart/alternative").previewText == "Plain")
    }

    @Test func previewCutTo300Characters() {
        // Each word and its space take 8 characters, so character 300 is the fourth of word 38.
        let words = Array(repeating: "wörter!", count: 100).joined(separator: "  \r\n ")
        let message = readMessage(header, body: words)
        #expect(message.previewText.count == 300)
        #expect(message.previewText.hasPrefix("wörter! wörter!"))
        #expect(message.previewText.hasSuffix("wörter! wört"))
    }

    @Test func previewOfBase64Body() {
        let message = readMessage(header + ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"], body: "R3LDvMOfZQ==\r\n")
        #expect(message.previewText == "Grüße")
    }

    @Test func previewSkipsTextAttachment() {
        let body = "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nAttached\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nBody\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.previewText == "Body")
        #expect(message.attachments.map(\.filename) == ["a.txt"])
    }

    @Test func inlineImageIsAttachment() {
        let body = "--b\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:logo\">\r\n--b\r\nContent-Type: image/png\r\n"
            + "Content-Disposition: inline\r\nContent-ID: <logo>\r\n\r\nPNG\r\n--b--\r\n"
        let message = multipart(body, type: "multipart/related")
        #expect(message.attachments.map(\.contentType) == ["image/png"])
        #expect(message.attachments.map(\.filename) == [nil])
    }

    @Test func singlePartAttachment() {
        let message = readMessage(header + ["Content-Type: application/pdf; name=\"a.pdf\""], body: "%PDF")
        #expect(message.attachments.map(\.filename) == ["a.pdf"])
        #expect(message.previewText == "")
    }

    @Test func digestPartsDefaultToMessages() {
        let inner = "From: x@example.com\r\nSubject: Digest item\r\n\r\ntext\r\n"
        let message = multipart("--b\r\n\r\n\(inner)--b--\r\n", type: "multipart/digest")
        #expect(message.attachments.map(\.contentType) == ["message/rfc822"])
        #expect(message.attachedMessages.map(\.subject) == ["Digest item"])
    }

    @Test func attachedMessageNamedBySubject() {
        let inner = "From: x@example.com\r\nSubject: =?utf-8?q?Bewerbung_J=C3=B6rg?=\r\nContent-Type: application/pdf; name=cv.pdf\r\n\r\nPDF\r\n"
        let message = multipart("--b\r\nContent-Type: message/rfc822\r\n\r\n\(inner)--b--\r\n")
        #expect(message.attachments.map(\.filename) == [nil, "cv.pdf"])
        #expect(message.attachments.map(\.nestedIn) == [nil, "Bewerbung Jörg"])
    }

    @Test func attachedMessageNamedByMessageID() {
        let inner = "From: x@example.com\r\nMessage-ID: <inner@example.com>\r\nContent-Type: application/pdf\r\n\r\nPDF\r\n"
        let message = multipart("--b\r\nContent-Type: message/rfc822\r\n\r\n\(inner)--b--\r\n")
        #expect(message.attachments.last?.nestedIn == "<inner@example.com>")
    }

    @Test func base64AttachedMessage() {
        // "From: x@example.com\r\nSubject: Inner\r\n\r\nHi\r\n" in base64.
        let encoded = "RnJvbTogeEBleGFtcGxlLmNvbQ0KU3ViamVjdDogSW5uZXINCg0KSGkNCg=="
        let body = "--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.attachments.map(\.size) == [43])
        #expect(message.attachedMessages.map(\.subject) == ["Inner"])
        #expect(message.attachedMessages.first?.from.map(\.address) == ["x@example.com"])
        #expect(message.from.map(\.address) == ["a@example.com"])
    }

    @Test func attachedMessagePartsStayInside() {
        let inner = "From: x@example.com\r\nContent-Type: text/plain\r\n\r\nInner text\r\n"
        let message = multipart("--b\r\nContent-Type: message/rfc822\r\n\r\n\(inner)--b--\r\n")
        #expect(message.previewText == "")
        #expect(message.attachedMessages.first?.previewText == "Inner text")
    }

    @Test func lineFeedOnlyMultipart() {
        let raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nText\n--b\nContent-Type: application/pdf\n\n123\n--b--\n"
        let message = MailMessage(bytes: Array(raw.utf8))
        #expect(message.previewText == "Text")
        #expect(message.attachments.map(\.size) == [3])
    }

    @Test func duplicateContentTypeUsesFirst() {
        let message = readMessage(header + ["Content-Type: text/plain; charset=utf-8", "Content-Type: application/pdf"], body: "Text")
        #expect(message.previewText == "Text")
        #expect(message.attachments.isEmpty)
        #expect(message.defects.kinds == [.duplicateField])
        #expect(message.defects.first?.field == "Content-Type")
    }

    @Test func duplicateTransferEncodingUsesFirst() {
        let message = readMessage(
            header + ["Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: 7bit"], body: "R3LDvMOfZQ==\r\n")
        #expect(message.previewText == "Grüße")
        #expect(message.defects.kinds == [.duplicateField])
    }

    @Test func boundarySharingPrefixWithInner() {
        let inner = "--b-inner\r\nContent-Type: text/plain\r\n\r\nInner text\r\n"
            + "--b-inner\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\nPDF\r\n--b-inner--\r\n"
        let body = "--b\r\nContent-Type: multipart/alternative; boundary=\"b-inner\"\r\n\r\n" + inner
            + "--b\r\nContent-Type: application/zip; name=z.zip\r\n\r\nZIP\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.previewText == "Inner text")
        #expect(message.attachments.map(\.filename) == ["a.pdf", "z.zip"])
        #expect(message.defects.isEmpty)
    }

    @Test func innerBoundaryPrefixOfOuter() {
        let inner = "--b\r\nContent-Type: text/plain\r\n\r\nInner text\r\n--b--\r\n"
        let body = "--b-outer\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n" + inner
            + "--b-outer\r\nContent-Type: application/zip; name=z.zip\r\n\r\nZIP\r\n--b-outer--\r\n"
        let message = multipart(body, boundary: "b-outer")
        #expect(message.previewText == "Inner text")
        #expect(message.attachments.map(\.filename) == ["z.zip"])
        #expect(message.defects.isEmpty)
    }

    @Test func attachedMessageParticipantsStayInside() {
        let inner = "From: Former Boss <boss@example.net>\r\nTo: someone@example.net\r\nCc: other@example.net\r\n"
            + "Reply-To: reply@example.net\r\nSubject: Inner\r\n\r\ntext\r\n"
        let message = readMessage(
            ["From: a@example.com", "To: b@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Content-Type: multipart/mixed; boundary=b"],
            body: "--b\r\n\r\nSee the forwarded message.\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n\(inner)--b--\r\n"
        )
        #expect(message.from.map(\.address) == ["a@example.com"])
        #expect(message.to.map(\.address) == ["b@example.com"])
        #expect(message.cc.isEmpty)
        #expect(message.replyTo.isEmpty)
        #expect(message.subject == nil)
        #expect(message.attachedMessages.first?.cc.map(\.address) == ["other@example.net"])
    }

    @Test func attachmentInsideAttachedMessageNamed() {
        let inner = "From: x@example.com\r\nSubject: Inner\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n"
            + "--i\r\n\r\ntext\r\n--i\r\nContent-Type: application/pdf; name=cv.pdf\r\n\r\nPDF\r\n--i--\r\n"
        let body = "--b\r\nContent-Type: message/rfc822; name=fwd.eml\r\n\r\n\(inner)--b\r\n"
            + "Content-Type: application/pdf; name=outer.pdf\r\n\r\nPDF\r\n--b--\r\n"
        let message = multipart(body)
        #expect(message.attachments.map(\.filename) == ["fwd.eml", "cv.pdf", "outer.pdf"])
        #expect(message.attachments.map(\.nestedIn) == [nil, "fwd.eml", nil])
        // The line break before a delimiter line belongs to the delimiter, not to the part.
        #expect(message.attachments.map(\.size) == [inner.utf8.count - 2, 3, 3])
    }

    @Test func htmlMetaCharset() {
        let html = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>Caf".utf8) + [0xE9] + Array("</body></html>".utf8)
        let message = MailMessage(bytes: rawMessage(header + ["Content-Type: text/html"], body: "") + html)
        #expect(message.previewText == "Café")
        #expect(message.defects.isEmpty)
    }

    @Test func htmlHTTPEquivCharset() {
        let head = "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></HEAD><BODY>"
        let html = Array(head.utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("</BODY></HTML>".utf8)
        let message = MailMessage(bytes: rawMessage(header + ["Content-Type: text/html"], body: "") + html)
        #expect(message.previewText == "Привет")
        #expect(message.defects.isEmpty)
    }

    @Test func contentTypeCharsetWinsOverMeta() {
        let html = "<meta charset=\"iso-8859-5\"><p>Grüße</p>"
        let message = readMessage(header + ["Content-Type: text/html; charset=utf-8"], body: html)
        #expect(message.previewText == "Grüße")
    }
}
