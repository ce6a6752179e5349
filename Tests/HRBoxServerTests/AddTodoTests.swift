import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct AddTodoTests {
    @Test func todoWithEveryField() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let bytes = Array(TestMail.message(from: "tobias.brandt@northwind.example").utf8)
        let params = AddTodo.Params(
            title: "  Call Tobias about the certificate ", due: "2026-12-07", assignee: "pweiss",
            sharedWith: ["sarslan", "mkeller"], personId: tobias.id, caseId: sickLeave.id, message: .inline(bytes: bytes))

        let todo = try harness.call(AddTodo.self, params).todo

        #expect(todo.title == "Call Tobias about the certificate")
        #expect(todo.due == "2026-12-07")
        #expect(todo.assignee == "pweiss")
        #expect(todo.sharedWith == ["sarslan", "mkeller"])
        #expect(todo.personId == tobias.id)
        #expect(todo.caseId == sickLeave.id)
        #expect(todo.done == false)
        #expect(todo.createdAt == "2026-12-04T09:12:41Z")
        #expect(todo.createdBy == "mkeller")
        #expect(todo.workflowStep == nil)
        let messageRef = try #require(todo.messageRef)
        #expect(try harness.store.rawMessage(ref: messageRef) == bytes)
        #expect(try harness.store.todos(personId: tobias.id, openOnly: true).contains(todo))
    }

    @Test func assigneeDefaultsToUser() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let todo = try harness.call(AddTodo.self, AddTodo.Params(title: "Order name badges")).todo

        #expect(todo.assignee == "mkeller")
        #expect(todo.sharedWith.isEmpty)
        #expect(todo.due == nil)
        #expect(todo.personId == nil)
        #expect(todo.caseId == nil)
        #expect(todo.messageRef == nil)
    }

    @Test func caseAloneLinksItsPerson() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")

        let todo = try harness.call(AddTodo.self, AddTodo.Params(title: "Close the case", caseId: sickLeave.id)).todo

        #expect(todo.personId == tobias.id)
        #expect(todo.caseId == sickLeave.id)
    }

    @Test func unknownAssigneeKeepsNothing() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let params = AddTodo.Params(
            title: "Ask about the return", assignee: "nobody",
            message: .inline(TestMail.message(from: "tobias.brandt@northwind.example")))

        let error = try harness.failure(AddTodo.self, params)

        #expect(error.code == HRBoxErrorCode.colleagueNotFound)
        #expect(error.data?["colleague"]?.stringValue == "nobody")
        #expect(error.message.contains("hrbox/colleagues"))
        #expect(try harness.hasStoredMessages() == false)
    }

    @Test func unknownSharedColleague() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let error = try harness.failure(AddTodo.self, AddTodo.Params(title: "Plan the party", sharedWith: ["pweiss", "ghost"]))

        #expect(error.code == HRBoxErrorCode.colleagueNotFound)
        #expect(error.data?["colleague"]?.stringValue == "ghost")
    }

    @Test func otherPersonsCase() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let tobiasCase = try harness.startCase("Sick leave", for: tobias, on: "2026-11-30")
        let params = AddTodo.Params(
            title: "Send the contract", personId: lena.id, caseId: tobiasCase.id,
            message: .inline(TestMail.message(from: "lena.novak@example.org")))

        let error = try harness.failure(AddTodo.self, params)

        #expect(error.code == HRBoxErrorCode.caseNotFound)
        #expect(error.data?["caseId"]?.int64Value == tobiasCase.id)
        #expect(error.data?["personId"]?.int64Value == lena.id)
        #expect(try harness.store.todos(personId: lena.id, openOnly: false).isEmpty)
        #expect(try harness.hasStoredMessages() == false)
    }

    @Test(arguments: ["", "  \n\t "])
    func emptyTitle(title: String) throws {
        let harness = try ServerHarness()

        let error = try harness.failure(AddTodo.self, AddTodo.Params(title: title))

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("title"))
    }

    @Test func badDue() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(AddTodo.self, AddTodo.Params(title: "Renew the permit", due: "next Friday"))

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("due"))
        #expect(error.message.contains("next Friday"))
    }
}
