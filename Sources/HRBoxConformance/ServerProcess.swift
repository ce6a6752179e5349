import Foundation
import HRBoxClient
import JSONRPC

/// Runs a server command once: writes its input, reads its output to the end, and reaps it.
///
/// One thread does all the work in a `poll` loop over the three pipes, so that a server that
/// writes replies while the runner is still writing requests never blocks either side. The child
/// is started with `posix_spawnp`; Foundation's `Process` waits forever on Linux when a child
/// leaves a descriptor open behind it.
enum ServerProcess {
    /// The largest standard output kept; a server that writes more is ended.
    static let maxOutputBytes = 64 * 1024 * 1024
    /// How much of standard error a report keeps, from its end.
    static let standardErrorTailBytes = 8 * 1024

    /// Starts `arguments[0]`, found on PATH when it has no slash, with the rest as its arguments.
    ///
    /// - Parameters:
    ///   - chunks: The input, written chunk by chunk, each chunk with as many writes as the pipe needs.
    ///   - pause: How long to wait after each chunk before the next one.
    ///   - closesInput: Whether to close the server's input once every chunk is written. Otherwise
    ///     it stays open until the server exits.
    ///   - timeout: Seconds until the runner gives up and ends the server with SIGKILL.
    /// - Throws: ``SystemCallError`` when a pipe cannot be made or the command cannot be started.
    static func run(
        arguments: [String],
        chunks: [[UInt8]],
        pause: Duration,
        closesInput: Bool,
        timeout: Double
    ) throws(SystemCallError) -> ServerRun {
        let input = try FileDescriptorIO.makePipe()
        let output = try FileDescriptorIO.makePipe()
        let errorOutput = try FileDescriptorIO.makePipe()
        let processID: pid_t
        do {
            processID = try spawn(arguments, streams: (input.read, output.write, errorOutput.write))
        } catch {
            [input.read, input.write, output.read, output.write, errorOutput.read, errorOutput.write].forEach { close($0) }
            throw error
        }
        [input.read, output.write, errorOutput.write].forEach { close($0) }
        _ = fcntl(input.write, F_SETFL, fcntl(input.write, F_GETFL) | O_NONBLOCK)

        var exchange = Exchange(
            input: input.write, output: output.read, errorOutput: errorOutput.read,
            chunks: chunks, pause: pause, closesInput: closesInput,
            deadline: .now + .milliseconds(Int(timeout * 1000)))
        exchange.run()
        if exchange.timedOut || exchange.wroteTooMuch {
            kill(processID, SIGKILL)
        }
        let status = waitForExit(processID, until: exchange.deadline)
        exchange.closeAll()

        return ServerRun(
            standardOutput: exchange.standardOutput,
            standardErrorTail: String(decoding: exchange.standardError, as: UTF8.self),
            exitStatus: status.exitStatus,
            timedOut: exchange.timedOut || status.timedOut,
            wroteTooMuch: exchange.wroteTooMuch,
            unwrittenInputBytes: exchange.unwrittenBytes)
    }

    private static func spawn(
        _ arguments: [String],
        streams: (input: Int32, output: Int32, error: Int32)
    ) throws(SystemCallError) -> pid_t {
        guard !arguments.isEmpty else {
            throw SystemCallError("start a server: the command is empty", errorNumber: EINVAL)
        }
        return try ProcessSpawn.start(
            arguments: arguments,
            environment: ProcessInfo.processInfo.environment,
            streams: .descriptors(input: streams.input, output: streams.output, error: streams.error),
            searchesPath: true
        )
    }

    /// Waits for the child to exit, checking every 5 ms, and ends it with SIGKILL at the deadline.
    private static func waitForExit(_ processID: pid_t, until deadline: ContinuousClock.Instant) -> (
        exitStatus: Int32, timedOut: Bool
    ) {
        var waitStatus: Int32 = 0
        var timedOut = false
        while true {
            let result = waitpid(processID, &waitStatus, timedOut ? 0 : WNOHANG)
            if result == processID {
                break
            }
            if result < 0, errno != EINTR {
                return (1, timedOut)
            }
            if !timedOut, ContinuousClock.now >= deadline {
                timedOut = true
                kill(processID, SIGKILL)
            } else if !timedOut {
                _ = poll(nil, 0, 5)
            }
        }
        return (ProcessSpawn.exitStatus(fromWaitStatus: waitStatus), timedOut)
    }
}

