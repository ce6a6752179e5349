import Foundation
import HRBoxProtocol
import HRBoxStore
import MailReading

extension CSVImport {
    /// The columns of `people.csv`, in the order messages list them.
    static let peopleColumns = ["first_name", "last_name", "addresses", "employee_number", "department", "job_title", "status"]

    /// Imports `people.csv`, such as a monthly export from the HR system.
    ///
    /// A row updates the person with its employee number (letter case ignored), unless the row
    /// changes both names: that is far more often a mistyped number than one person renamed, so the
    /// row is rejected. A row whose employee number no one has, or that has none, updates the owner
    /// of its first address when that person has no employee number and the same first and last
    /// name, as an applicant who became an employee. Every other row adds a person.
    ///
    /// An update keeps what the row leaves out: the person's other addresses, so that addresses added
    /// in hrbox survive the next export, and the department or job title when its cell is empty. A row
    /// that changes nothing is counted as unchanged.
    ///
    /// Each added person, each changed field of an updated person and each address an update adds is
    /// recorded in the audit trail, in the import's transaction.
    /// - Parameter actor: The colleague and client recorded for the import, such as the user's colleague
    ///   and `hrbox people import`.
    public static func importPeople(
        from path: String, into store: Store, auditedAs actor: AuditActor
    ) throws(ImportError) -> ImportSummary {
        try run(path: path, known: peopleColumns, required: ["first_name", "last_name", "status"], into: store) {
            (rows, problems) throws(StoreError) -> ImportSummary in
            var summary = ImportSummary()
            var seen = SeenValues()

            for row in rows {
                guard let person = newPerson(from: row, seen: &seen, problems: &problems) else {
                    continue
                }
                do throws(StoreError) {
                    let existing = try matchingPerson(person, in: store)
                    if let existing, !sharesAName(existing, person) {
                        problems.add(line: row.line, field: "employee_number", renamingBothNames(existing, to: person))
                        continue
                    }
                    try storePerson(person, updating: existing, into: store, auditedAs: actor, summary: &summary)
                } catch {
                    try record(error, line: row.line, fields: storeFieldColumns, in: &problems)
                }
            }
            return summary
        }
    }

    /// Adds the person, or updates `existing`, the person the row stands for; see ``importPeople(from:into:auditedAs:)``.
    private static func storePerson(
        _ person: NewPerson, updating existing: Person?, into store: Store, auditedAs actor: AuditActor,
        summary: inout ImportSummary
    ) throws(StoreError) {
        guard let existing else {
            let added = try store.addPerson(person)
            try store.recordAudit(.personAdded, by: actor, about: .personAdded(added))
            summary.added += 1
            return
        }

        var merged = person
        let rowKeys = Set(person.addresses.map(AddressKey.lookupKey(for:)))
        merged.addresses += existing.addresses.filter { !rowKeys.contains(AddressKey.lookupKey(for: $0)) }
        merged.department = person.department ?? existing.department
        merged.jobTitle = person.jobTitle ?? existing.jobTitle
        if fields(of: existing) == merged {
            summary.unchanged += 1
            return
        }
        let updated = try store.updatePerson(id: existing.id, with: merged)
        if let changes = AuditSubject.personUpdated(from: existing, to: updated) {
            try store.recordAudit(.personUpdated, by: actor, about: changes)
        }
        try recordAddedAddresses(of: merged, to: existing, in: store, by: actor)
        summary.updated += 1
    }

    /// Records an `addressAdded` event for each address of `merged` that `existing` did not have.
    private static func recordAddedAddresses(
        of merged: NewPerson, to existing: Person, in store: Store, by actor: AuditActor
    ) throws(StoreError) {
        let existingKeys = Set(existing.addresses.map(AddressKey.lookupKey(for:)))
        for address in merged.addresses where !existingKeys.contains(AddressKey.lookupKey(for: address)) {
            try store.recordAudit(
                .addressAdded, by: actor, about: AuditSubject(personId: existing.id, details: ["address": address]))
        }
    }

    private static func matchingPerson(_ person: NewPerson, in store: Store) throws(StoreError) -> Person? {
        if let number = person.employeeNumber, let found = try store.person(employeeNumber: number) {
            return found
        }
        guard let firstAddress = person.addresses.first, let owner = try store.person(ownerOf: firstAddress) else {
            return nil
        }
        let sameName = owner.firstName == person.firstName && owner.lastName == person.lastName
        return owner.employeeNumber == nil && sameName ? owner : nil
    }

