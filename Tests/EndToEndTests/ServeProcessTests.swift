import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite("hrbox serve as a process")
struct ServeProcessTests {
    @Test("initialize, lookup, store, addCase, addTodo, shutdown and exit over pipes")
    func wholeSession() throws {
        let folder = try TemporaryFolder()
        let (store, config) = try SampleData.prepare(in: folder)
        let server = try ServeSession(
            arguments: ["--store", store, "--config", config], errorLog: folder.path("serve.log"))

        let initialized = try server.request(
            "initialize", ["clientInfo": ["name": "end-to-end test"], "processId": JSONValue(getpid())])
        let result = try JSONValueDecoder().decode(InitializeResult.self, from: initialized["result"] ?? .null)
        #expect(result.serverInfo.name == "hrbox")
        #expect(result.methods == HRBoxMethods.names)
        #expect(result.user.colleague == "mkeller")
        try server.notify("initialized", [:])

        let message = MessageSource.base64(SampleData.sickNote.base64EncodedString())
        let lookup = try server.call(Lookup.self, Lookup.Params(message: message))
        let person = try #require(lookup.defaultPerson, "the sender's address, in another letter case, found nobody")
        #expect(person.employeeNumber == "NW-1042")
        #expect(lookup.summary.direction == .received)
        #expect(lookup.summary.subject == "Krankmeldung für nächste Woche")
        #expect(lookup.participants.map(\.role) == [.from, .to])
        #expect(lookup.participants.last?.isOwnAddress == true)
        #expect(lookup.filings.isEmpty)

        let caseTypes = try server.call(CaseTypes.self, NoParams()).caseTypes
        let sickLeave = try #require(caseTypes.first { $0.name == "Sick leave" })
        let started = try server.call(
            AddCase.self, AddCase.Params(personId: person.id, caseTypeId: sickLeave.id, startDate: "2026-12-30"))
        #expect(started.case.personId == person.id)
        #expect(started.todos.map(\.title) == sickLeave.workflow.map(\.title))
        #expect(started.todos.map(\.due) == ["2026-12-30", "2026-12-31", "2027-01-04"])
        #expect(started.todos.map(\.assignee) == ["mkeller", "pweiss", "mkeller"])
        #expect(started.todos.allSatisfy { $0.caseId == started.case.id })
        #expect(started.todos.allSatisfy { $0.personId == person.id })

        let stored = try server.call(
            StoreMessage.self,
            StoreMessage.Params(message: message, targets: [FilingTarget(personId: person.id, caseId: started.case.id)]))
        #expect(stored.filings.map(\.alreadyFiled) == [false])

        let todo = try server.call(
            AddTodo.self,
            AddTodo.Params(
                title: "Call Tobias about his return", due: "2027-01-05", sharedWith: ["pweiss"],
                personId: person.id, caseId: started.case.id, message: message))
        #expect(todo.todo.assignee == "mkeller")
        #expect(todo.todo.sharedWith == ["pweiss"])
        #expect(todo.todo.messageRef == stored.messageRef)

        let again = try server.call(Lookup.self, Lookup.Params(message: message))
        #expect(again.filings.map(\.caseId) == [started.case.id])
        #expect(again.cases.map(\.id) == [started.case.id])

        #expect(FileManager.default.fileExists(atPath: store + "-wal"))
        let shutdown = try server.request("shutdown")
        #expect(shutdown["result"] == .null)
        #expect(shutdown["error"] == nil)
        // shutdown closes the store, and SQLite removes the write-ahead log when its last connection closes.
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"))
        try server.notify("exit")

        let (status, trailing) = try server.finish()
        #expect(status == 0)
        #expect(trailing.isEmpty, "stdout held bytes after the last frame")
        #expect(server.isAtFrameBoundary)
    }

    @Test("exit without shutdown ends with status 1")
    func exitWithoutShutdown() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "# no colleague and no own addresses\n")
        let server = try ServeSession(
            arguments: ["--store", folder.path("hrbox.sqlite"), "--config", config],
            errorLog: folder.path("serve.log"))
        _ = try server.request("initialize", [:])
        try server.notify("exit")
        #expect(try server.finish().status == 1)
    }

    @Test("a missing named config file fails each method")
    func missingNamedConfiguration() throws {
        let folder = try TemporaryFolder()
        let config = folder.path("typo.conf")
        let server = try ServeSession(
            arguments: ["--store", folder.path("hrbox.sqlite"), "--config", config], errorLog: folder.path("serve.log"))

        let initialized = try server.request("initialize", ["clientInfo": ["name": "end-to-end test"]])
        try server.notify("initialized", [:])
        let lookup = try server.request(
            Lookup.name, ["message": ["base64": .string(SampleData.sickNote.base64EncodedString())]])
        let shutdown = try server.request("shutdown")
        try server.notify("exit")
        let (status, _) = try server.finish()

        #expect(initialized["result"]?["user"] == ["addresses": []])
        #expect(lookup["error"]?["code"] == JSONValue(HRBoxErrorCode.configurationInvalid))
        let message = try #require(lookup["error"]?["message"]?.stringValue)
        #expect(message.contains("\(config) does not exist"), "\(message)")
        #expect(lookup["error"]?["data"]?["path"] == .string(config))
        #expect(shutdown["result"] == .null)
        #expect(status == 0)
        let log = try String(contentsOfFile: folder.path("serve.log"), encoding: .utf8)
        #expect(log.contains("The configuration file \(config) cannot be used"), "\(log)")
    }

    @Test("an invalid config file's line is in each error")
    func invalidConfiguration() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("config", "colleague = mkeller\naddress = not-an-address\n")
        let server = try ServeSession(
            arguments: ["--store", folder.path("hrbox.sqlite"), "--config", config], errorLog: folder.path("serve.log"))

        _ = try server.request("initialize", [:])
        let colleagues = try server.request(Colleagues.name)
        _ = try server.request("shutdown")
        try server.notify("exit")
        let (status, _) = try server.finish()

        #expect(colleagues["error"]?["code"] == JSONValue(HRBoxErrorCode.configurationInvalid))
        #expect(colleagues["error"]?["data"]?["line"] == 2)
        let message = try #require(colleagues["error"]?["message"]?.stringValue)
        #expect(message.contains("\(config) is invalid on line 2: address"), "\(message)")
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("hrbox.sqlite")), "the store was opened")
    }
}
