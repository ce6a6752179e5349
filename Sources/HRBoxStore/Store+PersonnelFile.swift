import HRBoxProtocol

extension Store {
    /// Returns a person's personnel file, or nil when no person has the id.
    ///
    /// Cases come newest first, and open to-dos by due date with undated ones last. Filed messages
    /// come newest first by the message's Date header, with undated ones last, then by the time of filing.
    public func personnelFile(personId: Int64) throws(StoreError) -> PersonnelFile.Result? {
        try read { () throws(StoreError) -> PersonnelFile.Result? in
            guard let person = try person(id: personId) else {
                return nil
            }
            return PersonnelFile.Result(
                person: person,
                cases: try cases(personId: personId, includeClosed: true),
                todos: try todos(personId: personId, openOnly: true),
                messages: try filedMessages(personId: personId)
            )
        }
    }

    private func filedMessages(personId: Int64) throws(StoreError) -> [FiledMessage] {
        try connection.query(
            """
            SELECT f.message_id, m.subject, m.date, f.direction, f.case_id, c.title, f.filed_at, f.filed_by, m.size
            FROM filings f
            JOIN messages m ON m.id = f.message_id
            LEFT JOIN cases c ON c.id = f.case_id
            WHERE f.person_id = ?
            ORDER BY m.sort_instant DESC NULLS LAST, f.filed_at DESC, f.id DESC
            """,
            [.integer(personId)]
        ) { (row) throws(StoreError) -> FiledMessage in
            FiledMessage(
                messageRef: row.integer(0),
                subject: row.optionalText(1),
                date: row.optionalText(2),
                direction: try Store.direction(row.text(3)),
                caseId: row.optionalInteger(4),
                caseTitle: row.optionalText(5),
                filedAt: row.text(6),
                filedBy: row.optionalText(7),
                size: Int(row.integer(8))
            )
        }
    }
}
