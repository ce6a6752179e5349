import Foundation
import HRBoxProtocol
import MailReading

extension Store {
    /// Adds a colleague, or replaces the name and address of the colleague with the same id.
    /// - Throws: ``StoreError/invalidValue(field:reason:)`` for an id with other characters than
    ///   letters, digits, `.`, `_` and `-`, an empty name, or an address that does not parse.
    @discardableResult
    public func upsertColleague(_ colleague: Colleague) throws(StoreError) -> Colleague {
        let valid = try Store.validated(colleague)
        return try write { () throws(StoreError) -> Colleague in
            try connection.execute(
                """
                INSERT INTO colleagues (id, name, address, sort_key) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
                    sort_key = excluded.sort_key
                """,
                [.text(valid.id), .text(valid.name), SQLValue(valid.address), .text(SearchText.fold(valid.name))]
            )
            return valid
        }
    }

    /// Returns every colleague, by name.
    public func colleagues() throws(StoreError) -> [Colleague] {
        try connection.query("SELECT id, name, address FROM colleagues ORDER BY sort_key, id", row: Store.colleague)
    }

    /// Returns the colleague with the id, or nil when there is none.
    public func colleague(id: String) throws(StoreError) -> Colleague? {
        try connection.queryFirst("SELECT id, name, address FROM colleagues WHERE id = ?", [.text(id)], row: Store.colleague)
    }

    /// Throws ``StoreError/colleagueNotFound(_:)`` unless a colleague has the id.
    func requireColleague(id: String) throws(StoreError) {
        guard try colleague(id: id) != nil else {
            throw .colleagueNotFound(id)
        }
    }

    /// True when `id` is a valid colleague id: one or more letters, digits, `.`, `_` or `-`.
    public static func isValidColleagueId(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar)
        }
    }

    private static func validated(_ colleague: Colleague) throws(StoreError) -> Colleague {
        let id = colleague.id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isValidColleagueId(id) else {
            throw .invalidValue(
                field: "id",
                reason: "\"\(id)\" is not a colleague id. Use letters, digits, \".\", \"_\" and \"-\" only, such as mkeller."
            )
        }
        let name = colleague.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw .invalidValue(field: "name", reason: "the colleague \(id) needs a name.")
        }

        var address: String?
        if let text = colleague.address?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            guard let parsed = AddressKey.parseSingle(text) else {
                throw .invalidValue(field: "address", reason: "\"\(text)\" is not an email address. Give it as name@domain.")
            }
            address = parsed.address
        }
        return Colleague(id: id, name: name, address: address)
    }

    private static func colleague(_ row: any SQLRow) -> Colleague {
        Colleague(id: row.text(0), name: row.text(1), address: row.optionalText(2))
    }
}
