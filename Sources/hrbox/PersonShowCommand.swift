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

        PERSON is an address, an employee number, a person number (#12, or 12 when no employee
        number is 12) or part of a name; a name that matches several people lists them so that
        you can pick one.

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
        let person = try PersonQuery.single(query, in: store)

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
}
