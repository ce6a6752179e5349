import Foundation
import Testing

@Suite("mutt and neomutt")
struct MuttClientTests {
    @Test(
        "neomutt one-key store shows the result",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)"))
    func neomuttOneKeyStore() throws {
        try storeWithOneKey(in: "neomutt")
    }

    @Test(
        "neomutt status line shows odd names literally",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)"))
    func neomuttOddName() throws {
        let fixture = try MuttFixture.start(
            "neomutt",
            message: MuttMessages.withAttachment(
                from: "=?UTF-8?Q?S=C3=A9an_O'Br=C3=ADen?= <sean@example.org>",
                subject: "=?UTF-8?Q?R=C3=BCckfrage?=",
                id: "odd-name"),
            indexMarker: "Rückfrage",
            extraPeople: #"Séan \n $HOME,"O""Bríen `id` #1;x\",sean@example.org,NW-2001,,,employee"# + "\n")

        try fixture.session.send("M-S")
        try fixture.session.waitFor(#"personnel file of Séan \n $HOME O"Bríen `id` #1;x\ (NW-2001)"#)

        try fixture.expectStoredByteForByte(for: "NW-2001")
    }

    @Test(
        "mutt HR box key stores",
        .enabled(if: ExternalProgram.available("mutt", "tmux"), "needs mutt and tmux (apt-get install mutt tmux)"))
    func muttBoxKey() throws {
        let fixture = try MuttFixture.start("mutt", message: MuttMessages.fromJuergen(id: "mutt-box"), indexMarker: "Urlaubsantrag")

        try fixture.session.send("M-h")
        let box = try fixture.session.waitFor("File under")
        #expect(box.contains("Jürgen Weißmüller · NW-1187"))
        try fixture.session.send("s")
        try fixture.session.waitFor("Stored")
        try fixture.session.send("q")
        try fixture.session.waitFor("hrbox: stored for Jürgen Weißmüller (NW-1187)")
        try fixture.session.send("Enter")

        try fixture.expectStoredByteForByte(for: "NW-1187")
    }

    @Test(
        "mutt one-key store shows the result",
        .enabled(if: ExternalProgram.available("mutt", "tmux"), "needs mutt and tmux (apt-get install mutt tmux)"))
    func muttOneKeyStore() throws {
        try storeWithOneKey(in: "mutt")
    }

    @Test(
        "neomutt query menu lists the person",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)"))
    func neomuttQuery() throws {
        let fixture = try MuttFixture.start(
            "neomutt", message: MuttMessages.fromJuergen(id: "neomutt-query"), indexMarker: "Urlaubsantrag")

        let menu = try queryMenu(for: "weiß", in: fixture, lastLine: "<jw@example.net>")
        // The query menu cuts the address column at 24 characters on a 120-column screen.
        #expect(menu.contains("Jürgen Weißmüller         <juergen.weissmueller@nor"))
        #expect(menu.contains("NW-1187, employee"))
    }

    @Test(
        "mutt query menu lists the person",
        .enabled(if: ExternalProgram.available("mutt", "tmux"), "needs mutt and tmux (apt-get install mutt tmux)"))
    func muttQuery() throws {
        let fixture = try MuttFixture.start("mutt", message: MuttMessages.fromJuergen(id: "mutt-query"), indexMarker: "Urlaubsantrag")

        // mutt 2.2 puts the address first, cut at 25 characters, and the third field in brackets.
        let menu = try queryMenu(for: "weiß", in: fixture, lastLine: "jw@example.net            Jürgen Weißmüller")
        #expect(menu.contains("juergen.weissmueller@nort Jürgen Weißmüller         (NW-1187, employee)"))
    }

    @Test(
        "neomutt Ctrl-T completes the To: prompt",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)"))
    func neomuttToCompletion() throws {
        try completeToPrompt(in: "neomutt")
    }

    @Test(
        "mutt Ctrl-T completes the To: prompt",
        .enabled(if: ExternalProgram.available("mutt", "tmux"), "needs mutt and tmux (apt-get install mutt tmux)"))
    func muttToCompletion() throws {
        try completeToPrompt(in: "mutt")
    }

    /// Presses Alt-S in `program` and checks the status line and the stored bytes.
    private func storeWithOneKey(in program: String) throws {
        let fixture = try MuttFixture.start(
            program, message: MuttMessages.fromJuergen(id: "\(program)-one-key"), indexMarker: "Urlaubsantrag")

        try fixture.session.send("M-S")
        let screen = try fixture.session.waitFor("hrbox: stored in the personnel file of Jürgen Weißmüller (NW-1187)")
        #expect(!screen.contains("Press any key"), "the store waited for a key:\n\(screen)")
        #expect(screen.contains("Urlaubsantrag"), "the index is not back on screen:\n\(screen)")

        try fixture.expectStoredByteForByte(for: "NW-1187")
    }

    /// Runs a query with Q from the index and returns the menu once it shows `lastLine`.
    private func queryMenu(for text: String, in fixture: MuttFixture, lastLine: String) throws -> String {
        try fixture.session.send("Q")
        try fixture.session.waitFor("Query")
        try fixture.session.send("-l", text)
        try fixture.session.send("Enter")
        return try fixture.session.waitFor(lastLine)
    }

    /// Starts a new message in `program`, completes the To: prompt with Ctrl-T twice and checks the
    /// address it fills in: picked from the menu for a person with two addresses, and at once for
    /// a person with one.
    private func completeToPrompt(in program: String) throws {
        let fixture = try MuttFixture.start(
            program, message: MuttMessages.fromJuergen(id: "\(program)-complete"), indexMarker: "Urlaubsantrag")
        let session = fixture.session

        try session.send("m")
        // tmux drops the blank that follows the prompt.
        try session.waitFor("To:")
        try session.send("-l", "weiß")
        try session.send("C-t")
        let menu = try session.waitFor("jw@example.net")
        #expect(menu.contains("NW-1187, employee"), "the query menu lacks the employee number:\n\(menu)")
        try session.send("Enter")
        try session.waitFor("To: Jürgen Weißmüller <juergen.weissmueller@northwind.example>")

        try session.send("C-u")
        try session.send("-l", "lena.nov")
        try session.send("C-t")
        try session.waitFor("To: Lena Novak <lena.novak@example.org>")
        try session.send("C-g")
    }
}
