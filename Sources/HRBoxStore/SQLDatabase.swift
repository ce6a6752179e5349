/// A connection to the database behind a ``Store``: SQLite or PostgreSQL.
///
/// Statements use `?` placeholders, or `?N` for the N-th value when a value is used more than once.
/// A connection is not thread-safe; its owner, a ``Store``, is used by one thread at a time.
protocol SQLDatabase: AnyObject {
    /// The SQL dialect, for the few statements that must differ between the backends.
    var dialect: SQLDialect { get }

    /// True while a transaction is open, including one that failed and awaits its rollback.
    var isInTransaction: Bool { get }

    /// True once the connection to a database server broke; every later statement fails.
    var isConnectionLost: Bool { get }

    /// Runs a statement that returns no rows of interest.
    /// - Returns: The number of rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> Int

    /// Runs a query and turns each of its rows into a value.
    func query<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> [T]

    /// Runs a query and returns its first row turned into a value, or nil when it has none.
    func queryFirst<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> T?
}

extension SQLDatabase {
    @discardableResult
    func execute(_ sql: String) throws(StoreError) -> Int {
        try execute(sql, [])
    }

    func query<T>(_ sql: String, row makeValue: (any SQLRow) throws(StoreError) -> T) throws(StoreError) -> [T] {
        try query(sql, [], row: makeValue)
    }

    func queryFirst<T>(_ sql: String, row makeValue: (any SQLRow) throws(StoreError) -> T) throws(StoreError) -> T? {
        try queryFirst(sql, [], row: makeValue)
    }

    /// Runs an INSERT that ends in `RETURNING id` and returns the new row's id.
    func insert(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> Int64 {
        guard let id = try queryFirst(sql, values, row: { $0.integer(0) }) else {
            throw .invalidValue(field: "id", reason: "the database returned no id for a new row. Try again.")
        }
        return id
    }
}

/// The current row of a query, read by column index from 0. Valid only inside the row closure.
protocol SQLRow {
    func isNull(_ column: Int32) -> Bool
    func integer(_ column: Int32) -> Int64
    func real(_ column: Int32) -> Double?
    /// Returns the column as text, or nil for NULL.
    func optionalText(_ column: Int32) -> String?
    /// Returns the column as bytes. NULL and zero bytes both read as an empty array.
    func blob(_ column: Int32) -> [UInt8]
}

extension SQLRow {
    func optionalInteger(_ column: Int32) -> Int64? {
        isNull(column) ? nil : integer(column)
    }

    func bool(_ column: Int32) -> Bool {
        integer(column) != 0
    }

    /// Returns the column as text, with NULL as the empty string.
    func text(_ column: Int32) -> String {
        optionalText(column) ?? ""
    }
}
