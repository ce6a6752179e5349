import HRBoxProtocol

extension AuditSubject {
    /// Builds the subject of a `personAdded` event: the person, with their addresses in order in
    /// `addresses`, separated by ", ".
    public static func personAdded(_ person: Person) -> AuditSubject {
        AuditSubject(personId: person.id, details: ["addresses": person.addresses.joined(separator: ", ")])
    }

    /// Builds the subject of a `personUpdated` event: for each changed field, `FIELD.old` and
    /// `FIELD.new`, with an empty value for a field that was or became empty.
    ///
    /// `mainAddress` is the first address. Addresses added after the first are recorded as
    /// `addressAdded` events instead.
    /// - Returns: nil when none of the fields changed.
    public static func personUpdated(from old: Person, to new: Person) -> AuditSubject? {
        var details: [String: String] = [:]
        func compare(_ field: String, _ oldValue: String?, _ newValue: String?) {
            if (oldValue ?? "") != (newValue ?? "") {
                details[field + ".old"] = oldValue ?? ""
                details[field + ".new"] = newValue ?? ""
            }
        }
        compare("firstName", old.firstName, new.firstName)
        compare("lastName", old.lastName, new.lastName)
        compare("mainAddress", old.addresses.first, new.addresses.first)
        compare("employeeNumber", old.employeeNumber, new.employeeNumber)
        compare("department", old.department, new.department)
        compare("jobTitle", old.jobTitle, new.jobTitle)
        compare("status", old.status.rawValue, new.status.rawValue)

        return details.isEmpty ? nil : AuditSubject(personId: new.id, details: details)
    }
}
