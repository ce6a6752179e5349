/// The error object of a JSON-RPC 2.0 response: a code, a message for people and optional data.
///
/// The set of codes is open: the factories cover JSON-RPC's and LSP's own, and an application
/// adds its own codes from the server-error range -32000 to -32099.
public struct ResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String {
        "error \(code): \(message)"
    }
}

extension ResponseError {
    /// The codes JSON-RPC 2.0 and the Language Server Protocol define.
    public enum Code {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let serverNotInitialized = -32002
        public static let requestCancelled = -32800
        /// A result too large for the framing, such as native messaging's 1 MiB. This module's own
        /// code, in the server-error range but outside the codes applications use.
        public static let replyTooLarge = -32009
    }

    /// The message body is not valid JSON.
    public static let parseError = ResponseError(
        code: Code.parseError,
        message: "Parse error: the message is not valid JSON."
    )

    /// Returns a parse error for the reason given, such as invalid JSON or a malformed frame.
    public static func parseError(_ why: String) -> ResponseError {
        ResponseError(code: Code.parseError, message: "Parse error: \(why)")
    }

    /// Returns the error for JSON that is not a valid request, or a request that is not allowed now.
    public static func invalidRequest(_ why: String) -> ResponseError {
        ResponseError(code: Code.invalidRequest, message: "Invalid request: \(why)")
    }

    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: Code.methodNotFound, message: "Method not found: \(method)")
    }

    /// Returns the error for params that do not fit the method. `why` names the field, as ``JSONDecodingError`` does.
    public static func invalidParams(_ why: String) -> ResponseError {
        ResponseError(code: Code.invalidParams, message: "Invalid params: \(why)")
    }

    /// A failure inside the server. The message is generic on purpose, because the cause may
    /// contain personal data; the server logs the cause at debug level instead.
    public static let internalError = ResponseError(
        code: Code.internalError,
        message: "Internal error: the server could not handle the request. Its log at debug level has the cause."
    )

    public static let serverNotInitialized = ResponseError(
        code: Code.serverNotInitialized,
        message: "Server not initialized: send the initialize request first."
    )

    public static let requestCancelled = ResponseError(
        code: Code.requestCancelled,
        message: "Request cancelled: the client cancelled it with $/cancelRequest before it completed."
    )

    /// Returns the error that replaces a result whose reply has `size` bytes, more than the framing's `limit`.
    ///
    /// The request ran, so a change it made stays made; only its result is withheld.
    public static func replyTooLarge(size: Int, limit: Int) -> ResponseError {
        ResponseError(
            code: Code.replyTooLarge,
            message: "Reply too large: the request ran, but its reply of \(size) bytes exceeds native messaging's "
                + "limit of \(limit) bytes. Ask for less data, or connect with Content-Length (LSP) framing.",
            data: ["size": JSONValue(size), "limit": JSONValue(limit)]
        )
    }
}
