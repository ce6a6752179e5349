import MailReading
import Testing

/// The body text that search indexes: the preview's part, read much further.
@Suite struct BodyTextTests {
    private let header = ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100"]

    @Test func plainPartReadPastPreview() {
        let filler = String(repeating: "lorem ipsum ", count: 400)
        let message = readMessage(header, body: filler + "\r\nArbeitsvertrag  signed.\r\n")
        let text = message.bodyText()

        #expect(text.hasSuffix("lorem ipsum Arbeitsvertrag signed."))
        #expect(!message.previewText.contains("Arbeitsvertrag"))
    }

    @Test func htmlPartWithoutMarkup() {
        let filler = String(repeating: "<p>lorem ipsum</p>\r\n", count: 300)
        let message = readMessage(
            header + ["Content-Type: text/html; charset=utf-8"],
            body: "<html><body>" + filler + "<p>Zeugnis &amp; Vertrag</p></body></html>\r\n"
        )
        let text = message.bodyText()

        #expect(text.hasSuffix("lorem ipsum Zeugnis & Vertrag"))
        #expect(!text.contains("<p>"))
    }

    @Test func plainPartPreferredOverHTML() {
        let body = "--b\r\nContent-Type: text/html\r\n\r\n<p>markup</p>\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nplain words\r\n--b--\r\n"
        let message = readMessage(header + ["Content-Type: multipart/alternative; boundary=\"b\""], body: body)
        #expect(message.bodyText() == "plain words")
    }

    @Test func decodedFromTransferEncoding() {
        let message = readMessage(
            header + ["Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable"],
            body: "K=FCndigung zum=\r\n 30. Juni\r\n"
        )
        #expect(message.bodyText() == "Kündigung zum 30. Juni")
    }

    @Test func boundedByMaximumBytes() {
        let message = readMessage(header, body: String(repeating: "word ", count: 1000) + "ende\r\n")
        let text = message.bodyText(maximumBytes: 100)

        #expect(text.utf8.count <= 100)
        #expect(text.hasPrefix("word word"))
        #expect(!text.contains("ende"))
    }

    @Test func boundKeepsWholeCharacters() {
        let message = readMessage(header + ["Content-Type: text/plain; charset=utf-8"], body: String(repeating: "ä", count: 100))
        let text = message.bodyText(maximumBytes: 9)
        #expect(text == "ääää")
    }

    @Test func attachedMessageIsNoBodyText() {
        let body = "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@example.com\r\n\r\ninner words\r\n--b--\r\n"
        let message = readMessage(header + ["Content-Type: multipart/mixed; boundary=\"b\""], body: body)
        #expect(message.bodyText() == "")
    }
}
