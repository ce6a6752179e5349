import Foundation

extension Store {
    /// Adds the source's cases to the destination people they were merged into.
    func mergeCases(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("cases")
        try source.forEachRow(of: "cases") { (row) throws(StoreError) -> Void in
            var merged = row
            merged.mapReference("person_id", through: state.people)
            merged.mapReference("case_type_id", through: state.caseTypes)
            let columns = ["person_id", "case_type_id", "title", "start_date", "started_by", "created_at"]
            try add(merged, matching: columns, into: &state, map: \.cases)
        }
    }

    /// Adds the messages whose SHA-256 the destination lacks, with their search entries, so that the
    /// bytes of each message are stored once.
    func mergeMessages(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("messages")
        try source.forEachRow(of: "messages") { (row) throws(StoreError) -> Void in
            let sourceId = row.integer("id") ?? 0
            let existing = try connection.queryFirst(
                "SELECT id FROM messages WHERE sha256 = ?", [row["sha256"]]
            ) { $0.integer(0) }
            if let existing {
                state.messages[sourceId] = existing
                state.count { $0.matched += 1 }
                return
            }

            guard let ref = try insertRow(row) else {
                throw .invalidValue(field: "id", reason: "the database returned no id for a merged message. Try again.")
            }
            guard case .blob(let bytes) = row["raw"] else {
                throw .invalidValue(field: "raw", reason: "source message \(sourceId) has no bytes.")
            }
            try indexMessage(ref: ref, bytes: bytes)
            state.messages[sourceId] = ref
            state.indexedMessages += 1
            state.count { $0.added += 1 }
        }
    }

    /// Adds the source's filings, after mapping their message, person and case, unless the destination
    /// has the same filing.
    func mergeFilings(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("filings")
        try source.forEachRow(of: "filings") { (row) throws(StoreError) -> Void in
            var merged = row
            merged.mapReference("message_id", through: state.messages)
            merged.mapReference("person_id", through: state.people)
            merged.mapReference("case_id", through: state.cases)
            let inserted = try insertRowUnlessPresent(merged)
            state.count { inserted ? ($0.added += 1) : ($0.skipped += 1) }
        }
    }

    func mergeTodos(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("todos")
        try source.forEachRow(of: "todos") { (row) throws(StoreError) -> Void in
            var merged = row
            merged.mapReference("person_id", through: state.people)
            merged.mapReference("case_id", through: state.cases)
            merged.mapReference("message_id", through: state.messages)
            let columns = ["title", "person_id", "case_id", "created_at", "created_by", "workflow_step"]
            try add(merged, matching: columns, into: &state, map: \.todos)
        }
    }

    func mergeTodoShares(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("todo_shares")
        try source.forEachRow(of: "todo_shares") { (row) throws(StoreError) -> Void in
            var merged = row
            merged.mapReference("todo_id", through: state.todos)
            let inserted = try insertRowUnlessPresent(merged)
            state.count { inserted ? ($0.added += 1) : ($0.skipped += 1) }
        }
    }

    /// Adds the source's audit events with their original times and mapped ids. A reference to a
    /// message the source no longer stores, because it was unfiled, becomes NULL.
    func mergeAuditEvents(from source: Store, into state: inout MergeState) throws(StoreError) {
        state.beginTable("audit_events")
        try source.forEachRow(of: "audit_events") { (row) throws(StoreError) -> Void in
            var merged = row
            merged.mapReference("person_id", through: state.people)
            merged.mapReference("case_id", through: state.cases)
            merged.mapReference("message_ref", through: state.messages)
            merged.mapReference("todo_id", through: state.todos)
            merged["details"] = .text(try mappedDetails(row.text("details") ?? "{}", state: state))
            let columns = [
                "recorded_at", "colleague", "client", "action", "person_id", "case_id", "message_ref", "todo_id", "details",
            ]
            try add(merged, matching: columns, into: &state, map: nil)
        }
    }

    /// Rewrites the person and case ids in an audit event's details, such as where a message moved
    /// from, to destination ids. Details without such ids are returned unchanged.
    private func mappedDetails(_ text: String, state: MergeState) throws(StoreError) -> String {
        let details: [String: String]
        do {
            details = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        } catch {
            throw .unreadableValue(table: "audit_events", column: "details", value: text)
        }

        var mapped = details
        for (key, value) in details {
            guard let sourceId = Int64(value) else {
                continue
            }
            if key.hasSuffix("PersonId") {
                mapped[key] = state.people[sourceId].map { String($0) }
            } else if key.hasSuffix("CaseId") {
                mapped[key] = state.cases[sourceId].map { String($0) }
            }
        }
        guard mapped != details else {
            return text
        }
        return try Store.auditDetailsJSON(mapped)
    }

    /// Takes the row the destination contained before the merge whose `columns` equal the merged
    /// row's, or adds the merged row, and records its destination id in the map at `map`, if any.
    private func add(
        _ row: MergedRow,
        matching columns: [String],
        into state: inout MergeState,
        map: WritableKeyPath<MergeState, [Int64: Int64]>?
    ) throws(StoreError) {
        let sourceId = row.integer("id") ?? 0
        if let existing = try existingId(of: row, matching: columns, before: state) {
            if let map {
                state[keyPath: map][sourceId] = existing
            }
            state.count { $0.matched += 1 }
            return
        }
        guard let id = try insertRow(row) else {
            throw .invalidValue(field: "id", reason: "the database returned no id for a merged \(row.table.name) row.")
        }
        if let map {
            state[keyPath: map][sourceId] = id
        }
        state.count { $0.added += 1 }
    }
}
