import Foundation

/// A thread that reads a file descriptor until end of input and hands each chunk to a callback.
///
/// The thread waits in `poll` on the input and on a wake-up pipe, so that ``stop()`` can end it
/// without closing the input, whose owner is the caller.
package final class ReadLoop: Sendable {
    package enum Ending: Sendable {
        case endOfInput
        case stopped
        case failed(SystemCallError)
    }

    /// The size of one read; a larger frame arrives in several chunks.
    static let chunkSize = 64 * 1024
    /// The thread's stack size: room for parsing 512 nested arrays, which recurses once per level.
    static let stackSize = 8 * 1024 * 1024

    private let input: Int32
    private let wakeUp: (read: Int32, write: Int32)
    private let finished = DispatchSemaphore(value: 0)
    private let hasStarted = Locked(false)

    package init(input: Int32) throws(SystemCallError) {
        self.input = input
        wakeUp = try FileDescriptorIO.makePipe()
    }

    deinit {
        close(wakeUp.read)
        close(wakeUp.write)
    }

    /// Starts the thread. `onBytes` is called on it for every chunk read, then `onEnd` once.
    package func start(
        name: String,
        onBytes: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
        onEnd: @escaping @Sendable (Ending) -> Void
    ) {
        let isFirstStart = hasStarted.withLock { started in
            defer { started = true }
            return !started
        }
        guard isFirstStart else {
            return
        }

        let thread = Thread { [self] in
            onEnd(readUntilEnd(onBytes))
            finished.signal()
        }
        thread.name = name
        thread.stackSize = Self.stackSize
        thread.start()
    }

    /// Asks the thread to stop; it does so before its next read.
    package func stop() {
        let byte: [UInt8] = [1]
        do {
            try FileDescriptorIO.writeAll(wakeUp.write, byte)
        } catch {
            // The pipe buffers 64 KiB on Linux, so this fails only when many earlier stops filled it:
            // the thread is then stopping already.
        }
    }

    /// Waits until the thread has called `onEnd`; returns at once when it was never started.
    package func waitUntilFinished() {
        guard hasStarted.withLock({ $0 }) else {
            return
        }
        finished.wait()
        finished.signal()
    }

    private func readUntilEnd(_ onBytes: (UnsafeBufferPointer<UInt8>) -> Void) -> Ending {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            switch waitForInput() {
            case .success(false):
                return .stopped
            case .failure(let error):
                return .failed(error)
            case .success(true):
                break
            }

            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 {
                return .endOfInput
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN {
                    continue
                }
                return .failed(SystemCallError("read from file descriptor \(input)"))
            }
            buffer.withUnsafeBufferPointer { onBytes(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Waits until the input can be read or the wake-up pipe is written.
    ///
    /// - Returns: true when the input is readable (or closed), false when the loop should stop.
    private func waitForInput() -> Result<Bool, SystemCallError> {
        var descriptors = [
            pollfd(fd: wakeUp.read, events: Int16(POLLIN), revents: 0),
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR {
                    continue
                }
                return .failure(SystemCallError("poll on file descriptor \(input)"))
            }
            if descriptors[0].revents != 0 {
                return .success(false)
            }
            if descriptors[1].revents & Int16(POLLNVAL) != 0 {
                return .failure(SystemCallError("poll on file descriptor \(input)", errorNumber: EBADF))
            }
            return .success(true)
        }
    }
}
