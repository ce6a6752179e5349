import Foundation
import HRBoxStore

/// `hrbox search WORDS...`: full-text search in the personnel files, best match first.
struct SearchCommand: Command {
    static let words = ["search"]
    static let summary = "Search filed messages by subject, body, participants and attachment names."
    static let usage = """
        Usage: hrbox search WORDS... [--person PERSON] [--limit N] [--store PATH]

        Each word must start a word of the message, ignoring letter case and diacritics; ß and ss
        match each other. Matches in the snippet are marked [ ], or ⟦ ⟧ when the text has brackets.

        Options:
          --person PERSON  Only messages filed for this person. PERSON is an address, an
                           employee number, a person number (#12, or 12 when no employee number
                           is 12) or part of a name that matches exactly one person.
          --limit N        Print at most N messages, 1 to 200 (default 20).
        \(Locations.usage)
        """

    let query: String
    let personQuery: String?
    let limit: Int
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        let limitText = try arguments.option("--limit")
        guard let limit = Int(limitText ?? "20") else {
            throw UsageError("--limit expects a whole number, found \"\(limitText ?? "")\"", command: Self.name)
        }
        self.limit = limit
        personQuery = try arguments.option("--person")
        var words = [try arguments.requiredPositional("WORDS (the words to search for)")]
        while let word = arguments.positional() {
            words.append(word)
        }
        query = words.joined(separator: " ")
    }

    func run() throws -> Int32 {
        let store = try locations.openExistingStore()
        let person = try personQuery.map { try PersonQuery.single($0, in: store) }
        let hits = try store.searchFiled(query, personId: person?.id, limit: limit)
        if hits.isEmpty {
            let filed = person.map { "message filed for \($0.fullName) (#\($0.id))" } ?? "filed message"
            print("No \(filed) matches \"\(query)\".")
        }
        for hit in hits {
            let people = hit.filings.map { filing in
                "\(filing.personName) (#\(filing.personId))" + (filing.caseTitle.map { ", \($0)" } ?? "")
            }
            print("message \(hit.messageRef)  \(hit.date ?? "no date")  \(hit.subject ?? "(no subject)")")
            print("  filed for: \(people.joined(separator: "; "))")
            print("  \(hit.snippet)")
        }
        return ExitStatus.success
    }
}
