/// Raw messages for the tests of search, unfiling and the audit trail.
enum MailText {
    /// Returns a message from `from` with a plain-text body and, when `attachment` is given, a PDF of that name.
    static func message(subject: String, body: String, from: String = "Anna Schmidt <anna@example.com>",
                        attachment: String? = nil) -> String {
        var text = "From: \(from)\r\nTo: HR <hr@example.org>\r\nSubject: \(subject)\r\n"
            + "Date: Mon, 3 Jun 2024 09:00:00 +0200\r\nMIME-Version: 1.0\r\n"
        guard let attachment else {
            return text + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
        }
        text += "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        text += "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
        text += "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"\(attachment)\"\r\n"
        text += "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n"
        return text
    }
}
