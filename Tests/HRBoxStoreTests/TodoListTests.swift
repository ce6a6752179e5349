import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct TodoListTests {
    /// Adds colleagues mkeller and jboss, a person, and three to-dos: one for mkeller, one for jboss
    /// shared with mkeller, and one for jboss about no one.
    private func plannedTodos(_ fixture: StoreFixture) throws -> (person: Person, todos: [Todo]) {
        try fixture.store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))
        try fixture.store.upsertColleague(Colleague(id: "jboss", name: "Jan Boss"))
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let mine = try fixture.store.addTodo(
            title: "Mine", due: "2024-07-01", assignee: "mkeller", sharedWith: [], personId: anna.id, caseId: nil,
            messageRef: nil, createdBy: nil)
        let shared = try fixture.store.addTodo(
            title: "Shared", due: "2024-06-01", assignee: "jboss", sharedWith: ["mkeller"], personId: anna.id,
            caseId: nil, messageRef: nil, createdBy: nil)
        let other = try fixture.store.addTodo(
            title: "Other", due: nil, assignee: "jboss", sharedWith: [], personId: nil, caseId: nil,
            messageRef: nil, createdBy: nil)
        return (anna, [mine, shared, other])
    }

    @Test(arguments: StoreBackend.all) func filtersByColleague(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let (_, todos) = try plannedTodos(fixture)

        let mine = try fixture.store.todos(matching: TodoFilter(assignee: "mkeller"))
        let sharedWithMe = try fixture.store.todos(matching: TodoFilter(sharedWith: "mkeller"))
        let both = try fixture.store.todos(matching: TodoFilter(assignee: "mkeller", sharedWith: "mkeller"))
        let everything = try fixture.store.todos(matching: TodoFilter())

        #expect(mine.map(\.id) == [todos[0].id])
        #expect(sharedWithMe.map(\.id) == [todos[1].id])
        #expect(both.map(\.id) == [todos[1].id, todos[0].id])
        #expect(everything.map(\.id) == [todos[1].id, todos[0].id, todos[2].id])
    }

    @Test(arguments: StoreBackend.all) func filtersByPersonAndStatus(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let (anna, todos) = try plannedTodos(fixture)

        let completed = try fixture.store.completeTodo(id: todos[1].id, by: "mkeller")

        #expect(!completed.alreadyDone)
        #expect(completed.todo.done)
        #expect(completed.doneBy == "mkeller")
        #expect(completed.doneAt != nil)
        #expect(try fixture.store.todos(matching: TodoFilter(personId: anna.id)).map(\.id) == [todos[0].id])
        #expect(try fixture.store.todos(matching: TodoFilter(personId: anna.id, status: .done)).map(\.id) == [todos[1].id])
        #expect(try fixture.store.todos(matching: TodoFilter(personId: anna.id, status: .all)).count == 2)
    }

    @Test(arguments: StoreBackend.all) func todoShowsWhoFinished(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let (anna, todos) = try plannedTodos(fixture)

        let completed = try fixture.store.completeTodo(id: todos[1].id, by: "mkeller")
        let listed = try fixture.store.todos(matching: TodoFilter(personId: anna.id, status: .all))

        #expect(completed.todo.doneBy == "mkeller")
        #expect(completed.todo.doneAt == completed.doneAt)
        let done = try #require(listed.first { $0.id == todos[1].id })
        #expect(done.doneBy == "mkeller")
        #expect(done.doneAt == completed.doneAt)
        let open = try #require(listed.first { $0.id == todos[0].id })
        #expect(open.doneAt == nil)
        #expect(open.doneBy == nil)
    }

    @Test(arguments: StoreBackend.all) func completingTwiceKeepsFirst(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let (_, todos) = try plannedTodos(fixture)

        let first = try fixture.store.completeTodo(id: todos[0].id, by: "mkeller")
        let second = try fixture.store.completeTodo(id: todos[0].id, by: "jboss")

        #expect(second.alreadyDone)
        #expect(second.doneAt == first.doneAt)
        #expect(second.doneBy == "mkeller")
    }

    @Test(arguments: StoreBackend.all) func unknownIdsRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        _ = try plannedTodos(fixture)

        let error = try #require(throws: StoreError.self) { try fixture.store.completeTodo(id: 999, by: nil) }
        guard case .todoNotFound(999) = error else {
            Issue.record("expected todoNotFound, got \(error)")
            return
        }
        #expect(throws: StoreError.self) { try fixture.store.todos(matching: TodoFilter(assignee: "nobody")) }
        #expect(throws: StoreError.self) { try fixture.store.todos(matching: TodoFilter(personId: 999)) }
        #expect(throws: StoreError.self) { try fixture.store.todos(matching: TodoFilter(caseId: 999)) }
    }
}
