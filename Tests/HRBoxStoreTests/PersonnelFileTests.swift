import Foundation
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct PersonnelFileTests {
    @Test(arguments: StoreBackend.all) func orderingOfAllParts(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        let anna = try fixture.addPerson("Anna", "Schmidt")
        let caseType = try fixture.addCaseType("Sick leave", workflow: [WorkflowStep(title: "Check note", dueAfterDays: 3)])
        let (older, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: "Older", startDate: "2024-01-10", startedBy: nil)
        let (newer, _) = try fixture.store.startCase(
            personId: anna.id, caseTypeId: caseType.id, title: "Newer", startDate: "2024-02-10", startedBy: nil)
        try fixture.store.addTodo(
            title: "Undated", due: nil, assignee: nil, sharedWith: [], personId: anna.id, caseId: nil,
            messageRef: nil, createdBy: nil)

        let january = Date(timeIntervalSince1970: 1_704_067_200)
        let march = Date(timeIntervalSince1970: 1_709_251_200)
        for (text, date) in [("undated", nil), ("january", january), ("march", march)] as [(String, Date?)] {
            _ = try fixture.store.file(fixture.message(text, date: date), targets: [FilingTarget(personId: anna.id)], filedBy: nil)
        }
        _ = try fixture.store.file(
            fixture.message("january", date: january),
            targets: [FilingTarget(personId: anna.id, caseId: older.id)],
            filedBy: nil
        )

        let file = try #require(try fixture.store.personnelFile(personId: anna.id))

        #expect(file.person == anna)
        #expect(file.cases.map(\.id) == [newer.id, older.id])
        #expect(file.todos.map(\.due) == ["2024-01-13", "2024-02-13", nil])
        #expect(file.messages.map(\.subject) == ["march", "january", "january", "undated"])
        #expect(file.messages.map(\.caseTitle) == [nil, "Older", nil, nil])
        #expect(file.messages.first?.size == 5)
    }

    @Test(arguments: StoreBackend.all) func missingPersonIsNil(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        #expect(try fixture.store.personnelFile(personId: 1) == nil)
    }
}