    private static func renamingBothNames(_ existing: Person, to person: NewPerson) -> String {
        let number = existing.employeeNumber ?? ""
        let owner = "\(existing.fullName) (person \(existing.id))"
        return "\(number) belongs to \(owner), but this row names \(person.fullName). Correct the number; "
            + "if \(existing.fullName) changed both names, import the new last name and the new first name in two steps."
    }

    /// True when the row keeps the first or the last name of the person, ignoring case and accents.
    private static func sharesAName(_ existing: Person, _ person: NewPerson) -> Bool {
        func same(_ one: String, _ other: String) -> Bool {
            one.compare(other, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
        }
        return same(existing.firstName, person.firstName) || same(existing.lastName, person.lastName)
    }

    private static func fields(of person: Person) -> NewPerson {
        NewPerson(
            firstName: person.firstName,
            lastName: person.lastName,
            addresses: person.addresses,
            employeeNumber: person.employeeNumber,
            department: person.department,
            jobTitle: person.jobTitle,
            status: person.status
        )
    }

    /// The CSV column for each field name the store uses in its errors about a person.
    private static let storeFieldColumns = [
        "name": "first_name", "firstName": "first_name", "lastName": "last_name", "addresses": "addresses",
        "employeeNumber": "employee_number", "department": "department", "jobTitle": "job_title", "status": "status",
    ]
}

/// The addresses and employee numbers of the rows read so far, with their lines, so that a file
/// cannot give one of them to two people.
private struct SeenValues {
    var lineOfAddress: [String: Int] = [:]
    var lineOfEmployeeNumber: [String: Int] = [:]
}

extension CSVImport {
    /// Checks a row of `people.csv` and returns its person with addresses as addr-specs, or adds its
    /// problems and returns nil.
    private static func newPerson(from row: CSVTable.Row, seen: inout SeenValues, problems: inout ProblemList) -> NewPerson? {
        var valid = true
        if row["first_name"].isEmpty && row["last_name"].isEmpty {
            problems.add(line: row.line, field: "first_name", "both names are empty. Give a first name, a last name or both.")
            valid = false
        }

        let status = personStatus(row["status"])
        if status == nil {
            problems.add(line: row.line, field: "status", "\"\(row["status"])\" is not a status (expected employee, applicant or former employee).")
            valid = false
        }

        var addresses: [String] = []
        var rowKeys: Set<String> = []
        for text in row["addresses"].split(separator: ";").map({ CSVTable.trimmed(String($0)) }) where !text.isEmpty {
            guard let address = AddressKey.parseSingle(text) else {
                problems.add(line: row.line, field: "addresses", "\"\(text)\" is not an email address (expected name@domain).")
                valid = false
                continue
            }
            if let earlier = seen.lineOfAddress[address.lookupKey] {
                problems.add(line: row.line, field: "addresses", "\(address.address) appears on line \(earlier) already. An address belongs to one person only.")
                valid = false
            } else if rowKeys.insert(address.lookupKey).inserted {
                addresses.append(address.address)
            }
        }
        for key in rowKeys where seen.lineOfAddress[key] == nil {
            seen.lineOfAddress[key] = row.line
        }

        let number = row["employee_number"]
        if !number.isEmpty {
            // The store compares employee numbers ignoring ASCII letter case, and so does the file.
            let numberKey = number.lowercased()
            if let earlier = seen.lineOfEmployeeNumber[numberKey] {
                problems.add(line: row.line, field: "employee_number", "\(number) appears on line \(earlier) already. Keep one row per person.")
                valid = false
            } else {
                seen.lineOfEmployeeNumber[numberKey] = row.line
            }
        }

        guard valid, let status else {
            return nil
        }
        return NewPerson(
            firstName: row["first_name"],
            lastName: row["last_name"],
            addresses: addresses,
            employeeNumber: number.isEmpty ? nil : number,
            department: row["department"].isEmpty ? nil : row["department"],
            jobTitle: row["job_title"].isEmpty ? nil : row["job_title"],
            status: status
        )
    }

    /// Reads a status, ignoring letter case and whether "former employee" is written with a space,
    /// an underscore, a hyphen or as one word.
    static func personStatus(_ text: String) -> PersonStatus? {
        let word = text.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
        switch word {
        case "employee":
            return .employee
        case "applicant":
            return .applicant
        case "formeremployee":
            return .formerEmployee
        default:
            return nil
        }
    }
}
