/// Params of `initialize`, the first request of every session.
public struct InitializeParams: Codable, Sendable, Equatable {
    public var clientInfo: ClientInfo?
    public var processId: Int?

    public init(clientInfo: ClientInfo? = nil, processId: Int? = nil) {
        self.clientInfo = clientInfo
        self.processId = processId
    }
}

/// The name and version a client gives of itself, such as `hrbox box` or `thunderbird`.
public struct ClientInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String?

    public init(name: String, version: String? = nil) {
        self.name = name
        self.version = version
    }
}

/// Result of `initialize`: who the server is, what it offers and whom it runs for.
public struct InitializeResult: Codable, Sendable, Equatable {
    public var serverInfo: ServerInfo
    /// Names of every method the server offers besides the lifecycle ones.
    public var methods: [String]
    public var user: UserInfo

    public init(serverInfo: ServerInfo, methods: [String], user: UserInfo) {
        self.serverInfo = serverInfo
        self.methods = methods
        self.user = user
    }
}

public struct ServerInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// The user the server runs for, from its configuration file.
public struct UserInfo: Codable, Sendable, Equatable {
    /// The user's colleague id, or nil when the configuration names none.
    public var colleague: String?
    /// The user's own addresses: a message from one of them counts as sent.
    public var addresses: [String]

    public init(colleague: String?, addresses: [String]) {
        self.colleague = colleague
        self.addresses = addresses
    }
}
