import Foundation

/// A JSON-RPC 2.0 server over two file descriptors, with LSP lifecycle and a choice of framing:
/// LSP's `Content-Length` headers or native messaging's length prefix.
///
/// Three threads share the work. A read loop does blocking reads on the input, splits frames and
/// parses messages. One serial queue runs the lifecycle and the handler in arrival order, so that
/// requests that change data take effect in the order they were sent. A second serial queue writes
/// replies, so the read loop keeps reading while replies wait for a slow client.
///
/// The server never closes the file descriptors it is given.
public final class JSONRPCServer: Sendable {
    /// The default limit on one message: 72 MiB, room for a 50 MB message in base64 and the JSON around it.
    public static let defaultMaxMessageBytes = FrameDecoder.defaultMaxBodyBytes

    private let input: Int32
    private let output: Int32
    private let logger: Logger
    private let framing: Framing
    private let readLoop: ReadLoop
    private let writer: FrameWriter
    private let dispatcher: MessageDispatcher
    private let inputProcessor: InputProcessor
    private let exitStatus: Locked<Int32?>
    private let exited: DispatchSemaphore

    /// Prepares a server; nothing is read before ``run()``.
    ///
    /// - Parameters:
    ///   - input: The descriptor requests arrive on, normally standard input.
    ///   - output: The descriptor replies go to: the one ``StandardOutputGuard`` returns, not fd 1 itself.
    ///   - maxMessageBytes: The largest body accepted; a larger frame is skipped and gets a -32600 reply.
    ///   - framing: How frames are delimited in both directions.
    /// - Throws: ``SystemCallError`` when the pipe that stops the read loop cannot be created.
    public init(
        input: Int32,
        output: Int32,
        handler: any JSONRPCHandler,
        logger: Logger = Logger(),
        maxMessageBytes: Int = JSONRPCServer.defaultMaxMessageBytes,
        framing: Framing = .contentLength
    ) throws(SystemCallError) {
        self.input = input
        self.output = output
        self.logger = logger
        self.framing = framing
        readLoop = try ReadLoop(input: input)
        writer = FrameWriter(output: output, framing: framing, logger: logger)

        let inFlight = InFlightRequests()
        let exitStatus = Locked<Int32?>(nil)
        let exited = DispatchSemaphore(value: 0)
        self.exitStatus = exitStatus
        self.exited = exited
        dispatcher = MessageDispatcher(handler: handler, writer: writer, inFlight: inFlight, logger: logger) { status in
            let isFirst = exitStatus.withLock { recorded in
                defer { recorded = recorded ?? status }
                return recorded == nil
            }
            if isFirst {
                exited.signal()
            }
        }
        inputProcessor = InputProcessor(
            decoder: framing.makeDecoder(maxBodyBytes: maxMessageBytes),
            dispatcher: dispatcher,
            inFlight: inFlight,
            logger: logger
        )
    }

    /// Serves until `exit` arrives or the input ends, and returns the process exit status.
    ///
    /// The status is 0 when `shutdown` came before, else 1. End of input counts as `exit`, so a client
    /// that closes the pipe after `shutdown` also gets 0. Returns only after every reply is written.
    /// Later calls return the same status at once. Ignores SIGPIPE for the whole process, so that a
    /// client that went away makes writes fail instead of killing the server.
    public func run() -> Int32 {
        FileDescriptorIO.ignoreBrokenPipeSignal()
        logger.info("Serving JSON-RPC with \(framing): requests on file descriptor \(input), replies on \(output).")

        let inputProcessor = inputProcessor
        let logger = logger
        readLoop.start(
            name: "hrbox.jsonrpc.reader",
            onBytes: { inputProcessor.consume($0) },
            onEnd: { ending in
                if case .failed(let error) = ending {
                    logger.error("Stopped reading requests: \(error).")
                }
                inputProcessor.finish()
            }
        )

        exited.wait()
        exited.signal()
        readLoop.stop()
        readLoop.waitUntilFinished()
        writer.flush()

        let status = exitStatus.withLock { $0 } ?? 1
        logger.info("Stopped serving with exit status \(status).")
        return status
    }
}

