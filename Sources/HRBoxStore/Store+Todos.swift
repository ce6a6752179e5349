import Foundation
import HRBoxProtocol

/// A to-do checked for its form but not yet against the store.
struct NewTodo {
    var title: String
    var due: CalendarDate?
    var assignee: String?
    var sharedWith: [String]
    var personId: Int64?
    var caseId: Int64?
    var messageRef: Int64?
    var createdBy: String?
    var workflowStep: Int?
}

extension Store {
    /// Plans a to-do, optionally for a person, one of their cases and the message it came from.
    ///
    /// A to-do with a case but no person is for the case's person.
    /// - Parameters:
    ///   - due: The due date as `YYYY-MM-DD`, or nil for none.
    ///   - assignee: The id of the colleague responsible, or nil for no one.
    ///   - sharedWith: Ids of colleagues to share it with; the assignee and repeated ids are left out.
    ///   - messageRef: A stored message, from ``file(_:targets:filedBy:)`` or ``keepMessage(_:)``.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for an empty title or a due date that is
    ///   no real day, ``StoreError/colleagueNotFound(_:)``, ``StoreError/personNotFound(_:)``,
    ///   ``StoreError/caseNotFound(caseId:personId:)`` for a case of another person, and
    ///   ``StoreError/messageNotFound(_:)``.
    @discardableResult
    public func addTodo(
        title: String,
        due: String?,
        assignee: String?,
        sharedWith: [String],
        personId: Int64?,
        caseId: Int64?,
        messageRef: Int64?,
        createdBy: String?
    ) throws(StoreError) -> Todo {
        var dueDate: CalendarDate?
        if let due {
            guard let parsed = CalendarDate(parsing: due.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidValue(field: "due", reason: "\"\(due)\" is not a date. Give it as YYYY-MM-DD, such as 2024-03-01.")
            }
            dueDate = parsed
        }

        return try write { () throws(StoreError) -> Todo in
            var forPerson = personId
            if let caseId, personId == nil {
                forPerson = try requireCase(id: caseId, ofPerson: nil).personId
            }
            let todo = NewTodo(
                title: title,
                due: dueDate,
                assignee: assignee,
                sharedWith: sharedWith,
                personId: forPerson,
                caseId: caseId,
                messageRef: messageRef,
                createdBy: createdBy,
                workflowStep: nil
            )
            return try insertTodo(todo)
        }
    }

    /// Returns the to-dos for a person, by due date with undated ones last, then in the order they were planned.
    /// - Parameter openOnly: Leave out to-dos that are done.
    /// - Throws: ``StoreError/personNotFound(_:)``.
    public func todos(personId: Int64, openOnly: Bool) throws(StoreError) -> [Todo] {
        _ = try requirePerson(id: personId)
        let rows = try connection.query(
            Store.todoSelect + " WHERE person_id = ? AND (? = 0 OR done = 0) ORDER BY due IS NULL, due, id",
            [.integer(personId), SQLValue(openOnly)],
            row: TodoRow.init
        )
        var todos: [Todo] = []
        for row in rows {
            todos.append(row.todo(sharedWith: try shares(ofTodo: row.id)))
        }
        return todos
    }

    /// Checks a to-do against the store and inserts it; the caller runs this inside a transaction.
    func insertTodo(_ todo: NewTodo) throws(StoreError) -> Todo {
        let title = todo.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            throw .invalidValue(field: "title", reason: "a to-do needs a title.")
        }
        let assignee = todo.assignee.flatMap { $0.isEmpty ? nil : $0 }
        if let assignee {
            try requireColleague(id: assignee)
        }
        var shares: [String] = []
        for colleague in todo.sharedWith where colleague != assignee && !shares.contains(colleague) {
            try requireColleague(id: colleague)
            shares.append(colleague)
        }
        if let personId = todo.personId {
            _ = try requirePerson(id: personId)
        }
        if let caseId = todo.caseId {
            _ = try requireCase(id: caseId, ofPerson: todo.personId)
        }
        if let messageRef = todo.messageRef, try !messageExists(ref: messageRef) {
            throw .messageNotFound(messageRef)
        }

        let createdAt = now()
        let id = try connection.insert(
            """
            INSERT INTO todos (title, due, assignee, person_id, case_id, message_id, done, created_at, created_by,
                workflow_step)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
            RETURNING id
            """,
            [
                .text(title), SQLValue(todo.due?.description), SQLValue(assignee), SQLValue(todo.personId),
                SQLValue(todo.caseId), SQLValue(todo.messageRef), .text(createdAt), SQLValue(todo.createdBy),
                SQLValue(todo.workflowStep.map(Int64.init)),
            ]
        )
        for colleague in shares {
            try connection.execute(
                "INSERT INTO todo_shares (todo_id, colleague_id) VALUES (?, ?)",
                [.integer(id), .text(colleague)]
            )
        }

        return Todo(
            id: id,
            title: title,
            due: todo.due?.description,
            assignee: assignee,
            sharedWith: shares,
            personId: todo.personId,
            caseId: todo.caseId,
            messageRef: todo.messageRef,
            done: false,
            createdAt: createdAt,
            createdBy: todo.createdBy,
            workflowStep: todo.workflowStep
        )
    }

    static let todoSelect = """
        SELECT id, title, due, assignee, person_id, case_id, message_id, done, created_at, created_by, workflow_step,
            done_at, done_by
        FROM todos
        """

    func shares(ofTodo id: Int64) throws(StoreError) -> [String] {
        try connection.query(
            "SELECT colleague_id FROM todo_shares WHERE todo_id = ? ORDER BY \(connection.dialect.todoShareOrder)",
            [.integer(id)]
        ) { $0.text(0) }
    }
}

/// The columns of a `todos` row, before its shares are read.
struct TodoRow {
    var id: Int64
    var title: String
    var due: String?
    var assignee: String?
    var personId: Int64?
    var caseId: Int64?
    var messageRef: Int64?
    var done: Bool
    var createdAt: String
    var createdBy: String?
    var workflowStep: Int?
    var doneAt: String?
    var doneBy: String?

    init(_ row: any SQLRow) {
        id = row.integer(0)
        title = row.text(1)
        due = row.optionalText(2)
        assignee = row.optionalText(3)
        personId = row.optionalInteger(4)
        caseId = row.optionalInteger(5)
        messageRef = row.optionalInteger(6)
        done = row.bool(7)
        createdAt = row.text(8)
        createdBy = row.optionalText(9)
        workflowStep = row.optionalInteger(10).map { Int($0) }
        doneAt = row.optionalText(11)
        doneBy = row.optionalText(12)
    }

    func todo(sharedWith: [String]) -> Todo {
        Todo(
            id: id,
            title: title,
            due: due,
            assignee: assignee,
            sharedWith: sharedWith,
            personId: personId,
            caseId: caseId,
            messageRef: messageRef,
            done: done,
            createdAt: createdAt,
            createdBy: createdBy,
            workflowStep: workflowStep,
            doneAt: doneAt,
            doneBy: doneBy
        )
    }
}
