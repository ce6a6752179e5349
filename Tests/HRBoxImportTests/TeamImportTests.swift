import HRBoxImport
import HRBoxProtocol
import HRBoxStore
import Testing

@Suite struct TeamImportTests {
    static let colleagues = """
        id,name,address
        mkeller,Maria Keller,Maria Keller <mkeller@example.com>
        j.boss,Jan Boss,
        """

    @Test func colleaguesUpsertById() throws {
        let fixture = try ImportFixture()
        let first = try CSVImport.importColleagues(from: fixture.write("colleagues.csv", Self.colleagues), into: fixture.store)
        let again = try CSVImport.importColleagues(from: fixture.write("colleagues.csv", Self.colleagues), into: fixture.store)
        let renamed = try CSVImport.importColleagues(
            from: fixture.write("renamed.csv", "name,id\nJan Boss-Lee,j.boss\n"), into: fixture.store)

        #expect(first == ImportSummary(added: 2))
        #expect(again == ImportSummary(unchanged: 2))
        #expect(renamed == ImportSummary(updated: 1))
        #expect(try fixture.store.colleagues() == [
            Colleague(id: "j.boss", name: "Jan Boss-Lee"),
            Colleague(id: "mkeller", name: "Maria Keller", address: "mkeller@example.com"),
        ])
    }

    @Test func badColleagueStoresNothing() throws {
        let fixture = try ImportFixture()
        let path = try fixture.write("colleagues.csv", "id,name,address\nok,Ok Person,\nm keller,Maria,\nmk,,mk.example.com\nok,Twice,\n")

        let error = try #require(throws: ImportError.self) {
            try CSVImport.importColleagues(from: path, into: fixture.store)
        }

        #expect(error.problems.map(\.line) == [3, 4, 4, 5])
        #expect(error.problems.map(\.field) == ["id", "name", "address", "id"])
        #expect(error.description.contains("colleagues.csv:3: id: \"m keller\" is not a colleague id"))
        #expect(try fixture.store.colleagues().isEmpty)
    }

    @Test func caseTypesWithWorkflows() throws {
        let fixture = try ImportFixture()
        _ = try CSVImport.importColleagues(from: fixture.write("colleagues.csv", Self.colleagues), into: fixture.store)
        let file = """
            case_type,step,due_after_days,assignee
            Onboarding,Prepare desk,0,j.boss
            Onboarding,Probation talk,180,
            Sick leave,,,
            onboarding,Order laptop,,mkeller
            """

        let summary = try CSVImport.importCaseTypes(from: fixture.write("case-types.csv", file), into: fixture.store)

        #expect(summary == ImportSummary(added: 2))
        let caseTypes = try fixture.store.caseTypes()
        #expect(caseTypes.map(\.name) == ["Onboarding", "Sick leave"])
        #expect(caseTypes.first?.workflow == [
            WorkflowStep(title: "Prepare desk", dueAfterDays: 0, assignee: "j.boss"),
            WorkflowStep(title: "Probation talk", dueAfterDays: 180),
            WorkflowStep(title: "Order laptop", dueAfterDays: 0, assignee: "mkeller"),
        ])
        #expect(caseTypes.last?.workflow == [])
    }

    @Test func caseTypeReimportReplacesWorkflow() throws {
        let fixture = try ImportFixture()
        let first = "case_type,step,due_after_days\nOnboarding,Desk,0\nOnboarding,Laptop,1\n"
        _ = try CSVImport.importCaseTypes(from: fixture.write("case-types.csv", first), into: fixture.store)

        let same = try CSVImport.importCaseTypes(from: fixture.write("case-types.csv", first), into: fixture.store)
        let changed = try CSVImport.importCaseTypes(
            from: fixture.write("changed.csv", "case_type,step,due_after_days\nONBOARDING,Badge,2\n"), into: fixture.store)

        #expect(same == ImportSummary(unchanged: 1))
        #expect(changed == ImportSummary(updated: 1))
        #expect(try fixture.store.caseTypes().map(\.workflow) == [[WorkflowStep(title: "Badge", dueAfterDays: 2)]])
    }

    @Test func badCaseTypeRowsStoreNothing() throws {
        let fixture = try ImportFixture()
        let file = """
            case_type,step,due_after_days,assignee
            Onboarding,Desk,0,
            Onboarding,Laptop,-1,
            Onboarding,Badge,1.5,
            Onboarding,Keys,2,nobody
            ,Orphan step,1,
            Sick leave,,3,
            """

        let error = try #require(throws: ImportError.self) {
            try CSVImport.importCaseTypes(from: fixture.write("case-types.csv", file), into: fixture.store)
        }

        #expect(error.problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(error.problems.map(\.field) == ["due_after_days", "due_after_days", "assignee", "case_type", "step"])
        #expect(error.description.contains("case-types.csv:5: assignee: no colleague has the id \"nobody\""))
        #expect(try fixture.store.caseTypes().isEmpty)
    }
}
