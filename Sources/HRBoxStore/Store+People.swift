import HRBoxProtocol
import MailReading

extension Store {
    /// Registers a new person.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for a person without a name or with an
    ///   address that does not parse, ``StoreError/addressTaken(address:owner:)`` and
    ///   ``StoreError/employeeNumberTaken(number:owner:)`` when another person owns one of them.
    public func addPerson(_ newPerson: NewPerson) throws(StoreError) -> Person {
        let fields = try PersonFields(validating: newPerson)
        return try write { () throws(StoreError) -> Person in
            try checkOwnership(of: fields, for: nil)
            let time = now()
            let id = try connection.insert(
                """
                INSERT INTO people (first_name, last_name, employee_number, department, job_title, status,
                    first_key, last_key, employee_key, search_text, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """,
                personValues(fields) + [.text(time), .text(time)]
            )
            try insertAddresses(fields.addresses, personId: id)
            return try requirePerson(id: id)
        }
    }

    /// Replaces every field and address of a person, as a re-import from the HR system does.
    /// - Throws: ``StoreError/personNotFound(_:)``, and what ``addPerson(_:)`` throws.
    @discardableResult
    public func updatePerson(id: Int64, with newPerson: NewPerson) throws(StoreError) -> Person {
        let fields = try PersonFields(validating: newPerson)
        return try write { () throws(StoreError) -> Person in
            _ = try requirePerson(id: id)
            try checkOwnership(of: fields, for: id)
            try connection.execute(
                """
                UPDATE people SET first_name = ?, last_name = ?, employee_number = ?, department = ?,
                    job_title = ?, status = ?, first_key = ?, last_key = ?, employee_key = ?, search_text = ?,
                    updated_at = ?
                WHERE id = ?
                """,
                personValues(fields) + [.text(now()), .integer(id)]
            )
            try connection.execute("DELETE FROM addresses WHERE person_id = ?", [.integer(id)])
            try insertAddresses(fields.addresses, personId: id)
            return try requirePerson(id: id)
        }
    }

    /// Returns the person with the id, or nil when there is none.
    public func person(id: Int64) throws(StoreError) -> Person? {
        let row = try connection.queryFirst(
            """
            SELECT id, first_name, last_name, employee_number, department, job_title, status
            FROM people WHERE id = ?
            """,
            [.integer(id)],
            row: PersonRow.init
        )
        guard let row else {
            return nil
        }
        return try row.person(addresses: addresses(ofPerson: id))
    }

    /// Returns the person whose employee number is `employeeNumber` after trimming, ignoring ASCII letter case, or nil.
    public func person(employeeNumber: String) throws(StoreError) -> Person? {
        let number = employeeNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = try personId(employeeNumber: number) else {
            return nil
        }
        return try person(id: id)
    }

    /// Returns the person an address belongs to, compared by its lookup key, or nil when no one owns it.
    /// - Parameter address: An addr-spec such as `anna@example.com`.
    public func person(ownerOf address: String) throws(StoreError) -> Person? {
        try person(ownerOfLookupKey: AddressKey.lookupKey(for: address))
    }

    /// Returns the person a mailbox's address belongs to, by the lookup key the message reader computed.
    public func person(ownerOf mailbox: MailAddress) throws(StoreError) -> Person? {
        try person(ownerOfLookupKey: mailbox.lookupKey)
    }

    private func person(ownerOfLookupKey key: String) throws(StoreError) -> Person? {
        let id = try connection.queryFirst(Self.personIdByAddressKey, [.text(key)]) {
            $0.integer(0)
        }
        guard let id else {
            return nil
        }
        return try person(id: id)
    }

    /// Returns the person with the id, or throws ``StoreError/personNotFound(_:)``.
    func requirePerson(id: Int64) throws(StoreError) -> Person {
        guard let found = try person(id: id) else {
            throw .personNotFound(id)
        }
        return found
    }

