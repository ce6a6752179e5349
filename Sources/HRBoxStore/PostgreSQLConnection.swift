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

    /// False on a lost connection too, since the server rolls back what the connection left open.
    var isInTransaction: Bool {
        let status = api.transactionStatus(handle)
        return status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN
    }

    /// Also notices a server that closed the connection while it was idle, such as on a restart:
    /// PQconsumeInput reads what has arrived without waiting, and an end of file marks the connection
    /// bad. A server that shuts down sends a message before it closes, so the first read may take
    /// only that message and the second meet the end of file.
    var isConnectionLost: Bool {
        for _ in 0..<2 where api.status(handle) == CONNECTION_OK {
            _ = api.consumeInput(handle)
        }
        return api.status(handle) == CONNECTION_BAD
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
            let message = PostgreSQLConnection.message(api.errorMessage(handle), hiding: [])
            if isConnectionLost {
                throw .connectionLost(reason: message, sql: sql)
            }
            throw .postgresql(sqlState: "", message: message, sql: sql)
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
    ///
    /// A broken connection gives class 08, or no SQLSTATE at all when libpq itself noticed the break.
    private func error(of result: OpaquePointer, sql: String) -> StoreError {
        let sqlState = api.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PostgreSQLConnection.message(api.resultErrorField(result, Int32(UInt8(ascii: "M"))), hiding: [])
        if sqlState.hasPrefix("08") || isConnectionLost {
            // libpq keeps the message of a break it noticed itself on the connection, not the result.
            let reason = sqlState.isEmpty ? PostgreSQLConnection.message(api.errorMessage(handle), hiding: []) : message
            return .connectionLost(reason: reason, sql: sql)
        }
        switch sqlState {
        case "42501":
            return .permissionDenied(privilege: PostgreSQLConnection.privilege(neededBy: sql, message: message), message: message, sql: sql)
        case "23505":
            let constraint = api.resultErrorField(result, Int32(UInt8(ascii: "n"))).map { String(cString: $0) }
            return .uniqueViolation(constraint: constraint ?? "a unique index", sql: sql)
        case "40001", "40P01":
            return .writeConflict(sql: sql)
        default:
            return .postgresql(sqlState: sqlState, message: message, sql: sql)
        }
    }

    /// Returns the privilege a statement needs, named as GRANT names it, from its first word.
    ///
    /// An INSERT that is denied on a sequence lacks USAGE on that sequence, which its identity column draws from.
    static func privilege(neededBy sql: String, message: String) -> String {
        let verb = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix { $0.isLetter }
            .uppercased()
        switch verb {
        case "SELECT", "WITH":
            return "SELECT"
        case "INSERT" where message.contains("sequence"):
            return "USAGE on the sequence"
        case "INSERT", "UPDATE", "DELETE":
            return verb
        case "CREATE", "ALTER", "DROP", "COMMENT":
            return "CREATE on the schema (or ownership)"
        default:
            return verb.isEmpty ? "required" : verb
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
