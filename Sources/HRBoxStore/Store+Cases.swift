import Foundation
import HRBoxProtocol

extension Store {
    /// Returns a person's cases, newest first: by start date, then by the order they were started.
    /// - Parameter includeClosed: Also return closed cases; otherwise only open ones.
    /// - Throws: ``StoreError/personNotFound(_:)``.
    public func cases(personId: Int64, includeClosed: Bool) throws(StoreError) -> [Case] {
        _ = try requirePerson(id: personId)
        return try connection.query(
            Store.caseSelect + " WHERE c.person_id = ? AND (? = 1 OR c.status = 'open') ORDER BY c.start_date DESC, c.id DESC",
            [.integer(personId), SQLValue(includeClosed)],
            row: Store.caseRow
        )
    }

    /// Returns the case with the id, or nil when there is none.
    public func `case`(id: Int64) throws(StoreError) -> Case? {
        try connection.queryFirst(Store.caseSelect + " WHERE c.id = ?", [.integer(id)], row: Store.caseRow)
    }

    /// Starts a case for a person and turns each step of its case type's workflow into a to-do, in one transaction.
    ///
    /// A step's to-do is due `dueAfterDays` calendar days after `startDate` and is assigned to the
    /// step's assignee, or to `startedBy` when the step has none.
    /// - Parameters:
    ///   - title: The case's title; nil or empty gives "<case type name> <startDate>".
    ///   - startDate: The day the case starts, as `YYYY-MM-DD`.
    ///   - startedBy: The id of the colleague starting the case, or nil when unknown.
    /// - Returns: The case and its to-dos, in the order of the workflow's steps.
    /// - Throws: ``StoreError/personNotFound(_:)``, ``StoreError/caseTypeNotFound(_:)``,
    ///   ``StoreError/colleagueNotFound(_:)`` for an assignee that is no colleague, and
    ///   ``StoreError/invalidValue(field:reason:)`` for a start date that is not a real day.
    public func startCase(
        personId: Int64,
        caseTypeId: Int64,
        title: String?,
        startDate: String,
        startedBy: String?
    ) throws(StoreError) -> (Case, [Todo]) {
        guard let start = CalendarDate(parsing: startDate) else {
            throw .invalidValue(field: "startDate", reason: "\"\(startDate)\" is not a date. Give it as YYYY-MM-DD, such as 2024-03-01.")
        }

        return try write { () throws(StoreError) -> (Case, [Todo]) in
            _ = try requirePerson(id: personId)
            guard let caseType = try caseType(id: caseTypeId) else {
                throw .caseTypeNotFound(caseTypeId)
            }

            let trimmedTitle = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let caseTitle = trimmedTitle.isEmpty ? "\(caseType.name) \(start)" : trimmedTitle
            let createdAt = now()
            let caseId = try connection.insert(
                """
                INSERT INTO cases (person_id, case_type_id, title, status, start_date, started_by, created_at)
                VALUES (?, ?, ?, 'open', ?, ?, ?)
                RETURNING id
                """,
                [.integer(personId), .integer(caseTypeId), .text(caseTitle), .text(start.description),
                 SQLValue(startedBy), .text(createdAt)]
            )

            var todos: [Todo] = []
            for (offset, step) in caseType.workflow.enumerated() {
                guard let due = start.adding(days: step.dueAfterDays) else {
                    throw .invalidValue(
                        field: "startDate",
                        reason: "step \(offset + 1) would be due after the year 9999. Check the start date."
                    )
                }
                let todo = NewTodo(
                    title: step.title,
                    due: due,
                    assignee: step.assignee ?? startedBy,
                    sharedWith: [],
                    personId: personId,
                    caseId: caseId,
                    messageRef: nil,
                    createdBy: startedBy,
                    workflowStep: offset + 1
                )
                todos.append(try insertTodo(todo))
            }

            guard let started = try self.case(id: caseId) else {
                throw .caseNotFound(caseId: caseId, personId: personId)
            }
            return (started, todos)
        }
    }

    /// Throws ``StoreError/caseNotFound(caseId:personId:)`` unless the case exists and belongs to the person.
    /// - Returns: The case.
    func requireCase(id caseId: Int64, ofPerson personId: Int64?) throws(StoreError) -> Case {
        guard let found = try self.case(id: caseId), personId == nil || found.personId == personId else {
            throw .caseNotFound(caseId: caseId, personId: personId)
        }
        return found
    }

    private static let caseSelect = """
        SELECT c.id, c.person_id, c.case_type_id, t.name, c.title, c.status, c.start_date, c.started_by
        FROM cases c JOIN case_types t ON t.id = c.case_type_id
        """

    private static func caseRow(_ row: any SQLRow) throws(StoreError) -> Case {
        let status = row.text(5)
        guard let caseStatus = CaseStatus(rawValue: status) else {
            throw .unreadableValue(table: "cases", column: "status", value: status)
        }
        return Case(
            id: row.integer(0),
            personId: row.integer(1),
            caseTypeId: row.integer(2),
            caseType: row.text(3),
            title: row.text(4),
            status: caseStatus,
            startDate: row.text(6),
            startedBy: row.optionalText(7)
        )
    }
}
