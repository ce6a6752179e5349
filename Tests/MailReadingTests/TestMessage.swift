import MailReading

/// Builds a raw message from header lines and a body, joined with CR LF.
func rawMessage(_ headerLines: [String], body: String = "Hi.\r\n") -> [UInt8] {
    Array((headerLines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
}

/// Reads a message with the given header lines and body.
func readMessage(_ headerLines: [String], body: String = "Hi.\r\n") -> MailMessage {
    MailMessage(bytes: rawMessage(headerLines, body: body))
}

/// Reads a message whose Subject field has the given value, as raw bytes after `Subject: `.
func subject(ofRawValue value: [UInt8]) -> (subject: String?, defects: [MailDefect]) {
    let header = "From: a@example.com\r\nDate: Mon, 6 Jan 2025 09:15:00 +0100\r\nSubject: "
    let message = MailMessage(bytes: Array(header.utf8) + value + Array("\r\n\r\nHi.\r\n".utf8))
    return (message.subject, message.defects)
}

/// Reads a message with the given Subject value.
func subject(of value: String) -> (subject: String?, defects: [MailDefect]) {
    subject(ofRawValue: Array(value.utf8))
}

extension Array where Element == MailDefect {
    var kinds: Set<MailDefect.Kind> { Set(map(\.kind)) }
}
