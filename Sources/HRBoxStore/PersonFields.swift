import Foundation
import HRBoxProtocol
import MailReading

/// A ``NewPerson`` checked and tidied for storing: names and numbers trimmed, empty optional
/// fields nil, addresses parsed and merged by their lookup key.
struct PersonFields {
    var firstName: String
    var lastName: String
    var addresses: [MailAddress]
    var employeeNumber: String?
    var department: String?
    var jobTitle: String?
    var status: PersonStatus

    init(validating person: NewPerson) throws(StoreError) {
        firstName = person.firstName.trimmingCharacters(in: .whitespacesAndNewlines)
        lastName = person.lastName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !firstName.isEmpty || !lastName.isEmpty else {
            throw .invalidValue(field: "name", reason: "a person needs a first name or a last name.")
        }

        addresses = []
        for (index, text) in person.addresses.enumerated() {
            guard let address = AddressKey.parseSingle(text) else {
                throw .invalidValue(
                    field: "addresses[\(index)]",
                    reason: "\"\(text)\" is not an email address. Give it as name@domain."
                )
            }
            if !addresses.contains(where: { $0.lookupKey == address.lookupKey }) {
                addresses.append(address)
            }
        }

        employeeNumber = PersonFields.nonEmpty(person.employeeNumber)
        department = PersonFields.nonEmpty(person.department)
        jobTitle = PersonFields.nonEmpty(person.jobTitle)
        status = person.status
    }

    var searchText: String {
        SearchText.searchText(
            firstName: firstName,
            lastName: lastName,
            addresses: addresses.map(\.address),
            employeeNumber: employeeNumber
        )
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