/// The state of the `poll` loop that feeds a server and drains its output.
private struct Exchange {
    var input: Int32
    var output: Int32
    var errorOutput: Int32
    let chunks: [[UInt8]]
    let pause: Duration
    let closesInput: Bool
    let deadline: ContinuousClock.Instant

    var standardOutput: [UInt8] = []
    var standardError: [UInt8] = []
    var timedOut = false
    var wroteTooMuch = false
    var unwrittenBytes = 0
    private var chunkIndex = 0
    private var chunkOffset = 0
    private var nextWrite = ContinuousClock.now

    init(
        input: Int32, output: Int32, errorOutput: Int32, chunks: [[UInt8]], pause: Duration, closesInput: Bool,
        deadline: ContinuousClock.Instant
    ) {
        self.input = input
        self.output = output
        self.errorOutput = errorOutput
        self.chunks = chunks
        self.pause = pause
        self.closesInput = closesInput
        self.deadline = deadline
    }

    /// Loops until the server closes both of its outputs, or the deadline passes.
    mutating func run() {
        closeInputIfDone()
        while output >= 0 || errorOutput >= 0 {
            let now = ContinuousClock.now
            guard now < deadline else {
                timedOut = true
                return
            }
            let wantsToWrite = input >= 0 && chunkIndex < chunks.count && now >= nextWrite
            var descriptors = [
                pollfd(fd: wantsToWrite ? input : -1, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorOutput, events: Int16(POLLIN), revents: 0),
            ]
            var wait = deadline - now
            if input >= 0, chunkIndex < chunks.count, nextWrite > now {
                wait = min(wait, nextWrite - now)
            }
            let milliseconds = Int32(clamping: wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000 + 1)
            guard poll(&descriptors, 3, milliseconds) >= 0 || errno == EINTR else {
                timedOut = true
                return
            }

            if descriptors[1].revents != 0 {
                read(from: &output, into: &standardOutput)
                if standardOutput.count > ServerProcess.maxOutputBytes {
                    wroteTooMuch = true
                    return
                }
            }
            if descriptors[2].revents != 0 {
                read(from: &errorOutput, into: &standardError)
                if standardError.count > 2 * ServerProcess.standardErrorTailBytes {
                    standardError.removeFirst(standardError.count - ServerProcess.standardErrorTailBytes)
                }
            }
            if descriptors[0].revents != 0 {
                writeNextBytes(errorEvent: descriptors[0].revents & Int16(POLLERR | POLLHUP) != 0)
            }
        }
    }

    /// Reads what is there; closes the descriptor and sets it to -1 at end of file or on an error.
    private func read(from descriptor: inout Int32, into buffer: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            close(descriptor)
            descriptor = -1
        }
    }

    private mutating func writeNextBytes(errorEvent: Bool) {
        let chunk = chunks[chunkIndex]
        let written =
            errorEvent
            ? -1
            : chunk[chunkOffset...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
        if written < 0 {
            if !errorEvent, errno == EINTR || errno == EAGAIN {
                return
            }
            // The server closed its input or exited: whatever is left cannot reach it.
            unwrittenBytes = chunks[chunkIndex...].reduce(0) { $0 + $1.count } - chunkOffset
            chunkIndex = chunks.count
            closeInput()
            return
        }

        chunkOffset += written
        if chunkOffset == chunk.count {
            chunkIndex += 1
            chunkOffset = 0
            nextWrite = ContinuousClock.now + pause
        }
        closeInputIfDone()
    }

    private mutating func closeInputIfDone() {
        if closesInput, chunkIndex == chunks.count {
            closeInput()
        }
    }

    private mutating func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// Closes every descriptor still open.
    mutating func closeAll() {
        closeInput()
        for descriptor in [output, errorOutput] where descriptor >= 0 {
            close(descriptor)
        }
        output = -1
        errorOutput = -1
    }
}
