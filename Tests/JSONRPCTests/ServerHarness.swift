import Foundation
import Testing

@testable import JSONRPC

/// How long a test waits for the server before it fails instead of hanging.
let serverDeadline: TimeInterval = 20

/// A pipe whose ends the test closes when it is done with them.
final class TestPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32
    private let openEnds = Locked<Set<Int32>>([])

    init() throws {
        let ends = try FileDescriptorIO.makePipe()
        readEnd = ends.read
        writeEnd = ends.write
        openEnds.withLock { $0 = [ends.read, ends.write] }
    }

    func closeWriteEnd() {
        closeEnd(writeEnd)
    }

    func closeAll() {
        closeEnd(readEnd)
        closeEnd(writeEnd)
    }

    private func closeEnd(_ end: Int32) {
        let wasOpen = openEnds.withLock { $0.remove(end) != nil }
        if wasOpen {
            close(end)
        }
    }
}

/// Reads frames or lines from a file descriptor, waiting at most until a deadline.
final class DeadlineReader {
    let fileDescriptor: Int32
    private var decoder: any FrameDecoding
    private var pendingBodies: [[UInt8]] = []
    private var text: [UInt8] = []

    init(fileDescriptor: Int32, framing: Framing = .contentLength) {
        self.fileDescriptor = fileDescriptor
        decoder = framing.makeDecoder(maxBodyBytes: FrameDecoder.defaultMaxBodyBytes)
    }

    /// Reads a chunk; returns nil at end of input and throws when the deadline passes first.
    func readChunk(until deadline: Date) throws -> [UInt8]? {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR {
                continue
            }
            guard ready > 0 else {
                throw TestTimeout()
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count > 0 else {
                return nil
            }
            return Array(buffer[..<count])
        }
    }

    /// Returns the next frame body as JSON; throws at end of input or when the deadline passes.
    func nextMessage(within seconds: TimeInterval = serverDeadline) throws -> JSONValue {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while pendingBodies.isEmpty {
            guard let chunk = try readChunk(until: deadline) else {
                throw EndOfOutput()
            }
            for event in decoder.feed(chunk) {
                switch event {
                case .body(let body):
                    pendingBodies.append(body)
                case .error(let error):
                    throw error
                }
            }
        }
        return try JSONValue(parsing: pendingBodies.removeFirst())
    }

    /// Returns true when the output ends with no further frame, false when a frame arrives instead.
    func reachesEndOfOutput(within seconds: TimeInterval = serverDeadline) throws -> Bool {
        do {
            let message = try nextMessage(within: seconds)
            Issue.record("expected no more output, received \(message)")
            return false
        } catch is EndOfOutput {
            return true
        }
    }

    /// Reads text until it contains `needle`; returns all text read so far.
    func readText(containing needle: String, within seconds: TimeInterval = serverDeadline) throws -> String {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !String(decoding: text, as: UTF8.self).contains(needle) {
            guard let chunk = try readChunk(until: deadline) else {
                break
            }
            text += chunk
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Collects what a server logs on a thread of its own, so that the log pipe never fills up and blocks the server.
final class LogCollector: Sendable {
    private let text = Locked("")
    private let changed = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(fileDescriptor: Int32) {
        let text = text
        let changed = changed
        let finished = finished
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR {
                    continue
                }
                guard count > 0 else {
                    break
                }
                text.withLock { $0 += String(decoding: buffer[..<count], as: UTF8.self) }
                changed.signal()
            }
            finished.signal()
        }
    }

    /// Waits until the log contains `needle`; throws when the deadline passes first.
    func waitFor(_ needle: String, within seconds: TimeInterval = serverDeadline) throws {
        let deadline = DispatchTime.now() + seconds
        while !text.withLock({ $0.contains(needle) }) {
            guard changed.wait(timeout: deadline) == .success else {
                throw TestTimeout()
            }
        }
    }

    func waitUntilFinished() {
        _ = finished.wait(timeout: .now() + serverDeadline)
    }
}

struct TestTimeout: Error, CustomStringConvertible {
    var description: String { "timed out waiting for the server" }
}

struct EndOfOutput: Error {}

/// A server running on its own thread over two pipes, and the client ends of those pipes.
final class ServerHarness {
    let requests: TestPipe
    let replies: TestPipe
    let log: TestPipe
    let handler: TestHandler
    let framing: Framing
    let output: DeadlineReader
    let logText: LogCollector
    private let status = Locked<Int32?>(nil)
    private let finished = DispatchSemaphore(value: 0)
    private let server: JSONRPCServer

    init(
        handler: TestHandler = TestHandler(),
        maxMessageBytes: Int = JSONRPCServer.defaultMaxMessageBytes,
        protocolOutput: Int32? = nil,
        framing: Framing = .contentLength
    ) throws {
        requests = try TestPipe()
        replies = try TestPipe()
        log = try TestPipe()
        self.handler = handler
        self.framing = framing
        output = DeadlineReader(fileDescriptor: replies.readEnd, framing: framing)
        logText = LogCollector(fileDescriptor: log.readEnd)
        server = try JSONRPCServer(
            input: requests.readEnd,
            output: protocolOutput ?? replies.writeEnd,
            handler: handler,
            logger: Logger(level: .debug, fileDescriptor: log.writeEnd),
            maxMessageBytes: maxMessageBytes,
            framing: framing
        )

        let server = server
        let status = status
        let finished = finished
        Thread.detachNewThread {
            let exitStatus = server.run()
            status.withLock { $0 = exitStatus }
            finished.signal()
        }
    }

