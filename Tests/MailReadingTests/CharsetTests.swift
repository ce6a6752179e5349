import MailReading
import Testing

/// Charsets of encoded words, body parts and raw header bytes.
@Suite struct CharsetTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        let label: String
        let byte: UInt8
        let expected: String

        var testDescription: String { "\(label) 0x\(String(byte, radix: 16))" }
    }

    /// One byte per charset where the charset differs from its neighbours.
    static let samples: [Sample] = [
        Sample(label: "ISO-8859-1", byte: 0xE9, expected: "é"),
        Sample(label: "ISO-8859-1", byte: 0x80, expected: "\u{80}"),
        Sample(label: "latin1", byte: 0xFC, expected: "ü"),
        Sample(label: "ISO-8859-2", byte: 0xA1, expected: "Ą"),
        Sample(label: "iso8859-2", byte: 0xB9, expected: "š"),
        Sample(label: "ISO-8859-3", byte: 0xA1, expected: "Ħ"),
        Sample(label: "ISO-8859-4", byte: 0xA2, expected: "ĸ"),
        Sample(label: "ISO-8859-5", byte: 0xB0, expected: "А"),
        Sample(label: "ISO-8859-6", byte: 0xC7, expected: "ا"),
        Sample(label: "ISO-8859-7", byte: 0xC1, expected: "Α"),
        Sample(label: "ISO-8859-8", byte: 0xE0, expected: "א"),
        Sample(label: "ISO-8859-9", byte: 0xFD, expected: "ı"),
        Sample(label: "ISO-8859-10", byte: 0xA1, expected: "Ą"),
        Sample(label: "ISO-8859-11", byte: 0xA1, expected: "ก"),
        Sample(label: "ISO-8859-13", byte: 0xA1, expected: "”"),
        Sample(label: "ISO-8859-14", byte: 0xA1, expected: "Ḃ"),
        Sample(label: "ISO-8859-15", byte: 0xA4, expected: "€"),
        Sample(label: "ISO_8859-15:1998", byte: 0xBD, expected: "œ"),
        Sample(label: "ISO-8859-16", byte: 0xAA, expected: "Ș"),
        Sample(label: "windows-1250", byte: 0x8A, expected: "Š"),
        Sample(label: "windows-1251", byte: 0xC0, expected: "А"),
        Sample(label: "cp1252", byte: 0x80, expected: "€"),
        Sample(label: "windows-1252", byte: 0x93, expected: "“"),
        Sample(label: "windows-1253", byte: 0xC1, expected: "Α"),
        Sample(label: "windows-1254", byte: 0xFD, expected: "ı"),
        Sample(label: "windows-1255", byte: 0xE0, expected: "א"),
        Sample(label: "windows-1256", byte: 0xC7, expected: "ا"),
        Sample(label: "windows-1257", byte: 0xE0, expected: "ą"),
        Sample(label: "windows-1258", byte: 0xD2, expected: "\u{309}"),
        Sample(label: "KOI8-R", byte: 0xC1, expected: "а"),
        Sample(label: "koi8-r", byte: 0xE1, expected: "А"),
        Sample(label: "KOI8-U", byte: 0xA4, expected: "є"),
    ]

    @Test(arguments: samples)
    func encodedWordCharset(_ sample: Sample) {
        let hex = String(sample.byte, radix: 16, uppercase: true)
        let result = subject(of: "=?\(sample.label)?q?=\(hex)?=")
        #expect(result.subject == sample.expected)
        #expect(result.defects.isEmpty)
    }

    @Test(arguments: samples)
    func bodyCharset(_ sample: Sample) {
        let bytes = rawMessage(["Content-Type: text/plain; charset=\"\(sample.label)\""], body: "") + [sample.byte]
        let message = MailMessage(bytes: bytes)
        #expect(message.previewText == sample.expected)
        #expect(message.defects.kinds.isDisjoint(with: [.unknownCharset, .charsetMismatch]))
    }

    @Test func rawLatin1HeaderReadAsWindows1252() {
        let result = subject(ofRawValue: Array("Gr".utf8) + [0xFC, 0xDF] + Array("e ".utf8) + [0x80])
        #expect(result.subject == "Grüße €")
        #expect(result.defects.kinds == [.nonUTF8Header])
        #expect(result.defects.first?.field == "Subject")
    }

    @Test func rawUTF8HeaderKept() {
        let result = subject(of: "Grüße – Köln")
        #expect(result.subject == "Grüße – Köln")
        #expect(result.defects.isEmpty)
    }

    @Test func rawLatin1DisplayName() {
        let bytes = Array("From: J".utf8) + [0xF6] + Array("rg <j@example.com>\r\n\r\nHi.\r\n".utf8)
        let message = MailMessage(bytes: bytes)
        #expect(message.from.first?.name == "Jörg")
        #expect(message.from.first?.address == "j@example.com")
    }

    @Test func undeclaredBodyCharsetNotUTF8() {
        let header = ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Content-Type: text/plain"]
        let message = MailMessage(bytes: rawMessage(header, body: "") + [0x4B, 0xF6, 0x6C, 0x6E])
        #expect(message.previewText == "Köln")
        #expect(message.defects.kinds == [.charsetMismatch])
    }

    @Test func unsupportedMultiByteCharsetFallsBack() {
        let bytes = rawMessage(["Content-Type: text/plain; charset=Shift_JIS"], body: "plain ASCII")
        let message = MailMessage(bytes: bytes)
        #expect(message.previewText == "plain ASCII")
        #expect(message.defects.kinds.contains(.unknownCharset))
    }

    @Test func undefinedByteIsCharsetMismatch() {
        // ISO-8859-8 leaves 0xA1 undefined; 0xE0 is alef.
        let result = subject(of: "=?iso-8859-8?q?=E0=A1?=")
        #expect(result.subject == "א\u{FFFD}")
        #expect(result.defects.kinds == [.charsetMismatch])
    }

    @Test func undefinedWindows1252ByteKeptInFallback() {
        let result = subject(of: "=?x-mystery?q?A=81B?=")
        #expect(result.subject == "A\u{81}B")
        #expect(result.defects.kinds == [.unknownCharset])
    }

    @Test func rawHeaderByteUndefinedInWindows1252Kept() {
        let result = subject(ofRawValue: [0x41, 0x8D, 0x42])
        #expect(result.subject == "A\u{8D}B")
        #expect(result.defects.kinds == [.nonUTF8Header])
    }

    @Test func lyingSingleByteBodyCharsetFallsBack() {
        // windows-1253 leaves 0xAA undefined; the bytes are valid UTF-8 ("ª").
        let bytes = rawMessage(["Content-Type: text/plain; charset=windows-1253"], body: "") + [0xC2, 0xAA]
        let message = MailMessage(bytes: bytes)
        #expect(message.previewText == "ª")
        #expect(message.defects.kinds.contains(.charsetMismatch))
    }

    @Test func strayUndefinedByteReplaced() {
        // "Привет" in windows-1251, then 0x98, which windows-1251 leaves undefined.
        let result = subject(of: "=?windows-1251?q?=CF=F0=E8=E2=E5=F2=98?=")
        #expect(result.subject == "Привет\u{FFFD}")
        #expect(result.defects.kinds == [.charsetMismatch])
    }

    @Test func mostlyUndefinedBytesFallBack() {
        // ISO-8859-8 leaves 0xA1 and 0xBF undefined; 0xE0 is alef.
        let result = subject(of: "=?iso-8859-8?q?=E0=A1=BF=A1?=")
        #expect(result.subject == "à¡¿¡")
        #expect(result.defects.kinds == [.charsetMismatch])
    }

    private func utf16Message(label: String, body: [UInt8]) -> MailMessage {
        let header = ["From: a@example.com", "Date: Mon, 6 Jan 2025 09:15:00 +0100", "Content-Type: text/plain; charset=\(label)"]
        return MailMessage(bytes: rawMessage(header, body: "") + body)
    }

    /// "Hé€" in UTF-16, big-endian code units.
    private let hello16BE: [UInt8] = [0x00, 0x48, 0x00, 0xE9, 0x20, 0xAC]

    @Test func utf16WithoutByteOrderMarkIsBigEndian() {
        let message = utf16Message(label: "utf-16", body: hello16BE)
        #expect(message.previewText == "Hé€")
        #expect(message.defects.isEmpty)
    }

    @Test func utf16ByteOrderMarks() {
        let bigEndian = utf16Message(label: "UTF-16", body: [0xFE, 0xFF] + hello16BE)
        let littleEndian = utf16Message(label: "utf-16", body: [0xFF, 0xFE, 0x48, 0x00, 0xE9, 0x00, 0xAC, 0x20])

        #expect(bigEndian.previewText == "Hé€")
        #expect(littleEndian.previewText == "Hé€")
        #expect(littleEndian.defects.isEmpty)
    }

    @Test func utf16WithByteOrderInLabel() {
        let littleEndian: [UInt8] = [0x48, 0x00, 0xE9, 0x00, 0xAC, 0x20]
        let plain = utf16Message(label: "utf-16le", body: littleEndian)
        let marked = utf16Message(label: "UTF-16LE", body: [0xFF, 0xFE] + littleEndian)
        let bigEndian = utf16Message(label: "utf-16be", body: hello16BE)

        #expect(plain.previewText == "Hé€")
        #expect(marked.previewText == "Hé€")
        #expect(bigEndian.previewText == "Hé€")
    }

    @Test func utf16InvalidCodeUnitsReplaced() {
        // A lone high surrogate, then "A", then an odd trailing byte.
        let message = utf16Message(label: "utf-16be", body: [0xD8, 0x00, 0x00, 0x41, 0x42])
        #expect(message.previewText == "\u{FFFD}A\u{FFFD}")
        #expect(message.defects.kinds == [.charsetMismatch])
    }

    @Test func utf16EncodedWord() {
        let result = subject(of: "=?utf-16?b?AEgA6SCs?=")
        #expect(result.subject == "Hé€")
        #expect(result.defects.isEmpty)
    }
}
