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
        let fixture = try MuttFixture(
            program: try #require(ExternalProgram.find("neomutt"), "neomutt is not installed; CI must install it"),
            tmux: try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it"),
            message: MuttMessages.withAttachment(
                from: "=?UTF-8?Q?S=C3=A9an_O'Br=C3=ADen?= <sean@example.org>",
                subject: "=?UTF-8?Q?R=C3=BCckfrage?=",
                id: "odd-name"),
            extraPeople: #"Séan \n $HOME,"O""Bríen `id` #1;x\",sean@example.org,NW-2001,,,employee"# + "\n")

        try fixture.session.waitFor("Rückfrage")
        try fixture.session.send("M-S")
        try fixture.session.waitFor(#"personnel file of Séan \n $HOME O"Bríen `id` #1;x\ (NW-2001)"#)

        try fixture.expectStoredByteForByte(for: "NW-2001")
    }

    @Test(
        "mutt HR box key stores",
        .enabled(if: ExternalProgram.available("mutt", "tmux"), "needs mutt and tmux (apt-get install mutt tmux)"))
    func muttBoxKey() throws {
        let fixture = try MuttFixture(
            program: try #require(ExternalProgram.find("mutt"), "mutt is not installed; CI must install it"),
            tmux: try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it"),
            message: MuttMessages.fromJuergen(id: "mutt-box"))

        try fixture.session.waitFor("Urlaubsantrag")
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
        let fixture = try MuttFixture(
            program: try #require(ExternalProgram.find("neomutt"), "neomutt is not installed; CI must install it"),
            tmux: try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it"),
            message: MuttMessages.fromJuergen(id: "neomutt-query"))

        try fixture.session.waitFor("Urlaubsantrag")
        try fixture.session.send("Q")
        try fixture.session.waitFor("Query")
        try fixture.session.send("-l", "weiß")
        try fixture.session.send("Enter")
        // The query menu cuts the address column at 24 characters on a 120-column screen.
        let menu = try fixture.session.waitFor("<jw@example.net>")
        #expect(menu.contains("Jürgen Weißmüller         <juergen.weissmueller@nor"))
        #expect(menu.contains("NW-1187, employee"))
    }

    /// Presses Alt-S in `program` and checks the status line and the stored bytes.
    private func storeWithOneKey(in program: String) throws {
        let fixture = try MuttFixture(
            program: try #require(ExternalProgram.find(program), "\(program) is not installed; CI must install it"),
            tmux: try #require(ExternalProgram.find("tmux"), "tmux is not installed; CI must install it"),
            message: MuttMessages.fromJuergen(id: "\(program)-one-key"))

        try fixture.session.waitFor("Urlaubsantrag")
        try fixture.session.send("M-S")
        let screen = try fixture.session.waitFor("hrbox: stored in the personnel file of Jürgen Weißmüller (NW-1187)")
        #expect(!screen.contains("Press any key"), "the store waited for a key:\n\(screen)")
        #expect(screen.contains("Urlaubsantrag"), "the index is not back on screen:\n\(screen)")

        try fixture.expectStoredByteForByte(for: "NW-1187")
    }
}
