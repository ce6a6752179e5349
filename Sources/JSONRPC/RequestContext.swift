/// The state of one running request as its handler sees it: whether the client cancelled it, and
/// the channel for its progress when the client passed a `workDoneToken`.
///
/// The server makes one context per request and passes it to ``JSONRPCHandler/handle(method:params:context:)``.
/// A handler that runs long checks ``isCancelled`` between its steps, and before a step that cannot
/// be undone, and throws ``ResponseError/requestCancelled`` when it is set. Once a handler has made
/// its change for good it returns its result, even when a cancellation arrived meanwhile.
public struct RequestContext: Sendable {
    /// The request's id, or nil for a request with `"id": null`, which cannot be cancelled.
    public let id: RequestID?
    public let method: String
    /// The client's `workDoneToken`, a string or an integer, or nil when it passed none.
    public let workDoneToken: JSONValue?

    private let cancellation: @Sendable () -> Bool
    private let progress: WorkDoneProgress?

    /// Makes a context. The server makes its own; the parameters let tests and embedders make one.
    ///
    /// - Parameters:
    ///   - isCancelled: Returns whether the client has cancelled the request so far.
    ///   - sendNotification: Sends a notification, a method and its params, to the client. Called
    ///     only when `workDoneToken` is not nil.
    public init(
        id: RequestID? = nil,
        method: String,
        workDoneToken: JSONValue? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { false },
        sendNotification: @escaping @Sendable (_ method: String, _ params: JSONValue) -> Void = { _, _ in }
    ) {
        self.id = id
        self.method = method
        self.workDoneToken = workDoneToken
        cancellation = isCancelled
        progress = workDoneToken.map { token in
            WorkDoneProgress(token: token, defaultTitle: method, send: sendNotification)
        }
    }

    /// True once the client has sent `$/cancelRequest` for this request.
    public var isCancelled: Bool {
        cancellation()
    }

    /// Throws ``ResponseError/requestCancelled`` when the client has cancelled the request.
    public func checkCancellation() throws(ResponseError) {
        if isCancelled {
            throw .requestCancelled
        }
    }

    /// Sends the `begin` of the request's progress, marked cancellable; does nothing without a token.
    ///
    /// Only the first call sends anything. Progress texts go to the client's screen, so they must
    /// not contain personal data.
    /// - Parameter percentage: From 0 to 100; values outside are clamped.
    public func beginProgress(title: String, message: String? = nil, percentage: Int? = nil) {
        progress?.begin(title: title, message: message, percentage: percentage)
    }

    /// Sends a `report` of the request's progress; does nothing without a token.
    ///
    /// Sends the `begin` first, titled with the method's name, when the handler has not. A
    /// percentage below an earlier one is raised to it, because progress does not go back.
    public func reportProgress(message: String? = nil, percentage: Int? = nil) {
        progress?.report(message: message, percentage: percentage)
    }

    /// Sends the `end` of the request's progress, and its `begin` first when none was sent.
    ///
    /// The server calls it after the handler returns and before it sends the reply.
    func endProgress() {
        progress?.end()
    }
}
