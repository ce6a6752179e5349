import Foundation

/// A failure of the connection rather than of a request: the server closed its output, sent bytes
/// that are not a valid reply, or could not be written to.
public struct JSONRPCTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String {
        message
    }
}

/// The client side of a JSON-RPC 2.0 connection with LSP framing, over two file descriptors.
///
/// A read loop matches responses to the waiting calls by id. ``call(method:params:)`` blocks its
/// thread until the response arrives, and several threads may call at once. The client never
/// closes the file descriptors it is given.
public final class JSONRPCClient: Sendable {
    private let connection: ClientConnection
    private let readLoop: ReadLoop

    /// Starts reading responses.
    ///
    /// - Parameters:
    ///   - input: The descriptor responses arrive on: the server's standard output.
    ///   - output: The descriptor requests are written to: the server's standard input.
    /// - Throws: ``SystemCallError`` when the pipe that stops the read loop cannot be created.
    public init(
        input: Int32,
        output: Int32,
        logger: Logger = .silent,
        maxMessageBytes: Int = FrameDecoder.defaultMaxBodyBytes
    ) throws(SystemCallError) {
        FileDescriptorIO.ignoreBrokenPipeSignal()
        let connection = ClientConnection(output: output, logger: logger, maxMessageBytes: maxMessageBytes)
        self.connection = connection
        readLoop = try ReadLoop(input: input)
        readLoop.start(
            name: "hrbox.jsonrpc.client-reader",
            onBytes: { connection.consume($0) },
            onEnd: { ending in
                switch ending {
                case .endOfInput:
                    connection.close(reason: "the server closed its output")
                case .stopped:
                    connection.close(reason: "the client closed the connection")
                case .failed(let error):
                    connection.close(reason: "reading from the server failed: \(error)")
                }
            }
        )
    }

    deinit {
        readLoop.stop()
    }

    /// Sends a request and waits for its response.
    ///
    /// - Returns: The response's `result`.
    /// - Throws: The server's ``ResponseError``, or ``JSONRPCTransportError`` when the connection fails
    ///   before the response arrives.
    public func call(method: String, params: JSONValue?) throws -> JSONValue {
        let (id, pendingCall) = try connection.register()
        do {
            try connection.send(.request(id: id, method: method, params: params))
        } catch {
            connection.unregister(id)
            throw error
        }
        return try pendingCall.wait().get()
    }

    /// Sends a notification, which gets no response.
    ///
    /// - Throws: ``JSONRPCTransportError`` when the connection is closed or the write fails.
    public func notify(method: String, params: JSONValue?) throws {
        try connection.send(.notification(method: method, params: params))
    }

    /// Stops reading and fails the calls still waiting; the file descriptors stay open.
    public func close() {
        readLoop.stop()
        readLoop.waitUntilFinished()
    }
}

/// A call waiting for its response.
final class PendingCall: Sendable {
    private let outcome = Locked<Result<JSONValue, any Error>?>(nil)
    private let arrived = DispatchSemaphore(value: 0)

    /// Records the outcome; only the first one counts.
    func complete(_ result: Result<JSONValue, any Error>) {
        let isFirst = outcome.withLock { current in
            defer { current = current ?? result }
            return current == nil
        }
        if isFirst {
            arrived.signal()
        }
    }

    func wait() -> Result<JSONValue, any Error> {
        arrived.wait()
        arrived.signal()
        return outcome.withLock { $0 } ?? .failure(JSONRPCTransportError("the call ended without an outcome"))
    }
}

/// The state a client shares between its callers and its read loop.
final class ClientConnection: Sendable {
    private struct State {
        var nextID = 1
        var pending: [RequestID: PendingCall] = [:]
        /// The reason the connection closed, or nil while it is open.
        var closedReason: String?
    }

    private let output: Int32
    private let logger: Logger
    private let state = Locked(State())
    private let writeLock = Locked(())
    /// Touched only by the read loop's thread, one call at a time, but `Locked` keeps the compiler's checks.
    private let decoder: Locked<FrameDecoder>

    init(output: Int32, logger: Logger, maxMessageBytes: Int) {
        self.output = output
        self.logger = logger
        decoder = Locked(FrameDecoder(maxBodyBytes: maxMessageBytes))
    }

