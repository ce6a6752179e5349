import MailReading
import Testing

/// Attachment file names from Content-Disposition and Content-Type parameters (RFC 2045, 2231).
@Suite struct ParameterTests {
    /// Reads a message whose only part is an attachment with the given header lines.
    /// `MailReading.Attachment` is spelled out because Swift Testing has an `Attachment` type too.
    private func attachment(_ partHeaders: [String]) -> (attachment: MailReading.Attachment?, defects: [MailDefect]) {
        let body = "--b\r\n" + partHeaders.joined(separator: "\r\n") + "\r\n\r\ncontent\r\n--b--\r\n"
        let message = readMessage(
            ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Content-Type: multipart/mixed; boundary=b"],
            body: body
        )
        return (message.attachments.first, message.defects)
    }

    @Test func quotedFilename() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"a b;c.pdf\""])
        #expect(result.attachment?.filename == "a b;c.pdf")
        #expect(result.defects.isEmpty)
    }

    @Test func unquotedFilenameWithSpaces() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: attachment; filename=my file.pdf"])
        #expect(result.attachment?.filename == "my file.pdf")
    }

    @Test func nameFromContentType() {
        let result = attachment(["Content-Type: application/pdf; name=\"cv.pdf\""])
        #expect(result.attachment?.filename == "cv.pdf")
    }

    @Test func dispositionFilenameWinsOverName() {
        let result = attachment(["Content-Type: application/pdf; name=\"old.pdf\"", "Content-Disposition: attachment; filename=\"new.pdf\""])
        #expect(result.attachment?.filename == "new.pdf")
    }

    @Test func parameterNameCaseIgnored() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: ATTACHMENT; FileName=\"x.pdf\""])
        #expect(result.attachment?.filename == "x.pdf")
    }

    @Test func extendedValueWithCharset() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: attachment; filename*=iso-8859-1'de'Zeugnis%20f%FCr.pdf"])
        #expect(result.attachment?.filename == "Zeugnis für.pdf")
        #expect(result.defects.isEmpty)
    }

    @Test func extendedValueUTF8() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20Rechnung.pdf"])
        #expect(result.attachment?.filename == "€ Rechnung.pdf")
    }

    @Test func extendedValueWinsOverPlain() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment; filename=\"fallback.pdf\"; filename*=utf-8''echt%C3%A9.pdf",
        ])
        #expect(result.attachment?.filename == "echté.pdf")
    }

    @Test func continuationsJoinedInOrder() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment;",
            " filename*1=\"zwei-\"; filename*0=\"eins-\";",
            " filename*2=drei.pdf",
        ])
        #expect(result.attachment?.filename == "eins-zwei-drei.pdf")
    }

    @Test func extendedContinuationsWithCharset() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment;",
            " filename*0*=utf-8'en'%C3%9C;",
            " filename*1*=bersicht%20;",
            " filename*2=\"2025.pdf\"",
        ])
        #expect(result.attachment?.filename == "Übersicht 2025.pdf")
    }

    @Test func characterSplitAcrossSections() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment; filename*0*=utf-8''B%C3; filename*1*=%BCro.pdf",
        ])
        #expect(result.attachment?.filename == "Büro.pdf")
    }

    @Test func missingSectionCutsValue() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment; filename*0=\"eins\"; filename*2=\"drei\"",
        ])
        #expect(result.attachment?.filename == "eins")
        #expect(result.defects.kinds == [.invalidParameter])
    }

    @Test func emptyCharsetReadAsUTF8() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=''B%C3%BCro.txt"])
        #expect(result.attachment?.filename == "Büro.txt")
        #expect(result.defects.isEmpty)
    }

    @Test func invalidPercentEscapeKept() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=utf-8''100%.txt"])
        #expect(result.attachment?.filename == "100%.txt")
    }

    @Test func unknownCharsetInExtendedValue() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=x-unknown''caf%E9.txt"])
        #expect(result.attachment?.filename == "café.txt")
        #expect(result.defects.kinds == [.unknownCharset])
    }

    @Test func encodedWordInQuotedFilename() {
        let result = attachment(["Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"=?utf-8?B?QsO8cm8ucGRm?=\""])
        #expect(result.attachment?.filename == "Büro.pdf")
    }

    @Test func commentInContentType() {
        let result = attachment(["Content-Type: application/pdf (a comment); name=\"c.pdf\""])
        #expect(result.attachment?.contentType == "application/pdf")
        #expect(result.attachment?.filename == "c.pdf")
    }

    @Test func contentTypeLowerCased() {
        let result = attachment(["Content-Type: Application/PDF", "Content-Disposition: attachment"])
        #expect(result.attachment?.contentType == "application/pdf")
        #expect(result.attachment?.filename == nil)
    }

    @Test func invalidContentTypeReported() {
        let result = attachment(["Content-Type: pdf", "Content-Disposition: attachment; filename=a.pdf"])
        #expect(result.attachment?.contentType == "text/plain")
        #expect(result.defects.kinds == [.invalidContentType])
    }

    @Test func encodedWordSplitAcrossPlainSections() {
        let result = attachment([
            "Content-Type: application/pdf",
            "Content-Disposition: attachment; filename*0=\"=?utf-8?B?QsO8\"; filename*1=\"cm8ucGRm?=\"",
        ])
        #expect(result.attachment?.filename == "Büro.pdf")
        #expect(result.defects.isEmpty)
    }

    @Test func encodedWordInExtendedValueKeptLiterally() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=utf-8''%3D%3Futf-8%3Fq%3Fx%3F%3D.txt"])
        #expect(result.attachment?.filename == "=?utf-8?q?x?=.txt")
    }

    @Test func percentKeptInPlainValue() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename=\"100%25.txt\""])
        #expect(result.attachment?.filename == "100%25.txt")
    }

    @Test func languageWithoutCharset() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*='en'notes.txt"])
        #expect(result.attachment?.filename == "notes.txt")
        #expect(result.defects.isEmpty)
    }

    @Test func missingCharsetPrefixReported() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=notes%20final.txt"])
        #expect(result.attachment?.filename == "notes final.txt")
        #expect(result.defects.kinds == [.invalidParameter])
    }

    @Test func extendedValueInContentTypeName() {
        let result = attachment(["Content-Type: application/pdf; name*=iso-8859-15''%A4-Beleg.pdf"])
        #expect(result.attachment?.filename == "€-Beleg.pdf")
    }

    @Test func invalidPercentEscapeReported() {
        let result = attachment(["Content-Type: text/plain", "Content-Disposition: attachment; filename*=utf-8''a%ZZb.txt"])
        #expect(result.attachment?.filename == "a%ZZb.txt")
        #expect(result.defects.kinds == [.invalidParameter])
    }
}
