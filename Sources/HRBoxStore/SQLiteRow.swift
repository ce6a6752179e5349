import CSQLite

/// The current row of an SQLite query. Valid only inside the row closure.
struct SQLiteRow: SQLRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    func real(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(statement, column)
    }

    func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else {
            return nil
        }
        let count = Int(sqlite3_column_bytes(statement, column))
        let bytes = UnsafeBufferPointer(start: pointer, count: count)
        return String(decoding: bytes, as: UTF8.self)
    }

    func blob(_ column: Int32) -> [UInt8] {
        // SQLite wants the pointer read before the size.
        let pointer = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer else {
            return []
        }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
