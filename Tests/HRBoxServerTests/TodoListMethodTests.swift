import Foundation
import HRBoxProtocol
import JSONRPC
import Testing

@Suite struct TodoListMethodTests {
    @Test func mineAndSharedWithMe() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let mine = try harness.call(AddTodo.self, AddTodo.Params(title: "Mine")).todo
        let shared = try harness.call(
            AddTodo.self, AddTodo.Params(title: "Shared", assignee: "pweiss", sharedWith: ["mkeller"])).todo
        let others = try harness.call(AddTodo.self, AddTodo.Params(title: "Others", assignee: "pweiss")).todo

        let assigned = try harness.call(Todos.self, Todos.Params(assignee: "me")).todos
        let sharedWithMe = try harness.call(Todos.self, Todos.Params(sharedWithMe: true)).todos
        let both = try harness.call(Todos.self, Todos.Params(assignee: "me", sharedWithMe: true)).todos
        let paul = try harness.call(Todos.self, Todos.Params(assignee: "pweiss")).todos

        #expect(assigned.map(\.id) == [mine.id])
        #expect(sharedWithMe.map(\.id) == [shared.id])
        #expect(Set(both.map(\.id)) == [mine.id, shared.id])
        #expect(paul.map(\.id) == [shared.id, others.id])
    }

    @Test func completeTwiceIsHarmless() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let todo = try harness.call(AddTodo.self, AddTodo.Params(title: "Call back")).todo

        let first = try harness.call(CompleteTodo.self, CompleteTodo.Params(todoId: todo.id))
        harness.clock.advance(seconds: 60)
        let second = try harness.call(CompleteTodo.self, CompleteTodo.Params(todoId: todo.id))

        #expect(!first.alreadyDone)
        #expect(first.todo.done)
        #expect(first.doneBy == "mkeller")
        #expect(first.doneAt == "2026-12-04T09:12:41Z")
        #expect(second.alreadyDone)
        #expect(second.doneAt == first.doneAt)
        #expect(try harness.call(Todos.self, Todos.Params(assignee: "me")).todos.isEmpty)
        #expect(try harness.call(Todos.self, Todos.Params(assignee: "me", status: .done)).todos.map(\.id) == [todo.id])
        let actions = try harness.store.auditEvents(personId: nil, limit: 2).map(\.action)
        #expect(actions == [.todoDone, .todoAdded])
    }

    @Test func errorsNameWhatIsMissing() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let unknownTodo = try harness.failure(CompleteTodo.self, CompleteTodo.Params(todoId: 77))
        let unknownColleague = try harness.failure(Todos.self, Todos.Params(assignee: "nobody"))
        let badStatus = try harness.failure(method: Todos.name, params: .object(["status": .string("finished")]))

        #expect(unknownTodo.code == HRBoxErrorCode.todoNotFound)
        #expect(unknownTodo.data?["todoId"] == JSONValue(77))
        #expect(unknownColleague.code == HRBoxErrorCode.colleagueNotFound)
        #expect(badStatus.code == -32602)
        #expect(badStatus.message.contains("\"open\", \"done\", \"all\""))
    }
}
