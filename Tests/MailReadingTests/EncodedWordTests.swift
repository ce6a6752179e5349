import MailReading
import Testing

/// RFC 2047 encoded words in unstructured fields and in address phrases.
@Suite struct EncodedWordTests {
    @Test func qEncodingUnderscoreAndHex() {
        #expect(subject(of: "=?utf-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=").subject == "Grüße aus Köln")
    }

    @Test func bEncoding() {
        #expect(subject(of: "=?UTF-8?B?R3LDvMOfZQ==?=").subject == "Grüße")
    }

    @Test func bEncodingWithoutPadding() {
        #expect(subject(of: "=?utf-8?b?R3LDvMOfZQ?=").subject == "Grüße")
    }

    @Test func lowerCaseEncodingLetter() {
        #expect(subject(of: "=?iso-8859-1?q?M=FCller?=").subject == "Müller")
    }

    @Test func spaceBetweenEncodedWordsDropped() {
        #expect(subject(of: "=?utf-8?q?Hello?= \t =?utf-8?q?World?=").subject == "HelloWorld")
    }

    @Test func foldBetweenEncodedWordsDropped() {
        let message = MailMessage(bytes: rawMessage(["Subject: =?utf-8?q?Hello_?=\r\n =?utf-8?q?World?="]))
        #expect(message.subject == "Hello World")
    }

    @Test func spaceNextToPlainTextKept() {
        #expect(subject(of: "Re: =?utf-8?q?Gr=C3=BC=C3=9Fe?= again").subject == "Re: Grüße again")
    }

    @Test func characterSplitAcrossWords() {
        // "ü" is C3 BC in UTF-8; the first word ends after C3.
        #expect(subject(of: "=?utf-8?q?Gr=C3?= =?utf-8?q?=BC=C3=9Fe?=").subject == "Grüße")
    }

    @Test func characterSplitAcrossQAndBWords() {
        // "€" is E2 82 AC; "4oI=" is base64 for E2 82.
        #expect(subject(of: "=?utf-8?b?4oI=?= =?utf-8?q?=AC_5?=").subject == "€ 5")
    }

    @Test func differentCharsetsDecodedApart() {
        #expect(subject(of: "=?iso-8859-1?q?=E4?= =?utf-8?q?=C3=A4?=").subject == "ää")
    }

    @Test func gluedToPlainText() {
        #expect(subject(of: "[EXT]=?utf-8?q?Bericht?=-final").subject == "[EXT]Bericht-final")
    }

    @Test func languageSuffixIgnored() {
        #expect(subject(of: "=?utf-8*de?q?Gr=C3=BC=C3=9Fe?=").subject == "Grüße")
    }

    @Test func malformedWordKeptLiterally() {
        #expect(subject(of: "=?utf-8?x?abc?= and =?utf-8?q?no end").subject == "=?utf-8?x?abc?= and =?utf-8?q?no end")
    }

    @Test func invalidQEscapeKeptAndReported() {
        let result = subject(of: "=?utf-8?q?100=ZZ?=")
        #expect(result.subject == "=?utf-8?q?100=ZZ?=")
        #expect(result.defects.kinds.contains(.invalidEncodedWord))
    }

    @Test func unknownCharsetFallsBackToUTF8() {
        let result = subject(of: "=?x-mystery?q?Gr=C3=BC=C3=9Fe?=")
        #expect(result.subject == "Grüße")
        #expect(result.defects.kinds == [.unknownCharset])
    }

    @Test func unknownCharsetFallsBackToWindows1252() {
        let result = subject(of: "=?x-mystery?q?Gr=FC=DFe_=80?=")
        #expect(result.subject == "Grüße €")
        #expect(result.defects.kinds == [.unknownCharset])
    }

    @Test func lyingUTF8CharsetFallsBack() {
        let result = subject(of: "=?utf-8?q?Gr=FC=DFe?=")
        #expect(result.subject == "Grüße")
        #expect(result.defects.kinds == [.charsetMismatch])
    }

    @Test func lyingASCIICharsetFallsBack() {
        let result = subject(of: "=?us-ascii?q?Gr=C3=BC=C3=9Fe?=")
        #expect(result.subject == "Grüße")
        #expect(result.defects.kinds == [.charsetMismatch])
    }

