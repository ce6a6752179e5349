import Foundation
import HRBoxProtocol
import MailReading

extension Store {
    /// Gives a person one more address, after their others.
    ///
    /// An address the person has already, compared by its lookup key, is left as it is.
    /// - Parameter text: A bare addr-spec such as `anna@example.com`, without a display name or angle
    ///   brackets, within the lengths of RFC 5321: a local part of at most 64 octets and an address of
    ///   at most 254.
    /// - Returns: The person with their addresses, the address as stored, and whether it was added.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for text that is no such addr-spec,
    ///   ``StoreError/personNotFound(_:)``, and ``StoreError/addressTaken(address:owner:)`` when it
    ///   belongs to another person.
    public func addAddress(
        _ text: String, personId: Int64
    ) throws(StoreError) -> (person: Person, address: String, added: Bool) {
        let address = try Store.parseAddrSpec(text)
        return try write { () throws(StoreError) -> (person: Person, address: String, added: Bool) in
            let person = try requirePerson(id: personId)
            let ownerId = try connection.queryFirst(
                "SELECT person_id FROM addresses WHERE lookup_key = ?",
                [.text(address.lookupKey)]
            ) { $0.integer(0) }
            if let ownerId {
                guard ownerId == personId else {
                    throw .addressTaken(address: address.address, owner: try requirePerson(id: ownerId))
                }
                return (person, address.address, false)
            }

            let position = try connection.queryFirst(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM addresses WHERE person_id = ?",
                [.integer(personId)]
            ) { $0.integer(0) } ?? 0
            try connection.execute(
                "INSERT INTO addresses (person_id, position, address, lookup_key, search_key) VALUES (?, ?, ?, ?, ?)",
                [
                    .integer(personId), .integer(position), .text(address.address), .text(address.lookupKey),
                    .text(SearchText.fold(address.address)),
                ]
            )
            return (try refreshSearchText(of: person.id), address.address, true)
        }
    }

    /// Takes an address from a person, so that messages from it no longer find them.
    ///
    /// The addresses after it move up one place, so removing the main address makes the next one
    /// the main address. The last address may go too: HR registers people without an address, and
    /// an address given to someone else (a shared or reused mailbox) must first leave its old owner.
    /// - Returns: The person with their remaining addresses.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for text that is no address,
    ///   ``StoreError/personNotFound(_:)``, and ``StoreError/addressNotFound(address:personId:)``.
    public func removeAddress(_ text: String, personId: Int64) throws(StoreError) -> Person {
        let address = try Store.parseAddress(text)
        return try write { () throws(StoreError) -> Person in
            _ = try requirePerson(id: personId)
            let remaining = try connection.query(
                "SELECT address, lookup_key, search_key FROM addresses WHERE person_id = ? ORDER BY position",
                [.integer(personId)]
            ) { [$0.text(0), $0.text(1), $0.text(2)] }
            guard remaining.contains(where: { $0[1] == address.lookupKey }) else {
                throw .addressNotFound(address: address.address, personId: personId)
            }

            // Deleting all and inserting the rest keeps positions from 0 without a transient clash
            // on the (person_id, position) key.
            try connection.execute("DELETE FROM addresses WHERE person_id = ?", [.integer(personId)])
            for (position, row) in remaining.filter({ $0[1] != address.lookupKey }).enumerated() {
                try connection.execute(
                    "INSERT INTO addresses (person_id, position, address, lookup_key, search_key) VALUES (?, ?, ?, ?, ?)",
                    [.integer(personId), SQLValue(position), .text(row[0]), .text(row[1]), .text(row[2])]
                )
            }
            return try refreshSearchText(of: personId)
        }
    }

    /// Parses a bare addr-spec, rejecting what ``parseAddress(_:)`` would tolerate in a person's
    /// existing data: a display name, angle brackets, empty domain labels and overlong addresses.
    private static func parseAddrSpec(_ text: String) throws(StoreError) -> MailAddress {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }) {
            throw .invalidValue(
                field: "address",
                reason: "\"\(text)\" is not a bare email address. Give only name@domain, without a display name or <>.")
        }
        let address = try parseAddress(trimmed)

        guard let at = address.address.lastIndex(of: "@") else {
            throw .invalidValue(field: "address", reason: "\"\(text)\" has no domain. Give it as name@domain.")
        }
        let localPart = address.address[..<at]
        let domain = address.address[address.address.index(after: at)...]
        if domain.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw .invalidValue(
                field: "address", reason: "the domain of \"\(text)\" has an empty label (two dots in a row, or a dot at an end).")
        }
        if localPart.utf8.count > 64 {
            throw .invalidValue(
                field: "address", reason: "the part before @ has \(localPart.utf8.count) octets; email allows at most 64.")
        }
        if address.address.utf8.count > 254 {
            throw .invalidValue(
                field: "address", reason: "the address has \(address.address.utf8.count) octets; email allows at most 254.")
        }
        return address
    }

    private static func parseAddress(_ text: String) throws(StoreError) -> MailAddress {
        guard let address = AddressKey.parseSingle(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .invalidValue(field: "address", reason: "\"\(text)\" is not an email address. Give it as name@domain.")
        }
        return address
    }

    /// Rewrites a person's search text after their addresses changed, and returns the person.
    func refreshSearchText(of personId: Int64) throws(StoreError) -> Person {
        let person = try requirePerson(id: personId)
        let text = SearchText.searchText(
            firstName: person.firstName,
            lastName: person.lastName,
            addresses: person.addresses,
            employeeNumber: person.employeeNumber
        )
        try connection.execute(
            "UPDATE people SET search_text = ?, updated_at = ? WHERE id = ?",
            [.text(text), .text(now()), .integer(personId)]
        )
        return person
    }
}
