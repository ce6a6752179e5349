import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The SQLite store of people, personnel files, cases, case types, colleagues and to-dos.
///
/// A store must not be used from two threads at once: it keeps one SQLite connection opened without
/// SQLite's own mutex and a cache of prepared statements that is not locked. Give it one serial
/// owner, such as an actor or a serial queue, and hand it over rather than share it.
///
/// Every write runs inside one transaction, so a failed write leaves nothing half-written.
// @unchecked Sendable: safe because the store has one serial owner at a time, as documented above.
public final class Store: @unchecked Sendable {
    let connection: SQLiteConnection
    let clock: @Sendable () -> Date
    /// How many transactions and savepoints are open, so that a nested transaction becomes a savepoint.
    var transactionDepth = 0

    /// Opens the store at `path`, creating it and its missing directories when needed.
    ///
    /// New directories get mode 0700 and a new file mode 0600; SQLite gives its -wal and -shm
    /// files the mode of the database file.
    /// - Parameters:
    ///   - path: The store's file.
    ///   - clock: The time stamps of filings, to-dos and cases come from it.
    /// - Throws: ``StoreError/newerSchema(found:supported:)`` for a store written by a newer hrbox,
    ///   ``StoreError/fileSystem(path:reason:)`` when a directory or the file cannot be created.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        try StoreFile.createParentDirectories(of: path)
        try StoreFile.createOwnerOnlyFile(at: path)

        connection = try SQLiteConnection(path: path)
        self.clock = clock

        try connection.setBusyTimeout(milliseconds: 5_000)
        try connection.execute("PRAGMA foreign_keys = ON")
        _ = try connection.queryFirst("PRAGMA journal_mode = WAL") { $0.text(0) }
        // WAL's default (NORMAL) may lose the last commits on power loss; personnel files may lose none.
        try connection.execute("PRAGMA synchronous = FULL")
        try migrate()
    }

    /// Returns the store's file when none is given: `HRBOX_STORE`, else `$XDG_DATA_HOME/hrbox/hrbox.sqlite`,
    /// else `$HOME/.local/share/hrbox/hrbox.sqlite`. Empty variables count as unset.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["HRBOX_STORE"], !path.isEmpty {
            return path
        }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            return dataHome + "/hrbox/hrbox.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/hrbox/hrbox.sqlite"
    }

    /// Returns the clock's current time as an RFC 3339 instant in UTC with seconds.
    func now() -> String {
        Timestamp.rfc3339UTC(clock())
    }

    /// Creates the schema in a new store, brings a store of version 1 to version 2, and rejects one
    /// written by a newer hrbox.
    private func migrate() throws(StoreError) {
        let found = try connection.queryFirst("PRAGMA user_version") { Int($0.integer(0)) } ?? 0
        if found > SchemaVersion2.version {
            throw .newerSchema(found: found, supported: SchemaVersion2.version)
        }
        guard found < SchemaVersion2.version else {
            return
        }

        try write { () throws(StoreError) in
            if found < Schema.version {
                for statement in Schema.statements {
                    try connection.execute(statement)
                }
            }
            try applySchemaVersion2()
            try connection.execute("PRAGMA user_version = \(SchemaVersion2.version)")
        }
    }
}
