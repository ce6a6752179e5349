import HRBoxProtocol

extension Store {
    /// Copies every row of `source` into the empty store `destination`, ids kept, in one transaction
    /// on the destination, then rebuilds the destination's search index from the copied messages.
    ///
    /// Both stores are at the current schema version because opening a ``Store`` migrates it. The source
    /// is read in one read transaction, so a copy taken while others write is still one consistent state.
    /// When anything fails, the destination is left as it was.
    /// - Parameters:
    ///   - actor: Who the `storeCopied` event, recorded on the destination after the copied events, names.
    ///   - progress: Called with one sentence per step, for a progress display; no personal data.
    /// - Returns: The rows copied per table.
    /// - Throws: ``StoreCopyError/destinationNotEmpty(contents:)`` when the destination contains rows
    ///   of any copied table, and a ``StoreError`` when reading or writing a store fails.
    public static func copy(
        from source: Store,
        to destination: Store,
        actor: AuditActor,
        progress: (String) -> Void = { _ in }
    ) throws -> StoreCopySummary {
        try destination.transaction {
            let contents = try destination.rowCounts().filter { $0.rows > 0 }
            guard contents.isEmpty else {
                throw StoreCopyError.destinationNotEmpty(contents: contents)
            }

            return try source.read { () throws(StoreError) -> StoreCopySummary in
                var copied: [TableRowCount] = []
                for table in CopiedTable.all {
                    let rows = try destination.copyRows(of: table, from: source)
                    copied.append(TableRowCount(table: table.name, rows: rows))
                    progress("Copied \(rows) rows of \(table.name).")
                }
                try destination.resetIdentitySequences()

                progress("Rebuilding the search index of the destination.")
                let indexed = try destination.rebuildSearchIndex()

                var details: [String: String] = [:]
                for count in copied {
                    details[count.table] = String(count.rows)
                }
                try destination.recordAudit(.storeCopied, by: actor, about: AuditSubject(details: details))
                return StoreCopySummary(tables: copied, indexedMessages: indexed)
            }
        }
    }

    /// Returns the number of rows of every table a copy writes, in the order of ``CopiedTable/all``.
    public func rowCounts() throws(StoreError) -> [TableRowCount] {
        var counts: [TableRowCount] = []
        for table in CopiedTable.all {
            let rows = try connection.queryFirst("SELECT count(*) FROM \(table.name)") { $0.integer(0) } ?? 0
            counts.append(TableRowCount(table: table.name, rows: Int(rows)))
        }
        return counts
    }

    /// Reads `table` from `source` page by page and inserts each row here unchanged.
    /// - Returns: The number of rows copied.
    private func copyRows(of table: CopiedTable, from source: Store) throws(StoreError) -> Int {
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let insert = "INSERT INTO \(table.name) (\(table.columnList)) VALUES (\(placeholders))"

        var copied = 0
        try source.forEachRow(of: table) { (row) throws(StoreError) -> Void in
            try connection.execute(insert, row.values)
            copied += 1
        }
        return copied
    }

    /// Moves each PostgreSQL identity sequence past the largest id copied, so that the next row
    /// added gets a new id. SQLite needs nothing: its next id follows the largest in the table.
    private func resetIdentitySequences() throws(StoreError) {
        guard connection.dialect == .postgresql else {
            return
        }
        for table in CopiedTable.all where table.hasIdentity {
            // With no rows, is_called false makes the next id 1 again.
            try connection.execute(
                """
                SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), COALESCE(max(id), 1), max(id) IS NOT NULL)
                FROM \(table.name)
                """
            )
        }
    }

    /// Empties the search index and indexes every stored message again from its bytes.
    ///
    /// The index is derived, and SQLite's FTS5 table and PostgreSQL's tsvector table differ, so it is
    /// never copied.
    /// - Returns: The number of messages indexed.
    private func rebuildSearchIndex() throws(StoreError) -> Int {
        try connection.execute("DELETE FROM message_search")
        try indexStoredMessages()
        return Int(try connection.queryFirst("SELECT count(*) FROM messages") { $0.integer(0) } ?? 0)
    }
}
