import Foundation

/// Writes frames to the output on a serial queue of its own, so that handling and reading go on
/// while a slow client leaves replies waiting.
final class FrameWriter: Sendable {
    let framing: Framing
    private let output: Int32
    private let logger: Logger
    private let queue = DispatchQueue(label: "hrbox.jsonrpc.writer")
    /// Set after the first failed write; later frames are dropped because the client is gone.
    private let hasFailed = Locked(false)

    init(output: Int32, framing: Framing, logger: Logger) {
        self.output = output
        self.framing = framing
        self.logger = logger
    }

    /// Queues one body; it is written with its header after every body queued before it.
    ///
    /// A body above the framing's ``Framing/maxOutgoingBodyBytes`` is dropped and logged, because
    /// the client would close the connection on it. The dispatcher replaces oversized replies
    /// before they get here, so only an oversized notification is dropped.
    func send(body: [UInt8]) {
        let limit = framing.maxOutgoingBodyBytes ?? Int.max
        guard body.count <= limit, let header = framing.header(bodyByteCount: body.count) else {
            logger.error("Dropped an outgoing message of \(body.count) bytes, more than \(framing) allows.")
            return
        }

        queue.async { [self] in
            guard !hasFailed.withLock({ $0 }) else {
                return
            }
            do {
                try FileDescriptorIO.writeAll(output, header)
                try FileDescriptorIO.writeAll(output, body)
            } catch {
                hasFailed.withLock { $0 = true }
                logger.error("Could not write a reply, so later replies are dropped: \(error).")
            }
        }
    }

    /// Waits until every body queued so far has been written or dropped.
    func flush() {
        queue.sync {}
    }
}
