/// The tables of an SQLite store at schema version 1, as the first hrbox created them. Later versions
/// change them through the steps of ``SchemaMigration/all``. Each column's meaning is documented here;
/// ``PostgreSQLSchema`` has the same tables and columns.
///
/// Columns ending in `_key` or named `search_text` hold text folded by ``SearchText/fold(_:)``:
/// they exist for comparing, searching and sorting, never for showing. Time stamps are RFC 3339
/// instants in UTC with seconds; dates are `YYYY-MM-DD`.
enum SQLiteSchema {
    static let version1 = [
        // people: one row per person with a personnel file.
        //   id               the person's id, as the protocol shows it
        //   first_name       as entered; first_name or last_name is non-empty
        //   last_name        as entered
        //   employee_number  the HR system's number, unique ignoring ASCII letter case; NULL when the person has none
        //   department       NULL when unknown
        //   job_title        NULL when unknown
        //   status           'employee', 'applicant' or 'formerEmployee'
        //   first_key        folded first name
        //   last_key         folded last name
        //   employee_key     folded employee number, '' when there is none
        //   search_text      folded names, both name orders, addresses and employee number, one per line
        //   created_at       when the person was added
        //   updated_at       when the person was last added or updated
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            employee_number TEXT UNIQUE COLLATE NOCASE,
            department TEXT,
            job_title TEXT,
            status TEXT NOT NULL CHECK (status IN ('employee', 'applicant', 'formerEmployee')),
            first_key TEXT NOT NULL,
            last_key TEXT NOT NULL,
            employee_key TEXT NOT NULL,
            search_text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (first_name <> '' OR last_name <> '')
        ) STRICT
        """,

        // addresses: the email addresses of people; each belongs to one person only.
        //   person_id   the person the address belongs to
        //   position    order among the person's addresses, from 0; 0 is the main address
        //   address     the addr-spec as entered
        //   lookup_key  the address's key from MailReading's AddressKey, unique across all people
        //   search_key  the folded addr-spec, for exact matches in a search
        """
        CREATE TABLE addresses (
            person_id INTEGER NOT NULL REFERENCES people (id),
            position INTEGER NOT NULL,
            address TEXT NOT NULL,
            lookup_key TEXT NOT NULL UNIQUE,
            search_key TEXT NOT NULL,
            PRIMARY KEY (person_id, position)
        ) STRICT
        """,

        // colleagues: the HR team members to-dos are assigned to and shared with.
        //   id        a short login-like id such as 'mkeller'
        //   name      the name to show
        //   address   the colleague's addr-spec; NULL when unknown
        //   sort_key  folded name, for listing by name
        """
        CREATE TABLE colleagues (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            address TEXT,
            sort_key TEXT NOT NULL
        ) STRICT
        """,

        // case_types: kinds of case, each with a workflow.
        //   id        the case type's id
        //   name      the name to show
        //   name_key  the name folded for letter case, unique, so names differing only in case are one case type
        """
        CREATE TABLE case_types (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE
        ) STRICT
        """,

        // workflow_steps: the steps of a case type's workflow; each becomes a to-do when a case starts.
        //   case_type_id    the case type
        //   position        the step's position in the workflow, from 1
        //   title           the title of the to-do the step creates
        //   due_after_days  days from the case's start date to the to-do's due date, 0 or more
        //   assignee        the colleague the to-do goes to; NULL for whoever starts the case
        """
        CREATE TABLE workflow_steps (
            case_type_id INTEGER NOT NULL REFERENCES case_types (id),
            position INTEGER NOT NULL CHECK (position >= 1),
            title TEXT NOT NULL,
            due_after_days INTEGER NOT NULL CHECK (due_after_days >= 0),
            assignee TEXT REFERENCES colleagues (id),
            PRIMARY KEY (case_type_id, position)
        ) STRICT
        """,

        // cases: matters in a person's personnel file, each started from a case type.
        //   id            the case's id
        //   person_id     the person whose personnel file contains the case
        //   case_type_id  the case type it was started from
        //   title         the title to show
        //   status        'open' or 'closed'
        //   start_date    the day the case started
        //   started_by    the id of the colleague who started it; NULL when unknown
        //   created_at    when the case was stored
        """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people (id),
            case_type_id INTEGER NOT NULL REFERENCES case_types (id),
            title TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
            start_date TEXT NOT NULL,
            started_by TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (id, person_id)
        ) STRICT
        """,

        // messages: raw messages, each stored once however often it is filed.
        //   id            the message reference the protocol shows
        //   sha256        SHA-256 of raw in lower-case hex, unique: the message's identity
        //   raw           the message's bytes exactly as received
        //   size          the number of bytes in raw
        //   message_id    the Message-ID header; NULL when missing
        //   subject       the decoded Subject header; NULL when missing
        //   date          the Date header as RFC 3339 with the sender's offset; NULL when missing or unreadable
        //   sort_instant  the Date header in seconds since 1970 UTC, for ordering; NULL when unknown
        //   stored_at     when the bytes were first stored
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            raw BLOB NOT NULL,
            size INTEGER NOT NULL,
            message_id TEXT,
            subject TEXT,
            date TEXT,
            sort_instant REAL,
            stored_at TEXT NOT NULL
        ) STRICT
        """,

        // filings: a stored message filed in a person's personnel file, optionally under a case.
        //   id          the filing's id
        //   message_id  the stored message (messages.id, not the Message-ID header)
        //   person_id   the person whose personnel file it is filed in
        //   case_id     a case of that person; NULL when filed without a case
        //   direction   'received' or 'sent', from the point of view of the user who filed it
        //   filed_at    when it was filed
        //   filed_by    the id of the colleague who filed it; NULL when unknown
        """
        CREATE TABLE filings (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages (id),
            person_id INTEGER NOT NULL REFERENCES people (id),
            case_id INTEGER,
            direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
            filed_at TEXT NOT NULL,
            filed_by TEXT,
            FOREIGN KEY (case_id, person_id) REFERENCES cases (id, person_id)
        ) STRICT
        """,
        // A message is filed at most once per person and case; no case counts as a case of its own.
        "CREATE UNIQUE INDEX filings_once ON filings (message_id, person_id, IFNULL(case_id, 0))",
        "CREATE INDEX filings_by_person ON filings (person_id)",

        // todos: tasks for colleagues, planned by hand or created by a workflow.
        //   id             the to-do's id
        //   title          what is to be done
        //   due            the due date; NULL when it has none
        //   assignee       the colleague responsible; NULL when no one is
        //   person_id      the person it concerns; NULL for none
        //   case_id        a case of that person; NULL for none
        //   message_id     the stored message it was planned from; NULL for none
        //   done           1 when done, else 0
        //   created_at     when it was created
        //   created_by     the id of the colleague who created it or started its case; NULL when unknown
        //   workflow_step  the position of the workflow step that created it; NULL when planned by hand
        """
        CREATE TABLE todos (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (title <> ''),
            due TEXT,
            assignee TEXT REFERENCES colleagues (id),
            person_id INTEGER REFERENCES people (id),
            case_id INTEGER,
            message_id INTEGER REFERENCES messages (id),
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL,
            created_by TEXT,
            workflow_step INTEGER,
            FOREIGN KEY (case_id, person_id) REFERENCES cases (id, person_id),
            CHECK (case_id IS NULL OR person_id IS NOT NULL)
        ) STRICT
        """,
        "CREATE INDEX todos_by_person ON todos (person_id)",

        // todo_shares: the colleagues a to-do is shared with besides its assignee.
        //   todo_id       the to-do
        //   colleague_id  a colleague it is shared with
        """
        CREATE TABLE todo_shares (
            todo_id INTEGER NOT NULL REFERENCES todos (id),
            colleague_id TEXT NOT NULL REFERENCES colleagues (id),
            PRIMARY KEY (todo_id, colleague_id)
        ) STRICT
        """,
        "CREATE INDEX cases_by_person ON cases (person_id)",
    ]
}
