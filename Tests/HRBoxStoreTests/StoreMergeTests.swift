import Foundation
import HRBoxProtocol
@testable import HRBoxStore
import Testing

/// The backends of a merge's source and destination: SQLite to SQLite, and across the backends
/// when PostgreSQL is installed.
private let mergeDirections: [(StoreBackend, StoreBackend)] = StoreBackend.all.contains(.postgresql)
    ? [(.sqlite, .sqlite), (.sqlite, .postgresql), (.postgresql, .sqlite), (.postgresql, .postgresql)]
    : [(.sqlite, .sqlite)]

private let merger = AuditActor(colleague: "tbauer", client: "hrbox store copy")

private let onboardingSteps = [
    WorkflowStep(title: "Prepare the contract", dueAfterDays: 0, assignee: "mkeller"),
    WorkflowStep(title: "Order a laptop", dueAfterDays: 7, assignee: nil),
]

/// The source store of a merge: Anna and Carl, whom the destination has too, and Dora, whom it lacks.
private struct MergeSource {
    let fixture: StoreFixture
    let anna: Person
    let carl: Person
    let dora: Person
    let contract: MessageRecord
    let holiday: MessageRecord
    let annaCase: Case

    init(_ backend: StoreBackend) throws {
        fixture = try StoreFixture(backend)
        let store = fixture.store
        try store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller"))
        try store.upsertColleague(Colleague(id: "tbauer", name: "Tom Bauer"))
        let onboarding = try store.upsertCaseType(CaseTypeDefinition(name: "Onboarding", workflow: onboardingSteps))
        anna = try fixture.addPerson(
            "Anna", "Schmidt", addresses: ["Anna@Example.com", "anna.private@example.net"], employeeNumber: "E-17")
        carl = try fixture.addPerson("Carl", "Meier", addresses: ["carl@example.com"], employeeNumber: "e-20")
        dora = try fixture.addPerson("Dora", "Lang", addresses: ["dora@example.com"])
        annaCase = try store.startCase(
            personId: anna.id, caseTypeId: onboarding.id, title: nil, startDate: "2024-06-03", startedBy: "mkeller").0

        contract = fixture.message(MailText.message(subject: "Papers", body: "The signed Arbeitsvertrag is enclosed."))
        holiday = fixture.message(MailText.message(subject: "Holiday", body: "Two weeks at the Ostsee in August."))
        let contractRef = try store.file(
            contract, targets: [FilingTarget(personId: anna.id, caseId: annaCase.id)], filedBy: "mkeller").messageRef
        let holidayRef = try store.file(holiday, targets: [FilingTarget(personId: carl.id)], filedBy: nil).messageRef

        _ = try store.addTodo(
            title: "Check the papers", due: "2024-06-10", assignee: "mkeller", sharedWith: ["tbauer"],
            personId: anna.id, caseId: annaCase.id, messageRef: contractRef, createdBy: "tbauer")
        try store.recordAudit(.filed, by: merger, about: AuditSubject(personId: carl.id, messageRef: holidayRef))
        try store.recordAudit(.moved, by: merger, about: AuditSubject(
            personId: anna.id, caseId: annaCase.id, messageRef: contractRef,
            details: ["fromPersonId": String(carl.id), "toPersonId": String(anna.id), "toCaseId": String(annaCase.id)]))
    }
}

/// The destination store: Anna under one of her addresses in another letter case, Carl under his
/// employee number in another letter case, the contract filed for Anna, and a case of Anna's.
private struct MergeDestination {
    let fixture: StoreFixture
    let anna: Person
    let carl: Person
    let annaCase: Case

    init(_ backend: StoreBackend, contract: MessageRecord) throws {
        fixture = try StoreFixture(backend)
        let store = fixture.store
        try store.upsertColleague(Colleague(id: "mkeller", name: "M. Keller"))
        let onboarding = try store.upsertCaseType(CaseTypeDefinition(name: "onboarding", workflow: []))
        try fixture.addPerson("Ute", "Weber", addresses: ["ute@example.com"])
        anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        carl = try fixture.addPerson("Carl", "Meier", addresses: ["c.meier@example.com"], employeeNumber: "E-20")
        annaCase = try store.startCase(
            personId: anna.id, caseTypeId: onboarding.id, title: nil, startDate: "2024-07-01", startedBy: "mkeller").0
        _ = try store.file(contract, targets: [FilingTarget(personId: anna.id)], filedBy: "mkeller")
    }
}

