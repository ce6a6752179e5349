import HRBoxProtocol

extension Store {
    /// The oldest schema version ``completePeople(_:limit:)`` can read without a migration. Every
    /// column it reads exists since version 1, and version 3 adds only the indexes that make it fast.
    /// NOTE: before version 4 the keys keep apostrophes and letters such as "ø", so until the store is
    /// upgraded a query such as "oconnor" or "ode" misses "O'Connor" or "Ødegård".
    public static let oldestSchemaForCompletion = 1

    /// Finds people for address completion: those with a name word, an address or an employee number
    /// that the query starts, through the indexes of ``SchemaVersion3``.
    ///
    /// The query is folded as ``searchPeople(_:limit:)`` folds it (``SearchText/fold(_:)``), so letter
    /// case, diacritics and apostrophes do not count, "ø" matches "o" and a hyphen matches a space.
    /// A person matches when an address starts with the whole query, or when the employee number
    /// equals it. A person also matches when the first or the last name starts with the query's
    /// first word and each further word starts a word of the name.
    /// Each way of matching reads at most `limit` people in the order of its index, so that a short
    /// query that thousands of people match costs no more than a long one. The result is therefore
    /// the first matches by first name, by last name and by address, not the first by last name
    /// among all matches.
    ///
    /// When the indexes find fewer than `limit` people, the people ``searchPeople(_:limit:)`` finds
    /// follow: those with the query anywhere in a name, an address or the employee number, such as
    /// "berg" in "Sjöberg" or "luc" in "Jean-Luc". So completion lists everyone the search lists, up
    /// to `limit`. That search reads every person, so only a query that `limit` people start stays
    /// on the indexes alone.
    /// - Returns: At most `limit` people: those found through the indexes, sorted by last name, then
    ///   first name, and then the others in the order of ``searchPeople(_:limit:)``; none for a query
    ///   that is empty or only white space.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` when `limit` is less than 1.
    public func completePeople(_ query: String, limit: Int) throws(StoreError) -> [Person] {
        guard limit >= 1 else {
            throw .invalidValue(field: "limit", reason: "\(limit) is too small. Ask for 1 person or more.")
        }
        let folded = SearchText.fold(query)
        let words = folded.split(separator: " ").map(String.init)
        guard let firstWord = words.first else {
            return []
        }

        // Every further word must start a word of "first last"; a space before both makes instr find
        // word starts only.
        let position = connection.dialect.substringPosition
        let furtherWords = words.dropFirst().enumerated().map { index, _ in
            "\(position)(' ' || first_key || ' ' || last_key, ' ' || ?\(index + 6)) > 0"
        }
        let nameCondition = ([""] + furtherWords).joined(separator: " AND ")
        let rows = try connection.query(
            """
            SELECT id, first_name, last_name, employee_number, department, job_title, status
            FROM people
            WHERE id IN (
                SELECT id FROM (
                    SELECT id FROM people WHERE \(prefixRange("first_key")) \(nameCondition)
                    ORDER BY first_key LIMIT ?5
                ) AS by_first_name
                UNION SELECT id FROM (
                    SELECT id FROM people WHERE \(prefixRange("last_key")) \(nameCondition)
                    ORDER BY last_key LIMIT ?5
                ) AS by_last_name
                UNION SELECT id FROM people WHERE employee_key = ?3
                UNION SELECT person_id FROM (
                    SELECT person_id FROM addresses WHERE \(prefixRange("search_key", lower: "?3", upper: "?4"))
                    ORDER BY search_key LIMIT ?5
                ) AS by_address
            )
            ORDER BY last_key, first_key, id
            LIMIT ?5
            """,
            [.text(firstWord), .text(firstWord + Self.largestCharacter), .text(folded),
             .text(folded + Self.largestCharacter), SQLValue(limit)] + words.dropFirst().map { .text($0) },
            row: PersonRow.init
        )

        var people: [Person] = []
        for row in rows {
            people.append(try row.person(addresses: addresses(ofPerson: row.id)))
        }
        if people.count >= limit {
            return people
        }

        let found = Set(people.map(\.id))
        let others = try searchPeople(query, limit: limit).filter { !found.contains($0.id) }
        return people + others.prefix(limit - people.count)
    }

    /// U+10FFFF, the largest code point: any text that starts with a prefix sorts below the prefix
    /// followed by it, both in SQLite's BINARY collation and in PostgreSQL's "C" collation.
    private static let largestCharacter = "\u{10FFFF}"

    /// Returns the condition that `column` starts with the text bound to `lower`, where `upper` is
    /// that text followed by ``largestCharacter``. It is a range, so the column's index serves it.
    private func prefixRange(_ column: String, lower: String = "?1", upper: String = "?2") -> String {
        switch connection.dialect {
        case .sqlite:
            "\(column) >= \(lower) AND \(column) < \(upper)"
        case .postgresql:
            #"\#(column) COLLATE "C" >= \#(lower) AND \#(column) COLLATE "C" < \#(upper)"#
        }
    }
}
