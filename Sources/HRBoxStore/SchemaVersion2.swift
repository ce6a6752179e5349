/// The tables schema version 2 adds to version 1: the audit trail, who completed a to-do and when,
/// and the full-text index of stored messages.
///
/// A store of version 1 gets these statements and then ``backfill`` in the transaction that
/// raises `PRAGMA user_version` to 2. Every statement is plain SQL that PostgreSQL accepts too,
/// except ``searchIndexStatements``, which need SQLite's FTS5 extension.
enum SchemaVersion2 {
    static let version = 2

    static let statements = [
        // audit_events: one row per change, written in the transaction of the change. Rows are never
        // changed or deleted, and carry no foreign keys, so that the history outlives unfiled messages.
        // Message bytes and bodies are never stored here.
        //   id           the event's id, increasing with time
        //   recorded_at  when the change was made
        //   colleague    the id of the colleague who made it; NULL when the user names no colleague
        //   client       the client's name from initialize, or the command such as 'hrbox people import';
        //                NULL when unknown
        //   action       what changed: 'filed', 'unfiled', 'moved', 'personAdded', 'personUpdated',
        //                'addressAdded', 'addressRemoved', 'caseStarted', 'todoAdded' or 'todoDone'
        //   person_id    the person whose personnel file changed; NULL for none
        //   case_id      the case concerned; NULL for none
        //   message_ref  the stored message concerned (messages.id); NULL for none
        //   todo_id      the to-do concerned; NULL for none
        //   details      a JSON object of strings with what else the change needs to be understood,
        //                such as the address added or where a message moved from
        """
        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            colleague TEXT,
            client TEXT,
            action TEXT NOT NULL CHECK (action IN ('filed', 'unfiled', 'moved', 'personAdded', 'personUpdated', 'addressAdded',
                'addressRemoved', 'caseStarted', 'todoAdded', 'todoDone')),
            person_id INTEGER,
            case_id INTEGER,
            message_ref INTEGER,
            todo_id INTEGER,
            details TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX audit_events_by_person ON audit_events (person_id, id)",

        // todos gains who completed a to-do and when.
        //   done_at  when the to-do was marked done; NULL while open, and for to-dos done before version 2
        //   done_by  the id of the colleague who marked it done; NULL when open or unknown
        "ALTER TABLE todos ADD COLUMN done_at TEXT",
        "ALTER TABLE todos ADD COLUMN done_by TEXT",
        "CREATE INDEX todos_by_assignee ON todos (assignee)",
        "CREATE INDEX todo_shares_by_colleague ON todo_shares (colleague_id)",
    ]

    /// The full-text index of stored messages, SQLite only.
    ///
    /// message_search: one row per stored message, its rowid being messages.id. The text comes from
    /// the message's bytes as MailReading reads them; ``Store/indexMessage(ref:bytes:)`` fills it.
    /// unicode61 with remove_diacritics 2 folds letter case and diacritics, so "muller" finds "Müller".
    ///   subject       the decoded Subject
    ///   body          the body text, up to its first 256 KiB (MailMessage.bodyText)
    ///   participants  the names and addr-specs of From, Sender, Reply-To, To, Cc and Bcc, one per line
    ///   attachments   the file names of the attachments, one per line
    static let searchIndexStatements = [
        """
        CREATE VIRTUAL TABLE message_search USING fts5(
            subject, body, participants, attachments,
            tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
    ]
}

extension Store {
    /// Applies schema version 2 to a store of version 1, inside the caller's transaction, and indexes
    /// every message stored before, so that search also finds messages filed before the upgrade.
    func applySchemaVersion2() throws(StoreError) {
        for statement in SchemaVersion2.statements + SchemaVersion2.searchIndexStatements {
            try connection.execute(statement)
        }

        let refs = try connection.query("SELECT id FROM messages ORDER BY id") { $0.integer(0) }
        for ref in refs {
            guard let bytes = try rawMessage(ref: ref) else {
                continue
            }
            try indexMessage(ref: ref, bytes: bytes)
        }
    }
}
