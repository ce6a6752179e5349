import Foundation
import HRBoxClient
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct PostgreSQLServeTests {
    /// `hrbox serve --store postgresql://...` looks up the sender and files the message in the database.
    @Test func serveFilesIntoPostgreSQL() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let fixture = try StoreFixture(.postgresql)
        let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        guard case .postgresql(let uri) = fixture.location else {
            Issue.record("expected a PostgreSQL location, got \(fixture.location)")
            return
        }
        let message = "From: Anna Schmidt <ANNA@example.com>\r\nTo: hr@example.com\r\nSubject: Leave\r\n\r\nHello\r\n"
        let source = MessageSource.base64(Data(message.utf8).base64EncodedString())
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = fixture.directory.path
        environment["HRBOX_CONFIG"] = nil

        let client = try HRBoxClient(
            executable: Bundle.main.bundleURL.appendingPathComponent("hrbox").path,
            arguments: ["serve", "--store", uri],
            clientName: "store tests",
            environment: environment
        )
        let lookup = try client.call(Lookup.self, Lookup.Params(message: source))
        let stored = try client.call(StoreMessage.self, StoreMessage.Params(message: source, targets: [FilingTarget(personId: anna.id)]))
        #expect(try client.close() == 0)

        #expect(lookup.defaultPerson?.id == anna.id)
        #expect(stored.filings.map(\.alreadyFiled) == [false])
        let filings = try fixture.store.filings(sha256: lookup.summary.sha256)
        #expect(filings.map(\.personId) == [anna.id])
        #expect(try fixture.store.rawMessage(ref: stored.messageRef) == Array(message.utf8))
    }
}
