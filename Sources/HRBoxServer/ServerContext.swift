import Foundation
import HRBoxProtocol
import HRBoxStore
import JSONRPC

/// The store, user, clock and log that every method handler works with.
///
/// Only the server's serial handling queue uses a context, so its lazily opened store has one owner.
final class ServerContext {
    let storePath: String
    let missingStore: MissingStore
    /// The user's configuration; empty while ``configurationProblem`` is set.
    private(set) var configuration: UserConfiguration
    private(set) var ownAddressKeys: Set<String>
    /// The reason the configuration file cannot be used, or nil while it is valid.
    private(set) var configurationProblem: ConfigurationError?
    let maxMessageBytes: Int
    let clock: @Sendable () -> Date
    let log: Logger
    /// The name the client gave in `initialize`, for the log and the audit trail.
    var clientName: String?

    private let loadConfiguration: @Sendable () throws(ConfigurationError) -> UserConfiguration
    private var openedStore: HRBoxStore.Store?
    /// True once the configured colleague was found in the store, so that it is looked up only once.
    private var isColleagueKnown = false

    init(
        storePath: String,
        missingStore: MissingStore,
        loadConfiguration: @escaping @Sendable () throws(ConfigurationError) -> UserConfiguration,
        maxMessageBytes: Int,
        clock: @escaping @Sendable () -> Date,
        log: Logger
    ) {
        self.storePath = storePath
        self.missingStore = missingStore
        self.loadConfiguration = loadConfiguration
        self.maxMessageBytes = maxMessageBytes
        self.clock = clock
        self.log = log
        var problem: ConfigurationError?
        do {
            configuration = try loadConfiguration()
        } catch {
            configuration = UserConfiguration(path: error.path)
            problem = error
        }
        ownAddressKeys = configuration.ownAddressKeys
        configurationProblem = problem
        if let problem {
            logConfigurationProblem(problem)
        }
        if missingStorePath() != nil {
            log.error(
                "The store named by --store or HRBOX_STORE does not exist, so every hrbox/ method fails with "
                    + "-32016 until it is created.")
        }
    }

    /// Returns the path of an SQLite store the user named that does not exist, or nil when there is
    /// none to reject: the store is open, exists, may be created, or is a PostgreSQL database.
    private func missingStorePath() -> String? {
        guard missingStore == .reject, openedStore == nil, case .sqlite(let path) = StoreLocation(storePath) else {
            return nil
        }
        // A folder at the path counts as present, so that opening it returns the message for a folder.
        return FileManager.default.fileExists(atPath: path) ? nil : path
    }

    /// Throws -32016 while the store the user named does not exist, because creating it would give an
    /// empty store at a mistyped path. The file is checked again at each request, so a store created
    /// meanwhile is used without restarting the server.
    func requireExistingStore() throws(ResponseError) {
        if let path = missingStorePath() {
            throw DomainError.storeMissing(path: path)
        }
    }

    /// Reads the configuration file again while it is invalid, so that a corrected file takes effect
    /// without restarting the server.
    /// - Returns: The reason the file still cannot be used, or nil once it is valid.
    func rereadInvalidConfiguration() -> ConfigurationError? {
        guard let problem = configurationProblem else {
            return nil
        }
        do {
            configuration = try loadConfiguration()
        } catch {
            if error != problem {
                logConfigurationProblem(error)
            }
            configurationProblem = error
            return error
        }
        ownAddressKeys = configuration.ownAddressKeys
        configurationProblem = nil
        isColleagueKnown = false
        log.info("The configuration file is valid now, so requests run again.")
        return nil
    }

    /// Throws -32021 while the configuration file is invalid, because a method run without the
    /// user's colleague and own addresses would file for the wrong person or author.
    func requireValidConfiguration() throws(ResponseError) {
        if let problem = rereadInvalidConfiguration() {
            throw DomainError.configurationInvalid(problem)
        }
    }

    private func logConfigurationProblem(_ problem: ConfigurationError) {
        let line = problem.line.map { " on line \($0)" } ?? ""
        log.error(
            "The configuration file \(problem.path) cannot be used\(line), so every hrbox/ method fails "
                + "with -32021 until it is corrected.")
        // The reason may quote a value of the file, such as a mistyped address.
        log.logPersonalData(.error, "The configuration file's problem: \(problem.reason).")
    }

    /// Returns the store, opened on first use so that starting the server costs nothing until a request needs it.
    /// An open that fails is tried again by the next request, since the cause (a full disk, a missing
    /// folder) may have been fixed meanwhile.
    ///
    /// A store whose connection to the PostgreSQL server broke is closed and opened again.
    func store() throws(ResponseError) -> HRBoxStore.Store {
        closeStoreIfConnectionLost()
        if let openedStore {
            return openedStore
        }
        try requireExistingStore()
        let location = StoreLocation(storePath)
        do {
            let store = try HRBoxStore.Store(location: location, clock: clock)
            openedStore = store
            log.info("Opened the store.")
            return store
        } catch {
            log.error("Cannot open the store: \(error.redactedDescription)")
            throw DomainError.storeCannotBeOpened(error, location: location)
        }
    }

    /// Returns the configured colleague after checking that the store has them, because filings, cases
    /// and to-dos record the colleague as their author. Returns nil when the configuration names none.
    func colleague() throws(ResponseError) -> String? {
        guard let colleague = configuration.colleague else {
            return nil
        }
        if !isColleagueKnown {
            let found = try withStore(self) { (store) throws(StoreError) in try store.colleague(id: colleague) }
            guard found != nil else {
                log.warning("The configured colleague is not in the store; requests that record an author fail.")
                throw DomainError.unknownConfiguredColleague(colleague, configurationPath: configuration.path)
            }
            isColleagueKnown = true
        }
        return colleague
    }

    /// Releases the store, which closes its database connection, so that SQLite can fold the write-ahead
    /// log back into the database file before the process exits.
    func closeStore() {
        if openedStore != nil {
            openedStore = nil
            log.info("Closed the store.")
        }
    }

    /// Closes the store when its connection to the PostgreSQL server broke, so that the next request
    /// connects again instead of failing on the dead connection.
    func closeStoreIfConnectionLost() {
        if let openedStore, openedStore.isConnectionLost {
            self.openedStore = nil
            log.warning("The connection to the PostgreSQL server was lost; closed the store, the next request connects again.")
        }
    }

    /// Today's date in the user's time zone, as `YYYY-MM-DD`.
    var today: String {
        CalendarDate(containing: clock(), in: .current).description
    }
}
