import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("neomutt")
struct NeomuttTests {
    @Test(
        "HR box key stores the message byte for byte",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)")
    )
    func boxKeyStoresMessage() throws {
        let neomutt = try #require(ExternalProgram.find("neomutt"), "neomutt is not installed; CI must install it")
        let tmux = try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it")
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)

        let messageFile = try folder.write("Mail/INBOX/cur/1764137652.12345.hrbox-test:2,S", SampleData.sickNote)
        for subfolder in ["new", "tmp"] {
            try FileManager.default.createDirectory(
                atPath: folder.path("Mail/INBOX/\(subfolder)"), withIntermediateDirectories: true)
        }
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
            source "\(Repository.root.appendingPathComponent("clients/mutt/hrbox.muttrc").path)"

            """)
        try FileManager.default.createDirectory(atPath: folder.path("home"), withIntermediateDirectories: true)

        let session = try TmuxSession(
            tmux: tmux,
            command: [neomutt, "-n", "-F", muttrc],
            environment: [
                "HOME": folder.path("home"),
                "LANG": "C.UTF-8",
                "TERM": "screen",
                "PATH": HRBoxBinary.folder + ":/usr/bin:/bin",
                "HRBOX_STORE": store,
                "HRBOX_CONFIG": config,
            ],
            workingDirectory: folder.url.path)

        try session.waitFor("Krankmeldung")
        try session.send("M-h")
        // The sender's name is on neomutt's index already, so only text of the box's own shows that it
        // is up. A key sent earlier would reach neomutt, or be discarded when the box takes the terminal.
        let box = try session.waitFor("File under")
        #expect(box.contains("Tobias Brandt · NW-1042"))
        try session.send("s")
        try session.waitFor("Stored")
        try session.send("q")
        let afterBox = try session.waitFor("hrbox: stored")
        #expect(afterBox.contains("Tobias Brandt"))
        try session.send("Enter")

        let shown = try runHRBox(["person", "show", "NW-1042", "--store", store, "--json"])
        try #require(shown.status == 0, "hrbox person show failed: \(shown.standardError)")
        let file = try JSONValueDecoder().decode(
            PersonnelFile.Result.self, from: try JSONValue(parsing: shown.standardOutput))
        let filed = try #require(file.messages.first, "the personnel file lists no message")
        #expect(file.messages.count == 1)
        #expect(filed.subject == "Krankmeldung für nächste Woche")
        #expect(filed.direction == .received)

        let exported = try runHRBox(["message", "export", String(filed.messageRef), "--store", store])
        #expect(exported.status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: messageFile))
        #expect(exported.standardOutput == original, "the stored bytes differ from the Maildir file")
    }
}
