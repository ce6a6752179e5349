import Foundation
import JSONRPC

/// Keeps the last few KB a child process writes to standard error, for error messages.
final class StandardErrorTail: Sendable {
    /// The number of bytes kept.
    static let capacity = 8 * 1024

    private let bytes = Locked<[UInt8]>([])
    private let ended = DispatchSemaphore(value: 0)
    private let readLoop: ReadLoop

    /// Starts reading `fileDescriptor` on a thread of its own until end of input or ``stop()``.
    init(fileDescriptor: Int32) throws(SystemCallError) {
        readLoop = try ReadLoop(input: fileDescriptor)
        let bytes = bytes
        let ended = ended
        readLoop.start(
            name: "hrbox.client.stderr",
            onBytes: { chunk in
                bytes.withLock { kept in
                    kept.append(contentsOf: chunk)
                    if kept.count > 2 * Self.capacity {
                        kept.removeFirst(kept.count - Self.capacity)
                    }
                }
            },
            onEnd: { _ in ended.signal() }
        )
    }

    /// Waits until the child closed its standard error, which it does when it exits.
    ///
    /// - Returns: false when `seconds` passed first.
    func waitForEnd(within seconds: Double) -> Bool {
        guard ended.wait(timeout: .now() + seconds) == .success else {
            return false
        }
        ended.signal()
        return true
    }

    /// Stops reading and waits for the reading thread to end.
    func stop() {
        readLoop.stop()
        readLoop.waitUntilFinished()
    }

    /// The text kept so far, from the first whole line, with invalid UTF-8 replaced.
    var text: String {
        var kept = bytes.withLock { $0.suffix(Self.capacity) }
        if kept.count == Self.capacity, let lineEnd = kept.firstIndex(of: UInt8(ascii: "\n")) {
            kept = kept[(lineEnd + 1)...]
        }
        return String(decoding: kept, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
