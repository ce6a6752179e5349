import CSQLite
import Foundation
import HRBoxProtocol
@testable import HRBoxStore
import Testing

/// The backends of a copy's source and destination: SQLite to SQLite, and across the backends
/// when PostgreSQL is installed.
private let copyDirections: [(StoreBackend, StoreBackend)] = StoreBackend.all.contains(.postgresql)
    ? [(.sqlite, .sqlite), (.sqlite, .postgresql), (.postgresql, .sqlite), (.postgresql, .postgresql)]
    : [(.sqlite, .sqlite)]

private let copier = AuditActor(colleague: "mkeller", client: "hrbox store copy")

@Suite struct StoreCopyTests {
    @Test(arguments: copyDirections) func copiesEveryTable(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try StoreFixture(from)
        try fillWithEveryKindOfRow(source)
        let destination = try StoreFixture(to)

        let summary = try Store.copy(from: source.store, to: destination.store, actor: copier)

        for table in CopiedTable.all {
            let sourceRows = try rows(of: table, in: source.store)
            #expect(!sourceRows.isEmpty, "the test data has no rows of \(table.name)")
            var destinationRows = try rows(of: table, in: destination.store)
            if table.name == "audit_events" {
                let lastEvent = destinationRows.popLast()
                let copyEvent = try #require(lastEvent)
                #expect(copyEvent[4] == "text storeCopied")
                #expect(copyEvent[2] == "text mkeller")
                #expect(copyEvent[9].contains("\"people\":\"2\""))
            }
            #expect(destinationRows == sourceRows, "\(table.name)")
            #expect(summary.rows(of: table.name) == sourceRows.count, "\(table.name)")
        }
        let messages = try #require(CopiedTable.all.first { $0.name == "messages" })
        #expect(summary.indexedMessages == (try rows(of: messages, in: source.store)).count)
        #expect(try searchEntries(in: destination.store) == (try searchEntries(in: source.store)))
    }

    @Test(arguments: copyDirections) func keepsMessageBytes(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try StoreFixture(from)
        let anna = try source.addPerson("Anna", "Schmidt")
        let everyByte = MessageRecord(bytes: (0...255).map { UInt8($0) } + [0, 0], direction: .received)
        let empty = MessageRecord(bytes: [], direction: .sent)
        let binaryRef = try source.store.file(everyByte, targets: [FilingTarget(personId: anna.id)], filedBy: nil).messageRef
        let emptyRef = try source.store.file(empty, targets: [FilingTarget(personId: anna.id)], filedBy: nil).messageRef
        let destination = try StoreFixture(to)

        _ = try Store.copy(from: source.store, to: destination.store, actor: copier)

        let copiedBinary = try #require(try destination.store.rawMessage(ref: binaryRef))
        let copiedEmpty = try #require(try destination.store.rawMessage(ref: emptyRef))
        #expect(SHA256.hex(copiedBinary) == SHA256.hex(everyByte.bytes))
        #expect(copiedBinary == everyByte.bytes)
        #expect(copiedEmpty.isEmpty)
        #expect(try destination.store.filings(sha256: SHA256.hex(everyByte.bytes)).map(\.personId) == [anna.id])
    }

    @Test(arguments: copyDirections) func searchWorksOnDestination(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try StoreFixture(from)
        let anna = try source.addPerson("Anna", "Schmidt")
        let contract = source.message(MailText.message(
            subject: "Papers", body: "The signed Arbeitsvertrag is enclosed.", attachment: "Zeugnis-2024.pdf"))
        let ref = try source.store.file(contract, targets: [FilingTarget(personId: anna.id)], filedBy: nil).messageRef
        let destination = try StoreFixture(to)

        _ = try Store.copy(from: source.store, to: destination.store, actor: copier)

        #expect(try destination.store.searchFiled("arbeitsvertrag", personId: nil, limit: 10).map(\.messageRef) == [ref])
        #expect(try destination.store.searchFiled("zeugnis", personId: anna.id, limit: 10).map(\.messageRef) == [ref])
        #expect(try destination.store.searchFiled("holiday", personId: nil, limit: 10).isEmpty)
    }

