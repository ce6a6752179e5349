import Foundation
import HRBoxStore

/// `hrbox store init`: creates a new, empty store on purpose, because `hrbox serve` creates one by
/// itself only at the default location.
struct StoreInitCommand: Command {
    static let words = ["store", "init"]
    static let summary = "Create a new, empty store, for a store path that hrbox serve must not create by itself."
    static let usage = """
        Usage: hrbox store init [--store PATH]

        Creates the store with hrbox's tables and nothing in them. A new SQLite file gets mode 0600,
        and its missing folders get mode 0700. A PostgreSQL database must exist already, and gets
        the tables. A store that exists already is left unchanged and the command fails, so that a
        mistyped path is noticed.

        hrbox serve, and so the HR box and the mail client plugins, create a missing store only at
        the default location. A store named with --store or HRBOX_STORE must be created first, by
        this command or by an import (hrbox people import).

        Options:
          --store PATH   The SQLite store file, or a postgresql:// URI of an existing PostgreSQL
                         database (default: $HRBOX_STORE, else $XDG_DATA_HOME/hrbox/hrbox.sqlite,
                         else ~/.local/share/hrbox/hrbox.sqlite).
        """

    let storePath: String

    init(parsing arguments: inout Arguments) throws(UsageError) {
        let environment = ProcessInfo.processInfo.environment
        storePath = try arguments.option("--store") ?? Store.defaultPath(environment: environment)
    }

    func run() throws -> Int32 {
        let location = try StoreLocation(validating: storePath)
        if try Self.storeExists(at: location) {
            printToStandardError(
                "hrbox store init: a store exists at \(location) already, so nothing was created. "
                    + "Use it as it is with --store, or name a new path.")
            return ExitStatus.failure
        }

        let store = try Store(location: location)
        let version = try store.storedSchemaVersion()
        print("Created an empty store at \(location) (schema version \(version)).")
        print("Import people into it with `hrbox people import FILE.csv --store \(location)`.")
        return ExitStatus.success
    }

    /// Returns true when `location` has a store already: any file at an SQLite path, or a PostgreSQL
    /// database with hrbox's version table.
    private static func storeExists(at location: StoreLocation) throws -> Bool {
        switch location {
        case .sqlite(let path):
            return FileManager.default.fileExists(atPath: path)
        case .postgresql:
            let store = try Store(readingExisting: location)
            do {
                _ = try store.storedSchemaVersion()
                return true
            } catch .postgresql {
                // A database hrbox never opened has no version table.
                return false
            }
        }
    }
}