    func register() throws(JSONRPCTransportError) -> (RequestID, PendingCall) {
        let pendingCall = PendingCall()
        let registration: Result<RequestID, JSONRPCTransportError> = state.withLock { state in
            if let reason = state.closedReason {
                return .failure(JSONRPCTransportError("The connection to the server is closed: \(reason)."))
            }
            let id = RequestID(state.nextID)
            state.nextID += 1
            state.pending[id] = pendingCall
            return .success(id)
        }
        return (try registration.get(), pendingCall)
    }

    func unregister(_ id: RequestID) {
        _ = state.withLock { $0.pending.removeValue(forKey: id) }
    }

    func send(_ message: JSONRPCMessage) throws(JSONRPCTransportError) {
        if let reason = state.withLock({ $0.closedReason }) {
            throw JSONRPCTransportError("The connection to the server is closed: \(reason).")
        }

        let body: [UInt8]
        do {
            body = try message.jsonValue.serialized()
        } catch {
            throw JSONRPCTransportError("Could not write the message as JSON: \(error).")
        }
        let frame = FrameEncoder.frame(body: body)
        let written: Result<Void, SystemCallError> = writeLock.withLock { _ in
            Result { () throws(SystemCallError) in try FileDescriptorIO.writeAll(output, frame) }
        }
        if case .failure(let error) = written {
            throw JSONRPCTransportError("Could not send to the server: \(error).")
        }
    }

    /// Reads responses from a chunk of the server's output; runs on the read loop's thread.
    func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        let events = decoder.withLock { $0.feed(bytes) }
        for event in events {
            switch event {
            case .body(let body):
                read(body)
            case .error(let error):
                close(reason: "the server sent a malformed frame: \(error)")
            }
        }
    }

    /// Marks the connection closed and fails every waiting call with a transport error.
    func close(reason: String) {
        let waiting = state.withLock { state in
            if state.closedReason == nil {
                state.closedReason = reason
            }
            defer { state.pending = [:] }
            return Array(state.pending.values)
        }
        if !waiting.isEmpty {
            logger.warning("Failing \(waiting.count) waiting calls because \(reason).")
        }
        let error = JSONRPCTransportError("The connection to the server is closed: \(reason).")
        for pendingCall in waiting {
            pendingCall.complete(.failure(error))
        }
    }

    private func read(_ body: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            close(reason: "the server sent a reply that is not valid JSON (\(error))")
            return
        }

        let messages: [Result<JSONRPCMessage, InvalidMessage>]
        switch JSONRPCPayload(value) {
        case .single(let message):
            messages = [message]
        case .batch(let batch):
            messages = batch
        }
        for message in messages {
            receive(message)
        }
    }

    private func receive(_ message: Result<JSONRPCMessage, InvalidMessage>) {
        switch message {
        case .success(.response(let id?, let result)):
            deliver(result, to: id)
        case .success(.response(nil, let result)):
            // An error without an id, such as a parse error, cannot be matched to one call, so all fail.
            let waiting = state.withLock { state in
                defer { state.pending = [:] }
                return Array(state.pending.values)
            }
            logger.warning("The server replied with a null id, so \(waiting.count) waiting calls fail.")
            for pendingCall in waiting {
                pendingCall.complete(result.mapError { $0 })
            }
        case .success(.request(let id, let method, _)):
            reply(to: id, method: method)
        case .success(.notification(let method, _)):
            logger.debug("Ignored the notification \(method) from the server.")
        case .failure(let invalid):
            close(reason: "the server sent an invalid message: \(invalid.error.message)")
        }
    }

    private func deliver(_ result: Result<JSONValue, ResponseError>, to id: RequestID) {
        guard let pendingCall = state.withLock({ $0.pending.removeValue(forKey: id) }) else {
            logger.debug("Ignored a response to request \(id), which no call is waiting for.")
            return
        }
        pendingCall.complete(result.mapError { $0 })
    }

    /// Replies -32601 to a request from the server, because this client offers no methods.
    private func reply(to id: RequestID?, method: String) {
        logger.debug("Rejecting the request \(method) from the server: the client offers no methods.")
        do {
            try send(.response(id: id, result: .failure(.methodNotFound(method))))
        } catch {
            logger.warning("Could not reply to a request from the server: \(error)")
        }
    }
}
