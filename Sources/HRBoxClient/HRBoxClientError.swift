import JSONRPC

/// The failure of a call to `hrbox serve`.
public enum HRBoxClientError: Error, Sendable, CustomStringConvertible {
    /// The server returned an error; `code` is one of JSON-RPC's or of `HRBoxErrorCode`.
    case server(code: Int, message: String, data: JSONValue?)
    /// The server could not be started, died, or sent a reply that does not fit. The text names the
    /// cause, and ends with what the server last wrote to standard error when it died.
    case transport(String)

    public var description: String {
        switch self {
        case .server(let code, let message, _):
            "The server returned error \(code): \(message)"
        case .transport(let message):
            message
        }
    }
}
