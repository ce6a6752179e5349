import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("Emacs")
struct EmacsTests {
    static let clientFolder = Repository.root.appendingPathComponent("clients/emacs")

    @Test(
        "hrbox.el byte-compiles without warnings",
        .enabled(if: ExternalProgram.available("emacs"), "needs emacs (apt-get install emacs-nox)")
    )
    func byteCompiles() throws {
        let emacs = try #require(ExternalProgram.find("emacs"), "emacs is not installed; CI must install it")
        let folder = try TemporaryFolder()
        let source = try folder.write(
            "hrbox.el", try Data(contentsOf: Self.clientFolder.appendingPathComponent("hrbox.el")))
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)

        let output = try runProgram(
            emacs,
            ["--batch", "-Q", "--eval", "(setq byte-compile-error-on-warn t)", "-f", "batch-byte-compile", source],
            environment: ["HOME": folder.path("home"), "LANG": "C.UTF-8"])

        #expect(output.status == 0, "byte-compiling failed: \(output.standardError)")
        #expect(!output.standardError.contains("Warning"), "the byte compiler warned: \(output.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.path("hrbox.elc")))
    }

    @Test(
        "notmuch message stored through hrbox.el",
        .enabled(
            if: ExternalProgram.available("emacs", "notmuch", "timeout")
                && (ExternalProgram.isContinuousIntegration || NotmuchMail.lispFolder != nil),
            "needs emacs, notmuch and notmuch.el (apt-get install emacs-nox notmuch elpa-notmuch)")
    )
    func notmuchMessageStored() throws {
        let emacs = try #require(ExternalProgram.find("emacs"), "emacs is not installed; CI must install it")
        let notmuch = try #require(ExternalProgram.find("notmuch"), "notmuch is not installed; CI must install it")
        let timeout = try #require(ExternalProgram.find("timeout"), "timeout (coreutils) is not on PATH")
        let notmuchLisp = try #require(NotmuchMail.lispFolder, "notmuch.el is not installed; CI must install elpa-notmuch")
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let mail = try NotmuchMail(in: folder, notmuch: notmuch)

        // A zone of UTC+3 in POSIX form, which needs no time zone database, shows that filings are in local time.
        let output = try runDriver(
            "hrbox-test-notmuch.el", emacs: emacs, timeout: timeout, store: store, config: config,
            environment: mail.environment.merging(
                ["HRBOX_TEST_NOTMUCH_LISP": notmuchLisp, "TZ": "XYZ-3"], uniquingKeysWith: { _, driver in driver }))
        let report = output.text

        #expect(output.status == 0, "the driver failed:\n\(report)\n\(output.standardError)")
        #expect(report.contains("Person found: Jürgen Weißmüller · NW-1187"))
        #expect(report.contains("attachments: Attest_Weißmüller.pdf"))
        #expect(report.contains("MESSAGE hrbox: stored for Jürgen Weißmüller (NW-1187) under Sick leave 2026-11-30"))
        #expect(report.contains("MESSAGE hrbox: stored for Tobias Brandt (NW-1042)"))
        #expect(report.contains("MESSAGE hrbox: filed already for Jürgen Weißmüller (NW-1187); stored for Lena Novak"))
        #expect(report.contains("USER-ERROR hrbox: no address of this message belongs to a person"))
        #expect(report.contains("MESSAGE hrbox: stored for Zoë Ångström"))
        #expect(report.contains("PROCESS exit 0"), "hrbox did not exit by itself after shutdown and exit")

        #expect(report.contains("PROMPT Person, or text to search (default Jürgen Weißmüller · NW-1187"))
        #expect(report.contains("PROMPT Start date, YYYY-MM-DD (default "))
        #expect(report.contains("PROMPT To-do (default Krankmeldung – Attest anbei): "))
        #expect(report.contains("PROMPT Case for the to-do (default none): "))
        #expect(report.contains("PROMPT Status (default applicant): "))
        #expect(
            report.contains(
                "MESSAGE hrbox: planned to-do \"Ask for the follow-up certificate\" for Paul Weiss, due 2026-12-07"))

        #expect(report.contains("USER-ERROR hrbox: the start date 2026-02-30 does not exist, because February 2026 has 28 days"))
        #expect(report.contains("USER-ERROR hrbox: the start date is invalid: expected a date as YYYY-MM-DD"))
        #expect(report.contains("USER-ERROR hrbox: the address \"zoe.angstrom\" is invalid; type it as name@domain"))
        let base64Size = NotmuchMail.sickNote.base64EncodedString().utf8.count
        #expect(
            report.contains(
                "USER-ERROR hrbox: the message is \(NotmuchMail.sickNote.count) bytes, \(base64Size) as base64, "
                    + "and with the rest of the request that is more than the 600 bytes hrbox accepts"))
        #expect(!report.contains("Invalid params"), "a -32602 reply reached the user unreworded")

        let first = try #require(lookupBuffer("first", in: report))
        #expect(first.contains("Open cases\n  none\n"))
        #expect(first.contains("Filed\n  not filed yet\n"))
        let afterCase = try #require(lookupBuffer("after add-case", in: report))
        #expect(afterCase.contains("Open cases\n  Sick leave 2026-11-30 (Sick leave, since 2026-11-30)\n"))
        let afterStore = try #require(lookupBuffer("after store", in: report))
        #expect(!afterStore.contains("not filed yet"))
        let afterPerson = try #require(lookupBuffer("after add-person", in: report))
        #expect(afterPerson.contains("Person found: Zoë Ångström"))
        let searchList = try #require(lookupBuffer("search list", in: report))
        #expect(searchList.hasPrefix("The newest message of the thread at point:\nFrage zur Bewerbung\n"))

        let file = try personnelFile("NW-1187", store: store)
        let filed = file.messages.filter { $0.subject == "Krankmeldung – Attest anbei" }
        #expect(filed.count == 2, "expected the message in the personnel file and under the case")
        #expect(filed.contains { $0.caseTitle == "Sick leave 2026-11-30" })
        let todo = try #require(file.todos.first { $0.title == "Ask for the follow-up certificate" })
        #expect(todo.assignee == "pweiss")
        #expect(todo.sharedWith == ["mkeller"])
        #expect(todo.due == "2026-12-07")

        try expectStoredBytes(
            "Krankmeldung – Attest anbei", of: "NW-1187", store: store, equalTo: mail.sickNoteFile)

        let last = try #require(lookupBuffer("last", in: report))
        for filing in filed {
            let place = filing.caseTitle.map { "Jürgen Weißmüller · \($0)" } ?? "Jürgen Weißmüller"
            let local = try #require(Self.localTime(filing.filedAt, hoursEastOfUTC: 3))
            #expect(last.contains("  \(place), \(local)"), "the filing time is not shown in local time:\n\(last)")
            #expect(!last.contains(filing.filedAt))
        }
    }

    /// Returns the RFC 3339 `instant` as `YYYY-MM-DD HH:MM` in the zone `hours` east of UTC.
    private static func localTime(_ instant: String, hoursEastOfUTC hours: Int) -> String? {
        guard let date = ISO8601DateFormatter().date(from: instant),
            let zone = TimeZone(secondsFromGMT: hours * 3600)
        else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Returns the `*hrbox*` buffer that a driver printed after `LOOKUP-BEGIN label`, or nil.
    private func lookupBuffer(_ label: String, in report: String) -> String? {
        guard let begin = report.range(of: "LOOKUP-BEGIN \(label)\n"),
            let end = report.range(of: "LOOKUP-END", range: begin.upperBound..<report.endIndex)
        else { return nil }
        return String(report[begin.upperBound..<end.lowerBound])
    }

    @Test(
        "mu4e message stored through hrbox.el",
        .enabled(
            if: ExternalProgram.available("emacs", "mu", "timeout")
                && (ExternalProgram.isContinuousIntegration || DebianEmacsPackage.folder("mu4e") != nil),
            "needs emacs, mu and mu4e (apt-get install emacs-nox maildir-utils mu4e)")
    )
    func mu4eMessageStored() throws {
        let emacs = try #require(ExternalProgram.find("emacs"), "emacs is not installed; CI must install it")
        let mu = try #require(ExternalProgram.find("mu"), "mu is not installed; CI must install maildir-utils")
        let timeout = try #require(ExternalProgram.find("timeout"), "timeout (coreutils) is not on PATH")
        let mu4eLisp = try #require(DebianEmacsPackage.folder("mu4e"), "mu4e.el is not installed; CI must install mu4e")
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let mail = try MuMail(in: folder, mu: mu)

        let output = try runDriver(
            "hrbox-test-mu4e.el", emacs: emacs, timeout: timeout, store: store, config: config,
            environment: mail.environment.merging(
                ["HRBOX_TEST_MU4E_LISP": mu4eLisp], uniquingKeysWith: { _, driver in driver }))
        let report = output.text

        #expect(output.status == 0, "the driver failed:\n\(report)\n\(output.standardError)")
        #expect(report.contains("VIEW mu4e-view-mode \(mail.sickNoteFile)"), "mu4e did not show the Maildir file")
        #expect(report.contains("Person found: Jürgen Weißmüller · NW-1187"))
        #expect(report.contains("attachments: Attest_Weißmüller.pdf"))
        #expect(report.contains("HEADERS mu4e-headers-mode"))
        #expect(report.contains("MESSAGE hrbox: stored for Jürgen Weißmüller (NW-1187)\n"))
        #expect(report.contains("MESSAGE hrbox: stored for Jürgen Weißmüller (NW-1187) under Sick leave 2026-11-30"))
        #expect(report.contains("MESSAGE hrbox: stored for Lena Novak"))
        #expect(report.contains("USER-ERROR hrbox: no person matches \"nobody-here\""))
        #expect(report.contains("EXIT-HOOK exit 0"), "quitting Emacs did not end hrbox with shutdown and exit")

        let file = try personnelFile("NW-1187", store: store)
        let filed = file.messages.filter { $0.subject == "Krankmeldung – Attest anbei" }
        #expect(filed.count == 2, "expected the message in the personnel file and under the case")
        try expectStoredBytes(
            "Krankmeldung – Attest anbei", of: "NW-1187", store: store, equalTo: mail.sickNoteFile)
    }

    @Test(
        "Gnus articles stored through hrbox.el",
        .enabled(if: ExternalProgram.available("emacs", "timeout"), "needs emacs (apt-get install emacs-nox)")
    )
    func gnusArticlesStored() throws {
        let emacs = try #require(ExternalProgram.find("emacs"), "emacs is not installed; CI must install it")
        let timeout = try #require(ExternalProgram.find("timeout"), "timeout (coreutils) is not on PATH")
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let mail = try GnusMail(in: folder)

        let output = try runDriver(
            "hrbox-test-gnus.el", emacs: emacs, timeout: timeout, store: store, config: config,
            environment: mail.environment)
        let report = output.text

        #expect(output.status == 0, "the driver failed:\n\(report)\n\(output.standardError)")
        #expect(report.contains("Person found: Jürgen Weißmüller · NW-1187"))
        #expect(report.contains("attachments: Attest_Weißmüller.pdf"))
        #expect(report.contains("ARTICLE gnus-article-mode"))
        #expect(report.contains("MESSAGE hrbox: stored for Jürgen Weißmüller (NW-1187)\n"))
        #expect(report.contains("MESSAGE hrbox: filed already for Jürgen Weißmüller (NW-1187)\n"))
        #expect(report.contains("MESSAGE hrbox: stored for Tobias Brandt (NW-1042)"))
        #expect(report.contains("MESSAGE hrbox: stored for Lena Novak"))
        #expect(report.contains("EXIT-HOOK exit 0"), "quitting Emacs did not end hrbox with shutdown and exit")

        try expectStoredBytes(
            "Krankmeldung – Attest anbei", of: "NW-1187", store: store, equalTo: mail.sickNoteFile)
        try expectStoredBytes(
            "Krankmeldung – Attest anbei", of: "NW-1042", store: store, equalTo: mail.sickNoteFile)
        try expectStoredBytes(
            "Your interview on 8 December", of: "lena.novak@example.org", store: store, equalTo: mail.invitationFile)
    }

    /// Runs `emacs --batch` with hrbox.el and the driver `name` from `clients/emacs/test`, for at most 60 seconds.
    private func runDriver(
        _ name: String, emacs: String, timeout: String, store: String, config: String, environment: [String: String]
    ) throws -> ProcessOutput {
        try runProgram(
            timeout,
            [
                "60", emacs, "--batch", "-Q",
                "-L", Self.clientFolder.path,
                "-L", Self.clientFolder.appendingPathComponent("test").path,
                "-l", Self.clientFolder.appendingPathComponent("test/\(name)").path,
            ],
            environment: environment.merging(
                [
                    "HRBOX_TEST_PROGRAM": HRBoxBinary.path,
                    "HRBOX_TEST_STORE": store,
                    "HRBOX_TEST_CONFIG": config,
                ], uniquingKeysWith: { _, driver in driver }))
    }

    /// Checks that the message with `subject` in the personnel file of `person` has the bytes of `file`.
    private func expectStoredBytes(_ subject: String, of person: String, store: String, equalTo file: String) throws {
        let filed = try personnelFile(person, store: store).messages.first { $0.subject == subject }
        let messageRef = try #require(filed?.messageRef, "the personnel file of \(person) lists no \"\(subject)\"")
        let exported = try runHRBox(["message", "export", String(messageRef), "--store", store])
        #expect(exported.status == 0, "hrbox message export failed: \(exported.standardError)")
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(exported.standardOutput == original, "the stored bytes of \"\(subject)\" differ from \(file)")
    }

    private func personnelFile(_ employeeNumber: String, store: String) throws -> PersonnelFile.Result {
        let shown = try runHRBox(["person", "show", employeeNumber, "--store", store, "--json"])
        try #require(shown.status == 0, "hrbox person show failed: \(shown.standardError)")
        return try JSONValueDecoder().decode(
            PersonnelFile.Result.self, from: try JSONValue(parsing: shown.standardOutput))
    }
}