    deinit {
        requests.closeWriteEnd()
        _ = finished.wait(timeout: .now() + serverDeadline)
        log.closeWriteEnd()
        logText.waitUntilFinished()
        requests.closeAll()
        replies.closeAll()
        log.closeAll()
    }

    func sendRaw(_ bytes: [UInt8]) throws {
        try FileDescriptorIO.writeAll(requests.writeEnd, bytes)
    }

    func send(_ text: String) throws {
        try sendRaw(frame(Array(text.utf8)))
    }

    func send(_ message: JSONRPCMessage) throws {
        try sendRaw(frame(try message.jsonValue.serialized()))
    }

    /// Frames a body in the harness's framing.
    func frame(_ body: [UInt8]) throws -> [UInt8] {
        switch framing {
        case .contentLength:
            return FrameEncoder.frame(body: body)
        case .nativeMessaging:
            return try #require(NativeMessagingFrameEncoder.frame(body: body))
        }
    }

    /// Sends a request and returns the next message the server writes.
    func call(_ text: String) throws -> JSONValue {
        try send(text)
        return try output.nextMessage()
    }

    func initialize() throws {
        let reply = try call(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}"#)
        #expect(reply["result"] == TestHandler.initializeResult)
        try send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    }

    /// Closes the server's input and returns its exit status.
    func finishInput() throws -> Int32 {
        requests.closeWriteEnd()
        return try waitForExit()
    }

    func waitForExit() throws -> Int32 {
        guard finished.wait(timeout: .now() + serverDeadline) == .success else {
            throw TestTimeout()
        }
        finished.signal()
        return status.withLock { $0 } ?? -1
    }
}

/// A handler with a method for each behavior the tests need.
final class TestHandler: JSONRPCHandler {
    static let initializeResult: JSONValue = ["serverInfo": ["name": "test"]]

    /// Released by a test to let a `block` request finish.
    let release = DispatchSemaphore(value: 0)
    /// Signalled when a `block` request starts.
    let blocked = DispatchSemaphore(value: 0)
    private let notifications = Locked<[String]>([])
    private let shutdownCount = Locked(0)
    /// The descriptor `print` writes to, standing in for fd 1.
    let printOutput = Locked<Int32>(-1)

    var receivedNotifications: [String] { notifications.withLock { $0 } }
    var shutdownCalls: Int { shutdownCount.withLock { $0 } }

    func initialize(params: JSONValue?) throws(ResponseError) -> JSONValue {
        if params?["fail"] == true {
            throw ResponseError(code: -32099, message: "initialize failed on request")
        }
        return Self.initializeResult
    }

    func handle(method: String, params: JSONValue?, context: RequestContext) throws(ResponseError) -> JSONValue {
        switch method {
        case "echo":
            return params ?? .null
        case "fail":
            throw ResponseError(code: -32010, message: "No person has id 4.", data: ["personId": 4])
        case "invalidNumber":
            return .number("01")
        case "sum":
            let total = params?.arrayValue?.compactMap(\.int64Value).reduce(0, +) ?? 0
            return JSONValue(total)
        case "subtract":
            if let minuend = params?["minuend"]?.int64Value, let subtrahend = params?["subtrahend"]?.int64Value {
                return JSONValue(minuend - subtrahend)
            }
            let operands = params?.arrayValue?.compactMap(\.int64Value) ?? []
            return JSONValue((operands.first ?? 0) - (operands.dropFirst().first ?? 0))
        case "get_data":
            return ["hello", 5]
        case "block":
            blocked.signal()
            release.wait()
            return "released"
        case "blockThenCheckCancellation":
            blocked.signal()
            release.wait()
            try context.checkCancellation()
            return "not cancelled"
        case "bigString":
            let count = params?[0]?.intValue ?? 0
            return .string(String(repeating: "x", count: count))
        case "steps":
            context.beginProgress(title: "Counting", message: "Starting", percentage: 0)
            context.reportProgress(message: "Half", percentage: 50)
            context.reportProgress(percentage: 30)
            return "counted"
        case "print":
            let fileDescriptor = printOutput.withLock { $0 }
            _ = "stray output from a handler\n".withCString { write(fileDescriptor, $0, strlen($0)) }
            return "printed"
        default:
            throw .methodNotFound(method)
        }
    }

    func handleNotification(method: String, params: JSONValue?) {
        notifications.withLock { $0.append(method) }
    }

    func shutdown() {
        shutdownCount.withLock { $0 += 1 }
    }
}

/// Returns the error code of a reply, or nil when it has none.
func errorCode(_ reply: JSONValue) -> Int? {
    reply["error"]?["code"]?.intValue
}
