import Foundation
import PostgreSQLTestServer

/// The kind of store a test runs `hrbox serve` on; each test gets a store of its own.
enum StoreBackend: String, CustomStringConvertible {
    case sqlite
    case postgreSQL

    var description: String {
        rawValue
    }

    /// True when a test can get a store of this kind. PostgreSQL stores come from the throwaway test
    /// server, which needs initdb. Under `CI=true` they count as available, so a missing initdb fails
    /// the PostgreSQL tests instead of skipping them.
    var isAvailable: Bool {
        switch self {
        case .sqlite:
            return true
        case .postgreSQL:
            return PostgreSQLServer.binaryFolder != nil || ProcessInfo.processInfo.environment["CI"] == "true"
        }
    }

    /// Returns the `--store` value for a new, empty store of this kind: a file in `folder`, or a fresh
    /// database of the test PostgreSQL server.
    func makeStore(in folder: TemporaryFolder) throws -> String {
        switch self {
        case .sqlite:
            return folder.path("store/hrbox.sqlite")
        case .postgreSQL:
            return try PostgreSQLServer.shared.get().createDatabaseURI()
        }
    }
}

/// Runs SQL on an SQLite store through the `sqlite3` program, to look at what hrbox wrote.
enum SQLiteShell {
    static var isAvailable: Bool {
        ExternalProgram.available("sqlite3")
    }

    /// Runs `sql` on the store and returns each row's columns, split at `|`.
    static func rows(_ sql: String, store: String) throws -> [[String]] {
        guard let sqlite3 = ExternalProgram.find("sqlite3") else {
            throw SetupError("sqlite3 is not on PATH; install Debian's sqlite3 package")
        }
        let output = try runProgram(sqlite3, ["-batch", "-bail", store], input: Data(sql.utf8))
        guard output.status == 0, output.standardError.isEmpty else {
            throw SetupError("sqlite3 failed with status \(output.status) on \(sql): \(output.standardError)")
        }
        return output.text.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs a query that returns one number.
    static func count(_ sql: String, store: String) throws -> Int {
        let rows = try rows(sql, store: store)
        guard rows.count == 1, rows[0].count == 1, let value = Int(rows[0][0]) else {
            throw SetupError("expected one number from \(sql), got \(rows)")
        }
        return value
    }
}
