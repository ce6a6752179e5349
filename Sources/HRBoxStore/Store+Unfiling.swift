import HRBoxProtocol

extension Store {
    /// Removes one filing of a stored message.
    ///
    /// When no other filing and no to-do refers to the message any more, its bytes and its entry in the
    /// search index are deleted as well, because HR expects a message unfiled everywhere to leave the store.
    /// The audit trail keeps the message's reference only.
    /// - Parameter from: The person and case the message is filed under; a nil case is the filing
    ///   without a case.
    /// - Returns: True when the message's bytes were deleted with its last filing.
    /// - Throws: ``StoreError/filingNotFound(messageRef:personId:caseId:)``.
    @discardableResult
    public func unfile(messageRef: Int64, from: FilingTarget) throws(StoreError) -> Bool {
        try write { () throws(StoreError) -> Bool in
            let filingId = try requireFiling(messageRef: messageRef, at: from)
            try connection.execute("DELETE FROM filings WHERE id = ?", [.integer(filingId)])
            return try deleteMessageIfUnused(ref: messageRef)
        }
    }

    /// Moves one filing of a stored message to another person or case, keeping the filing's time and
    /// its other columns.
    ///
    /// When the message is filed at the destination already, the filing at `from` is removed and the
    /// outcome has `alreadyFiled` set with the time of the filing at the destination.
    /// - Throws: ``StoreError/filingNotFound(messageRef:personId:caseId:)`` for `from`,
    ///   ``StoreError/personNotFound(_:)`` and ``StoreError/caseNotFound(caseId:personId:)`` for `to`.
    public func move(messageRef: Int64, from: FilingTarget, to: FilingTarget) throws(StoreError) -> FilingOutcome {
        try write { () throws(StoreError) -> FilingOutcome in
            let filingId = try requireFiling(messageRef: messageRef, at: from)
            _ = try requirePerson(id: to.personId)
            if let caseId = to.caseId {
                _ = try requireCase(id: caseId, ofPerson: to.personId)
            }

            if let existing = try filing(messageRef: messageRef, at: to) {
                if existing.id != filingId {
                    try connection.execute("DELETE FROM filings WHERE id = ?", [.integer(filingId)])
                }
                return FilingOutcome(personId: to.personId, caseId: to.caseId, alreadyFiled: true, filedAt: existing.filedAt)
            }

            try connection.execute(
                "UPDATE filings SET person_id = ?, case_id = ? WHERE id = ?",
                [.integer(to.personId), SQLValue(to.caseId), .integer(filingId)]
            )
            let filedAt = try connection.queryFirst(
                "SELECT filed_at FROM filings WHERE id = ?", [.integer(filingId)]
            ) { $0.text(0) } ?? now()
            return FilingOutcome(personId: to.personId, caseId: to.caseId, alreadyFiled: false, filedAt: filedAt)
        }
    }

    private func requireFiling(messageRef: Int64, at target: FilingTarget) throws(StoreError) -> Int64 {
        guard let found = try filing(messageRef: messageRef, at: target) else {
            throw .filingNotFound(messageRef: messageRef, personId: target.personId, caseId: target.caseId)
        }
        return found.id
    }

    private func filing(messageRef: Int64, at target: FilingTarget) throws(StoreError) -> (id: Int64, filedAt: String)? {
        try connection.queryFirst(
            "SELECT id, filed_at FROM filings WHERE message_id = ? AND person_id = ? AND COALESCE(case_id, 0) = ?",
            [.integer(messageRef), .integer(target.personId), .integer(target.caseId ?? 0)]
        ) { ($0.integer(0), $0.text(1)) }
    }

    /// Deletes a message's bytes and search entry when no filing and no to-do refers to it.
    private func deleteMessageIfUnused(ref: Int64) throws(StoreError) -> Bool {
        let used = try connection.queryFirst(
            """
            SELECT 1 WHERE EXISTS (SELECT 1 FROM filings WHERE message_id = ?)
                OR EXISTS (SELECT 1 FROM todos WHERE message_id = ?)
            """,
            [.integer(ref), .integer(ref)]
        ) { _ in true } ?? false
        guard !used else {
            return false
        }
        try unindexMessage(ref: ref)
        try connection.execute("DELETE FROM messages WHERE id = ?", [.integer(ref)])
        return true
    }
}
