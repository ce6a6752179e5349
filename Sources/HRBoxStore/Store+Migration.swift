import Foundation

extension Store {
    /// The schema version this hrbox writes.
    public static var schemaVersion: Int {
        SchemaMigration.all.last?.version ?? 0
    }

    /// Brings the store's schema to the last version of `migrations`, all steps in one transaction.
    ///
    /// The version is read again after the write lock is taken, so that of several processes opening
    /// an old store at once only the first migrates it and the others find it current.
    /// - Throws: ``StoreError/newerSchema(found:supported:)`` for a store written by a newer hrbox.
    func migrate(location: StoreLocation, migrations: [SchemaMigration]) throws(StoreError) {
        let latest = migrations.last?.version ?? 0
        if connection.dialect == .sqlite {
            // In WAL mode a reader does not wait for a writer, so opening a current store is not held up
            // by a long write. NOTE: the read still waits while a crashed writer's WAL is recovered.
            let found = try schemaVersion()
            if found > latest {
                throw .newerSchema(found: found, supported: latest)
            }
            if found == latest {
                return
            }
        }

        try write { () throws(StoreError) in
            if connection.dialect == .postgresql {
                // CREATE TABLE IF NOT EXISTS needs the CREATE privilege even when the table exists, which
                // a database user that only reads and writes the store's rows lacks.
                let hasVersionTable = try connection.queryFirst("SELECT to_regclass('schema_version') IS NOT NULL") {
                    $0.bool(0)
                }
                if hasVersionTable != true {
                    try connection.execute(PostgreSQLSchema.versionTable)
                }
            }
            let found = try schemaVersion()
            if found > latest {
                throw .newerSchema(found: found, supported: latest)
            }
            guard found < latest else {
                return
            }

            if found > 0, case .sqlite(let path) = location {
                try backUpSQLite(path: path, version: found)
            }
            for step in migrations where step.version > found {
                for statement in step.statements(for: connection.dialect) {
                    try connection.execute(statement)
                }
                try step.backfill?(self)
            }
            try setSchemaVersion(latest)
        }
    }

    /// Returns the schema version the store has now: 0 for an SQLite file without tables, and
    /// ``schemaVersion`` for a store this hrbox need not migrate.
    /// - Throws: ``StoreError/postgresql(sqlState:message:sql:)`` for a PostgreSQL database that
    ///   hrbox never opened, which has no version table.
    public func storedSchemaVersion() throws(StoreError) -> Int {
        try schemaVersion()
    }

    private func schemaVersion() throws(StoreError) -> Int {
        switch connection.dialect {
        case .sqlite:
            try connection.queryFirst("PRAGMA user_version") { Int($0.integer(0)) } ?? 0
        case .postgresql:
            try connection.queryFirst("SELECT version FROM schema_version") { Int($0.integer(0)) } ?? 0
        }
    }

    private func setSchemaVersion(_ version: Int) throws(StoreError) {
        switch connection.dialect {
        case .sqlite:
            // PRAGMA takes no bound values; the version is a number from the migration list.
            try connection.execute("PRAGMA user_version = \(version)")
        case .postgresql:
            try connection.execute(
                """
                INSERT INTO schema_version (version) VALUES (?)
                ON CONFLICT (only_row) DO UPDATE SET version = excluded.version
                """,
                [SQLValue(version)]
            )
        }
    }

    /// Copies the SQLite store at `path` to `PATH.vN-backup-YYYYMMDDTHHMMSSZ`, mode 0600, while this
    /// connection holds the write lock, so the copy is exactly the state the migration starts from.
    ///
    /// The copy comes from `VACUUM INTO` on a second connection: copying the file itself could miss
    /// commits still in the write-ahead log.
    private func backUpSQLite(path: String, version: Int) throws(StoreError) {
        let backupPath = Store.backupPath(of: path, version: version, at: Date())
        try StoreFile.createOwnerOnlyFile(at: backupPath)
        let reader = try SQLiteConnection(path: path)
        try reader.setBusyTimeout(milliseconds: 5_000)
        try reader.execute("VACUUM INTO ?", [.text(backupPath)])
    }

    static func backupPath(of path: String, version: Int, at date: Date) -> String {
        let stamp = Timestamp.rfc3339UTC(date).filter { $0 != "-" && $0 != ":" }
        return "\(path).v\(version)-backup-\(stamp)"
    }
}
