import Foundation
import HRBoxStore

/// `hrbox search TEXT`: full-text search in the personnel files, best match first.
struct SearchCommand: Command {
    static let words = ["search"]
    static let summary = "Search filed messages by subject, body, participants and attachment names."
    static let usage = """
        Usage: hrbox search TEXT [--limit N] [--store PATH]

        Each word of TEXT must start a word of the message, ignoring letter case and diacritics.

        Options:
          --limit N  Print at most N messages, 1 to 200 (default 20).
        \(Locations.usage)
        """

    let query: String
    let limit: Int
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        let limitText = try arguments.option("--limit")
        guard let limit = Int(limitText ?? "20") else {
            throw UsageError("--limit expects a whole number, found \"\(limitText ?? "")\"", command: Self.name)
        }
        self.limit = limit
        query = try arguments.requiredPositional("TEXT (the words to search for)")
    }

    func run() throws -> Int32 {
        let store = try locations.openExistingStore()
        let hits = try store.searchFiled(query, personId: nil, limit: limit)
        if hits.isEmpty {
            print("No filed message matches \"\(query)\".")
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
