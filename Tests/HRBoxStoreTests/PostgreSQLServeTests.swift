import Foundation
import HRBoxClient
import HRBoxProtocol
import HRBoxStore
import PostgreSQLTestServer
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

    /// A restart of the PostgreSQL server between two requests ends the connection of `hrbox serve`,
    /// and the request after the restart connects again and succeeds.
    @Test func serveReconnectsAfterRestart() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let server = try PostgreSQLServer.startPrivate()
        defer { server.remove() }
        let uri = try server.createDatabaseURI()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder.path
        environment["HRBOX_CONFIG"] = nil
        let client = try HRBoxClient(
            executable: Bundle.main.bundleURL.appendingPathComponent("hrbox").path,
            arguments: ["serve", "--store", uri],
            clientName: "store tests",
            environment: environment
        )
        let query = SearchPeople.Params(query: "Schmidt")

        let before = try client.call(SearchPeople.self, query)
        try server.stopFast()
        try server.startAgain()
        let after = try client.call(SearchPeople.self, query)
        try server.stopFast()
        let whileDown = try #require(throws: HRBoxClientError.self) {
            try client.call(SearchPeople.self, query)
        }
        try server.startAgain()
        let afterDown = try client.call(SearchPeople.self, query)
        #expect(try client.close() == 0)

        #expect(before.people.isEmpty)
        #expect(after.people.isEmpty)
        #expect(afterDown.people.isEmpty)
        guard case .server(let code, let message, _) = whileDown else {
            Issue.record("expected an error reply, got \(whileDown)")
            return
        }
        #expect(code == HRBoxErrorCode.storeUnavailable)
        #expect(message.contains("Cannot connect to the store"), "\(message)")
    }

    /// A store whose server went away mid-use fails with connectionLost, without SQL in its messages.
    @Test func storeNoticesLostConnection() throws {
        guard StoreBackend.all.contains(.postgresql) else {
            return
        }
        let server = try PostgreSQLServer.startPrivate()
        defer { server.remove() }
        let store = try Store(location: try server.createDatabase())
        #expect(!store.isConnectionLost)

        try server.stopFast()
        defer { try? server.startAgain() }
        let error = try #require(throws: StoreError.self) {
            try store.searchPeople("Schmidt", limit: 10)
        }

        guard case .connectionLost = error else {
            Issue.record("expected connectionLost, got \(error)")
            return
        }
        #expect(store.isConnectionLost)
        #expect(error.description.contains("The connection to the PostgreSQL server was lost"), "\(error)")
        #expect(error.description.contains("connects again at the next request"), "\(error)")
        #expect(!error.description.contains("SELECT"), "\(error)")
        #expect(error.statement?.contains("SELECT") == true)
    }

    /// A server that cannot be reached fails the request, and neither the reply nor a debug log,
    /// personal data included, contains the password of the store's URI.
    @Test func unreachableServerHidesPassword() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hrbox-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = "postgresql://anna:s3cret-word@/hr?host=\(folder.path)/missing&password=s3cret-word"
        let message = Data("From: anna@example.com\r\nSubject: Hi\r\n\r\nHello\r\n".utf8)
        let requests: [String] = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"clientInfo":{"name":"store tests"}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"hrbox/lookup","params":{"message":{"base64":"\#(message.base64EncodedString())"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ]
        let input = requests.map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined()

        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("hrbox")
        process.arguments = ["serve", "--store", uri, "--log-level", "debug", "--log-personal-data"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = folder.path
        environment["HRBOX_CONFIG"] = nil
        process.environment = environment
        let inputFile = folder.appendingPathComponent("input")
        try Data(input.utf8).write(to: inputFile)
        let outputFile = folder.appendingPathComponent("output")
        let logFile = folder.appendingPathComponent("log")
        #expect(FileManager.default.createFile(atPath: outputFile.path, contents: nil))
        #expect(FileManager.default.createFile(atPath: logFile.path, contents: nil))
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        process.waitUntilExit()

        let output = try String(contentsOf: outputFile, encoding: .utf8)
        let log = try String(contentsOf: logFile, encoding: .utf8)
        #expect(process.terminationStatus == 0)
        #expect(output.contains(#""id":2"#))
        #expect(output.contains("Cannot connect to the store"))
        #expect(output.contains("anna:***@"))
        #expect(log.contains("Cannot open the store"))
        #expect(!output.contains("s3cret"))
        #expect(!log.contains("s3cret"))
    }
}
