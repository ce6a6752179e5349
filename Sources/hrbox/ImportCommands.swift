import Foundation
import HRBoxImport
import HRBoxStore

/// A command that imports one kind of CSV file into the store, all rows or none.
protocol CSVImportCommand: Command {
    /// The noun the summary line counts, in the singular and the plural, such as ("person", "people").
    static var noun: (one: String, many: String) { get }
    /// Imports ``file`` into the store, recording in the audit trail what the audit actions cover.
    func importFile(into store: Store) throws -> ImportSummary

    var file: String { get }
    var locations: Locations { get }
    init(file: String, locations: Locations)
}

extension CSVImportCommand {
    init(parsing arguments: inout Arguments) throws(UsageError) {
        let locations = try Locations(parsing: &arguments)
        self.init(file: try arguments.requiredPositional("the CSV file to import"), locations: locations)
    }

    func run() throws -> Int32 {
        let store = try locations.openStore()
        let summary = try importFile(into: store)
        let noun = summary.added == 1 ? Self.noun.one : Self.noun.many
        print("Imported \(file): \(summary.added) \(noun) added, \(summary.updated) updated.")
        return ExitStatus.success
    }
}

/// `hrbox people import FILE.csv`: adds people, or updates them by employee number.
struct PeopleImportCommand: CSVImportCommand {
    static let words = ["people", "import"]
    static let summary = "Import people from a CSV file (all rows or none)."
    static let usage = """
        Usage: hrbox people import FILE.csv [--store PATH] [--config PATH]

        Columns (a header row names them, in any order):
          first_name, last_name   required columns; each row needs at least one of the two names
          addresses               one or more addresses separated by ";" (may be empty)
          employee_number         optional, unique whatever its letter case
          department, job_title   optional
          status                  employee, applicant or former employee
        A row with a known employee number updates that person, unless it changes both names (a
        mistyped number, most likely). A row without one updates the owner of its first address
        when that person has no number and the same names. Other rows add a person. An update keeps
        the person's other addresses, and what an empty department or job_title cell leaves out.
        A bad row stores nothing at all; the error names the file, line and field.
        The audit trail records each person added, what each update changed and each address it
        adds, with the colleague of the configuration file.

        Options:
        \(Locations.usage)
        """

    static let noun = (one: "person", many: "people")

    let file: String
    let locations: Locations

    func importFile(into store: Store) throws -> ImportSummary {
        try CSVImport.importPeople(from: file, into: store, auditedAs: try locations.auditActor(for: Self.self))
    }
}

/// `hrbox colleagues import FILE.csv`: the HR team members to-dos are assigned to.
struct ColleaguesImportCommand: CSVImportCommand {
    static let words = ["colleagues", "import"]
    static let summary = "Import colleagues from a CSV file (all rows or none)."
    static let usage = """
        Usage: hrbox colleagues import FILE.csv [--store PATH]

        Columns: id (letters, digits, ".", "_", "-"), name, address (optional).
        A row with a known id updates that colleague. A bad row stores nothing at all.

        Options:
        \(Locations.usage)
        """

    static let noun = (one: "colleague", many: "colleagues")

    let file: String
    let locations: Locations

    /// Records nothing in the audit trail, which has no action for a change of colleagues.
    func importFile(into store: Store) throws -> ImportSummary {
        try CSVImport.importColleagues(from: file, into: store)
    }
}

/// `hrbox case-types import FILE.csv`: case types and the workflow steps that become to-dos.
struct CaseTypesImportCommand: CSVImportCommand {
    static let words = ["case-types", "import"]
    static let summary = "Import case types and their workflows from a CSV file (all rows or none)."
    static let usage = """
        Usage: hrbox case-types import FILE.csv [--store PATH]

        Columns: case_type, step, due_after_days (whole days from the case's start), assignee (a
        colleague id, or empty for whoever starts the case). One row per workflow step, in order; a
        case type without steps is one row with an empty step. A case type with a known name gets
        the new workflow; cases started before keep their to-dos. A bad row stores nothing at all.

        Options:
        \(Locations.usage)
        """

    static let noun = (one: "case type", many: "case types")

    let file: String
    let locations: Locations

    /// Records nothing in the audit trail, which has no action for a change of case types.
    func importFile(into store: Store) throws -> ImportSummary {
        try CSVImport.importCaseTypes(from: file, into: store)
    }
}
