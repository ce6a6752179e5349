import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// `hrbox person show PERSON`: a personnel file as an HR person wants to read it.
struct PersonShowCommand: Command {
    static let words = ["person", "show"]
    static let summary = "Show a personnel file: the person, cases, open to-dos and filed messages."
    static let usage = """
        Usage: hrbox person show PERSON [--json] [--store PATH]

        PERSON is an address, an employee number, a person number (#12) or part of a name; a
        name that matches several people lists them so that you can pick one.

        Options:
          --json  Print the personnel file as the JSON result of hrbox/personnelFile.
        \(Locations.usage)
        """

    let query: String
    let json: Bool
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        json = arguments.flag("--json")
        query = try arguments.requiredPositional("PERSON (an address, employee number, #id or name)")
    }

    func run() throws -> Int32 {
        let store = try locations.openExistingStore()
        let matches = try resolve(query, in: store)
        guard matches.count == 1, let person = matches.first else {
            if matches.isEmpty {
                printToStandardError("hrbox person show: no person matches \"\(query)\".")
            } else {
                printToStandardError("hrbox person show: \(matches.count) people match \"\(query)\"; name one of them:")
                for person in matches {
                    let number = person.employeeNumber.map { ", \($0)" } ?? ""
                    printToStandardError("  #\(person.id)  \(person.fullName)\(number)  \(person.addresses.first ?? "")")
                }
            }
            return ExitStatus.failure
        }

        guard let file = try store.personnelFile(personId: person.id) else {
            printToStandardError("hrbox person show: person \(person.id) disappeared while being read; try again.")
            return ExitStatus.failure
        }
        if json {
            let value = try JSONValueEncoder().encode(file)
            FileHandle.standardOutput.write(Data(try value.serialized()))
            print()
        } else {
            print(PersonnelFileText(file: file).text)
        }
        return ExitStatus.success
    }

    /// Finds the people `text` names: by address, employee number, `#id`, or a search on names.
    private func resolve(_ text: String, in store: Store) throws -> [Person] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@") {
            return try store.person(ownerOf: trimmed).map { [$0] } ?? []
        }
        if let person = try store.person(employeeNumber: trimmed) {
            return [person]
        }
        if trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()) {
            return try store.person(id: id).map { [$0] } ?? []
        }
        return try store.searchPeople(trimmed, limit: 50)
    }
}
