import Foundation

/// A temporary home for aerc 0.14: one Maildir account holding one message, the configuration files
/// built the way `clients/aerc/README.md` describes, and the environment that keeps
/// aerc and its children inside the test folder.
struct AercProfile {
    /// The account's name, which aerc shows in the tab title and the status line.
    static let accountName = "HR"

    /// A leave request from Jürgen Weißmüller, sent from his second address in mixed case, with his name
    /// as an encoded word, a UTF-8 name in To and a PDF attachment whose file name is RFC 2231 encoded.
    static let leaveRequest = Data(
        """
        Date: Fri, 27 Nov 2026 08:30:00 +0100
        From: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9Fm=C3=BCller?= <JW@Example.NET>
        To: Personalbüro Northwind <hr@northwind.example>
        Subject: =?UTF-8?Q?Urlaubsantrag_f=C3=BCr_M=C3=A4rz?=
        Message-ID: <leave-request-3@example.net>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="leave-boundary"

        --leave-boundary
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hallo, anbei mein Urlaubsantrag für März. Grüße, Jürgen
        --leave-boundary
        Content-Type: application/pdf; name="=?UTF-8?Q?Antrag_M=C3=A4rz.pdf?="
        Content-Disposition: attachment; filename*=UTF-8''Antrag_M%C3%A4rz.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCg==
        --leave-boundary--

        """.utf8)

    /// The subject as aerc shows it once decoded, in the message list and the message view.
    static let leaveRequestSubject = "Urlaubsantrag für März"

    /// The attachment's decoded file name, which only the message view's part list shows.
    static let attachmentName = "Antrag_März.pdf"

    let folder: TemporaryFolder
    let home: String
    let messageFile: String

    /// Writes the account, the bindings and `aercConfiguration` below `folder`, and delivers `message`
    /// into the account's INBOX.
    ///
    /// The bindings are aerc's default file with `clients/aerc/binds.conf` appended, and aerc.conf is
    /// aerc's default with `aercConfiguration` appended, because aerc 0.14 reads only the user's files
    /// once they exist.
    init(in folder: TemporaryFolder, message: Data, aercConfiguration: String = "") throws {
        self.folder = folder
        home = folder.path("home")
        let configuration = "home/.config/aerc"

        let defaults = URL(fileURLWithPath: "/usr/share/aerc")
        let defaultBindings = try Data(contentsOf: defaults.appendingPathComponent("binds.conf"))
        let ourBindings = try Data(
            contentsOf: Repository.root.appendingPathComponent("clients/aerc/binds.conf"))
        try folder.write("\(configuration)/binds.conf", defaultBindings + Data("\n".utf8) + ourBindings)

        let defaultConfiguration = try Data(contentsOf: defaults.appendingPathComponent("aerc.conf"))
        try folder.write(
            "\(configuration)/aerc.conf", defaultConfiguration + Data("\n\(aercConfiguration)".utf8))

        // aerc 0.14 exits with "permissions too lax" when others can read accounts.conf.
        let accounts = try folder.write(
            "\(configuration)/accounts.conf",
            """
            [\(Self.accountName)]
            source = maildir://\(folder.path("Mail"))
            outgoing = sendmail:///bin/false
            default = INBOX
            from = Northwind HR <hr@northwind.example>

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: accounts)

        messageFile = try folder.write("Mail/INBOX/cur/1764228600.4711.hrbox-aerc:2,S", message)
        for subfolder in ["Mail/INBOX/new", "Mail/INBOX/tmp", "tmp", "cache", "data"] {
            try FileManager.default.createDirectory(atPath: folder.path(subfolder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(
            atPath: folder.path("runtime"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }

    /// Returns the environment for aerc. The XDG variables point into the test folder, so a runner's own
    /// settings cannot lead aerc to the real user's files, and aerc's compose files and its socket
    /// land there too.
    ///
    /// The editor is `tail -f`, which stays open on the draft and ignores keys, so the compose view keeps
    /// its header fields for the test to type in. coreutils has it on every Debian system.
    func environment(store: String, config: String) -> [String: String] {
        [
            "HOME": home,
            "XDG_CONFIG_HOME": "\(home)/.config",
            "XDG_CACHE_HOME": folder.path("cache"),
            "XDG_DATA_HOME": folder.path("data"),
            "XDG_RUNTIME_DIR": folder.path("runtime"),
            "TMPDIR": folder.path("tmp"),
            "LANG": "C.UTF-8",
            "TERM": "screen",
            "EDITOR": "tail -f",
            "PATH": HRBoxBinary.folder + ":/usr/bin:/bin",
            "HRBOX_STORE": store,
            "HRBOX_CONFIG": config,
        ]
    }
}
