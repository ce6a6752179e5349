/// Schema version 4: the folded keys of people, addresses and colleagues written again with the
/// folding of ``SearchText/fold(_:)`` that also writes "ø" as "o", drops apostrophes and reads
/// hyphens as spaces.
///
/// The tables keep their columns. Without this step a store made before would keep "o'connor" as a
/// key while the query "O'Connor" folds to "oconnor", and completion and search would miss the person.
enum SchemaVersion4 {
    static let migration = SchemaMigration(
        version: 4,
        sqlite: [],
        postgresql: [],
        backfill: { store throws(StoreError) in try store.refoldSearchKeys() }
    )
}

extension Store {
    /// Writes every folded key again from the names, numbers and addresses it is made of.
    func refoldSearchKeys() throws(StoreError) {
        let people = try connection.query("SELECT id, first_name, last_name, employee_number FROM people") { row in
            (id: row.integer(0), firstName: row.text(1), lastName: row.text(2), employeeNumber: row.optionalText(3))
        }
        for person in people {
            let addresses = try self.addresses(ofPerson: person.id)
            let searchText = SearchText.searchText(
                firstName: person.firstName,
                lastName: person.lastName,
                addresses: addresses,
                employeeNumber: person.employeeNumber
            )
            try connection.execute(
                "UPDATE people SET first_key = ?, last_key = ?, employee_key = ?, search_text = ? WHERE id = ?",
                [
                    .text(SearchText.fold(person.firstName)),
                    .text(SearchText.fold(person.lastName)),
                    .text(SearchText.fold(person.employeeNumber ?? "")),
                    .text(searchText),
                    .integer(person.id),
                ]
            )
        }

        let addresses = try connection.query("SELECT person_id, position, address FROM addresses") { row in
            (personId: row.integer(0), position: row.integer(1), address: row.text(2))
        }
        for address in addresses {
            try connection.execute(
                "UPDATE addresses SET search_key = ? WHERE person_id = ? AND position = ?",
                [.text(SearchText.fold(address.address)), .integer(address.personId), .integer(address.position)]
            )
        }

        let colleagues = try connection.query("SELECT id, name FROM colleagues") { row in
            (id: row.text(0), name: row.text(1))
        }
        for colleague in colleagues {
            try connection.execute(
                "UPDATE colleagues SET sort_key = ? WHERE id = ?",
                [.text(SearchText.fold(colleague.name)), .text(colleague.id)]
            )
        }
    }
}
