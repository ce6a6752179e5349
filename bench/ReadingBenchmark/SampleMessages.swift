/// Generated messages that look like HR mail: several participants, encoded words, a text and an
/// HTML body in quoted-printable, and optionally a base64 attachment.
enum SampleMessages {
    /// Builds a message of about `targetBytes` bytes whose size comes from its text bodies.
    static func textMessage(targetBytes: Int) -> [UInt8] {
        let header = headerLines(contentType: "multipart/alternative; boundary=\"alt\"")
        var message = header + "\r\n"
        let paragraph = "Gr=C3=BC=C3=9Fe aus K=C3=B6ln. Ich schicke Ihnen die Unterlagen zu meiner Bewerbung als=\r\n"
            + " Werkstudentin und freue mich auf Ihre Antwort. Mit freundlichen Gr=C3=BC=C3=9Fen.\r\n"
        let half = max(0, (targetBytes - message.utf8.count) / 2)

        message += "--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        message += repeated(paragraph, toBytes: half)
        message += "--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        message += "<html><body>" + repeated("<p>" + paragraph + "</p>\r\n", toBytes: half) + "</body></html>\r\n"
        message += "--alt--\r\n"
        return Array(message.utf8)
    }

    /// Builds a message with a short text body and one base64 attachment that brings it to about
    /// `targetBytes` bytes.
    static func messageWithAttachment(targetBytes: Int) -> [UInt8] {
        var message = headerLines(contentType: "multipart/mixed; boundary=\"mixed\"") + "\r\n"
        message += "--mixed\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAnbei mein Lebenslauf.\r\n"
        message += "--mixed\r\nContent-Type: application/pdf; name=\"Lebenslauf.pdf\"\r\n"
        message += "Content-Disposition: attachment; filename*=utf-8''Lebenslauf%20J%C3%B6rg.pdf\r\n"
        message += "Content-Transfer-Encoding: base64\r\n\r\n"

        let encodedBytes = max(0, targetBytes - message.utf8.count - 20)
        message += base64Lines(count: encodedBytes)
        message += "--mixed--\r\n"
        return Array(message.utf8)
    }

    private static func headerLines(contentType: String) -> String {
        [
            "Return-Path: <renee.beispiel@example.org>",
            "Received: from mail.example.org (mail.example.org [192.0.2.10]) by mx.example.com; Mon, 6 Jan 2025 09:15:02 +0100",
            "From: =?utf-8?q?Ren=C3=A9e_Beispiel?= <Renee.Beispiel@Example.org>",
            "To: \"HR, Northwind\" <hr@example.com>, Dana Sample <dana@example.com>",
            "Cc: =?iso-8859-1?q?J=F6rg_=D6zt=FCrk?= <joerg@b\u{FC}cher.example>, team: a@example.net, b@example.net;",
            "Subject: =?utf-8?b?QmV3ZXJidW5nIGFscyBXZXJrc3R1ZGVudGluIOKAkyBVbnRlcmxhZ2Vu?=",
            "Date: Mon, 06 Jan 2025 09:15:00 +0100",
            "Message-ID: <bench.1@mail.example.org>",
            "In-Reply-To: <bench.0@mail.example.com>",
            "References: <bench.-1@mail.example.org>\r\n <bench.0@mail.example.com>",
            "MIME-Version: 1.0",
            "Content-Type: \(contentType)",
        ].joined(separator: "\r\n") + "\r\n"
    }

    /// Repeats `text` until at least `count` bytes are written.
    private static func repeated(_ text: String, toBytes count: Int) -> String {
        let times = max(1, (count + text.utf8.count - 1) / text.utf8.count)
        return String(repeating: text, count: times)
    }

    /// Lines of 76 base64 characters, about `count` bytes in all, from a fixed pseudo-random sequence.
    private static func base64Lines(count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var state: UInt32 = 0x9E37_79B9
        var text: [UInt8] = []
        text.reserveCapacity(count + 80)

        while text.count < count {
            for _ in 0..<76 {
                // A xorshift generator: the same bytes on every run and machine.
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                text.append(alphabet[Int(state % 64)])
            }
            text += Array("\r\n".utf8)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
