import Foundation

/// The messages of one frame, checked by the read loop and waiting for the handling queue.
struct IncomingFrame: Sendable {
    enum Item: Sendable {
        /// A message that gets an error reply without reaching the handler.
        case reject(InvalidMessage)
        case request(id: RequestID?, method: String, params: JSONValue?)
        case notification(method: String, params: JSONValue?)
    }

    var items: [Item]
    /// True when the frame was a JSON array, whose replies go back together in one array.
    var isBatch: Bool
}

/// Runs the lifecycle and the handler on one serial queue, in arrival order, and queues the replies.
///
/// `@unchecked Sendable` is safe because `lifecycle` and `exitStatus` are touched only on `queue`.
final class MessageDispatcher: @unchecked Sendable {
    private let handler: any JSONRPCHandler
    private let writer: FrameWriter
    private let inFlight: InFlightRequests
    private let logger: Logger
    private let onExit: @Sendable (Int32) -> Void
    private let queue = DispatchQueue(label: "hrbox.jsonrpc.handling")

    private var lifecycle = ServerLifecycle()
    /// Set once `exit` arrived or the input ended; every frame after it is dropped.
    private var exitStatus: Int32?

    init(
        handler: any JSONRPCHandler,
        writer: FrameWriter,
        inFlight: InFlightRequests,
        logger: Logger,
        onExit: @escaping @Sendable (Int32) -> Void
    ) {
        self.handler = handler
        self.writer = writer
        self.inFlight = inFlight
        self.logger = logger
        self.onExit = onExit
    }

    func enqueue(_ frame: IncomingFrame) {
        queue.async { [self] in
            process(frame)
        }
    }

    /// Ends the server after the frames queued so far, as if the client had sent `exit`.
    func enqueueEndOfInput() {
        queue.async { [self] in
            guard exitStatus == nil else {
                return
            }
            exitStatus = lifecycle.exitStatus
            logger.info("The input ended without an exit notification.")
            onExit(lifecycle.exitStatus)
        }
    }

    private func process(_ frame: IncomingFrame) {
        guard exitStatus == nil else {
            return
        }

        var replies: [[UInt8]] = []
        var answeredIDs: [RequestID] = []
        for item in frame.items where exitStatus == nil {
            switch item {
            case .reject(let invalid):
                logger.debug("Rejected a message with error \(invalid.error.code): \(invalid.error.message)")
                replies.append(encodeReply(id: invalid.id, result: .failure(invalid.error)))
            case .request(let id, let method, let params):
                let result = respond(id: id, method: method, params: params)
                replies.append(encodeReply(id: id, result: result))
                if let id {
                    answeredIDs.append(id)
                }
            case .notification(let method, let params):
                receive(method: method, params: params)
            }
        }

        if !replies.isEmpty {
            writer.send(body: frame.isBatch ? Self.joinedAsArray(replies) : replies[0])
        }
        for id in answeredIDs {
            inFlight.remove(id)
        }
        if let exitStatus {
            onExit(exitStatus)
        }
    }

    private func respond(id: RequestID?, method: String, params: JSONValue?) -> Result<JSONValue, ResponseError> {
        if let id, inFlight.isCancelled(id) {
            logger.debug("Request \(id) (\(method)) was cancelled before it started.")
            return .failure(.requestCancelled)
        }

        let start = DispatchTime.now()
        let result: Result<JSONValue, ResponseError>
        switch lifecycle.decide(request: method) {
        case .initialize:
            result = Result { () throws(ResponseError) in try handler.initialize(params: params) }
            if case .success = result {
                lifecycle.didInitialize()
            }
        case .shutdown:
            handler.shutdown()
            result = .success(.null)
        case .handle:
            result = Result { () throws(ResponseError) in try handler.handle(method: method, params: params) }
        case .reject(let error):
            result = .failure(error)
        }

        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let requestName = "Request \(id?.description ?? "null") (\(method))"
        switch result {
        case .success:
            logger.debug("\(requestName) succeeded in \(milliseconds) ms.")
        case .failure(let error):
            logger.debug("\(requestName) failed with error \(error.code) in \(milliseconds) ms.")
        }
        return result
    }

    private func receive(method: String, params: JSONValue?) {
        switch lifecycle.decide(notification: method) {
        case .exit(let status):
            logger.info("Received exit; the exit status is \(status).")
            exitStatus = status
        case .ignore:
            logger.debug("Ignored the notification \(method) in lifecycle phase \(lifecycle.phase).")
        case .handle:
            handler.handleNotification(method: method, params: params)
        }
    }

    /// Encodes a response; a result that cannot be written becomes a -32603 error for the same id.
    private func encodeReply(id: RequestID?, result: Result<JSONValue, ResponseError>) -> [UInt8] {
        do {
            return try JSONRPCMessage.response(id: id, result: result).jsonValue.serialized()
        } catch {
            logger.debug("Could not write the reply to request \(id?.description ?? "null"): \(error).")
        }
        do {
            return try JSONRPCMessage.response(id: id, result: .failure(.internalError)).jsonValue.serialized()
        } catch {
            logger.debug("Could not write request id \(id?.description ?? "null") into a reply: \(error).")
            return Array(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"Internal error"}}"#.utf8)
        }
    }

    private static func joinedAsArray(_ replies: [[UInt8]]) -> [UInt8] {
        var body: [UInt8] = [UInt8(ascii: "[")]
        body.reserveCapacity(replies.reduce(2) { $0 + $1.count + 1 })
        for (position, reply) in replies.enumerated() {
            if position > 0 {
                body.append(UInt8(ascii: ","))
            }
            body.append(contentsOf: reply)
        }
        body.append(UInt8(ascii: "]"))
        return body
    }
}
