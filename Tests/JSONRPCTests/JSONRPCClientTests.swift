import Foundation
import Testing

@testable import JSONRPC

/// A client and the raw ends of its pipes, for tests that play the server by hand.
private final class FakeServer {
    let toClient: TestPipe
    let fromClient: TestPipe
    let client: JSONRPCClient
    let requests: DeadlineReader

    init() throws {
        toClient = try TestPipe()
        fromClient = try TestPipe()
        client = try JSONRPCClient(input: toClient.readEnd, output: fromClient.writeEnd)
        requests = DeadlineReader(fileDescriptor: fromClient.readEnd)
    }

    deinit {
        client.close()
        toClient.closeAll()
        fromClient.closeAll()
    }

    func write(_ text: String) throws {
        try FileDescriptorIO.writeAll(toClient.writeEnd, Array(text.utf8))
    }

    /// Calls `method` on another thread and returns a function that waits for the outcome.
    func callInBackground(_ method: String) -> () -> Result<JSONValue, any Error>? {
        let outcome = Locked<Result<JSONValue, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let client = client
        Thread.detachNewThread {
            let result = Result { try client.call(method: method, params: nil) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        return {
            guard done.wait(timeout: .now() + serverDeadline) == .success else {
                return nil
            }
            return outcome.withLock { $0 }
        }
    }
}

private func transportError(_ outcome: Result<JSONValue, any Error>?) -> JSONRPCTransportError? {
    guard case .failure(let error)? = outcome else {
        return nil
    }
    return error as? JSONRPCTransportError
}

@Suite struct JSONRPCClientTests {
    private func connectedClient(_ harness: ServerHarness) throws -> JSONRPCClient {
        try JSONRPCClient(input: harness.replies.readEnd, output: harness.requests.writeEnd)
    }

    @Test func clientCallsServer() throws {
        let harness = try ServerHarness()
        let client = try connectedClient(harness)
        defer { client.close() }

        #expect(try client.call(method: "initialize", params: ["processId": 1]) == TestHandler.initializeResult)
        try client.notify(method: "initialized", params: nil)
        #expect(try client.call(method: "echo", params: ["text": "Grüße"]) == ["text": "Grüße"])
        try client.notify(method: "note", params: [1])
        #expect(try client.call(method: "shutdown", params: nil) == .null)
        #expect(harness.handler.receivedNotifications == ["note"])
        try client.notify(method: "exit", params: nil)
        #expect(try harness.waitForExit() == 0)
    }

    @Test func clientThrowsServerError() throws {
        let harness = try ServerHarness()
        let client = try connectedClient(harness)
        defer { client.close() }
        _ = try client.call(method: "initialize", params: nil)

        #expect(throws: ResponseError(code: -32010, message: "No person has id 4.", data: ["personId": 4])) {
            try client.call(method: "fail", params: nil)
        }
        #expect(throws: ResponseError.methodNotFound("missing")) {
            try client.call(method: "missing", params: nil)
        }
    }

    @Test func clientSafeFromSeveralThreads() throws {
        let harness = try ServerHarness()
        let client = try connectedClient(harness)
        defer { client.close() }
        _ = try client.call(method: "initialize", params: nil)

        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for call in 0..<50 {
                let params: JSONValue = [JSONValue(thread), JSONValue(call)]
                do {
                    let result = try client.call(method: "echo", params: params)
                    if result != params {
                        failures.withLock { $0.append("thread \(thread) call \(call) got \(result)") }
                    }
                } catch {
                    failures.withLock { $0.append("thread \(thread) call \(call) failed: \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
    }

    @Test func serverClosingOutputFailsCalls() throws {
        let fake = try FakeServer()
        let outcome = fake.callInBackground("hrbox/lookup")
        let request = try fake.requests.nextMessage()
        #expect(request["method"] == "hrbox/lookup")

        fake.toClient.closeWriteEnd()
        #expect(transportError(outcome())?.message == "The connection to the server is closed: the server closed its output.")
        #expect(throws: JSONRPCTransportError.self) {
            try fake.client.call(method: "again", params: nil)
        }
        #expect(throws: JSONRPCTransportError.self) {
            try fake.client.notify(method: "again", params: nil)
        }
    }

    @Test func garbageFromServerFailsCalls() throws {
        let fake = try FakeServer()
        let outcome = fake.callInBackground("echo")
        _ = try fake.requests.nextMessage()

        try fake.write("Content-Length: 5\r\n\r\nhello")
        let error = transportError(outcome())
        #expect(error?.message.hasPrefix("The connection to the server is closed: the server sent a reply that is not valid JSON") == true)
    }

    @Test func malformedFrameFromServerFailsCalls() throws {
        let fake = try FakeServer()
        let outcome = fake.callInBackground("echo")
        _ = try fake.requests.nextMessage()

        try fake.write("this is not a frame\r\n")
        #expect(transportError(outcome())?.message.contains("the server sent a malformed frame") == true)
    }

    @Test func responsesMatchedById() throws {
        let fake = try FakeServer()
        let first = fake.callInBackground("first")
        let firstID = try fake.requests.nextMessage()["id"]
        let second = fake.callInBackground("second")
        let secondID = try fake.requests.nextMessage()["id"]

        let replies = [
            JSONRPCMessage.response(id: secondID.flatMap(RequestID.init), result: .success("two")),
            JSONRPCMessage.response(id: firstID.flatMap(RequestID.init), result: .success("one")),
        ]
        for reply in replies {
            try fake.write(String(decoding: FrameEncoder.frame(body: try reply.jsonValue.serialized()), as: UTF8.self))
        }
        #expect(try second()?.get() == "two")
        #expect(try first()?.get() == "one")
    }

    @Test func nullIdErrorFailsWaitingCalls() throws {
        let fake = try FakeServer()
        let outcome = fake.callInBackground("echo")
        _ = try fake.requests.nextMessage()

        let body = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#
        try fake.write("Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        guard case .failure(let error)? = outcome() else {
            Issue.record("expected the call to fail")
            return
        }
        #expect(error as? ResponseError == ResponseError(code: -32700, message: "Parse error"))
    }

    @Test func requestFromServerGetsMethodNotFound() throws {
        let fake = try FakeServer()
        let body = #"{"jsonrpc":"2.0","id":"s1","method":"window/showMessage","params":{}}"#
        try fake.write("Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        let reply = try fake.requests.nextMessage()
        #expect(reply["id"] == "s1")
        #expect(errorCode(reply) == -32601)
    }

    @Test func closeFailsWaitingCalls() throws {
        let fake = try FakeServer()
        let outcome = fake.callInBackground("echo")
        _ = try fake.requests.nextMessage()
        fake.client.close()
        #expect(transportError(outcome())?.message == "The connection to the server is closed: the client closed the connection.")
    }
}
