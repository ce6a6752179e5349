import Foundation
import HRBoxProtocol

extension Store {
    /// Adds what `source` contains and `destination` lacks to `destination`, in one transaction on the
    /// destination, so that two HR colleagues' stores become one.
    ///
    /// Added rows get new destination ids, and every reference is changed to them. Colleagues are
    /// matched by id, case types by name key, people by any address lookup key or by employee number
    /// ignoring case, and messages by SHA-256. A matched person gains the source's addresses they lack.
    /// Cases, to-dos and audit events are added, not matched to other ones. The exception is a row equal
    /// to one the destination contained before, as after an earlier merge of the same source, which is
    /// taken as that row. Filings and to-do shares the destination contains are skipped. When a matched colleague's
    /// name, a matched case type's workflow or a matched person's employee number differs, the
    /// destination's is kept and a note reports the difference.
    /// - Parameters:
    ///   - actor: Who the `storeCopied` event, recorded on the destination after the merged events, names.
    ///   - progress: Called with one sentence per step, for a progress display; no personal data.
    /// - Returns: What was matched, added and skipped per table, and the notes.
    /// - Throws: ``StoreCopyError/mergeConflicts(_:)`` when source people match more than one
    ///   destination person, after collecting all of them, and a ``StoreError`` when reading or
    ///   writing a store fails. Either way the destination is left as it was.
    public static func merge(
        from source: Store,
        into destination: Store,
        actor: AuditActor,
        progress: (String) -> Void = { _ in }
    ) throws -> StoreMergeSummary {
        try destination.transaction {
            let outcome = try source.read { () throws(StoreError) -> Result<StoreMergeSummary, StoreCopyError> in
                let plan = try destination.planPeopleMerge(from: source)
                guard plan.conflicts.isEmpty else {
                    return .failure(.mergeConflicts(plan.conflicts))
                }
                return .success(try destination.applyMerge(from: source, people: plan, actor: actor, progress: progress))
            }
            return try outcome.get()
        }
    }

    /// Writes the merge planned for people, table by table, parents before the tables that refer to them.
    private func applyMerge(
        from source: Store,
        people plan: PeopleMergePlan,
        actor: AuditActor,
        progress: (String) -> Void
    ) throws(StoreError) -> StoreMergeSummary {
        var state = MergeState()
        for table in ["cases", "todos", "audit_events"] {
            state.previousMaxIds[table] = try connection.queryFirst("SELECT COALESCE(max(id), 0) FROM \(table)") {
                $0.integer(0)
            } ?? 0
        }

        try mergeColleagues(from: source, into: &state)
        try mergePeople(from: source, plan: plan, into: &state)
        try mergeCaseTypes(from: source, into: &state)
        try mergeCases(from: source, into: &state)
        try mergeMessages(from: source, into: &state)
        try mergeFilings(from: source, into: &state)
        try mergeTodos(from: source, into: &state)
        try mergeTodoShares(from: source, into: &state)
        try mergeAuditEvents(from: source, into: &state)
        for count in state.counts {
            progress("Merged \(count).")
        }

        var details = ["merge": "true"]
        for count in state.counts {
            details[count.table] = "\(count.matched) matched, \(count.added) added, \(count.skipped) skipped"
        }
        try recordAudit(.storeCopied, by: actor, about: AuditSubject(details: details))
        return StoreMergeSummary(tables: state.counts, notes: state.notes, indexedMessages: state.indexedMessages)
    }

    /// Adds the source's colleagues whose ids the destination lacks. A colleague whose id the
    /// destination has keeps the destination's name and address.
    private func mergeColleagues(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("colleagues")
        try source.forEachRow(of: "colleagues") { (row) throws(StoreError) -> Void in
            let id = row.text("id") ?? ""
            let name = try connection.queryFirst("SELECT name FROM colleagues WHERE id = ?", [.text(id)]) { $0.text(0) }
            guard let name else {
                try insertRow(row, withId: true)
                state.count { $0.added += 1 }
                return
            }
            state.count { $0.matched += 1 }
            if name != row.text("name") {
                state.notes.append("Colleague \(id) has another name in the source; the destination's name is kept.")
            }
        }
    }

