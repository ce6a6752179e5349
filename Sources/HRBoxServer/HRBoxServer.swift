import Foundation
import HRBoxProtocol
import JSONRPC

/// The hrbox server: handles `initialize` and every `hrbox/` method over JSON-RPC.
///
/// The transport calls it on one serial queue only, which is why the mutable context needs no lock
/// and `@unchecked Sendable` is safe.
public final class HRBoxServer: JSONRPCHandler, @unchecked Sendable {
    public static let name = "hrbox"
    public static let version = "0.1.0"

    private let context: ServerContext
    private let routes: [String: MethodRoute]

    /// - Parameters:
    ///   - storePath: the SQLite file, opened on the first request that needs it.
    ///   - missingStore: whether a missing SQLite file is created or every method fails with -32016.
    ///   - configuration: the user the server runs for.
    ///   - maxMessageBytes: the largest message file a `{"path": ...}` source may name.
    public convenience init(
        storePath: String,
        missingStore: MissingStore = .create,
        configuration: UserConfiguration,
        maxMessageBytes: Int,
        log: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            storePath: storePath,
            missingStore: missingStore,
            loadingConfiguration: { configuration },
            maxMessageBytes: maxMessageBytes,
            log: log,
            clock: clock)
    }

    /// Creates a server that reads the user's configuration with `loadingConfiguration`.
    ///
    /// When it throws, the server still starts and `initialize` succeeds with no user, but every
    /// `hrbox/` method fails with -32021 and calls `loadingConfiguration` again first, until it succeeds.
    /// - Parameters:
    ///   - storePath: the SQLite file or PostgreSQL URI, opened on the first request that needs it.
    ///   - missingStore: whether a missing SQLite file is created or every method fails with -32016.
    ///     `initialize` succeeds either way, as it does for an invalid configuration.
    ///   - loadingConfiguration: reads the configuration file, such as ``UserConfiguration/load(path:mustExist:)``.
    ///   - maxMessageBytes: the largest message file a `{"path": ...}` source may name.
    public init(
        storePath: String,
        missingStore: MissingStore = .create,
        loadingConfiguration: @escaping @Sendable () throws(ConfigurationError) -> UserConfiguration,
        maxMessageBytes: Int,
        log: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        context = ServerContext(
            storePath: storePath,
            missingStore: missingStore,
            loadConfiguration: loadingConfiguration,
            maxMessageBytes: maxMessageBytes,
            clock: clock,
            log: log)

        let all = [
            MethodRoute(LookupHandler()),
            MethodRoute(StoreMessageHandler()),
            MethodRoute(SearchPeopleHandler()),
            MethodRoute(AddPersonHandler()),
            MethodRoute(CasesHandler()),
            MethodRoute(CaseTypesHandler()),
            MethodRoute(AddCaseHandler()),
            MethodRoute(ColleaguesHandler()),
            MethodRoute(AddTodoHandler()),
            MethodRoute(PersonnelFileHandler()),
            MethodRoute(AddAddressHandler()),
            MethodRoute(RemoveAddressHandler()),
            MethodRoute(UnfileHandler()),
            MethodRoute(MoveHandler()),
            MethodRoute(TodosHandler()),
            MethodRoute(CompleteTodoHandler()),
            MethodRoute(SearchFiledHandler()),
            MethodRoute(AuditHandler()),
        ]
        routes = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        assert(Set(routes.keys) == Set(HRBoxMethods.names), "every method of the registry needs a handler")
    }

    public func initialize(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let decoded: InitializeParams
        do {
            decoded = try JSONValueDecoder().decode(InitializeParams.self, from: params ?? .object([:]))
        } catch {
            throw .invalidParams(String(describing: error))
        }
        context.clientName = decoded.clientInfo?.name
        context.log.info("Session started by client \(decoded.clientInfo?.name ?? "(unnamed)").")
        // Succeeds with no user while the configuration is invalid, so that the lifecycle goes on and
        // each method can return the configuration's problem to the client as -32021.
        _ = context.rereadInvalidConfiguration()

        let result = InitializeResult(
            serverInfo: ServerInfo(name: Self.name, version: Self.version),
            methods: HRBoxMethods.names,
            user: UserInfo(colleague: context.configuration.colleague, addresses: context.configuration.addresses))
        do {
            return try JSONValueEncoder().encode(result)
        } catch {
            throw .internalError
        }
    }

    public func handle(method: String, params: JSONValue?, context request: RequestContext) throws(ResponseError)
        -> JSONValue
    {
        guard let route = routes[method] else {
            throw .methodNotFound(method)
        }
        try context.requireValidConfiguration()
        try context.requireExistingStore()
        return try route.run(params, context, request)
    }

    public func shutdown() {
        context.closeStore()
    }

    public func handleNotification(method: String, params: JSONValue?) {
        context.log.debug("Ignored the notification \(method), which hrbox does not handle.")
    }
}
