import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct CaseTests {
    @Test(arguments: StoreBackend.all) func workflowCreatesTodos(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        try fixture.store.upsertColleague(Colleague(id: "jboss", name: "Jan Boss"))
        let caseType = try fixture.addCaseType("Onboarding", workflow: [
            WorkflowStep(title: "Prepare desk", dueAfterDays: 0),
            WorkflowStep(title: "Order laptop", dueAfterDays: 1, assignee: "jboss"),
            WorkflowStep(title: "Probation talk", dueAfterDays: 30),
            WorkflowStep(title: "Leap day check", dueAfterDays: 366),
        ])

        let (started, todos) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-01-31", startedBy: "mkeller")

        #expect(started.title == "Onboarding 2024-01-31")
        #expect(started.status == .open)
        #expect(started.caseType == "Onboarding")
        #expect(started.startedBy == "mkeller")
        #expect(todos.map(\.title) == ["Prepare desk", "Order laptop", "Probation talk", "Leap day check"])
        #expect(todos.map(\.due) == ["2024-01-31", "2024-02-01", "2024-03-01", "2025-01-31"])
        #expect(todos.map(\.assignee) == ["mkeller", "jboss", "mkeller", "mkeller"])
        #expect(todos.map(\.workflowStep) == [1, 2, 3, 4])
        #expect(todos.allSatisfy { $0.personId == anna.id })
        #expect(todos.allSatisfy { $0.caseId == started.id })
        #expect(todos.allSatisfy { !$0.done })
        #expect(try fixture.store.todos(personId: anna.id, openOnly: true) == todos)
    }

    @Test(arguments: StoreBackend.all) func dueDatesAcrossLeapDay(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Sick leave", workflow: [
            WorkflowStep(title: "Day after", dueAfterDays: 1),
            WorkflowStep(title: "Two days after", dueAfterDays: 2),
        ])

        let (_, leapYear) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: "2024", startDate: "2024-02-28", startedBy: nil)
        let (_, commonYear) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: "2023", startDate: "2023-02-28", startedBy: nil)
        let (_, yearEnd) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: "2024 end", startDate: "2024-12-31", startedBy: nil)

        #expect(leapYear.map(\.due) == ["2024-02-29", "2024-03-01"])
        #expect(commonYear.map(\.due) == ["2023-03-01", "2023-03-02"])
        #expect(yearEnd.map(\.due) == ["2025-01-01", "2025-01-02"])
        #expect(leapYear.map(\.assignee) == [nil, nil])
    }

    @Test(arguments: StoreBackend.all) func invalidStartRejected(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Onboarding", workflow: [WorkflowStep(title: "Welcome", dueAfterDays: 0)])

        for date in ["2023-02-29", "2024-13-01", "1.3.2024", "2024-3-1"] {
            #expect(throws: StoreError.self, "start date \(date)") {
                try fixture.store.startCase(
                    personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: date, startedBy: nil)
            }
        }
        #expect(throws: StoreError.self, "unknown case type") {
            try fixture.store.startCase(
                personId: anna.id, caseTypeId: caseType.id + 1, title: nil, startDate: "2024-03-01", startedBy: nil)
        }
        #expect(throws: StoreError.self, "unknown colleague as default assignee") {
            try fixture.store.startCase(
                personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-03-01", startedBy: "nobody")
        }
        #expect(try fixture.store.cases(personId: anna.id, includeClosed: true).isEmpty)
        #expect(try fixture.store.todos(personId: anna.id, openOnly: false).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func casesNewestFirst(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Sick leave")

        for date in ["2024-03-01", "2024-05-01", "2024-04-01"] {
            _ = try fixture.store.startCase(
                personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: date, startedBy: nil)
        }

        let cases = try fixture.store.cases(personId: anna.id, includeClosed: false)
        #expect(cases.map(\.startDate) == ["2024-05-01", "2024-04-01", "2024-03-01"])
        #expect(try fixture.store.case(id: cases[0].id) == cases[0])
    }

    @Test(arguments: StoreBackend.all) func caseTypeUpsertKeepsStartedTodos(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let first = try fixture.addCaseType("Onboarding", workflow: [WorkflowStep(title: "Old step", dueAfterDays: 3)])
        let (started, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: first.id, title: nil, startDate: "2024-03-01", startedBy: nil)

        let second = try fixture.store.upsertCaseType(CaseTypeDefinition(
            name: "ONBOARDING", workflow: [WorkflowStep(title: "New step", dueAfterDays: 1, assignee: "mkeller")]))

        #expect(second.id == first.id)
        #expect(try fixture.store.caseTypes() == [second])
        #expect(try fixture.store.caseType(id: first.id)?.workflow.map(\.title) == ["New step"])
        #expect(try fixture.store.todos(personId: anna.id, openOnly: true).map(\.title) == ["Old step"])
        #expect(try fixture.store.case(id: started.id)?.caseType == "ONBOARDING")
    }

    @Test(arguments: StoreBackend.all) func caseTypeValidation(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)

        #expect(throws: StoreError.self, "unknown assignee") {
            try fixture.store.upsertCaseType(CaseTypeDefinition(
                name: "Onboarding", workflow: [WorkflowStep(title: "Desk", dueAfterDays: 0, assignee: "nobody")]))
        }
        #expect(throws: StoreError.self, "negative days") {
            try fixture.store.upsertCaseType(CaseTypeDefinition(
                name: "Onboarding", workflow: [WorkflowStep(title: "Desk", dueAfterDays: -1)]))
        }
        #expect(throws: StoreError.self, "empty name") {
            try fixture.store.upsertCaseType(CaseTypeDefinition(name: " ", workflow: []))
        }
        #expect(try fixture.store.caseTypes().isEmpty)
    }

    @Test(arguments: StoreBackend.all) func colleaguesByName(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        try fixture.store.upsertColleague(Colleague(id: "zu", name: "Örs Zander"))
        try fixture.store.upsertColleague(Colleague(id: "mk", name: "maria keller", address: "Maria <mk@example.com>"))
        try fixture.store.upsertColleague(Colleague(id: "ab", name: "Olaf Abel"))
        try fixture.store.upsertColleague(Colleague(id: "mk", name: "Maria Keller", address: "mk@example.com"))

        #expect(try fixture.store.colleagues().map(\.id) == ["mk", "ab", "zu"])
        #expect(try fixture.store.colleague(id: "mk") == Colleague(id: "mk", name: "Maria Keller", address: "mk@example.com"))
        #expect(try fixture.store.colleague(id: "nobody") == nil)
        #expect(throws: StoreError.self, "id with a space") {
            try fixture.store.upsertColleague(Colleague(id: "m keller", name: "Maria"))
        }
    }
}
