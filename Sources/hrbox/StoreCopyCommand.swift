import Foundation
import HRBoxServer
import HRBoxStore

/// `hrbox store copy --from SRC --to DST`: copies a whole store, such as an SQLite file onto a team's
/// PostgreSQL server, or with `--merge` adds one store to another that contains data.
struct StoreCopyCommand: Command {
    static let words = ["store", "copy"]
    static let summary = "Copy everything in one store into another, empty store, or merge it into one with data."
    static let usage = """
        Usage: hrbox store copy --from SRC --to DST [--merge] [--config PATH]

        Copies people, personnel files, cases, case types, colleagues, to-dos and the audit trail
        from SRC to DST with their ids, in one transaction, then rebuilds DST's search index. DST
        must be empty: a copy into a store with data is rejected and changes nothing. Both stores are
        brought to the current schema version first. Progress goes to stderr, the summary to stdout.

        With --merge, DST may contain data. Colleagues are matched by id, case types by name, people
        by any address or their employee number ignoring letter case, and messages by their bytes;
        everything else is added with new ids. A matched person gains the addresses DST lacks.
        Cases and to-dos are added, not matched to DST's. When a source person matches two people
        in DST, the merge is rejected, lists them, and changes nothing.

        Options:
          --from SRC     The store to copy: an SQLite file, or a postgresql:// URI.
          --to DST       The store to copy into: an SQLite file (created when missing), or a
                         postgresql:// URI of an existing database.
          --merge        Add what DST lacks to a store with data, in one transaction.
          --config PATH  The user's configuration file, whose colleague the audit trail records.
        """

    let source: StoreLocation
    let destination: StoreLocation
    let merge: Bool
    let configPath: String
    let isConfigNamed: Bool

    init(parsing arguments: inout Arguments) throws(UsageError) {
        guard let from = try arguments.option("--from"), !from.isEmpty else {
            throw UsageError("missing --from SRC, the store to copy", command: Self.name)
        }
        guard let to = try arguments.option("--to"), !to.isEmpty else {
            throw UsageError("missing --to DST, the store to copy into", command: Self.name)
        }
        source = StoreLocation(from)
        destination = StoreLocation(to)
        merge = arguments.flag("--merge")

        let environment = ProcessInfo.processInfo.environment
        let namedConfig = try arguments.option("--config")
        configPath = namedConfig ?? UserConfiguration.defaultPath(environment: environment)
        isConfigNamed = namedConfig != nil || !(environment["HRBOX_CONFIG"] ?? "").isEmpty
    }

    func run() throws -> Int32 {
        try source.requireExisting()
        if source == destination {
            throw StoreCopyError.sameStore(source.description)
        }
        let configuration = try UserConfiguration.load(path: configPath, mustExist: isConfigNamed)
        let actor = AuditActor(colleague: configuration.colleague, client: "hrbox " + Self.name)

        printToStandardError("Opening \(source) and \(destination).")
        let sourceStore = try Store(location: source)
        let destinationStore = try Store(location: destination)
        if merge {
            let summary = try Store.merge(from: sourceStore, into: destinationStore, actor: actor) { step in
                printToStandardError(step)
            }
            printMergeSummary(summary)
            return ExitStatus.success
        }
        let summary = try Store.copy(from: sourceStore, to: destinationStore, actor: actor) { step in
            printToStandardError(step)
        }

        print("Copied \(source) to \(destination):")
        for table in summary.tables {
            print("  \(table.table): \(table.rows)")
        }
        print("Search index rebuilt for \(summary.indexedMessages) messages.")
        return ExitStatus.success
    }

    private func printMergeSummary(_ summary: StoreMergeSummary) {
        print("Merged \(source) into \(destination):")
        for table in summary.tables {
            print("  \(table)")
        }
        print("Search entries added for \(summary.indexedMessages) messages.")
        if !summary.notes.isEmpty {
            print("Kept the destination's data where the stores differ:")
            for note in summary.notes {
                print("  \(note)")
            }
        }
    }
}