/// A Maildir with two messages of the Emacs test, indexed by notmuch in a temporary `$HOME`.
struct NotmuchMail {
    /// A sick note from Jürgen Weißmüller's private address in mixed case: encoded words in From and
    /// Subject, an 8-bit UTF-8 body and a PDF attachment whose file name is encoded as in RFC 2231.
    static let sickNote = Data(
        """
        Date: Thu, 26 Nov 2026 07:14:12 +0100
        From: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9Fm=C3=BCller?= <JW@Example.NET>
        To: Northwind Tools HR <hr@northwind.example>
        Subject: =?UTF-8?B?S3JhbmttZWxkdW5nIOKAkyBBdHRlc3QgYW5iZWk=?=
        Message-ID: <sick-note-1187@example.net>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="attest"

        --attest
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hallo, anbei das Attest. Grüße, Jürgen

        --attest
        Content-Type: application/pdf; name="Attest_Weißmüller.pdf"
        Content-Disposition: attachment; filename*=UTF-8''Attest_Wei%C3%9Fm%C3%BCller.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCg==
        --attest--

        """.utf8)

    /// A question from an address that belongs to no person.
    static let question = Data(
        """
        Date: Fri, 27 Nov 2026 09:00:00 +0100
        From: =?UTF-8?Q?Zo=C3=AB_=C3=85ngstr=C3=B6m?= <zoe.angstrom@example.com>
        To: hr@northwind.example
        Subject: =?UTF-8?Q?Frage_zur_Bewerbung?=
        Message-ID: <question-1@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Gibt es noch offene Stellen? Zoë

        """.utf8)

