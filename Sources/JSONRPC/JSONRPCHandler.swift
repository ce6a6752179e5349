/// The application side of a ``JSONRPCServer``: everything but the transport and the lifecycle.
///
/// The server calls a handler on its serial handling queue only, one message at a time in arrival
/// order, so a handler needs no locking of its own for state that only it touches.
public protocol JSONRPCHandler: Sendable {
    /// Returns the result of `initialize`; the transport handles the lifecycle around it.
    ///
    /// When this throws, the server stays uninitialized and the client may send `initialize` again.
    func initialize(params: JSONValue?) throws(ResponseError) -> JSONValue

    /// Handles any request but the lifecycle ones; throws `.methodNotFound` for unknown methods.
    ///
    /// - Parameters:
    ///   - params: The request's params without `workDoneToken`, which the server has moved to `context`.
    ///   - context: Tells whether the client cancelled the request, and reports its progress.
    func handle(method: String, params: JSONValue?, context: RequestContext) throws(ResponseError) -> JSONValue

    /// Handles a notification but the lifecycle ones and `$/` ones.
    func handleNotification(method: String, params: JSONValue?)

    /// Releases resources when the client sends `shutdown`, before the server replies to it.
    func shutdown()
}

extension JSONRPCHandler {
    public func shutdown() {}
}