    @Test(arguments: copyDirections) func newIdsFollowCopiedOnes(_ from: StoreBackend, _ to: StoreBackend) throws {
        let source = try StoreFixture(from)
        try fillWithEveryKindOfRow(source)
        let destination = try StoreFixture(to)
        _ = try Store.copy(from: source.store, to: destination.store, actor: copier)

        let added = try destination.addPerson("Ute", "Weber", addresses: ["ute@example.com"])
        let caseType = try destination.store.upsertCaseType(CaseTypeDefinition(name: "Parental leave", workflow: []))
        let todo = try destination.store.addTodo(
            title: "Call back", due: nil, assignee: nil, sharedWith: [], personId: added.id, caseId: nil,
            messageRef: nil, createdBy: nil)

        #expect(added.id == (try maxId("people", in: source.store)) + 1)
        #expect(caseType.id == (try maxId("case_types", in: source.store)) + 1)
        #expect(todo.id == (try maxId("todos", in: source.store)) + 1)
    }

    @Test(arguments: StoreBackend.all) func rejectsNonEmptyDestination(_ backend: StoreBackend) throws {
        let source = try StoreFixture()
        try fillWithEveryKindOfRow(source)
        let destination = try StoreFixture(backend)
        let ute = try destination.addPerson("Ute", "Weber", addresses: ["ute@example.com"])
        try destination.store.upsertColleague(Colleague(id: "jdoe", name: "Jane Doe"))
        let before = try allRows(in: destination.store)

        let error = try #require(throws: StoreCopyError.self) {
            try Store.copy(from: source.store, to: destination.store, actor: copier)
        }

        guard case .destinationNotEmpty(let contents) = error else {
            Issue.record("expected destinationNotEmpty, got \(error)")
            return
        }
        #expect(contents.contains(TableRowCount(table: "people", rows: 1)))
        #expect(contents.contains(TableRowCount(table: "colleagues", rows: 1)))
        #expect(error.description.contains("1 people"))
        #expect(error.description.contains("--merge"))
        #expect(!error.description.contains(ute.lastName))
        #expect(try allRows(in: destination.store) == before)
    }

    @Test(arguments: StoreBackend.all) func failureLeavesDestinationEmpty(_ backend: StoreBackend) throws {
        let source = try StoreFixture()
        try fillWithEveryKindOfRow(source)
        try addFilingOfMissingPerson(toSQLiteFile: source.path)
        let destination = try StoreFixture(backend)
        var progress: [String] = []

        #expect(throws: StoreError.self) {
            try Store.copy(from: source.store, to: destination.store, actor: copier) { progress.append($0) }
        }

        #expect(progress.contains { $0.contains("messages") }, "the copy failed before it reached the filings")
        for count in try destination.store.rowCounts() {
            #expect(count.rows == 0, "\(count.table)")
        }
        #expect(try destination.store.searchFiled("arbeitsvertrag", personId: nil, limit: 10).isEmpty)
    }
}

