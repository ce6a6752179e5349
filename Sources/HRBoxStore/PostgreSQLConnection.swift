import CLibPQ
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One connection to a PostgreSQL server through libpq, with values sent as parameters, never as SQL text.
///
/// Not thread-safe: a libpq connection must not be used by two threads at once. Its owner, a
/// ``Store``, is used by one thread at a time.
final class PostgreSQLConnection: SQLDatabase {
    let dialect = SQLDialect.postgresql
    private let api: LibPQ
    private let handle: OpaquePointer
    /// The store's SQL with `?` placeholders, translated into PostgreSQL's `$N`, by the original text.
    private var translations: [String: String] = [:]

    /// Connects to the database the location's URI names.
    /// - Throws: ``StoreError/connectionFailed(store:reason:)`` when libpq cannot be loaded or the
    ///   server cannot be reached; the reason never contains the URI's password.
    init(uri: String, location: StoreLocation) throws(StoreError) {
        switch LibPQ.shared {
        case .success(let api):
            self.api = api
        case .failure(let error):
            throw .connectionFailed(
                store: location.description,
                reason: "\(LibPQ.fileName) cannot be loaded (\(error.reason)). Install libpq5, such as with apt-get install libpq5"
            )
        }

        guard let opened = api.connectdb(uri) else {
            throw .connectionFailed(store: location.description, reason: "libpq is out of memory")
        }
        guard api.status(opened) == CONNECTION_OK else {
            let reason = PostgreSQLConnection.message(api.errorMessage(opened), hiding: location.passwords)
            api.finish(opened)
            throw .connectionFailed(store: location.description, reason: reason)
        }
        handle = opened

        // libpq prints notices such as "relation already exists, skipping" on stderr by default.
        _ = api.setNoticeProcessor(handle, { _, _ in }, nil)
        guard api.setClientEncoding(handle, "UTF8") == 0 else {
            throw .connectionFailed(store: location.description, reason: "the server does not accept UTF-8 text")
        }
        // The row reader decodes bytea's hex form, the default since PostgreSQL 9.0 but a server setting.
        try execute("SET bytea_output = 'hex'")
    }

    deinit {
        api.finish(handle)
    }

    var isInTransaction: Bool {
        api.transactionStatus(handle) != PQTRANS_IDLE
    }

    @discardableResult
    func execute(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> Int {
        let result = try run(sql, values)
        defer { api.clear(result) }
        guard let count = api.commandTuples(result) else {
            return 0
        }
        return Int(String(cString: count)) ?? 0
    }

    func query<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> [T] {
        let result = try run(sql, values)
        defer { api.clear(result) }
        var rows: [T] = []
        for index in 0..<api.tupleCount(result) {
            rows.append(try makeValue(PostgreSQLRow(api: api, result: result, row: index)))
        }
        return rows
    }

    func queryFirst<T>(
        _ sql: String,
        _ values: [SQLValue],
        row makeValue: (any SQLRow) throws(StoreError) -> T
    ) throws(StoreError) -> T? {
        let result = try run(sql, values)
        defer { api.clear(result) }
        guard api.tupleCount(result) > 0 else {
            return nil
        }
        return try makeValue(PostgreSQLRow(api: api, result: result, row: 0))
    }

    /// Sends the statement with its values and returns its result, which the caller must clear.
    private func run(_ sql: String, _ values: [SQLValue]) throws(StoreError) -> OpaquePointer {
        let translated = translation(of: sql)
        let parameters = try PostgreSQLParameters(values, sql: sql)
        defer { parameters.deallocate() }

        let result = parameters.types.withUnsafeBufferPointer { types in
            parameters.values.withUnsafeBufferPointer { pointers in
                parameters.lengths.withUnsafeBufferPointer { lengths in
                    parameters.formats.withUnsafeBufferPointer { formats in
                        api.execParams(
                            handle, translated, Int32(values.count), types.baseAddress,
                            pointers.baseAddress, lengths.baseAddress, formats.baseAddress, 0
                        )
                    }
                }
            }
        }
        guard let result else {
            throw .postgresql(sqlState: "", message: PostgreSQLConnection.message(api.errorMessage(handle), hiding: []), sql: sql)
        }

        let status = api.resultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let error = self.error(of: result, sql: sql)
            api.clear(result)
            throw error
        }
        return result
    }

    private func translation(of sql: String) -> String {
        if let translated = translations[sql] {
            return translated
        }
        let translated = PostgreSQLPlaceholders.translate(sql)
        translations[sql] = translated
        return translated
    }

    /// Maps a failed result to the store's error by its SQLSTATE.
    private func error(of result: OpaquePointer, sql: String) -> StoreError {
        let sqlState = api.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PostgreSQLConnection.message(api.resultErrorField(result, Int32(UInt8(ascii: "M"))), hiding: [])
        switch sqlState {
        case "23505":
            let constraint = api.resultErrorField(result, Int32(UInt8(ascii: "n"))).map { String(cString: $0) }
            return .uniqueViolation(constraint: constraint ?? "a unique index", sql: sql)
        case "40001", "40P01":
            return .writeConflict(sql: sql)
        default:
            return .postgresql(sqlState: sqlState, message: message, sql: sql)
        }
    }

    /// Returns libpq's message without its final line break and with each password replaced by `***`.
    private static func message(_ text: UnsafeMutablePointer<CChar>?, hiding passwords: [String]) -> String {
        var message = text.map { String(cString: $0) } ?? "unknown error"
        for password in passwords {
            message = message.replacingOccurrences(of: password, with: "***")
        }
        return message.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