    /// Rejects addresses and an employee number that belong to another person than `personId`.
    private func checkOwnership(of fields: PersonFields, for personId: Int64?) throws(StoreError) {
        for address in fields.addresses {
            let ownerId = try connection.queryFirst(Self.personIdByAddressKey, [.text(address.lookupKey)]) {
                $0.integer(0)
            }
            if let ownerId, ownerId != personId {
                throw .addressTaken(address: address.address, owner: try requirePerson(id: ownerId))
            }
        }

        guard let number = fields.employeeNumber else {
            return
        }
        if let ownerId = try self.personId(employeeNumber: number), ownerId != personId {
            throw .employeeNumberTaken(number: number, owner: try requirePerson(id: ownerId))
        }
    }

    /// Returns the id of the person whose employee number equals the trimmed `number`, ignoring the
    /// letter case as the unique index on `employee_number` does, or nil.
    ///
    /// SQLite cannot use its `COLLATE NOCASE` unique index for `lower(employee_number)`, so the
    /// indexed `employee_key` narrows the search on both backends. Numbers equal ignoring letter case
    /// fold to the same key, and `lower()` then drops those that differ only in diacritics or spacing,
    /// which the unique index counts as different numbers.
    /// NOTE: a row whose key was folded differently, such as by hand or by another Foundation
    /// release, is not found, and storing its number again fails on the unique index instead.
    private func personId(employeeNumber number: String) throws(StoreError) -> Int64? {
        try connection.queryFirst(Self.personIdByEmployeeNumber, [.text(SearchText.fold(number)), .text(number)]) {
            $0.integer(0)
        }
    }

    /// The query for the owner of an address: its lookup key.
    static let personIdByAddressKey = "SELECT person_id FROM addresses WHERE lookup_key = ?"

    /// The query of ``personId(employeeNumber:)``: the folded number, then the number.
    static let personIdByEmployeeNumber = "SELECT id FROM people WHERE employee_key = ? AND lower(employee_number) = lower(?)"

    /// Returns the values of a person's columns from first_name to search_text, in the schema's order.
    private func personValues(_ fields: PersonFields) -> [SQLValue] {
        [
            .text(fields.firstName),
            .text(fields.lastName),
            SQLValue(fields.employeeNumber),
            SQLValue(fields.department),
            SQLValue(fields.jobTitle),
            .text(fields.status.rawValue),
            .text(SearchText.fold(fields.firstName)),
            .text(SearchText.fold(fields.lastName)),
            .text(SearchText.fold(fields.employeeNumber ?? "")),
            .text(fields.searchText),
        ]
    }

    private func insertAddresses(_ addresses: [MailAddress], personId: Int64) throws(StoreError) {
        for (position, address) in addresses.enumerated() {
            try connection.execute(
                "INSERT INTO addresses (person_id, position, address, lookup_key, search_key) VALUES (?, ?, ?, ?, ?)",
                [
                    .integer(personId),
                    SQLValue(position),
                    .text(address.address),
                    .text(address.lookupKey),
                    .text(SearchText.fold(address.address)),
                ]
            )
        }
    }

    func addresses(ofPerson id: Int64) throws(StoreError) -> [String] {
        try connection.query(
            "SELECT address FROM addresses WHERE person_id = ? ORDER BY position",
            [.integer(id)]
        ) { $0.text(0) }
    }
}

/// The columns of a `people` row, before its addresses are read.
struct PersonRow {
    var id: Int64
    var firstName: String
    var lastName: String
    var employeeNumber: String?
    var department: String?
    var jobTitle: String?
    var status: String

    /// Reads the columns id, first_name, last_name, employee_number, department, job_title and status, in this order.
    init(_ row: any SQLRow) {
        id = row.integer(0)
        firstName = row.text(1)
        lastName = row.text(2)
        employeeNumber = row.optionalText(3)
        department = row.optionalText(4)
        jobTitle = row.optionalText(5)
        status = row.text(6)
    }

    func person(addresses: [String]) throws(StoreError) -> Person {
        guard let status = PersonStatus(rawValue: status) else {
            throw .unreadableValue(table: "people", column: "status", value: status)
        }
        return Person(
            id: id,
            firstName: firstName,
            lastName: lastName,
            addresses: addresses,
            employeeNumber: employeeNumber,
            department: department,
            jobTitle: jobTitle,
            status: status
        )
    }
}