/// Adds people, colleagues, a case type with a workflow, a case, filings with and without a case,
/// a to-do shared with colleagues and marked done, a message unfiled again, a message kept without a filing, and audit events.
private func fillWithEveryKindOfRow(_ fixture: StoreFixture) throws {
    let store = fixture.store
    try store.upsertColleague(Colleague(id: "mkeller", name: "Maria Keller", address: "maria@example.org"))
    try store.upsertColleague(Colleague(id: "tbauer", name: "Tom Bauer"))
    let caseType = try store.upsertCaseType(CaseTypeDefinition(name: "Onboarding", workflow: [
        WorkflowStep(title: "Prepare the contract", dueAfterDays: 0, assignee: "mkeller"),
        WorkflowStep(title: "Order a laptop", dueAfterDays: 7, assignee: nil),
    ]))
    let anna = try fixture.addPerson("Anna", "Schmidt", addresses: ["anna@example.com", "a.schmidt@example.net"],
                                     employeeNumber: "E-17")
    let ben = try fixture.addPerson("Ben", "Meier", addresses: ["ben@example.com"])
    let (onboarding, _) = try store.startCase(
        personId: anna.id, caseTypeId: caseType.id, title: nil, startDate: "2024-06-03", startedBy: "mkeller")

    let contract = fixture.message(MailText.message(
        subject: "Papers", body: "The signed Arbeitsvertrag is enclosed.", attachment: "Zeugnis-2024.pdf"),
        date: Date(timeIntervalSince1970: 1_717_398_000.25))
    let filed = try store.file(contract, targets: [
        FilingTarget(personId: anna.id, caseId: onboarding.id), FilingTarget(personId: ben.id),
    ], filedBy: "mkeller")
    let holiday = fixture.message(MailText.message(subject: "Holiday", body: "Two weeks in August."))
    let holidayRef = try store.file(holiday, targets: [FilingTarget(personId: ben.id)], filedBy: nil).messageRef
    _ = try store.unfile(messageRef: holidayRef, from: FilingTarget(personId: ben.id))
    _ = try store.keepMessage(fixture.message(MailText.message(subject: "Reminder", body: "Bring your passport.")))

    let todo = try store.addTodo(
        title: "Check the papers", due: "2024-06-10", assignee: "mkeller", sharedWith: ["tbauer"],
        personId: anna.id, caseId: onboarding.id, messageRef: filed.messageRef, createdBy: "tbauer")
    _ = try store.completeTodo(id: todo.id, by: "mkeller")
    try store.recordAudit(.personAdded, by: copier, about: AuditSubject(personId: anna.id, details: ["note": "ä\u{1F600}"]))
    try store.recordAudit(.filed, by: AuditActor(colleague: nil, client: nil),
                          about: AuditSubject(personId: ben.id, messageRef: filed.messageRef))
}

/// Files the first stored message for person 999, who does not exist, bypassing the foreign keys,
/// so that copying the filings fails after the tables before them are copied.
private func addFilingOfMissingPerson(toSQLiteFile path: String) throws {
    let database = try openRaw(path)
    defer { sqlite3_close(database) }
    let insert = """
        INSERT INTO filings (message_id, person_id, direction, filed_at)
        SELECT min(id), 999, 'received', '2024-06-03T07:00:00Z' FROM messages
        """
    #expect(sqlite3_exec(database, "PRAGMA foreign_keys = OFF", nil, nil, nil) == SQLITE_OK)
    #expect(sqlite3_exec(database, insert, nil, nil, nil) == SQLITE_OK)
}

/// Returns a table's rows in copy order, each value written with its kind so that 1 and "1" differ.
func rows(of table: CopiedTable, in store: Store) throws -> [[String]] {
    try store.connection.query(
        "SELECT \(table.columnList) FROM \(table.name) ORDER BY \(table.orderBy(store.connection.dialect))"
    ) { row in
        table.columns.indices.map { index in
            switch table.value(of: row, at: index) {
            case .null:
                "null"
            case .integer(let number):
                "integer \(number)"
            case .real(let number):
                "real \(number)"
            case .text(let text):
                "text \(text)"
            case .blob(let bytes):
                "blob \(SHA256.hex(bytes))"
            }
        }
    }
}

private func searchEntries(in store: Store) throws -> Int64? {
    try store.connection.queryFirst("SELECT count(*) FROM message_search") { $0.integer(0) }
}

func allRows(in store: Store) throws -> [[[String]]] {
    try CopiedTable.all.map { try rows(of: $0, in: store) }
}

private func maxId(_ table: String, in store: Store) throws -> Int64 {
    try #require(try store.connection.queryFirst("SELECT max(id) FROM \(table)") { $0.integer(0) })
}
