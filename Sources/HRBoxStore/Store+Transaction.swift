extension Store {
    /// Runs `body` in a transaction that holds the store's write lock: COMMIT, or ROLLBACK when anything throws.
    ///
    /// A transaction inside another becomes a savepoint, so a failing inner part is undone alone
    /// while the outer transaction decides about the rest.
    /// - Throws: What `body` threw, or a ``StoreError`` when the database fails to begin or commit.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try runTransaction(body, wrap: { $0 })
    }

    /// The ``transaction(_:)`` for bodies that throw ``StoreError`` only, such as a series of the
    /// store's own write methods that must succeed or fail together.
    public func write<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try runTransaction(body, wrap: { $0 })
    }

    /// Runs several reads in one deferred transaction, so that they see one state of the store
    /// without taking the write lock.
    public func read<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try runTransaction(body, begin: [connection.dialect.beginRead], wrap: { $0 })
    }

    /// Begins a transaction or savepoint, runs `body`, then commits or rolls back.
    /// - Parameters:
    ///   - begin: The statements that open an outermost transaction, the dialect's ``SQLDialect/beginWrite``
    ///     when nil. Those take the write lock at the start, so a busy store makes a write wait or fail
    ///     before it changes anything.
    ///   - wrap: Turns the store's own errors into `body`'s error type.
    private func runTransaction<T, E: Error>(
        _ body: () throws(E) -> T,
        begin: [String]? = nil,
        wrap: (StoreError) -> E
    ) throws(E) -> T {
        let depth = transactionDepth
        do {
            if depth == 0 {
                try beginTransaction(begin ?? connection.dialect.beginWrite)
            } else {
                try connection.execute("SAVEPOINT \(savepointName(depth))")
            }
        } catch {
            throw wrap(error)
        }
        transactionDepth += 1

        let value: T
        do throws(E) {
            value = try body()
        } catch {
            transactionDepth = depth
            do {
                try rollback(depth: depth)
            } catch let rollbackError {
                throw wrap(.rollbackFailed(original: String(describing: error), rollback: rollbackError))
            }
            throw error
        }

        transactionDepth = depth
        do {
            try connection.execute(depth == 0 ? "COMMIT" : "RELEASE \(savepointName(depth))")
        } catch let commitError {
            do {
                try rollback(depth: depth)
            } catch let rollbackError {
                throw wrap(.rollbackFailed(original: commitError.description, rollback: rollbackError))
            }
            throw wrap(commitError)
        }
        return value
    }

    /// Runs the statements that open a transaction, and rolls back when one after the first fails.
    private func beginTransaction(_ statements: [String]) throws(StoreError) {
        do {
            for statement in statements {
                try connection.execute(statement)
            }
        } catch {
            if connection.isInTransaction {
                do {
                    try connection.execute("ROLLBACK")
                } catch let rollbackError {
                    throw .rollbackFailed(original: error.description, rollback: rollbackError)
                }
            }
            throw error
        }
    }

    /// Undoes the transaction or savepoint opened at `depth`.
    private func rollback(depth: Int) throws(StoreError) {
        if depth == 0 {
            // Some errors, such as a full disk, make SQLite roll back by itself; a second ROLLBACK would fail.
            // A PostgreSQL transaction that failed stays open until its ROLLBACK.
            if connection.isInTransaction {
                try connection.execute("ROLLBACK")
            }
        } else if !connection.isConnectionLost {
            // A lost connection has no savepoint left to roll back: the server ended its transaction.
            try connection.execute("ROLLBACK TO \(savepointName(depth))")
            try connection.execute("RELEASE \(savepointName(depth))")
        }
    }

    private func savepointName(_ depth: Int) -> String {
        "hrbox_\(depth)"
    }
}

extension Store {
    /// Lets SQLite keep up to `bytes` of pages in memory for this connection, for a long series of
    /// large transactions such as back-filing a mailbox.
    ///
    /// With SQLite's default of about 2 MB, a transaction that writes tens of megabytes spills pages
    /// to the write-ahead log before its commit and writes the same pages again later. PostgreSQL
    /// stores ignore the call, because the server sizes its own buffers.
    public func reserveWriteCache(bytes: Int) throws(StoreError) {
        guard connection.dialect == .sqlite else {
            return
        }
        // A negative cache_size is a size in KiB rather than a number of pages.
        try connection.execute("PRAGMA cache_size = -\(max(bytes / 1024, 1))")
    }
}
