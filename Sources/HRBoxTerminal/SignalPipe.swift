import Glibc

/// The write end of the active ``SignalPipe``, or -1 when none is active.
///
/// `nonisolated(unsafe)` is safe because the variable is written only while no handler is installed
/// (before installing and after removing them), and the handler only reads it.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Signals turned into bytes on a pipe, so that the box's poll loop handles them between key presses.
///
/// A signal handler may do almost nothing safely; writing one byte to a pipe is one of the few things it may.
final class SignalPipe {
    let readEnd: Int32
    private let writeEnd: Int32
    private var previousHandlers: [(Int32, __sighandler_t?)] = []

    /// Creates the pipe and installs handlers for `signals`.
    ///
    /// - Throws: `TerminalError.systemCall` when the pipe cannot be created.
    init(signals: [Int32]) throws(TerminalError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw TerminalError.systemCall("pipe", errno: errno)
        }
        // Non-blocking, so that neither the handler nor ``drain()`` can ever wait on the pipe.
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        signalPipeWriteEnd = writeEnd

        for number in signals {
            let previous = signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
            previousHandlers.append((number, previous))
        }
    }

    /// Reads the signals received since the last call and returns them in order.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count].map { Int32($0) }
        }
        return received
    }

    /// Puts the previous handlers back and closes the pipe.
    func close() {
        for (number, handler) in previousHandlers {
            signal(number, handler)
        }
        previousHandlers.removeAll()
        signalPipeWriteEnd = -1
        Glibc.close(readEnd)
        Glibc.close(writeEnd)
    }
}
