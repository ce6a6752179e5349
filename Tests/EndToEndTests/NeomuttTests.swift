import HRBoxProtocol
import Testing

@Suite("neomutt")
struct NeomuttTests {
    @Test(
        "HR box key stores the message byte for byte",
        .enabled(if: ExternalProgram.available("neomutt", "tmux"), "needs neomutt and tmux (apt-get install neomutt tmux)")
    )
    func boxKeyStoresMessage() throws {
        let fixture = try MuttFixture.start("neomutt", message: SampleData.sickNote, indexMarker: "Krankmeldung")
        let session = fixture.session

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

        let filed = try #require(try fixture.filedMessages(of: "NW-1042").first, "the personnel file lists no message")
        #expect(filed.subject == "Krankmeldung für nächste Woche")
        #expect(filed.direction == .received)
        try fixture.expectStoredByteForByte(for: "NW-1042")
    }
}
