import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

/// mutt or neomutt in tmux on a Maildir of one message, with clients/mutt's files sourced and the
/// sample store behind `hrbox`, all in a temporary folder that contains the client's `$HOME` too.
final class MuttFixture {
    let folder: TemporaryFolder
    let store: String
    let messageFile: String
    let session: TmuxSession

    /// Starts `client` on a Maildir holding `message` and waits until the index shows `indexMarker`.
    /// - Parameters:
    ///   - client: `mutt` or `neomutt`, found on PATH; tests that call this are enabled only when it is.
    ///   - indexMarker: Text of the message's index line, such as a word of its subject.
    ///   - extraPeople: CSV rows added to the sample people, with the same columns.
    static func start(_ client: String, message: Data, indexMarker: String, extraPeople: String = "") throws -> MuttFixture {
        let fixture = try MuttFixture(
            program: try #require(ExternalProgram.find(client), "\(client) is not installed; CI must install it"),
            tmux: try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it"),
            message: message,
            extraPeople: extraPeople)
        try fixture.session.waitFor(indexMarker)
        return fixture
    }

    /// - Parameters:
    ///   - program: The path of mutt or neomutt.
    ///   - extraPeople: CSV rows added to the sample people, with the same columns.
    private init(program: String, tmux: String, message: Data, extraPeople: String) throws {
        folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        self.store = store
        if !extraPeople.isEmpty {
            let csv = try folder.write("extra-people.csv", SampleData.people.prefix { $0 != "\n" } + "\n" + extraPeople)
            let imported = try runHRBox(["people", "import", csv, "--store", store])
            guard imported.status == 0 else {
                throw SetupError("hrbox people import failed: \(imported.standardError)")
            }
        }

        messageFile = try folder.write("Mail/INBOX/cur/1764137652.54321.hrbox-test:2,S", message)
        for subfolder in ["new", "tmp"] {
            try FileManager.default.createDirectory(
                atPath: folder.path("Mail/INBOX/\(subfolder)"), withIntermediateDirectories: true)
        }
        let clients = Repository.root.appendingPathComponent("clients/mutt")
        let muttrc = try folder.write(
            "muttrc",
            """
            set folder = "\(folder.path("Mail"))"
            set spoolfile = "+INBOX"
            set mbox_type = Maildir
            set header_cache = ""
            set record = ""
            set mail_check_stats = no
            set sort = date
            source "\(clients.appendingPathComponent("hrbox.muttrc").path)"
            source "\(clients.appendingPathComponent("hrbox-query.muttrc").path)"

            """)
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)

        session = try TmuxSession(
            tmux: tmux,
            command: [program, "-n", "-F", muttrc],
            environment: [
                "HOME": folder.path("home"),
                "LANG": "C.UTF-8",
                "TERM": "screen",
                "PATH": HRBoxBinary.folder + ":/usr/bin:/bin",
                "HRBOX_STORE": store,
                "HRBOX_CONFIG": config,
            ],
            workingDirectory: folder.url.path)
    }

    /// Returns the messages filed for `person` (an address, employee number or name).
    func filedMessages(of person: String) throws -> [FiledMessage] {
        try FiledMessages.of(person, store: store)
    }

    /// Checks that exactly one message is filed for `person` and that its bytes equal the Maildir file.
    func expectStoredByteForByte(for person: String) throws {
        let messages = try filedMessages(of: person)
        #expect(messages.count == 1)
        let filed = try #require(messages.first, "the personnel file of \(person) lists no message")
        let original = try Data(contentsOf: URL(fileURLWithPath: messageFile))
        #expect(try FiledMessages.bytes(of: filed, store: store) == original, "the stored bytes differ from the Maildir file")
    }
}

/// Messages with non-ASCII names, in encoded words and in raw UTF-8, and a PDF attachment.
enum MuttMessages {
    /// Returns a message from `fromHeader` (the whole header value) to HR, with its own Message-ID.
    static func withAttachment(from fromHeader: String, subject: String, id: String) -> Data {
        Data(
            """
            Date: Tue, 01 Dec 2026 09:30:00 +0100
            From: \(fromHeader)
            To: Zoë Ølstad-Kraus <hr@northwind.example>
            Subject: \(subject)
            Message-ID: <\(id)@northwind.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="hrbox-boundary"

            --hrbox-boundary
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            Anbei der Antrag. Grüße aus Köln
            --hrbox-boundary
            Content-Type: application/pdf; name="Antrag_Ü.pdf"
            Content-Disposition: attachment; filename="Antrag_Ü.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCg==
            --hrbox-boundary--

            """.utf8)
    }

    /// Returns a message from Jürgen Weißmüller (NW-1187), his name in an encoded word.
    static func fromJuergen(id: String) -> Data {
        withAttachment(
            from: "=?UTF-8?Q?J=C3=BCrgen_Wei=C3=9Fm=C3=BCller?= <juergen.weissmueller@northwind.example>",
            subject: "=?UTF-8?Q?Urlaubsantrag_f=C3=BCr_Juli?=",
            id: id)
    }
}
