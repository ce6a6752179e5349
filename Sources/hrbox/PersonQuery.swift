import Foundation
import HRBoxProtocol
import HRBoxStore

/// The person a command-line argument names: an address, an employee number, a person number
/// (`#12`, or `12` when no employee number is 12) or part of a name.
enum PersonQuery {
    /// Returns the one person `text` names.
    /// - Throws: ``PersonNotIdentified`` when no person or several people match, and what the store throws.
    static func single(_ text: String, in store: Store) throws -> Person {
        let matches = try people(matching: text, in: store)
        guard matches.count == 1, let person = matches.first else {
            throw PersonNotIdentified(query: text, matches: matches)
        }
        return person
    }

    /// Finds the people `text` names: by address, employee number, person number, or a search on names.
    static func people(matching text: String, in store: Store) throws -> [Person] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@") {
            return try store.person(ownerOf: trimmed).map { [$0] } ?? []
        }
        if let person = try store.person(employeeNumber: trimmed) {
            return [person]
        }
        let number = trimmed.hasPrefix("#") ? trimmed.dropFirst() : Substring(trimmed)
        if !number.isEmpty, number.allSatisfy(\.isASCII), let id = Int64(number) {
            return try store.person(id: id).map { [$0] } ?? []
        }
        return try store.searchPeople(trimmed, limit: 50)
    }
}

/// A person argument that matched no person or several people; the message lists the candidates.
struct PersonNotIdentified: Error, CustomStringConvertible {
    let query: String
    let matches: [Person]

    var description: String {
        guard !matches.isEmpty else {
            return "no person matches \"\(query)\"."
        }
        let candidates = matches.map { person in
            let number = person.employeeNumber.map { ", \($0)" } ?? ""
            return "  #\(person.id)  \(person.fullName)\(number)  \(person.addresses.first ?? "")"
        }
        return "\(matches.count) people match \"\(query)\"; name one of them:\n" + candidates.joined(separator: "\n")
    }
}
