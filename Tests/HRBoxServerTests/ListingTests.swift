import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

/// The methods that list what the store holds: cases, case types, colleagues and personnel files.
@Suite struct ListingTests {
    @Test func casesNewestFirst() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let lena = try harness.person("lena.novak@example.org")
        let older = try harness.startCase("Sick leave", for: tobias, on: "2026-03-02")
        let newer = try harness.startCase("Reference letter", for: tobias, on: "2026-11-30")
        _ = try harness.startCase("Sick leave", for: lena, on: "2026-12-01")

        let cases = try harness.call(Cases.self, Cases.Params(personId: tobias.id)).cases
        let withClosed = try harness.call(Cases.self, Cases.Params(personId: tobias.id, includeClosed: true)).cases

        #expect(cases == [newer, older])
        #expect(withClosed == [newer, older])
    }

    @Test func casesOfUnknownPerson() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(Cases.self, Cases.Params(personId: 42))

        #expect(error.code == HRBoxErrorCode.personNotFound)
        #expect(error.data?["personId"]?.int64Value == 42)
        #expect(error.message.contains("hrbox/searchPeople"))
    }

    @Test func caseTypesWithWorkflows() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let caseTypes = try harness.call(CaseTypes.self, NoParams()).caseTypes

        #expect(caseTypes.map(\.name).sorted() == ["Reference letter", "Sick leave"])
        let sickLeave = try #require(caseTypes.first { $0.name == "Sick leave" })
        #expect(sickLeave.workflow == [
            WorkflowStep(title: "File the doctor's certificate", dueAfterDays: 0),
            WorkflowStep(title: "Tell payroll about the absence", dueAfterDays: 1, assignee: "pweiss"),
            WorkflowStep(title: "Ask about the return to work", dueAfterDays: 5),
        ])
        let letter = try #require(caseTypes.first { $0.name == "Reference letter" })
        #expect(letter.workflow.isEmpty)
    }

    @Test func caseTypesOfNewStore() throws {
        let harness = try ServerHarness()

        let result = try harness.server.handle(method: CaseTypes.name, params: nil)

        #expect(result == ["caseTypes": []])
    }

    @Test func colleaguesAndUser() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let result = try harness.call(Colleagues.self, NoParams())

        #expect(result.me == "mkeller")
        #expect(result.colleagues.map(\.id).sorted() == ["mkeller", "pweiss", "sarslan"])
        let paul = try #require(result.colleagues.first { $0.id == "pweiss" })
        #expect(paul.name == "Paul Weiss")
        #expect(paul.address == "paul.weiss@northwind.example")
    }

    @Test func personnelFileHasEverything() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.caseType("Sick leave")
        let started = try harness.call(
            AddCase.self, AddCase.Params(personId: tobias.id, caseTypeId: sickLeave.id, startDate: "2026-11-30"))
        let handPlanned = try harness.call(
            AddTodo.self, AddTodo.Params(title: "Call back", due: "2026-12-02", personId: tobias.id)).todo
        let sickNote = TestMail.message(from: "tobias.brandt@northwind.example", subject: "Sick note")
        let filed = try harness.file(sickNote, for: [FilingTarget(personId: tobias.id, caseId: started.case.id)])

        let file = try harness.call(PersonnelFile.self, PersonnelFile.Params(personId: tobias.id))

        #expect(file.person == tobias)
        #expect(file.cases == [started.case])
        #expect(file.todos.map(\.due) == ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-05"])
        #expect(file.todos.map(\.id).contains(handPlanned.id))
        let message = try #require(file.messages.first)
        #expect(file.messages.count == 1)
        #expect(message.messageRef == filed.messageRef)
        #expect(message.subject == "Sick note")
        #expect(message.date == "2026-11-26T07:14:12+01:00")
        #expect(message.direction == .received)
        #expect(message.caseId == started.case.id)
        #expect(message.caseTitle == "Sick leave 2026-11-30")
        #expect(message.filedAt == filed.filings.first?.filedAt)
        #expect(message.filedBy == "mkeller")
        #expect(message.size == sickNote.utf8.count)
    }

    @Test func personnelFileOfUnknownPerson() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(PersonnelFile.self, PersonnelFile.Params(personId: 7))

        #expect(error.code == HRBoxErrorCode.personNotFound)
        #expect(error.data?["personId"]?.int64Value == 7)
    }
}
