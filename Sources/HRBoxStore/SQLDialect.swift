/// The SQL that differs between SQLite and PostgreSQL; everything else the store runs is shared.
enum SQLDialect: Sendable {
    case sqlite
    case postgresql

    /// The statements that open an outermost write transaction and take the store's write lock.
    ///
    /// Both backends let one writer in at a time, so that checks made at the start of a write still hold
    /// at its end. PostgreSQL gets this from a transaction-level advisory lock that every hrbox writer takes.
    var beginWrite: [String] {
        switch self {
        case .sqlite:
            ["BEGIN IMMEDIATE"]
        case .postgresql:
            ["BEGIN", "SELECT pg_advisory_xact_lock(\(SQLDialect.writeLockKey))"]
        }
    }

    /// The statement that opens an outermost transaction for several reads that must see one state.
    var beginRead: String {
        switch self {
        case .sqlite:
            "BEGIN DEFERRED"
        case .postgresql:
            "BEGIN ISOLATION LEVEL REPEATABLE READ"
        }
    }

    /// The function that returns the 1-based position of its second argument in its first, 0 when absent.
    var substringPosition: String {
        switch self {
        case .sqlite:
            "instr"
        case .postgresql:
            "strpos"
        }
    }

    /// The column that orders `todo_shares` rows by insertion: SQLite's rowid, a PostgreSQL identity column.
    var todoShareOrder: String {
        switch self {
        case .sqlite:
            "rowid"
        case .postgresql:
            "id"
        }
    }

    /// The key of the PostgreSQL advisory lock hrbox writers take: "hrbox" in ASCII.
    static let writeLockKey: Int64 = 0x68_72_62_6F_78
}

extension SQLDialect {
    /// The operator that compares two values as equal when both are NULL: SQLite's `IS`, and the
    /// standard form PostgreSQL has.
    var nullSafeEquals: String {
        switch self {
        case .sqlite:
            "IS"
        case .postgresql:
            "IS NOT DISTINCT FROM"
        }
    }
}
