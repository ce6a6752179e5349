import Foundation
import HRBoxServer
import HRBoxStore

/// The paths of the store and the configuration file: from options, then the environment, then XDG defaults.
struct Locations {
    let storePath: String
    let configPath: String

    static let usage = """
          --store PATH   The SQLite store (default: $HRBOX_STORE, else
                         $XDG_DATA_HOME/hrbox/hrbox.sqlite, else ~/.local/share/hrbox/hrbox.sqlite).
          --config PATH  The user's configuration file (default: $HRBOX_CONFIG, else
                         $XDG_CONFIG_HOME/hrbox/config, else ~/.config/hrbox/config).
        """

    init(parsing arguments: inout Arguments) throws(UsageError) {
        let environment = ProcessInfo.processInfo.environment
        storePath = try arguments.option("--store") ?? Store.defaultPath(environment: environment)
        configPath = try arguments.option("--config") ?? UserConfiguration.defaultPath(environment: environment)
    }

    /// The options that make a child `hrbox serve` use the same store and configuration.
    var serveArguments: [String] {
        ["--store", storePath, "--config", configPath]
    }

    func loadConfiguration() throws -> UserConfiguration {
        try UserConfiguration.load(path: configPath)
    }

    func openStore() throws -> Store {
        try Store(path: storePath)
    }
}
