import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

@Suite struct LoggingTests {
    /// Runs requests that succeed and fail on a server logging at debug level, and reads the log back.
    @Test func logLeavesPersonalDataOut() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let logPath = harness.directory.appendingPathComponent("server.log").path
        let logFile = open(logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(logFile >= 0, "cannot create the log file: errno \(errno)")
        defer { close(logFile) }
        let server = ServerHarness.makeServer(
            storePath: harness.storePath, clock: harness.clock, log: Logger(level: .debug, fileDescriptor: logFile))
        let text = TestMail.message(from: "Tobias Brandt <tobias.brandt@northwind.example>", subject: "Doctor appointment")

        _ = try server.initialize(params: nil)
        _ = try server.call(Lookup.self, Lookup.Params(message: .inline(text)))
        _ = try server.call(
            StoreMessage.self, StoreMessage.Params(message: .inline(text), targets: [FilingTarget(personId: tobias.id)]))
        _ = try server.call(AddTodo.self, AddTodo.Params(title: "Call Tobias Brandt back", personId: tobias.id))
        _ = try server.failure(
            AddPerson.self,
            NewPerson(firstName: "Tobi", lastName: "Brandt", addresses: ["tobias.brandt@northwind.example"], status: .applicant))
        _ = try server.failure(
            StoreMessage.self, StoreMessage.Params(message: .path(logPath + ".missing"), targets: [FilingTarget(personId: 1)]))
        server.handleNotification(method: "hrbox/notes", params: ["text": "Tobias Brandt"])

        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("Filed message"))
        #expect(log.contains("Added to-do"))
        for personal in ["Tobias", "Brandt", "tobias.brandt", "northwind.example", "Doctor appointment", "NW-1042"] {
            #expect(!log.contains(personal), "the log contains \"\(personal)\"")
        }
    }
}
