import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The store of people, personnel files, cases, case types, colleagues and to-dos, in an SQLite file
/// or a PostgreSQL database.
///
/// A store must not be used from two threads at once, because it keeps one database connection, opened
/// without SQLite's own mutex, and a cache of prepared statements that is not locked. Give it one serial
/// owner, such as an actor or a serial queue, and hand it over rather than share it.
///
/// Every write runs inside one transaction, so a failed write leaves nothing half-written.
// @unchecked Sendable: safe because the store has one serial owner at a time, as documented above.
public final class Store: @unchecked Sendable {
    let connection: any SQLDatabase
    let clock: @Sendable () -> Date
    /// How many transactions and savepoints are open, so that a nested transaction becomes a savepoint.
    var transactionDepth = 0

    /// Opens the SQLite store at `path`, creating it and its missing directories when needed.
    ///
    /// New directories get mode 0700 and a new file mode 0600; SQLite gives its -wal and -shm
    /// files the mode of the database file.
    /// - Parameters:
    ///   - path: The store's file.
    ///   - clock: The time stamps of filings, to-dos and cases come from it.
    /// - Throws: What ``init(location:clock:)`` throws.
    public convenience init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        try self.init(location: .sqlite(path: path), clock: clock)
    }

    /// Opens the store at `location`, creating its tables when it has none and migrating a store
    /// written by an older hrbox to the current schema.
    ///
    /// A missing SQLite file is created as ``init(path:clock:)`` describes. A PostgreSQL database must exist.
    /// Before migrating an SQLite file, the store copies it to `PATH.vN-backup-TIME` beside it.
    /// - Throws: ``StoreError/invalidLocation(_:)`` for a path that looks like a mistyped URI,
    ///   ``StoreError/newerSchema(found:supported:)`` for a store written by a newer hrbox,
    ///   ``StoreError/fileSystem(path:reason:)`` when a directory or the file cannot be created,
    ///   ``StoreError/connectionFailed(store:reason:)`` when a PostgreSQL server cannot be reached.
    public convenience init(location: StoreLocation, clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) {
        try self.init(location: location, clock: clock, migrations: SchemaMigration.all)
    }

    /// Opens the store with the given schema steps instead of ``SchemaMigration/all``, so that tests
    /// can migrate to a version that does not exist yet.
    init(location: StoreLocation, clock: @escaping @Sendable () -> Date, migrations: [SchemaMigration]) throws(StoreError) {
        switch location {
        case .sqlite(let path):
            try StoreLocation.rejectMistypedURI(path)
            connection = try Store.openSQLite(path: path)
        case .postgresql(let uri):
            connection = try PostgreSQLConnection(uri: uri, location: location)
        }
        self.clock = clock
        try migrate(location: location, migrations: migrations)
    }

    /// Opens an existing store for reading only, for commands that must start fast and change nothing.
    ///
    /// Unlike ``init(location:clock:)`` it creates no file, folder or table and migrates nothing, so
    /// check ``storedSchemaVersion()`` before reading: against ``schemaVersion``, or against the oldest
    /// version the reading works on, such as ``oldestSchemaForCompletion``. Writing through the
    /// store fails on an SQLite file, which is opened read-only.
    /// - Throws: ``StoreError/invalidLocation(_:)`` for a path that looks like a mistyped URI,
    ///   ``StoreError/sqlite(code:extendedCode:message:sql:)`` when the file cannot be opened,
    ///   ``StoreError/connectionFailed(store:reason:)`` when a PostgreSQL server cannot be reached.
    public init(readingExisting location: StoreLocation) throws(StoreError) {
        switch location {
        case .sqlite(let path):
            try StoreLocation.rejectMistypedURI(path)
            let connection = try SQLiteConnection(path: path, readOnly: true)
            try connection.setBusyTimeout(milliseconds: 5_000)
            self.connection = connection
        case .postgresql(let uri):
            connection = try PostgreSQLConnection(uri: uri, location: location)
        }
        clock = { Date() }
    }

    /// Returns the store's file when none is given: `HRBOX_STORE`, else `$XDG_DATA_HOME/hrbox/hrbox.sqlite`,
    /// else `$HOME/.local/share/hrbox/hrbox.sqlite`. Empty variables count as unset.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["HRBOX_STORE"], !path.isEmpty {
            return path
        }
        return XDGBaseDirectory.data.path(of: "hrbox/hrbox.sqlite", environment: environment)
    }

    /// True once the connection to the PostgreSQL server broke, for example when the server restarted.
    /// The store cannot be used any more, so open a new one, which connects again.
    public var isConnectionLost: Bool {
        connection.isConnectionLost
    }

    /// Returns the clock's current time as an RFC 3339 instant in UTC with seconds.
    func now() -> String {
        Timestamp.rfc3339UTC(clock())
    }

    private static func openSQLite(path: String) throws(StoreError) -> SQLiteConnection {
        try StoreFile.createParentDirectories(of: path)
        try StoreFile.createOwnerOnlyFile(at: path)

        let connection = try SQLiteConnection(path: path)
        try connection.setBusyTimeout(milliseconds: 5_000)
        try connection.execute("PRAGMA foreign_keys = ON")
        _ = try connection.queryFirst("PRAGMA journal_mode = WAL") { $0.text(0) }
        // WAL's default (NORMAL) may lose the last commits on power loss, but personnel files may lose none.
        try connection.execute("PRAGMA synchronous = FULL")
        return connection
    }
}
