import CSQLite

/// The current row of a query, read by column index from 0. Valid only inside the row closure.
struct SQLiteRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    func optionalInteger(_ column: Int32) -> Int64? {
        isNull(column) ? nil : integer(column)
    }

    func real(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(statement, column)
    }

    func bool(_ column: Int32) -> Bool {
        integer(column) != 0
    }

    /// The column as text; NULL reads as the empty string.
    func text(_ column: Int32) -> String {
        optionalText(column) ?? ""
    }

    func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else {
            return nil
        }
        let count = Int(sqlite3_column_bytes(statement, column))
        let bytes = UnsafeBufferPointer(start: pointer, count: count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The column as bytes; NULL and a zero-length blob both read as no bytes.
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