    @Test func displayNameWords() {
        let message = readMessage(["From: =?utf-8?q?Ren=C3=A9e?= =?utf-8?q?_Beispiel?= <renee@example.com>"])
        #expect(message.from.first?.name == "Renée Beispiel")
    }

    @Test func displayNameWordWithSpecials() {
        // The dot is an RFC 5322 special, so the word arrives split into several tokens.
        let message = readMessage(["From: =?utf-8?q?Sam_P.?= <sam@example.com>"])
        #expect(message.from.first?.name == "Sam P.")
    }

    @Test func quotedDisplayNameDecodedLeniently() {
        let message = readMessage(["From: \"=?utf-8?q?J=C3=B6rg?= Tester\" <j@example.com>"])
        #expect(message.from.first?.name == "Jörg Tester")
    }

    @Test func commentDecoded() {
        let message = readMessage(["From: j@example.com (=?utf-8?q?J=C3=B6rg?=)"])
        #expect(message.from.first?.comment == "Jörg")
        #expect(message.from.first?.name == nil)
    }

    @Test func groupNameDecoded() {
        let message = readMessage(["To: =?utf-8?q?B=C3=BCro?=: a@example.com;"])
        #expect(message.groups.first?.name == "Büro")
    }

    @Test func emptyEncodedText() {
        #expect(subject(of: "a =?utf-8?q??= b").subject == "a  b")
    }

    @Test func spaceNextToPlainTextInDisplayName() {
        let message = readMessage(["From: =?utf-8?q?Ren=C3=A9e?= Beispiel <renee@example.com>"])
        #expect(message.from.first?.name == "Renée Beispiel")
    }

    @Test func characterSplitInDisplayName() {
        // "é" is C3 A9, and "UmVuww==" is base64 for "Ren" and C3. A folded line splits the words.
        let message = readMessage(["From: =?utf-8?b?UmVuww==?=\r\n =?utf-8?q?=A9e?= <renee@example.com>"])
        #expect(message.from.first?.name == "Renée")
    }

    @Test func notDecodedInLocalPart() {
        let message = readMessage(["From: a@example.com", "To: =?utf-8?q?dana?=@example.org"])
        #expect(message.to.map(\.address) == ["=?utf-8?q?dana?=@example.org"])
    }

    @Test func notDecodedInAngleAddress() {
        let message = readMessage(["From: Dana <=?utf-8?q?dana?=@example.org>"])
        #expect(message.from.map(\.address) == ["=?utf-8?q?dana?=@example.org"])
        #expect(message.from.first?.name == "Dana")
    }

    @Test func notDecodedInQuotedLocalPart() {
        let message = readMessage(["From: \"=?utf-8?q?dana?=\"@example.org"])
        #expect(message.from.map(\.address) == ["\"=?utf-8?q?dana?=\"@example.org"])
    }

    @Test func notDecodedInMessageID() {
        let message = readMessage(["From: a@example.com", "Message-ID: <=?utf-8?q?x?=@example.com>"])
        #expect(message.messageID == "<=?utf-8?q?x?=@example.com>")
    }

    @Test func usASCIIWord() {
        let result = subject(of: "=?US-ASCII?Q?plain_text?=")
        #expect(result.subject == "plain text")
        #expect(result.defects.isEmpty)
    }

    @Test func utf8LabelAlias() {
        let result = subject(of: "=?utf8?q?=C3=BC?=")
        #expect(result.subject == "ü")
        #expect(result.defects.isEmpty)
    }

    @Test func manyWordsJoined() {
        let words = Array(repeating: "=?utf-8?q?=C3=BC?=", count: 2000).joined(separator: "\r\n ")
        let result = subject(of: words)
        #expect(result.subject == String(repeating: "ü", count: 2000))
        #expect(result.defects.isEmpty)
    }

    @Test func invalidBase64WordShownAsWritten() {
        let result = subject(of: "a =?utf-8?b?####?= b")
        #expect(result.subject == "a =?utf-8?b?####?= b")
        #expect(result.defects.kinds == [.invalidEncodedWord])
        #expect(result.defects.first?.fragment == "=?utf-8?b?####?=")
    }

    @Test func unknownEncodingShownAsWritten() {
        let result = subject(of: "=?UTF-8?X?abc?= and more")
        #expect(result.subject == "=?UTF-8?X?abc?= and more")
        #expect(result.defects.kinds == [.invalidEncodedWord])
        #expect(result.defects.first?.field == "Subject")
    }
}
