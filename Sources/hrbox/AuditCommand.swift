import Foundation
import HRBoxProtocol
import HRBoxStore

/// `hrbox audit`: the audit trail, newest first, one line per change.
struct AuditCommand: Command {
    static let words = ["audit"]
    static let summary = "Show the audit trail: who changed what, when and from which client."
    static let usage = """
        Usage: hrbox audit [--person PERSON] [--limit N] [--store PATH]

        Prints one line per change, newest first: the local time with its offset from UTC, the
        change, the person, case, message and to-do it concerns, the colleague who made it and
        the client it came from. The audit trail never contains a message's text.

        Options:
          --person PERSON  Only changes to this person's personnel file. PERSON is an address, an
                           employee number, a person number (#12, or 12 when no employee number
                           is 12) or part of a name that matches exactly one person.
          --limit N        Print at most N changes, 1 to \(Store.maximumAuditEvents) (default \(defaultLimit)).
        \(Locations.usage)
        """

    static let defaultLimit = 100

    let personQuery: String?
    let limit: Int
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        personQuery = try arguments.option("--person")
        let limitText = try arguments.option("--limit")
        guard let limit = Int(limitText ?? String(Self.defaultLimit)), (1...Store.maximumAuditEvents).contains(limit)
        else {
            throw UsageError(
                "--limit expects a whole number from 1 to \(Store.maximumAuditEvents), found \"\(limitText ?? "")\"",
                command: Self.name)
        }
        self.limit = limit
    }

    func run() throws -> Int32 {
        let store = try locations.openExistingStore()
        let person = try personQuery.map { try PersonQuery.single($0, in: store) }
        let events = try store.auditEvents(personId: person?.id, limit: limit)

        if events.isEmpty {
            let about = person.map { " about \($0.fullName) (#\($0.id))" } ?? ""
            print("The audit trail has no changes\(about).")
        }
        var names = PersonNames(store: store)
        for event in events {
            let personName = try event.personId.flatMap { id in try names.name(of: id) }
            print(AuditEventLine(event: event, personName: personName).text)
        }
        return ExitStatus.success
    }
}

/// The names of the people events concern, read from the store once per person.
private struct PersonNames {
    let store: Store
    private var cache: [Int64: String?] = [:]

    init(store: Store) {
        self.store = store
    }

    /// Returns the person's full name, or nil for an id the store no longer has.
    mutating func name(of id: Int64) throws -> String? {
        if let known = cache[id] {
            return known
        }
        let name = try store.person(id: id)?.fullName
        cache[id] = name
        return name
    }
}
