import Foundation
import Testing

@testable import JSONRPC

/// A handler whose `print` request writes to standard output in every usual way.
private final class PrintingHandler: JSONRPCHandler {
    static let lines = ["from print", "from FileHandle", "from write", "from fputs"]

    func initialize(params: JSONValue?) throws(ResponseError) -> JSONValue {
        ["ready": true]
    }

    func handle(method: String, params: JSONValue?, context: RequestContext) throws(ResponseError) -> JSONValue {
        guard method == "print" else {
            throw .methodNotFound(method)
        }
        print(Self.lines[0])
        FileHandle.standardOutput.write(Data((Self.lines[1] + "\n").utf8))
        _ = (Self.lines[2] + "\n").withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
        if let stream = Self.cStandardOutput() {
            fputs(Self.lines[3] + "\n", stream)
        }
        // `print` and `fputs` buffer in the C library; flushing sends their bytes to fd 1 now.
        fflush(nil)
        return "printed"
    }

    func handleNotification(method: String, params: JSONValue?) {}

    /// Returns the C library's `stdout` stream. Swift 6 rejects reading the global `stdout` directly,
    /// so the stream is read through the symbol's address.
    private static func cStandardOutput() -> UnsafeMutablePointer<FILE>? {
        // A null handle is RTLD_DEFAULT on glibc: search every loaded library.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else {
            return nil
        }
        return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
    }
}

@Suite("standard output guard on the real fd 1")
struct StandardOutputTests {
    /// Points fd 1 at a pipe, installs the guard on the real fd 1 with a pipe in place of fd 2, serves a handler
    /// that prints, then restores fd 1.
    ///
    /// fd 1 is shared by every test running at the same time, so the test keeps the swap short and
    /// loses nothing of theirs. Between pointing fd 1 at the frames pipe and installing the guard,
    /// another thread may write to fd 1: those bytes are drained before the server starts. After the
    /// guard is installed, other tests' output lands on the stderr side with the handler's lines.
    /// Both are written back to the real standard output once fd 1 is restored.
    @Test func printsStayOffTheFrames() throws {
        fflush(nil)
        let savedStandardOutput = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        try #require(savedStandardOutput >= 0)
        let framesPipe = try FileDescriptorIO.makePipe()
        let sidePipe = try FileDescriptorIO.makePipe()
        let requestPipe = try FileDescriptorIO.makePipe()
        defer {
            [framesPipe.read, sidePipe.read, requestPipe.read, requestPipe.write].forEach { close($0) }
        }

        try #require(dup2(framesPipe.write, STDOUT_FILENO) >= 0)
        let protocolOutput: Int32
        do {
            protocolOutput = try StandardOutputGuard.install(standardOutput: STDOUT_FILENO, standardError: sidePipe.write)
        } catch {
            restore(savedStandardOutput, forwarding: [])
            throw error
        }
        close(framesPipe.write)
        close(sidePipe.write)
        let writtenByOthers = drain(framesPipe.read)

        let replies = try serve(input: requestPipe, output: protocolOutput)
        var frames: [UInt8] = []
        var side: [UInt8] = []
        let deadline = Date(timeIntervalSinceNow: serverDeadline)
        while Date() < deadline, frames.count < replies.count || !Self.containsEveryLine(side) {
            frames += drain(framesPipe.read, waitingMilliseconds: 50)
            side += drain(sidePipe.read)
        }
        close(protocolOutput)
        fflush(nil)
        restore(savedStandardOutput, forwarding: writtenByOthers + Self.removingHandlerLines(from: side))
        frames += drain(framesPipe.read)

        #expect(String(decoding: frames, as: UTF8.self) == String(decoding: replies, as: UTF8.self))
        for line in PrintingHandler.lines {
            #expect(String(decoding: side, as: UTF8.self).contains(line + "\n"), "\(line) is missing on the stderr side")
        }
    }

    /// Runs a server on the guard's protocol output until it exits, and returns the frames it must write.
    private func serve(input: (read: Int32, write: Int32), output: Int32) throws -> [UInt8] {
        let server = try JSONRPCServer(input: input.read, output: output, handler: PrintingHandler(), logger: .silent)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = server.run()
            finished.signal()
        }

        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"print"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ]
        for request in requests {
            try FileDescriptorIO.writeAll(input.write, FrameEncoder.frame(body: Array(request.utf8)))
        }
        #expect(finished.wait(timeout: .now() + serverDeadline) == .success, "the server did not exit")

        let replies = [
            #"{"jsonrpc":"2.0","id":1,"result":{"ready":true}}"#,
            #"{"jsonrpc":"2.0","id":2,"result":"printed"}"#,
            #"{"jsonrpc":"2.0","id":3,"result":null}"#,
        ]
        return replies.flatMap { FrameEncoder.frame(body: Array($0.utf8)) }
    }

    /// Points fd 1 back at the saved standard output and writes there what other tests wrote meanwhile.
    private func restore(_ savedStandardOutput: Int32, forwarding output: [UInt8]) {
        dup2(savedStandardOutput, STDOUT_FILENO)
        close(savedStandardOutput)
        do {
            try FileDescriptorIO.writeAll(STDOUT_FILENO, output)
        } catch {
            Issue.record("could not write other tests' output back to standard output: \(error)")
        }
    }

    /// Reads what the pipe holds, waiting at most `waitingMilliseconds` for the first byte.
    private func drain(_ descriptor: Int32, waitingMilliseconds: Int32 = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        var wait = waitingMilliseconds
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            guard poll(&descriptors, 1, wait) > 0, descriptors[0].revents & Int16(POLLIN) != 0 else {
                return bytes
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                return bytes
            }
            bytes += buffer[..<count]
            wait = 0
        }
    }

    private static func containsEveryLine(_ side: [UInt8]) -> Bool {
        let text = String(decoding: side, as: UTF8.self)
        return PrintingHandler.lines.allSatisfy { text.contains($0 + "\n") }
    }

    private static func removingHandlerLines(from side: [UInt8]) -> [UInt8] {
        var text = String(decoding: side, as: UTF8.self)
        for line in PrintingHandler.lines {
            if let range = text.range(of: line + "\n") {
                text.removeSubrange(range)
            }
        }
        return Array(text.utf8)
    }
}