@Suite struct StoreMergeTests {
    @Test(arguments: mergeDirections) func mergesOverlappingPeople(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try MergeSource(from)
        let destination = try MergeDestination(to, contract: source.contract)
        let store = destination.fixture.store

        let summary = try Store.merge(from: source.fixture.store, into: store, actor: merger)

        #expect(summary.counts(of: "colleagues") == TableMergeCount(table: "colleagues", matched: 1, added: 1))
        #expect(summary.counts(of: "people") == TableMergeCount(table: "people", matched: 2, added: 1))
        #expect(summary.counts(of: "addresses") == TableMergeCount(table: "addresses", added: 3, skipped: 1))
        #expect(summary.counts(of: "case_types") == TableMergeCount(table: "case_types", matched: 1))
        #expect(summary.counts(of: "workflow_steps") == TableMergeCount(table: "workflow_steps", skipped: 2))
        #expect(summary.counts(of: "cases") == TableMergeCount(table: "cases", added: 1))
        #expect(summary.counts(of: "messages") == TableMergeCount(table: "messages", matched: 1, added: 1))
        #expect(summary.counts(of: "filings") == TableMergeCount(table: "filings", added: 2))
        #expect(summary.counts(of: "todos") == TableMergeCount(table: "todos", added: 3))
        #expect(summary.counts(of: "todo_shares") == TableMergeCount(table: "todo_shares", added: 1))
        #expect(summary.counts(of: "audit_events") == TableMergeCount(table: "audit_events", added: 2))
        #expect(summary.indexedMessages == 1)
        #expect(summary.notes.contains { $0.hasPrefix("Colleague mkeller ") })
        #expect(summary.notes.contains { $0.hasPrefix("Case type Onboarding ") })
        #expect(summary.notes.contains {
            $0 == "Source person \(source.anna.id) (employee number E-17) matches destination person "
                + "\(destination.anna.id) (employee number none); the destination's employee number is kept."
        })
        #expect(summary.notes.count == 3)

        let anna = try #require(try store.person(id: destination.anna.id))
        #expect(anna.addresses == ["anna@example.com", "anna.private@example.net"])
        #expect(anna.employeeNumber == nil)
        let carl = try #require(try store.person(id: destination.carl.id))
        #expect(carl.addresses == ["c.meier@example.com", "carl@example.com"])
        #expect(carl.employeeNumber == "E-20")
        let dora = try #require(try store.person(ownerOf: "dora@example.com"))
        #expect(dora.id > destination.carl.id)
        #expect(dora.lastName == "Lang")
        let searchText = try store.connection.queryFirst(
            "SELECT search_text FROM people WHERE id = ?", [.integer(anna.id)]) { $0.text(0) }
        #expect(searchText?.contains("anna.private@example.net") == true)
        #expect(try store.colleagues().first { $0.id == "mkeller" }?.name == "M. Keller")

        let cases = try store.cases(personId: anna.id, includeClosed: true)
        #expect(cases.count == 2)
        let mergedCase = try #require(cases.first { $0.id != destination.annaCase.id })
        #expect(mergedCase.startDate == "2024-06-03")
        #expect(mergedCase.caseTypeId == destination.annaCase.caseTypeId)

        let contractFilings = try store.filings(sha256: SHA256.hex(source.contract.bytes))
        #expect(contractFilings.count == 2)
        #expect(contractFilings.allSatisfy { $0.personId == anna.id })
        #expect(Set(contractFilings.map(\.caseId)) == [nil, mergedCase.id])
        let holidayFilings = try store.filings(sha256: SHA256.hex(source.holiday.bytes))
        #expect(holidayFilings.map(\.personId) == [carl.id])
        let holidayRef = try #require(holidayFilings.first?.messageRef)
        #expect(try store.rawMessage(ref: holidayRef) == source.holiday.bytes)
        #expect(try store.searchFiled("ostsee", personId: carl.id, limit: 10).map(\.messageRef) == [holidayRef])

        let todo = try #require(try store.todos(personId: anna.id, openOnly: true).first { $0.title == "Check the papers" })
        #expect(todo.caseId == mergedCase.id)
        #expect(todo.messageRef == contractFilings.first?.messageRef)
        #expect(todo.sharedWith == ["tbauer"])
        #expect(try store.todos(personId: anna.id, openOnly: true).filter { $0.caseId == mergedCase.id }.count == 3)

        let events = try store.auditEvents(personId: nil, limit: 10)
        let copied = try #require(events.first)
        #expect(copied.action == .storeCopied)
        #expect(copied.details["merge"] == "true")
        #expect(copied.details["people"] == "2 matched, 1 added, 0 skipped")
        let moved = try #require(events.first { $0.action == .moved })
        #expect(moved.personId == anna.id)
        #expect(moved.caseId == mergedCase.id)
        #expect(moved.messageRef == contractFilings.first?.messageRef)
        #expect(moved.details == [
            "fromPersonId": String(carl.id), "toPersonId": String(anna.id), "toCaseId": String(mergedCase.id),
        ])
        let filed = try #require(events.first { $0.action == .filed })
        #expect(filed.personId == carl.id)
        #expect(filed.messageRef == holidayRef)

        let added = try destination.fixture.addPerson("Eva", "Roth")
        #expect(added.id == dora.id + 1)
    }

    @Test(arguments: mergeDirections) func secondMergeAddsNothing(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try MergeSource(from)
        let destination = try MergeDestination(to, contract: source.contract)
        let store = destination.fixture.store
        _ = try Store.merge(from: source.fixture.store, into: store, actor: merger)
        let before = try allRows(in: store)

        let summary = try Store.merge(from: source.fixture.store, into: store, actor: merger)

        for count in summary.tables {
            #expect(count.added == 0, "\(count.table)")
        }
        let after = try allRows(in: store)
        for (index, table) in CopiedTable.all.enumerated() where table.name != "audit_events" {
            #expect(after[index] == before[index], "\(table.name)")
        }
        let auditIndex = try #require(CopiedTable.all.firstIndex { $0.name == "audit_events" })
        #expect(after[auditIndex].count == before[auditIndex].count + 1)
        #expect(Array(after[auditIndex].prefix(before[auditIndex].count)) == before[auditIndex])
        #expect(after[auditIndex].last?[4] == "text storeCopied")
    }

    @Test(arguments: StoreBackend.all) func conflictRejectsMerge(_ backend: StoreBackend) throws {
        let source = try MergeSource(.sqlite)
        let destination = try StoreFixture(backend)
        let first = try destination.addPerson("Anna", "Schmidt", addresses: ["anna@example.com"])
        let second = try destination.addPerson("Anna", "Schmidt-Berg", addresses: ["anna.private@example.net"])
        let third = try destination.addPerson("Carla", "Meier", employeeNumber: "E-20")
        let fourth = try destination.addPerson("Carl", "Meier", addresses: ["carl@example.com"])
        let before = try allRows(in: destination.store)

        let error = try #require(throws: StoreCopyError.self) {
            try Store.merge(from: source.fixture.store, into: destination.store, actor: merger)
        }

        guard case .mergeConflicts(let conflicts) = error else {
            Issue.record("expected mergeConflicts, got \(error)")
            return
        }
        #expect(conflicts == [
            StoreMergeConflict(sourcePersonId: source.anna.id, matches: [
                .init(destinationPersonId: first.id, key: .address("Anna@Example.com")),
                .init(destinationPersonId: second.id, key: .address("anna.private@example.net")),
            ]),
            StoreMergeConflict(sourcePersonId: source.carl.id, matches: [
                .init(destinationPersonId: third.id, key: .employeeNumber("e-20")),
                .init(destinationPersonId: fourth.id, key: .address("carl@example.com")),
            ]),
        ])
        #expect(error.description.contains("destination person \(second.id)"))
        #expect(!error.description.contains("Arbeitsvertrag"))
        #expect(try allRows(in: destination.store) == before)
        #expect(try destination.store.searchFiled("arbeitsvertrag", personId: nil, limit: 10).isEmpty)
    }
}
