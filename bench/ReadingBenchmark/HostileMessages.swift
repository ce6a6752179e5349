/// Messages built to make a careless reader do more than linear work, each grown by a count.
///
/// The benchmark reads each at two sizes. A reader that is linear in its input takes about four
/// times as long for four times the count.
enum HostileMessages {
    struct Shape: Sendable {
        let name: String
        let make: @Sendable (Int) -> [UInt8]
    }

    static let shapes: [Shape] = [
        Shape(name: "header lines") { count in
            message(header: (0..<count).map { "X-Field-\($0): value \($0)" }.joined(separator: "\r\n"))
        },
        Shape(name: "folded Subject lines") { count in
            message(header: "Subject: start" + String(repeating: "\r\n more", count: count))
        },
        Shape(name: "addresses in To") { count in
            message(header: "To: " + (0..<count).map { "Person \($0) <p\($0)@example.com>" }.joined(separator: ",\r\n "))
        },
        Shape(name: "unclosed angle brackets in To") { count in
            message(header: "To: " + String(repeating: "<a@example.com, ", count: count))
        },
        Shape(name: "group colons in To") { count in
            message(header: "To: " + String(repeating: "g: ", count: count) + "a@example.com")
        },
        Shape(name: "nested comments in From") { count in
            message(header: "From: a@example.com " + String(repeating: "(", count: count) + String(repeating: ")", count: count))
        },
        Shape(name: "encoded words in Subject") { count in
            message(header: "Subject: " + Array(repeating: "=?utf-8?q?=C3=BC?=", count: count).joined(separator: "\r\n "))
        },
        Shape(name: "broken encoded words in Subject") { count in
            message(header: "Subject: " + String(repeating: "=?utf-8?q?", count: count))
        },
        Shape(name: "RFC 2231 sections") { count in
            let sections = (0..<count).map { "\r\n filename*\($0)*=%41" }.joined(separator: ";")
            return message(header: "Content-Type: application/pdf\r\nContent-Disposition: attachment;" + sections)
        },
        Shape(name: "MIME parts") { count in
            let parts = String(repeating: "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n", count: count)
            return message(header: "Content-Type: multipart/mixed; boundary=b", body: parts + "--b--\r\n")
        },
        Shape(name: "body under 50 nested multiparts") { count in
            var body = String(repeating: "line of text\r\n", count: count)
            for level in (0..<50).reversed() {
                body = "--b\(level)\r\nContent-Type: multipart/mixed; boundary=b\(level + 1)\r\n\r\n" + body + "--b\(level)--\r\n"
            }
            return message(header: "Content-Type: multipart/mixed; boundary=b0", body: body)
        },
        Shape(name: "lines that almost match a boundary") { count in
            let body = "--b\r\n\r\n" + String(repeating: "--b-not-quite\r\n", count: count) + "--b--\r\n"
            return message(header: "Content-Type: multipart/mixed; boundary=b", body: body)
        },
        Shape(name: "unclosed HTML comments") { count in
            message(header: "Content-Type: text/html", body: String(repeating: "<!-- <script ", count: count))
        },
    ]

    private static func message(header: String, body: String = "Hi.\r\n") -> [UInt8] {
        Array(("From: a@example.com\r\nDate: Mon, 6 Jan 2025 09:15:00 +0100\r\n" + header + "\r\n\r\n" + body).utf8)
    }
}
