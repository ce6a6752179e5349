/// A table of the current schema as ``Store/copy(from:to:actor:progress:)`` moves it: its columns,
/// the order its rows are read in, and how each column is read.
struct CopiedTable: Sendable {
    enum ColumnKind: Sendable {
        case integer
        case real
        case text
        case blob
    }

    /// The order rows are read in. Insertion order matters only for `todo_shares`, whose order is
    /// SQLite's rowid or PostgreSQL's identity column and is not copied as a value.
    enum Ordering: Sendable {
        case columns(String)
        case insertion
    }

    let name: String
    let columns: [(name: String, kind: ColumnKind)]
    let ordering: Ordering
    /// True when `id` is a PostgreSQL identity column that takes copied values, so that its sequence
    /// must be moved past the largest copied id.
    let hasIdentity: Bool
    /// Rows read and written at a time; small for messages, whose bytes may be large.
    var pageSize = 500

    func orderBy(_ dialect: SQLDialect) -> String {
        switch ordering {
        case .columns(let columns):
            columns
        case .insertion:
            dialect.todoShareOrder
        }
    }

    /// Every table of schema version 2 except the derived search index, parents before the tables
    /// that refer to them.
    static let all: [CopiedTable] = [
        CopiedTable(
            name: "colleagues",
            columns: [("id", .text), ("name", .text), ("address", .text), ("sort_key", .text)],
            ordering: .columns("id"),
            hasIdentity: false
        ),
        CopiedTable(
            name: "people",
            columns: [
                ("id", .integer), ("first_name", .text), ("last_name", .text), ("employee_number", .text),
                ("department", .text), ("job_title", .text), ("status", .text), ("first_key", .text),
                ("last_key", .text), ("employee_key", .text), ("search_text", .text), ("created_at", .text),
                ("updated_at", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true
        ),
        CopiedTable(
            name: "addresses",
            columns: [
                ("person_id", .integer), ("position", .integer), ("address", .text), ("lookup_key", .text),
                ("search_key", .text),
            ],
            ordering: .columns("person_id, position"),
            hasIdentity: false
        ),
        CopiedTable(
            name: "case_types",
            columns: [("id", .integer), ("name", .text), ("name_key", .text)],
            ordering: .columns("id"),
            hasIdentity: true
        ),
        CopiedTable(
            name: "workflow_steps",
            columns: [
                ("case_type_id", .integer), ("position", .integer), ("title", .text), ("due_after_days", .integer),
                ("assignee", .text),
            ],
            ordering: .columns("case_type_id, position"),
            hasIdentity: false
        ),
        CopiedTable(
            name: "cases",
            columns: [
                ("id", .integer), ("person_id", .integer), ("case_type_id", .integer), ("title", .text),
                ("status", .text), ("start_date", .text), ("started_by", .text), ("created_at", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true
        ),
        CopiedTable(
            name: "messages",
            columns: [
                ("id", .integer), ("sha256", .text), ("raw", .blob), ("size", .integer), ("message_id", .text),
                ("subject", .text), ("date", .text), ("sort_instant", .real), ("stored_at", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true,
            pageSize: 20
        ),
        CopiedTable(
            name: "filings",
            columns: [
                ("id", .integer), ("message_id", .integer), ("person_id", .integer), ("case_id", .integer),
                ("direction", .text), ("filed_at", .text), ("filed_by", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true
        ),
        CopiedTable(
            name: "todos",
            columns: [
                ("id", .integer), ("title", .text), ("due", .text), ("assignee", .text), ("person_id", .integer),
                ("case_id", .integer), ("message_id", .integer), ("done", .integer), ("created_at", .text),
                ("created_by", .text), ("workflow_step", .integer), ("done_at", .text), ("done_by", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true
        ),
        CopiedTable(
            name: "todo_shares",
            columns: [("todo_id", .integer), ("colleague_id", .text)],
            ordering: .insertion,
            hasIdentity: false
        ),
        CopiedTable(
            name: "audit_events",
            columns: [
                ("id", .integer), ("recorded_at", .text), ("colleague", .text), ("client", .text), ("action", .text),
                ("person_id", .integer), ("case_id", .integer), ("message_ref", .integer), ("todo_id", .integer),
                ("details", .text),
            ],
            ordering: .columns("id"),
            hasIdentity: true
        ),
    ]

    var columnList: String {
        columns.map(\.name).joined(separator: ", ")
    }

    /// Reads one column of the current row as the value to bind in the destination.
    func value(of row: any SQLRow, at index: Int) -> SQLValue {
        let column = Int32(index)
        if row.isNull(column) {
            return .null
        }
        switch columns[index].kind {
        case .integer:
            return .integer(row.integer(column))
        case .real:
            return row.real(column).map { .real($0) } ?? .null
        case .text:
            return .text(row.text(column))
        case .blob:
            return .blob(row.blob(column))
        }
    }
}
