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
