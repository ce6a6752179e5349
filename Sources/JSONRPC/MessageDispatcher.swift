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

    /// Queues frames for handling in the order given, after every frame queued before.
    func enqueue(_ frames: [IncomingFrame]) {
        queue.async { [self] in
            for frame in frames {
                process(frame)
            }
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

        var replies: [EncodedReply] = []
        var answeredIDs: [RequestID] = []
        for item in frame.items where exitStatus == nil {
            switch item {
            case .reject(let invalid):
                logger.debug("Rejected a message with error \(invalid.error.code): \(invalid.error.message)")
                replies.append(EncodedReply(id: invalid.id, result: .failure(invalid.error), logger: logger))
            case .request(let id, let method, let params):
                let result = respond(id: id, method: method, params: params)
                replies.append(EncodedReply(id: id, result: result, logger: logger))
                if let id {
                    answeredIDs.append(id)
                }
            case .notification(let method, let params):
                receive(method: method, params: params)
            }
        }

        // The ids are free before the replies go out, so a client may reuse one as soon as it reads its reply.
        for id in answeredIDs {
            inFlight.remove(id)
        }
        if !replies.isEmpty {
            send(&replies, isBatch: frame.isBatch)
        }
        if let exitStatus {
            onExit(exitStatus)
        }
    }

    /// Writes the replies of one frame, after replacing results that the framing cannot carry.
    private func send(_ replies: inout [EncodedReply], isBatch: Bool) {
        guard let limit = writer.framing.maxOutgoingBodyBytes,
            !EncodedReply.fit(&replies, isBatch: isBatch, limit: limit, logger: logger)
        else {
            writer.send(body: EncodedReply.frameBody(of: replies, isBatch: isBatch))
            return
        }

        // Errors alone exceed the limit, as for a batch of thousands of rejected requests. Several
        // smaller arrays reply to every request, and clients match replies by id anyway.
        var pieces: [[EncodedReply]] = []
        var lastPieceSize = 0
        for reply in replies {
            let size = EncodedReply.frameSize(of: [reply], isBatch: isBatch)
            if size > limit {
                // NOTE: only an error carrying an id of about a mebibyte gets here, and it goes unanswered.
                logger.error("Dropped the reply to request \(reply.id?.description.prefix(40) ?? "null"): it exceeds \(limit) bytes.")
                continue
            }
            // Adding a reply to an array costs its body and one comma.
            if !pieces.isEmpty, lastPieceSize + reply.body.count + 1 <= limit {
                pieces[pieces.count - 1].append(reply)
                lastPieceSize += reply.body.count + 1
            } else {
                pieces.append([reply])
                lastPieceSize = size
            }
        }
        logger.warning("Split the replies to a batch into \(pieces.count) arrays to stay under \(limit) bytes each.")
        for piece in pieces {
            writer.send(body: EncodedReply.frameBody(of: piece, isBatch: isBatch))
        }
    }

    private func respond(id: RequestID?, method: String, params: JSONValue?) -> Result<JSONValue, ResponseError> {
        if let id, inFlight.isCancelled(id) {
            logger.debug("Request \(id) (\(method)) was cancelled before it started.")
            return .failure(.requestCancelled)
        }

        guard logger.level >= .debug else {
            return run(id: id, method: method, params: params)
        }

        let start = DispatchTime.now()
        let result = run(id: id, method: method, params: params)

        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let requestName = "Request \(id?.description ?? "null") (\(method))"
        switch result {
        case .success:
            logger.debug("\(requestName) succeeded in \(milliseconds) ms.")
        case .failure(let error) where error.code == ResponseError.Code.requestCancelled:
            logger.debug("\(requestName) was cancelled while it ran, after \(milliseconds) ms.")
        case .failure(let error):
            logger.debug("\(requestName) failed with error \(error.code) in \(milliseconds) ms.")
        }
        return result
    }

    /// Runs a request the lifecycle allows, with its progress around it when the client passed a token.
    private func run(id: RequestID?, method: String, params paramsWithToken: JSONValue?)
        -> Result<JSONValue, ResponseError>
    {
        let decision = lifecycle.decision(request: method)
        if case .reject(let error) = decision {
            return .failure(error)
        }
        let params: JSONValue?
        let context: RequestContext
        do {
            let split = try WorkDoneToken.split(paramsWithToken)
            params = split.params
            context = makeContext(id: id, method: method, workDoneToken: split.token)
        } catch {
            return .failure(error)
        }
        lifecycle.accept(decision)

        let result: Result<JSONValue, ResponseError>
        switch decision {
        case .initialize:
            result = Result { () throws(ResponseError) in try handler.initialize(params: params) }
            if case .success = result {
                lifecycle.didInitialize()
            }
        case .shutdown:
            handler.shutdown()
            result = .success(.null)
        case .handle:
            result = Result { () throws(ResponseError) in
                try handler.handle(method: method, params: params, context: context)
            }
        case .reject(let error):
            result = .failure(error)
        }
        context.endProgress()
        return result
    }

    private func makeContext(id: RequestID?, method: String, workDoneToken: JSONValue?) -> RequestContext {
        let inFlight = inFlight
        let writer = writer
        let logger = logger
        return RequestContext(
            id: id,
            method: method,
            workDoneToken: workDoneToken,
            isCancelled: { id.map(inFlight.isCancelled) ?? false },
            sendNotification: { method, params in
                do {
                    writer.send(body: try JSONRPCMessage.notification(method: method, params: params).jsonValue.serialized())
                } catch {
                    logger.error("Could not write the notification \(method): \(error).")
                }
            }
        )
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
}
