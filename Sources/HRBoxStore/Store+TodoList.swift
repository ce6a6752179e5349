import HRBoxProtocol

/// The conditions a to-do must meet to be returned by ``Store/todos(matching:)``.
///
/// A to-do must meet every condition given. The exception is `assignee` and `sharedWith` together,
/// which match a to-do that meets either of them, as a "my to-dos" list does.
public struct TodoFilter: Sendable, Equatable {
    /// To-dos assigned to this colleague.
    public var assignee: String?
    /// To-dos shared with this colleague.
    public var sharedWith: String?
    public var personId: Int64?
    public var caseId: Int64?
    public var status: TodoStatus

    public init(
        assignee: String? = nil,
        sharedWith: String? = nil,
        personId: Int64? = nil,
        caseId: Int64? = nil,
        status: TodoStatus = .open
    ) {
        self.assignee = assignee
        self.sharedWith = sharedWith
        self.personId = personId
        self.caseId = caseId
        self.status = status
    }
}

/// A to-do marked done by ``Store/completeTodo(id:by:)``.
public struct CompletedTodo: Sendable, Equatable {
    public var todo: Todo
    /// True when the to-do was done before, and nothing changed.
    public var alreadyDone: Bool
    /// The time the to-do was marked done, or nil when a store older than schema version 2 marked it done.
    public var doneAt: String?
    public var doneBy: String?
}

extension Store {
    /// Returns the to-dos that match the filter, by due date with undated ones last, then in the order planned.
    /// - Throws: ``StoreError/colleagueNotFound(_:)``, ``StoreError/personNotFound(_:)`` and
    ///   ``StoreError/caseNotFound(caseId:personId:)`` for what the filter names.
    public func todos(matching filter: TodoFilter) throws(StoreError) -> [Todo] {
        try read { () throws(StoreError) -> [Todo] in
            try checkFilter(filter)

            var conditions: [String] = []
            var values: [SQLValue] = []
            switch (filter.assignee, filter.sharedWith) {
            case (let assignee?, let colleague?):
                conditions.append("(assignee = ? OR id IN (SELECT todo_id FROM todo_shares WHERE colleague_id = ?))")
                values += [.text(assignee), .text(colleague)]
            case (let assignee?, nil):
                conditions.append("assignee = ?")
                values.append(.text(assignee))
            case (nil, let colleague?):
                conditions.append("id IN (SELECT todo_id FROM todo_shares WHERE colleague_id = ?)")
                values.append(.text(colleague))
            case (nil, nil):
                break
            }
            if let personId = filter.personId {
                conditions.append("person_id = ?")
                values.append(.integer(personId))
            }
            if let caseId = filter.caseId {
                conditions.append("case_id = ?")
                values.append(.integer(caseId))
            }
            switch filter.status {
            case .open: conditions.append("done = 0")
            case .done: conditions.append("done = 1")
            case .all: break
            }

            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let rows = try connection.query(
                Store.todoSelect + whereClause + " ORDER BY due IS NULL, due, id", values, row: TodoRow.init
            )
            var todos: [Todo] = []
            for row in rows {
                todos.append(row.todo(sharedWith: try shares(ofTodo: row.id)))
            }
            return todos
        }
    }

    /// Marks a to-do done, recording who did it and when. A to-do done already stays as it was.
    /// - Parameter by: The id of the colleague marking it done, or nil when unknown.
    /// - Throws: ``StoreError/todoNotFound(_:)``.
    public func completeTodo(id: Int64, by colleague: String?) throws(StoreError) -> CompletedTodo {
        try write { () throws(StoreError) -> CompletedTodo in
            let changed = try connection.execute(
                "UPDATE todos SET done = 1, done_at = ?, done_by = ? WHERE id = ? AND done = 0",
                [.text(now()), SQLValue(colleague), .integer(id)]
            )
            let row = try connection.queryFirst(
                Store.todoSelect + " WHERE id = ?", [.integer(id)], row: TodoRow.init
            )
            guard let row else {
                throw .todoNotFound(id)
            }
            return CompletedTodo(
                todo: row.todo(sharedWith: try shares(ofTodo: id)),
                alreadyDone: changed == 0,
                doneAt: row.doneAt,
                doneBy: row.doneBy
            )
        }
    }

    private func checkFilter(_ filter: TodoFilter) throws(StoreError) {
        for colleague in [filter.assignee, filter.sharedWith].compactMap({ $0 }) {
            try requireColleague(id: colleague)
        }
        if let personId = filter.personId {
            _ = try requirePerson(id: personId)
        }
        if let caseId = filter.caseId {
            _ = try requireCase(id: caseId, ofPerson: filter.personId)
        }
    }
}
