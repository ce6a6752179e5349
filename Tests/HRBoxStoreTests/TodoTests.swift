import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct TodoTests {
    @Test(arguments: StoreBackend.all) func addTodoStoresAllFields(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Sick leave")
        try fixture.store.upsertColleague(Colleague(id: "jboss", name: "Jan Boss"))
        let (sickLeave, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-03-01", startedBy: nil)
        let messageRef = try fixture.store.keepMessage(fixture.message("Subject: Note\r\n\r\nBody\r\n"))

        let todo = try fixture.store.addTodo(
            title: " Call back ", due: "2024-03-04", assignee: "mkeller", sharedWith: ["jboss", "mkeller", "jboss"],
            personId: nil, caseId: sickLeave.id, messageRef: messageRef, createdBy: "mkeller")

        #expect(todo.title == "Call back")
        #expect(todo.due == "2024-03-04")
        #expect(todo.sharedWith == ["jboss"])
        #expect(todo.personId == anna.id)
        #expect(todo.caseId == sickLeave.id)
        #expect(todo.messageRef == messageRef)
        #expect(todo.workflowStep == nil)
        #expect(todo.createdAt.hasSuffix("Z"))
        #expect(try fixture.store.todos(personId: anna.id, openOnly: true) == [todo])
    }

    @Test(arguments: StoreBackend.all) func addTodoValidation(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let ben = try fixture.addPerson("Ben", "Meier")
        let caseType = try fixture.addCaseType("Sick leave")
        let (bensCase, _) = try fixture.store.startCase(
            personId: ben.id, caseTypeId: caseType.id, title: nil, startDate: "2024-03-01", startedBy: nil)

        let cases: [(String, () throws -> Todo)] = [
            ("empty title", { try fixture.store.addTodo(title: " ", due: nil, assignee: nil, sharedWith: [], personId: nil, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("no such day", { try fixture.store.addTodo(title: "x", due: "2024-02-30", assignee: nil, sharedWith: [], personId: nil, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("not a date", { try fixture.store.addTodo(title: "x", due: "tomorrow", assignee: nil, sharedWith: [], personId: nil, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("unknown assignee", { try fixture.store.addTodo(title: "x", due: nil, assignee: "nobody", sharedWith: [], personId: nil, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("unknown share", { try fixture.store.addTodo(title: "x", due: nil, assignee: nil, sharedWith: ["nobody"], personId: nil, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("unknown person", { try fixture.store.addTodo(title: "x", due: nil, assignee: nil, sharedWith: [], personId: 999, caseId: nil, messageRef: nil, createdBy: nil) }),
            ("unknown case", { try fixture.store.addTodo(title: "x", due: nil, assignee: nil, sharedWith: [], personId: nil, caseId: 999, messageRef: nil, createdBy: nil) }),
            ("case of another person", { try fixture.store.addTodo(title: "x", due: nil, assignee: nil, sharedWith: [], personId: anna.id, caseId: bensCase.id, messageRef: nil, createdBy: nil) }),
            ("unknown message", { try fixture.store.addTodo(title: "x", due: nil, assignee: nil, sharedWith: [], personId: nil, caseId: nil, messageRef: 999, createdBy: nil) }),
        ]
        for (name, addTodo) in cases {
            #expect(throws: StoreError.self, "\(name)") {
                _ = try addTodo()
            }
        }
        #expect(try fixture.store.todos(personId: anna.id, openOnly: false).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func todosOrderedByDue(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        for (title, due) in [("undated", nil), ("later", "2024-05-01"), ("sooner", "2024-04-01")] as [(String, String?)] {
            try fixture.store.addTodo(
                title: title, due: due, assignee: nil, sharedWith: [], personId: anna.id, caseId: nil,
                messageRef: nil, createdBy: nil)
        }

        #expect(try fixture.store.todos(personId: anna.id, openOnly: true).map(\.title) == ["sooner", "later", "undated"])
    }
}
