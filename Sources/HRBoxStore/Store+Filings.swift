import HRBoxProtocol

extension Store {
    /// Stores a message and files it for each target, all in one transaction.
    ///
    /// The bytes are stored once per distinct SHA-256. A message filed for the same person and case
    /// before, with no case counting as a case of its own, is not filed again. Its outcome then has
    /// `alreadyFiled` set and the time of the earlier filing.
    /// - Parameters:
    ///   - targets: One or more people, each optionally with one of their cases.
    ///   - filedBy: The id of the colleague filing the message, or nil when unknown.
    /// - Returns: The message's reference and one outcome per target, in the order of the targets.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for no targets, ``StoreError/personNotFound(_:)``,
    ///   and ``StoreError/caseNotFound(caseId:personId:)`` for a case of another person. Nothing is
    ///   stored when any target fails.
    public func file(
        _ message: MessageRecord,
        targets: [FilingTarget],
        filedBy: String?
    ) throws(StoreError) -> (messageRef: Int64, outcomes: [FilingOutcome]) {
        guard !targets.isEmpty else {
            throw .invalidValue(field: "targets", reason: "there is no one to file the message for. Give at least one person.")
        }
        let sha256 = message.knownSHA256 ?? SHA256.hex(message.bytes)

        return try write { () throws(StoreError) -> (messageRef: Int64, outcomes: [FilingOutcome]) in
            let ref = try storeMessage(message, sha256: sha256)
            var outcomes: [FilingOutcome] = []
            for target in targets {
                outcomes.append(try fileStoredMessage(ref, for: target, direction: message.direction, filedBy: filedBy))
            }
            return (ref, outcomes)
        }
    }

    /// Returns every filing of the message with these bytes, in the order they were made.
    /// - Parameter sha256: The SHA-256 of the message's bytes in lower-case hex.
    public func filings(sha256: String) throws(StoreError) -> [Filing] {
        try connection.query(
            """
            SELECT f.message_id, f.person_id, p.first_name, p.last_name, f.case_id, c.title, f.direction,
                f.filed_at, f.filed_by
            FROM filings f
            JOIN messages m ON m.id = f.message_id
            JOIN people p ON p.id = f.person_id
            LEFT JOIN cases c ON c.id = f.case_id
            WHERE m.sha256 = ?
            ORDER BY f.filed_at, f.id
            """,
            [.text(sha256.lowercased())]
        ) { (row) throws(StoreError) -> Filing in
            let personName = [row.text(2), row.text(3)].filter { !$0.isEmpty }.joined(separator: " ")
            return Filing(
                messageRef: row.integer(0),
                personId: row.integer(1),
                personName: personName,
                caseId: row.optionalInteger(4),
                caseTitle: row.optionalText(5),
                direction: try Store.direction(row.text(6)),
                filedAt: row.text(7),
                filedBy: row.optionalText(8)
            )
        }
    }

    static func direction(_ text: String) throws(StoreError) -> Direction {
        guard let direction = Direction(rawValue: text) else {
            throw .unreadableValue(table: "filings", column: "direction", value: text)
        }
        return direction
    }

    private func fileStoredMessage(
        _ ref: Int64,
        for target: FilingTarget,
        direction: Direction,
        filedBy: String?
    ) throws(StoreError) -> FilingOutcome {
        _ = try requirePerson(id: target.personId)
        if let caseId = target.caseId {
            _ = try requireCase(id: caseId, ofPerson: target.personId)
        }

        let filedAt = now()
        let inserted = try connection.execute(
            """
            INSERT INTO filings (message_id, person_id, case_id, direction, filed_at, filed_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
            [.integer(ref), .integer(target.personId), SQLValue(target.caseId), .text(direction.rawValue),
             .text(filedAt), SQLValue(filedBy)]
        )
        if inserted == 1 {
            return FilingOutcome(personId: target.personId, caseId: target.caseId, alreadyFiled: false, filedAt: filedAt)
        }

        let earlier = try connection.queryFirst(
            "SELECT filed_at FROM filings WHERE message_id = ? AND person_id = ? AND COALESCE(case_id, 0) = COALESCE(?, 0)",
            [.integer(ref), .integer(target.personId), SQLValue(target.caseId)]
        ) { $0.text(0) }
        guard let earlier else {
            throw .invalidValue(field: "targets", reason: "the filing was neither made nor found. Try to file the message again.")
        }
        return FilingOutcome(personId: target.personId, caseId: target.caseId, alreadyFiled: true, filedAt: earlier)
    }
}
