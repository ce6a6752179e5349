extension Store {
    /// Runs `body` in a transaction: BEGIN IMMEDIATE and COMMIT, or ROLLBACK when anything throws.
    ///
    /// A transaction inside another becomes a savepoint, so a failing inner part is undone alone
    /// while the outer transaction decides about the rest.
    /// - Throws: What `body` threw, or a ``StoreError`` when SQLite fails to begin or commit.
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
    func read<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try runTransaction(body, begin: "BEGIN DEFERRED", wrap: { $0 })
    }

    /// Begins a transaction or savepoint, runs `body`, then commits or rolls back.
    /// - Parameters:
    ///   - begin: The statement that opens an outermost transaction. IMMEDIATE takes the write lock
    ///     at the start, so a busy store makes a write wait or fail before it changes anything.
    ///   - wrap: Turns the store's own errors into `body`'s error type.
    private func runTransaction<T, E: Error>(
        _ body: () throws(E) -> T,
        begin: String = "BEGIN IMMEDIATE",
        wrap: (StoreError) -> E
    ) throws(E) -> T {
        let depth = transactionDepth
        do {
            try connection.execute(depth == 0 ? begin : "SAVEPOINT \(savepointName(depth))")
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

    /// Undoes the transaction or savepoint opened at `depth`.
    private func rollback(depth: Int) throws(StoreError) {
        if depth == 0 {
            // Some errors, such as a full disk, make SQLite roll back by itself; a second ROLLBACK would fail.
            if connection.isInTransaction {
                try connection.execute("ROLLBACK")
            }
        } else {
            try connection.execute("ROLLBACK TO \(savepointName(depth))")
            try connection.execute("RELEASE \(savepointName(depth))")
        }
    }

    private func savepointName(_ depth: Int) -> String {
        "hrbox_\(depth)"
    }
}
