import Foundation
import Testing

@testable import JSONRPC

@Suite struct ServerErrorTests {
    @Test func bodyNotJSONGetsParseError() throws {
        let harness = try ServerHarness()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo""#)
        #expect(errorCode(reply) == -32700)
        #expect(reply["id"] == .null)
        #expect(reply["error"]?["message"] == "Parse error: invalid JSON at byte 39: unexpected end of input, expected ',' or '}' after an object member")
    }

    @Test func invalidRequestGetsMinus32600() throws {
        let harness = try ServerHarness()
        let reply = try harness.call(#"{"jsonrpc":"1.0","id":5,"method":"echo"}"#)
        #expect(errorCode(reply) == -32600)
        #expect(reply["id"] == 5)
    }

    @Test func unknownMethodGetsMinus32601() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"hrbox/nothing"}"#)
        #expect(errorCode(reply) == -32601)
        #expect(reply["error"]?["message"] == "Method not found: hrbox/nothing")
    }

    @Test func handlerErrorPassesThrough() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"fail"}"#)
        #expect(reply["error"] == ["code": -32010, "message": "No person has id 4.", "data": ["personId": 4]])
    }

    @Test func unwritableResultGetsInternalError() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":"x","method":"invalidNumber"}"#)
        #expect(errorCode(reply) == -32603)
        #expect(reply["id"] == "x")
        #expect(reply["error"]?["message"] == .string(ResponseError.internalError.message))
    }

    @Test func dollarRequestsGetMethodNotFound() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#)
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"$/anything"}"#)
        #expect(errorCode(reply) == -32601)
        #expect(reply["id"] == 1)
        #expect(harness.handler.receivedNotifications.isEmpty)
    }

    @Test func notificationsNeverAnswered() throws {
        let harness = try ServerHarness()
        try harness.send(#"{"jsonrpc":"2.0","method":"beforeInitialize"}"#)
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","method":"unknown/notification","params":[1]}"#)
        try harness.send(#"{"jsonrpc":"2.0","method":"initialize"}"#)
        try harness.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":99}}"#)
        try harness.send(#"{"jsonrpc":"2.0","method":"fail"}"#)
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":"after","method":"echo"}"#)
        #expect(reply["id"] == "after")
        #expect(harness.handler.receivedNotifications == ["unknown/notification", "fail"])
    }

    @Test func idsComeBackExactly() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let cases: [(sent: String, expected: String)] = [
            ("7", "7"),
            ("\"7\"", "\"7\""),
            ("1.50", "1.50"),
            ("-0", "-0"),
            ("1e3", "1e3"),
            ("12345678901234567890123", "12345678901234567890123"),
            ("\"é\\u00e9\"", "\"éé\""),
            ("null", "null"),
        ]
        for (sent, expected) in cases {
            try harness.send(#"{"jsonrpc":"2.0","id":\#(sent),"method":"echo"}"#)
            let reply = try harness.output.nextMessage()
            #expect(try reply["id"]?.serializedText() == expected, "id \(sent)")
        }
    }

    @Test func invalidIdTypesRejected() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        for id in ["true", "false", "{}", "[1]"] {
            let reply = try harness.call(#"{"jsonrpc":"2.0","id":\#(id),"method":"echo"}"#)
            #expect(errorCode(reply) == -32600, "id \(id)")
            #expect(reply["id"] == .null, "id \(id)")
        }
    }

    @Test func emptyArrayParamsMeanNoParams() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[]}"#)
        #expect(reply["result"] == .null)
    }

    @Test func malformedHeaderGetsReplyAndRecovers() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.sendRaw(Array("Content-Lenght 5\r\n\r\nhello".utf8))
        let error = try harness.output.nextMessage()
        #expect(errorCode(error) == -32700)
        #expect(error["id"] == .null)
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}"#)
        #expect(reply["result"] == [1])
    }

    @Test func oversizedMessageSkipped() throws {
        let harness = try ServerHarness(maxMessageBytes: 100)
        try harness.initialize()
        let big = String(repeating: "x", count: 200)
        let error = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":["\#(big)"]}"#)
        #expect(errorCode(error) == -32600)
        #expect(error["id"] == .null)
        #expect(error["error"]?["message"] == "Invalid request: the message of 254 bytes exceeds the limit of 100 bytes and was skipped")
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}"#)
        #expect(reply["result"] == [2])
    }

    @Test func unsupportedCharsetRejected() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let body = #"{"jsonrpc":"2.0","id":1,"method":"echo"}"#
        let frame = "Content-Type: application/json; charset=utf-16\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try harness.sendRaw(Array(frame.utf8))
        let error = try harness.output.nextMessage()
        #expect(errorCode(error) == -32700)
        #expect(error["id"] == .null)
    }

    @Test func byteOrderMarkIgnored() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let body: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}"#.utf8)
        try harness.sendRaw(FrameEncoder.frame(body: body))
        #expect(try harness.output.nextMessage()["result"] == [1])
    }

    @Test func duplicateIdInFlightRejected() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"block"}"#)
        harness.handler.blocked.wait()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"echo"}"#)
        try harness.logText.waitFor("Rejected request 1: its id belongs to a request in progress.")
        harness.handler.release.signal()

        let first = try harness.output.nextMessage()
        let second = try harness.output.nextMessage()
        let replies = [first, second]
        #expect(replies.contains { $0["result"] == "released" })
        #expect(replies.contains { errorCode($0) == -32600 && $0["id"] == 1 })

        let reused = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}"#)
        #expect(reused["result"] == [1])
    }

    @Test func cancelledQueuedRequestAnswered() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"block"}"#)
        harness.handler.blocked.wait()
        try harness.send(#"{"jsonrpc":"2.0","id":"two","method":"echo","params":[2]}"#)
        try harness.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"two"}}"#)
        try harness.logText.waitFor("Received a cancellation of request \"two\".")
        harness.handler.release.signal()

        #expect(try harness.output.nextMessage()["result"] == "released")
        let cancelled = try harness.output.nextMessage()
        #expect(errorCode(cancelled) == -32800)
        #expect(cancelled["id"] == "two")
    }

    @Test func handlerIgnoringCancellationAnswers() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"block"}"#)
        harness.handler.blocked.wait()
        try harness.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        try harness.logText.waitFor("Received a cancellation of request 1.")
        harness.handler.release.signal()
        #expect(try harness.output.nextMessage()["result"] == "released")
    }

    @Test func thousandRequestsBeforeReading() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        let count = 1000
        let padding = String(repeating: "p", count: 200)
        let written = DispatchSemaphore(value: 0)
        let writeFailure = Locked<String?>(nil)
        let requests = harness.requests
        Thread.detachNewThread {
            do {
                for id in 1...count {
                    let body = #"{"jsonrpc":"2.0","id":\#(id),"method":"echo","params":["\#(padding)"]}"#
                    try FileDescriptorIO.writeAll(requests.writeEnd, FrameEncoder.frame(body: Array(body.utf8)))
                }
            } catch {
                writeFailure.withLock { $0 = "\(error)" }
            }
            written.signal()
        }
        #expect(written.wait(timeout: .now() + serverDeadline) == .success, "the server stopped reading requests")
        #expect(writeFailure.withLock { $0 } == nil)

        for id in 1...count {
            let reply = try harness.output.nextMessage()
            #expect(reply["id"] == JSONValue(id))
            #expect(reply["result"] == [.string(padding)])
        }
    }

    @Test func handlerPrintDoesNotCorruptFrames() throws {
        let protocolPipe = try TestPipe()
        let logPipe = try TestPipe()
        defer {
            protocolPipe.closeAll()
            logPipe.closeAll()
        }
        // `standIn` plays fd 1: it starts as the protocol output, as fd 1 does when a client spawns the server.
        let standIn = dup(protocolPipe.writeEnd)
        #expect(standIn >= 0)
        defer { close(standIn) }

        let protocolOutput = try StandardOutputGuard.install(standardOutput: standIn, standardError: logPipe.writeEnd)
        defer { close(protocolOutput) }
        #expect(fcntl(protocolOutput, F_GETFD) & FD_CLOEXEC != 0)

        let handler = TestHandler()
        handler.printOutput.withLock { $0 = standIn }
        let harness = try ServerHarness(handler: handler, protocolOutput: protocolOutput)
        let frames = DeadlineReader(fileDescriptor: protocolPipe.readEnd)

        try harness.send(#"{"jsonrpc":"2.0","id":0,"method":"initialize"}"#)
        #expect(try frames.nextMessage()["result"] == TestHandler.initializeResult)
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"print"}"#)
        #expect(try frames.nextMessage()["result"] == "printed")

        let strayText = try DeadlineReader(fileDescriptor: logPipe.readEnd).readText(containing: "stray output")
        #expect(strayText == "stray output from a handler\n")
    }
}
