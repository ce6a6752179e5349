/// Schema version 3: indexes for address completion (``Store/completePeople(_:limit:)``).
///
/// Completion runs after every pause in typing, so it looks people up by the start of a folded
/// first name, last name or address, and by the folded employee number, through these indexes
/// instead of reading every person. PostgreSQL compares the prefixes in the "C" collation, which
/// orders by code point, so its indexes use that collation. `IF NOT EXISTS` lets a store that was
/// turned back to an older version by hand keep the indexes it has.
enum SchemaVersion3 {
    static let sqliteStatements = [
        "CREATE INDEX IF NOT EXISTS people_by_first_key ON people (first_key)",
        "CREATE INDEX IF NOT EXISTS people_by_last_key ON people (last_key)",
        "CREATE INDEX IF NOT EXISTS people_by_employee_key ON people (employee_key)",
        "CREATE INDEX IF NOT EXISTS addresses_by_search_key ON addresses (search_key)",
    ]

    static let postgresqlStatements = [
        #"CREATE INDEX IF NOT EXISTS people_by_first_key ON people (first_key COLLATE "C")"#,
        #"CREATE INDEX IF NOT EXISTS people_by_last_key ON people (last_key COLLATE "C")"#,
        "CREATE INDEX IF NOT EXISTS people_by_employee_key ON people (employee_key)",
        #"CREATE INDEX IF NOT EXISTS addresses_by_search_key ON addresses (search_key COLLATE "C")"#,
    ]
}