/// Turns the read loop's bytes into frames for the handling queue.
///
/// `@unchecked Sendable` is safe because only the read loop's thread calls it, one call at a time.
final class InputProcessor: @unchecked Sendable {
    private var decoder: any FrameDecoding
    private let dispatcher: MessageDispatcher
    private let inFlight: InFlightRequests
    private let logger: Logger

    init(decoder: any FrameDecoding, dispatcher: MessageDispatcher, inFlight: InFlightRequests, logger: Logger) {
        self.decoder = decoder
        self.dispatcher = dispatcher
        self.inFlight = inFlight
        self.logger = logger
    }

    /// Reads the frames a chunk completes and hands them to the handling queue in one piece, so that
    /// pipelined requests cost one hand-off per chunk rather than one per request.
    func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        var frames: [IncomingFrame] = []
        for event in decoder.feed(bytes) {
            switch event {
            case .body(let body):
                if let frame = read(body) {
                    frames.append(frame)
                }
            case .error(let error):
                logger.warning("Rejected a frame: \(error)")
                frames.append(Self.rejection(InvalidMessage(id: nil, error: Self.responseError(for: error))))
            }
        }
        if !frames.isEmpty {
            dispatcher.enqueue(frames)
        }
    }

    func finish() {
        if !decoder.isAtFrameBoundary {
            logger.warning("The input ended inside a frame, so its message was lost.")
        }
        dispatcher.enqueueEndOfInput()
    }

    /// Returns the work for one frame body, or nil when none of its messages needs handling.
    private func read(_ body: [UInt8]) -> IncomingFrame? {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            logger.warning("Rejected a message that is not valid JSON: \(error)")
            return Self.rejection(InvalidMessage(id: nil, error: .parseError(error.description)))
        }

        switch JSONRPCPayload(value) {
        case .single(let message):
            return item(for: message).map { IncomingFrame(items: [$0], isBatch: false) }
        case .batch(let messages):
            let items = messages.compactMap(item(for:))
            return items.isEmpty ? nil : IncomingFrame(items: items, isBatch: true)
        }
    }

    private static func rejection(_ invalid: InvalidMessage) -> IncomingFrame {
        IncomingFrame(items: [.reject(invalid)], isBatch: false)
    }

    /// Returns the work for one message, or nil when it needs no handling: a cancellation, which
    /// takes effect right here so that it can overtake queued requests, or a response.
    private func item(for message: Result<JSONRPCMessage, InvalidMessage>) -> IncomingFrame.Item? {
        switch message {
        case .failure(let invalid):
            return .reject(invalid)
        case .success(.request(let id?, _, _)) where !inFlight.insert(id):
            logger.debug("Rejected request \(id): its id belongs to a request in progress.")
            let error = ResponseError.invalidRequest("the id \(id) belongs to a request still in progress; use a new id")
            return .reject(InvalidMessage(id: id, error: error))
        case .success(.request(let id, let method, let params)):
            return .request(id: id, method: method, params: params)
        case .success(.notification("$/cancelRequest", let params)):
            if let id = params?["id"].flatMap(RequestID.init) {
                inFlight.cancel(id)
                logger.debug("Received a cancellation of request \(id).")
            }
            return nil
        case .success(.notification(let method, let params)):
            return .notification(method: method, params: params)
        case .success(.response(let id, _)):
            logger.debug("Ignored a response to request \(id?.description ?? "null"): this server sends no requests.")
            return nil
        }
    }

    private static func responseError(for error: FramingError) -> ResponseError {
        switch error {
        case .malformedHeader, .unsupportedCharset:
            .parseError(error.description)
        case .bodyTooLarge:
            .invalidRequest(error.description)
        }
    }
}
