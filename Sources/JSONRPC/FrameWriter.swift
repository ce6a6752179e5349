import Foundation

/// Writes frames to the output on a serial queue of its own, so that handling and reading go on
/// while a slow client leaves replies waiting.
final class FrameWriter: Sendable {
    private let output: Int32
    private let logger: Logger
    private let queue = DispatchQueue(label: "hrbox.jsonrpc.writer")
    /// Set after the first failed write; later frames are dropped because the client is gone.
    private let hasFailed = Locked(false)

    init(output: Int32, logger: Logger) {
        self.output = output
        self.logger = logger
    }

    /// Queues one body; it is written with its header after every body queued before it.
    func send(body: [UInt8]) {
        queue.async { [self] in
            guard !hasFailed.withLock({ $0 }) else {
                return
            }
            do {
                try FileDescriptorIO.writeAll(output, Array("Content-Length: \(body.count)\r\n\r\n".utf8))
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
