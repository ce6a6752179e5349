/// Schema version 3 lets `audit_events.action` be 'storeCopied', the event `hrbox store copy`
/// records on the store it copied into.
///
/// SQLite cannot change a CHECK constraint, so its table is rebuilt with its rows and ids. That is safe
/// because audit_events has no foreign keys in either direction.
enum SchemaVersion3 {
    private static let actions = """
        action IN ('filed', 'unfiled', 'moved', 'personAdded', 'personUpdated', 'addressAdded',
            'addressRemoved', 'caseStarted', 'todoAdded', 'todoDone', 'storeCopied')
        """

    static let sqliteStatements = [
        """
        CREATE TABLE audit_events_version3 (
            id INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            colleague TEXT,
            client TEXT,
            action TEXT NOT NULL CHECK (\(actions)),
            person_id INTEGER,
            case_id INTEGER,
            message_ref INTEGER,
            todo_id INTEGER,
            details TEXT NOT NULL
        ) STRICT
        """,
        """
        INSERT INTO audit_events_version3
        SELECT id, recorded_at, colleague, client, action, person_id, case_id, message_ref, todo_id, details
        FROM audit_events
        """,
        "DROP TABLE audit_events",
        "ALTER TABLE audit_events_version3 RENAME TO audit_events",
        "CREATE INDEX audit_events_by_person ON audit_events (person_id, id)",
    ]

    /// PostgreSQL named the column's CHECK constraint `audit_events_action_check` when version 2 created it.
    static let postgresqlStatements = [
        "ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check",
        "ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (\(actions))",
    ]
}
