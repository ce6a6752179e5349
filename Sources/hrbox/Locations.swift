import Foundation
import HRBoxServer
import HRBoxStore

/// A store a reading command was pointed at that does not exist.
struct StoreMissing: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "no store exists at \(path). Check --store or HRBOX_STORE, or create the store by importing people "
            + "(hrbox people import)."
    }
}

/// The paths of the store and the configuration file: from options, then the environment, then XDG defaults.
struct Locations {
    let storePath: String
    let configPath: String
    /// True when the user named the configuration file, so that a missing file is an error.
    let isConfigNamed: Bool

    static let usage = """
          --store PATH   The SQLite store file, or a postgresql:// URI of a PostgreSQL database
                         (default: $HRBOX_STORE, else $XDG_DATA_HOME/hrbox/hrbox.sqlite,
                         else ~/.local/share/hrbox/hrbox.sqlite).
          --config PATH  The user's configuration file (default: $HRBOX_CONFIG, else
                         $XDG_CONFIG_HOME/hrbox/config, else ~/.config/hrbox/config).
        """

    init(parsing arguments: inout Arguments) throws(UsageError) {
        let environment = ProcessInfo.processInfo.environment
        storePath = try arguments.option("--store") ?? Store.defaultPath(environment: environment)
        let namedConfig = try arguments.option("--config")
        configPath = namedConfig ?? UserConfiguration.defaultPath(environment: environment)
        isConfigNamed = namedConfig != nil || !(environment["HRBOX_CONFIG"] ?? "").isEmpty
    }

    /// The options that make a child `hrbox serve` use the same configuration. The store goes in
    /// ``serveEnvironment(inheriting:)`` instead.
    var serveArguments: [String] {
        isConfigNamed ? ["--config", configPath] : []
    }

    /// Returns the environment for a child `hrbox serve`: `environment` with `HRBOX_STORE` set to the
    /// store, because an argument would show a URI's password to every user in the process list.
    func serveEnvironment(inheriting environment: [String: String]) -> [String: String] {
        var serveEnvironment = environment
        serveEnvironment["HRBOX_STORE"] = storePath
        return serveEnvironment
    }

    func loadConfiguration() throws(ConfigurationError) -> UserConfiguration {
        try UserConfiguration.load(path: configPath, mustExist: isConfigNamed)
    }

    /// The store as a file path or a PostgreSQL URI; its description leaves out the password.
    var storeLocation: StoreLocation {
        StoreLocation(storePath)
    }

    func openStore() throws -> Store {
        try Store(location: storeLocation)
    }

    /// Opens the store for a command that only reads. Such a command must not create an empty store at
    /// a mistyped path and then report that no person matches. A PostgreSQL database is not created
    /// by opening it, so only an SQLite file is checked.
    func openExistingStore() throws -> Store {
        let storeLocation = try StoreLocation(validating: storePath)
        if case .sqlite(let path) = storeLocation, !FileManager.default.fileExists(atPath: path) {
            throw StoreMissing(path: path)
        }
        return try Store(location: storeLocation)
    }
}
