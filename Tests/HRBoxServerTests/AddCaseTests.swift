import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC
import Testing

@Suite struct AddCaseTests {
    @Test func workflowCreatesTodos() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.caseType("Sick leave")

        let result = try harness.call(
            AddCase.self, AddCase.Params(personId: tobias.id, caseTypeId: sickLeave.id, startDate: "2026-12-28"))

        #expect(result.case.personId == tobias.id)
        #expect(result.case.caseTypeId == sickLeave.id)
        #expect(result.case.caseType == "Sick leave")
        #expect(result.case.title == "Sick leave 2026-12-28")
        #expect(result.case.status == .open)
        #expect(result.case.startDate == "2026-12-28")
        #expect(result.case.startedBy == "mkeller")
        let todos = result.todos
        #expect(todos.map(\.title) == [
            "File the doctor's certificate", "Tell payroll about the absence", "Ask about the return to work",
        ])
        #expect(todos.map(\.due) == ["2026-12-28", "2026-12-29", "2027-01-02"])
        #expect(todos.map(\.assignee) == ["mkeller", "pweiss", "mkeller"])
        #expect(todos.map(\.workflowStep) == [1, 2, 3])
        #expect(todos.allSatisfy { $0.personId == tobias.id })
        #expect(todos.allSatisfy { $0.caseId == result.case.id })
        #expect(todos.allSatisfy { !$0.done })
        #expect(todos.allSatisfy { $0.createdBy == "mkeller" })
        #expect(todos.allSatisfy { $0.messageRef == nil })
        #expect(try harness.store.todos(personId: tobias.id, openOnly: true) == todos)
    }

    @Test func titleGivenIsKept() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let letter = try harness.caseType("Reference letter")

        let result = try harness.call(
            AddCase.self,
            AddCase.Params(personId: tobias.id, caseTypeId: letter.id, title: "  Interim reference  ", startDate: "2026-12-01"))

        #expect(result.case.title == "Interim reference")
        #expect(result.todos.isEmpty)
        #expect(try harness.store.cases(personId: tobias.id, includeClosed: true) == [result.case])
    }

    @Test func startDateDefaultsToToday() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let letter = try harness.caseType("Reference letter")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let today = calendar.dateComponents([.year, .month, .day], from: ManualClock.start)

        let result = try harness.call(AddCase.self, AddCase.Params(personId: tobias.id, caseTypeId: letter.id))

        let expected = try #require(CalendarDate(year: today.year ?? 0, month: today.month ?? 0, day: today.day ?? 0))
        #expect(result.case.startDate == expected.description)
        #expect(result.case.title == "Reference letter \(expected)")
    }

    @Test func unknownCaseType() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")

        let error = try harness.failure(
            AddCase.self, AddCase.Params(personId: tobias.id, caseTypeId: 999, startDate: "2026-12-01"))

        #expect(error.code == HRBoxErrorCode.caseTypeNotFound)
        #expect(error.data?["caseTypeId"]?.int64Value == 999)
        #expect(error.message.contains("hrbox/caseTypes"))
        #expect(try harness.store.cases(personId: tobias.id, includeClosed: true).isEmpty)
    }

    @Test func unknownPerson() throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let sickLeave = try harness.caseType("Sick leave")

        let error = try harness.failure(
            AddCase.self, AddCase.Params(personId: 999, caseTypeId: sickLeave.id, startDate: "2026-12-01"))

        #expect(error.code == HRBoxErrorCode.personNotFound)
        #expect(error.data?["personId"]?.int64Value == 999)
    }

    @Test(arguments: ["2026-02-30", "28.12.2026", "", "2026-12-1"])
    func badStartDate(startDate: String) throws {
        let harness = try ServerHarness()
        try harness.importTeam()
        let tobias = try harness.person("tobias.brandt@northwind.example")
        let sickLeave = try harness.caseType("Sick leave")

        let error = try harness.failure(
            AddCase.self, AddCase.Params(personId: tobias.id, caseTypeId: sickLeave.id, startDate: startDate))

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("startDate"))
        #expect(error.message.contains("YYYY-MM-DD"))
        #expect(try harness.store.cases(personId: tobias.id, includeClosed: true).isEmpty)
    }
}