    /// The folder where Debian's elpa-notmuch installs notmuch.el, which `emacs -Q` does not load by itself.
    static var lispFolder: String? {
        DebianEmacsPackage.folder("notmuch")
    }

    let sickNoteFile: String
    let environment: [String: String]

    /// Writes the Maildir and a notmuch configuration into `folder` and runs `notmuch new`.
    init(in folder: TemporaryFolder, notmuch: String) throws {
        sickNoteFile = try folder.write("Mail/INBOX/cur/1764137652.1.hrbox-test:2,S", Self.sickNote)
        try folder.write("Mail/INBOX/cur/1764230400.2.hrbox-test:2,S", Self.question)
        for subfolder in ["new", "tmp"] {
            try FileManager.default.createDirectory(
                atPath: folder.path("Mail/INBOX/\(subfolder)"), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)
        let configuration = try folder.write(
            "notmuch-config",
            """
            [database]
            path=\(folder.path("Mail"))
            [user]
            name=Mara Keller
            primary_email=hr@northwind.example
            [new]
            tags=inbox;

            """)
        environment = [
            "HOME": folder.path("home"),
            "LANG": "C.UTF-8",
            "NOTMUCH_CONFIG": configuration,
            "PATH": "/usr/bin:/bin",
        ]

        let indexed = try runProgram(notmuch, ["new"], environment: environment)
        guard indexed.status == 0 else {
            throw SetupError("notmuch new failed: \(indexed.standardError)")
        }
    }
}
