import Foundation

/// Writes frames to the output on a serial queue of its own, so that handling and reading go on
/// while a slow client leaves replies waiting.
///
/// Frames queued while a write is pending are gathered into one buffer and written together, so a
/// client that pipelines many requests gets its replies in a few large writes instead of two system
/// calls per reply.
final class FrameWriter: Sendable {
    let framing: Framing
    private let output: Int32
    private let logger: Logger
    private let queue = DispatchQueue(label: "hrbox.jsonrpc.writer")
    private let pending = Locked(PendingFrames())
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

        let mustScheduleWrite = pending.withLock { pending in
            pending.append(header: header, body: body)
            defer { pending.isWriteScheduled = true }
            return !pending.isWriteScheduled
        }
        if mustScheduleWrite {
            queue.async { [self] in
                writePendingFrames()
            }
        }
    }

    /// Waits until every body queued so far has been written or dropped.
    func flush() {
        queue.sync {}
    }

    private func writePendingFrames() {
        let chunks = pending.withLock { pending in
            pending.isWriteScheduled = false
            return pending.takeChunks()
        }
        guard !hasFailed.withLock({ $0 }) else {
            return
        }
        do {
            for chunk in chunks {
                try FileDescriptorIO.writeAll(output, chunk)
            }
        } catch {
            hasFailed.withLock { $0 = true }
            logger.error("Could not write a reply, so later replies are dropped: \(error).")
        }
    }
}
