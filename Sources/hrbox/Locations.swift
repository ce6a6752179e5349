import Foundation
import HRBoxServer
import HRBoxStore

/// A store a reading command was pointed at that does not exist.
struct StoreMissing: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "no store exists at \(path). Check --store or HRBOX_STORE, or create the store with "
            + "`hrbox store init --store \(path)` or by importing people (hrbox people import)."
    }
}

/// The paths of the store and the configuration file: from options, then the environment, then XDG defaults.
struct Locations {
    let storePath: String
    /// True when the user named the store with --store or HRBOX_STORE, so that a missing SQLite file is
    /// an error rather than a new empty store.
    let isStoreNamed: Bool
    let configPath: String
    /// True when the user named the configuration file, so that a missing file is an error.
    let isConfigNamed: Bool

    static let usage = """
          --store PATH   The SQLite store file, or a postgresql:// URI of a PostgreSQL database
                         (default: $HRBOX_STORE, else $XDG_DATA_HOME/hrbox/hrbox.sqlite,
                         else ~/.local/share/hrbox/hrbox.sqlite). A store given here or in
                         $HRBOX_STORE is created only by `hrbox store init` and the imports.
          --config PATH  The user's configuration file (default: $HRBOX_CONFIG, else
                         $XDG_CONFIG_HOME/hrbox/config, else ~/.config/hrbox/config).
        """

    init(parsing arguments: inout Arguments) throws(UsageError) {
        let environment = Self.pathEnvironment()
        let namedStore = try arguments.option("--store")
        storePath = namedStore ?? Store.defaultPath(environment: environment)
        isStoreNamed = namedStore != nil || !(environment["HRBOX_STORE"] ?? "").isEmpty
        let namedConfig = try arguments.option("--config")
        configPath = namedConfig ?? UserConfiguration.defaultPath(environment: environment)
        isConfigNamed = namedConfig != nil || !(environment["HRBOX_CONFIG"] ?? "").isEmpty
    }

    /// The environment variables that choose the default store and configuration file, as
    /// ``Store/defaultPath(environment:)`` and ``UserConfiguration/defaultPath(environment:)`` read them.
    static let pathVariables = ["HRBOX_STORE", "HRBOX_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME"]

    /// Returns the values of those ``pathVariables`` that are set. Mail clients start hrbox on every
    /// key press, and `ProcessInfo.environment`, which converts every variable, cost each start 0.4
    /// million instructions.
    static func pathEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in pathVariables {
            if let value = getenv(name) {
                environment[name] = String(cString: value)
            }
        }
        return environment
    }

    /// The options that make a child `hrbox serve` use the same configuration. The store goes in
    /// ``serveEnvironment(inheriting:)`` instead.
    var serveArguments: [String] {
        isConfigNamed ? ["--config", configPath] : []
    }

    /// Returns the environment for a child `hrbox serve`: `environment` with `HRBOX_STORE` set to a
    /// named store, because an argument would show a URI's password to every user in the process list.
    /// Without a named store the child finds the same default location, and may create it there.
    func serveEnvironment(inheriting environment: [String: String]) -> [String: String] {
        var serveEnvironment = environment
        serveEnvironment["HRBOX_STORE"] = isStoreNamed ? storePath : nil
        return serveEnvironment
    }

    /// Whether `hrbox serve` may create a missing SQLite store: only at the default location.
    var missingStore: MissingStore {
        isStoreNamed ? .reject : .create
    }

    /// Throws ``StoreMissing`` when the user named an SQLite store that does not exist. `hrbox serve`
    /// would reject every request on it, so a command reports the problem before it starts the server.
    func requireNamedStoreExists() throws {
        guard isStoreNamed else {
            return
        }
        try StoreLocation(validating: storePath).requireExisting()
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
        try storeLocation.requireExisting()
        return try Store(location: storeLocation)
    }
}