    /// Adds the source's case types whose name key the destination lacks, with their workflows. A matched
    /// case type keeps the destination's workflow.
    private func mergeCaseTypes(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("case_types")
        var added: Set<Int64> = []
        try source.forEachRow(of: "case_types") { (row) throws(StoreError) -> Void in
            let sourceId = row.integer("id") ?? 0
            let existing = try connection.queryFirst(
                "SELECT id FROM case_types WHERE name_key = ?", [row["name_key"]]
            ) { $0.integer(0) }
            if let existing {
                state.caseTypes[sourceId] = existing
                state.count { $0.matched += 1 }
                if try source.workflow(ofCaseType: sourceId) != (try workflow(ofCaseType: existing)) {
                    state.notes.append(
                        "Case type \(row.text("name") ?? "") has another workflow in the source; "
                            + "the destination's workflow is kept.")
                }
            } else {
                state.caseTypes[sourceId] = try insertRow(row)
                added.insert(sourceId)
                state.count { $0.added += 1 }
            }
        }

        state.beginTable("workflow_steps")
        try source.forEachRow(of: "workflow_steps") { (row) throws(StoreError) -> Void in
            guard let sourceId = row.integer("case_type_id"), added.contains(sourceId) else {
                state.count { $0.skipped += 1 }
                return
            }
            var step = row
            step.mapReference("case_type_id", through: state.caseTypes)
            try insertRow(step, withId: true)
            state.count { $0.added += 1 }
        }
    }

    /// Returns the steps of a case type's workflow as comparable rows: position, title, days and assignee.
    private func workflow(ofCaseType id: Int64) throws(StoreError) -> [[String]] {
        try connection.query(
            "SELECT position, title, due_after_days, assignee FROM workflow_steps WHERE case_type_id = ? ORDER BY position",
            [.integer(id)]
        ) { [String($0.integer(0)), $0.text(1), String($0.integer(2)), $0.optionalText(3) ?? ""] }
    }

    /// Reads the rows of the copied table named `tableName` in copy order, page by page, and calls
    /// `body` with each.
    func forEachRow(of tableName: String, _ body: (MergedRow) throws(StoreError) -> Void) throws(StoreError) {
        guard let table = CopiedTable.all.first(where: { $0.name == tableName }) else {
            throw .invalidValue(field: "table", reason: "\(tableName) is not a table a merge reads.")
        }
        try forEachRow(of: table, body)
    }

    /// Reads the rows of `table` in copy order, page by page, and calls `body` with each.
    func forEachRow(of table: CopiedTable, _ body: (MergedRow) throws(StoreError) -> Void) throws(StoreError) {
        let select = "SELECT \(table.columnList) FROM \(table.name) ORDER BY \(table.orderBy(connection.dialect)) "
            + "LIMIT ? OFFSET ?"
        var offset = 0
        while true {
            let page = try connection.query(select, [SQLValue(table.pageSize), SQLValue(offset)]) { row in
                MergedRow(table: table, values: table.columns.indices.map { table.value(of: row, at: $0) })
            }
            for row in page {
                try body(row)
            }
            offset += page.count
            if page.count < table.pageSize {
                return
            }
        }
    }

    /// Inserts a merged row, letting the destination choose its id unless `withId` is true.
    /// - Returns: The new row's id, or nil when the table has no `id` or the row kept its own.
    @discardableResult
    func insertRow(_ row: MergedRow, withId: Bool = false) throws(StoreError) -> Int64? {
        let (sql, values) = insertStatement(for: row, withId: withId)
        guard !withId, row.table.hasIdentity else {
            try connection.execute(sql, values)
            return nil
        }
        return try connection.insert(sql + " RETURNING id", values)
    }

    /// Inserts a merged row without its id unless a unique key of the destination has it already.
    /// - Returns: True when the row was inserted.
    func insertRowUnlessPresent(_ row: MergedRow) throws(StoreError) -> Bool {
        let (sql, values) = insertStatement(for: row, withId: false)
        return try connection.execute(sql + " ON CONFLICT DO NOTHING", values) == 1
    }

    /// Returns the id of a row the destination contained before the merge whose `columns` equal the
    /// merged row's, NULL equal to NULL.
    func existingId(of row: MergedRow, matching columns: [String], before state: MergeState) throws(StoreError) -> Int64? {
        let equals = connection.dialect.nullSafeEquals
        let conditions = columns.map { "\($0) \(equals) ?" }.joined(separator: " AND ")
        let maxId = state.previousMaxIds[row.table.name] ?? 0
        return try connection.queryFirst(
            "SELECT id FROM \(row.table.name) WHERE id <= ? AND \(conditions) ORDER BY id LIMIT 1",
            [.integer(maxId)] + columns.map { row[$0] }
        ) { $0.integer(0) }
    }

    private func insertStatement(for row: MergedRow, withId: Bool) -> (String, [SQLValue]) {
        let indices = row.table.columns.indices.filter { withId || row.table.columns[$0].name != "id" }
        let names = indices.map { row.table.columns[$0].name }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: indices.count).joined(separator: ", ")
        return ("INSERT INTO \(row.table.name) (\(names)) VALUES (\(placeholders))", indices.map { row.values[$0] })
    }
}
