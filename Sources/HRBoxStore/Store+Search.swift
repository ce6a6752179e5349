import HRBoxProtocol

extension Store {
    /// Finds people whose names, addresses or employee number contain the query.
    ///
    /// The query matches literally, so `%` and `_` are plain characters, ignoring letter case and
    /// diacritics, anywhere in the first name, the last name, "first last", "last first", an address
    /// or the employee number. People whose address or employee number equals the query come first,
    /// then people with a name that starts with it, then the rest. Ties go by last name, then first name.
    /// - Returns: At most `limit` people; none for a query that is empty or only white space.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` when `limit` is less than 1.
    public func searchPeople(_ query: String, limit: Int) throws(StoreError) -> [Person] {
        guard limit >= 1 else {
            throw .invalidValue(field: "limit", reason: "\(limit) is too small. Ask for 1 person or more.")
        }
        let folded = SearchText.fold(query)
        guard !folded.isEmpty else {
            return []
        }

        let position = connection.dialect.substringPosition
        let rows = try connection.query(
            """
            SELECT id, first_name, last_name, employee_number, department, job_title, status,
                CASE
                    WHEN employee_key = ?1
                        OR EXISTS (SELECT 1 FROM addresses WHERE person_id = people.id AND search_key = ?1) THEN 0
                    WHEN \(position)(first_key, ?1) = 1 OR \(position)(last_key, ?1) = 1
                        OR \(position)(trim(first_key || ' ' || last_key), ?1) = 1
                        OR \(position)(trim(last_key || ' ' || first_key), ?1) = 1 THEN 1
                    ELSE 2
                END AS rank
            FROM people
            WHERE \(position)(search_text, ?1) > 0
            ORDER BY rank, last_key, first_key, id
            LIMIT ?2
            """,
            [.text(folded), SQLValue(limit)],
            row: PersonRow.init
        )

        var people: [Person] = []
        for row in rows {
            people.append(try row.person(addresses: addresses(ofPerson: row.id)))
        }
        return people
    }
}
