import CSQLite

/// One SQLite connection with its prepared statements, cached by their SQL text.
///
/// Not thread-safe: the connection is opened in SQLite's multi-thread mode (no mutex of its own),
/// and the statement cache is a plain dictionary. Its owner, a ``Store``, is used by one thread at a time.
final class SQLiteConnection: SQLDatabase {
    let dialect = SQLDialect.sqlite
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    /// Opens or creates the database file at `path`.
    /// - Parameter readOnly: Open an existing file for reading only, creating nothing.
    init(path: String, readOnly: Bool = false) throws(StoreError) {
        var opened: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let flags = access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else {
            throw StoreError.sqlite(code: code, extendedCode: code, message: "out of memory", sql: "open")
        }
        guard code == SQLITE_OK else {
            let error = SQLiteConnection.error(of: opened, code: code, sql: "open")
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
    }

    deinit {
        for statement in statements.values {
            sqlite3_finalize(statement)
        }
        sqlite3_close_v2(handle)
    }

    /// Always false: an SQLite file has no connection that can break.
    var isConnectionLost: Bool {
        false
    }

    /// True while a transaction is open, including one SQLite rolled back on its own after an error.
    var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    func setBusyTimeout(milliseconds: Int32) throws(StoreError) {
        let code = sqlite3_busy_timeout(handle, milliseconds)
        guard code == SQLITE_OK else {
            throw SQLiteConnection.error(of: handle, code: code, sql: "busy_timeout")
        }
    }

    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> Int {
        try withStatement(sql, values) { (statement) throws(StoreError) -> Int in
            var code = sqlite3_step(statement)
            while code == SQLITE_ROW {
                code = sqlite3_step(statement)
            }
            guard code == SQLITE_DONE else {
                throw SQLiteConnection.error(of: handle, code: code, sql: sql)
            }
            return Int(sqlite3_changes(handle))
        }
    }

    func query<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> [T] {
        try withStatement(sql, values) { (statement) throws(StoreError) -> [T] in
            var results: [T] = []
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE {
                    return results
                }
                guard code == SQLITE_ROW else {
                    throw SQLiteConnection.error(of: handle, code: code, sql: sql)
                }
                results.append(try makeValue(SQLiteRow(statement: statement)))
            }
        }
    }

    func queryFirst<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> T? {
        try withStatement(sql, values) { (statement) throws(StoreError) -> T? in
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE {
                return nil
            }
            guard code == SQLITE_ROW else {
                throw SQLiteConnection.error(of: handle, code: code, sql: sql)
            }
            return try makeValue(SQLiteRow(statement: statement))
        }
    }

    /// Binds the values to the cached statement for `sql`, runs `body` on it, then resets it for the next use.
    private func withStatement<T>(
        _ sql: String,
        _ values: [SQLValue],
        _ body: (OpaquePointer) throws(StoreError) -> T
    ) throws(StoreError) -> T {
        let statement = try preparedStatement(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        return try bind(values[...], to: statement, sql: sql) { () throws(StoreError) -> T in try body(statement) }
    }

    /// Binds the values from the first placeholder on, then runs `body` while they are bound.
    ///
    /// A blob is bound without a copy and stays valid because `body` runs inside the closure that
    /// lends its bytes, one closure per blob, so storing a 50 MB message does not copy it once more.
    private func bind<T>(
        _ values: ArraySlice<SQLValue>,
        to statement: OpaquePointer,
        sql: String,
        _ body: () throws(StoreError) -> T
    ) throws(StoreError) -> T {
        guard let value = values.first else {
            return try body()
        }
        let index = Int32(values.startIndex + 1)
        let rest = values.dropFirst()

        guard case .blob(let bytes) = value, !bytes.isEmpty else {
            try check(bind(value, to: statement, at: index), sql: sql)
            return try bind(rest, to: statement, sql: sql, body)
        }
        // The closure returns a Result because withUnsafeBytes does not keep the typed error.
        let result = bytes.withUnsafeBytes { (buffer) -> Result<T, StoreError> in
            do throws(StoreError) {
                // SQLITE_STATIC: SQLite reads the bytes in place until the statement is reset after `body`.
                try check(sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), nil), sql: sql)
                return .success(try bind(rest, to: statement, sql: sql, body))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func check(_ code: Int32, sql: String) throws(StoreError) {
        guard code == SQLITE_OK else {
            throw SQLiteConnection.error(of: handle, code: code, sql: sql)
        }
    }

    private func preparedStatement(_ sql: String) throws(StoreError) -> OpaquePointer {
        if let cached = statements[sql] {
            return cached
        }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw SQLiteConnection.error(of: handle, code: code, sql: sql)
        }
        statements[sql] = prepared
        return prepared
    }

    private func bind(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .text(let text):
            // The byte count keeps any NUL inside the text, which a C string would cut off.
            return sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), transientDestructor)
        case .blob(let bytes):
            // sqlite3_bind_blob with no data binds NULL, so an empty blob needs its own call.
            guard !bytes.isEmpty else {
                return sqlite3_bind_zeroblob(statement, index, 0)
            }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), transientDestructor)
            }
        }
    }

    static func error(of handle: OpaquePointer, code: Int32, sql: String) -> StoreError {
        let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
        let extendedCode = sqlite3_extended_errcode(handle)
        // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE, whose macros Swift does not import.
        if extendedCode == SQLITE_CONSTRAINT | (6 << 8) || extendedCode == SQLITE_CONSTRAINT | (8 << 8) {
            // SQLite's message names the table and column, such as "UNIQUE constraint failed: people.id".
            return .uniqueViolation(constraint: message, sql: sql)
        }
        return .sqlite(code: code & 0xFF, extendedCode: extendedCode, message: message, sql: sql)
    }
}

/// Tells SQLite to copy a bound buffer at once, because Swift frees it when the call returns.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
