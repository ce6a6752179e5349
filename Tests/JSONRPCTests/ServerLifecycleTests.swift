import Foundation
import Testing

@testable import JSONRPC

@Suite struct ServerLifecycleTests {
    @Test func requestBeforeInitializeRejected() throws {
        let harness = try ServerHarness()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":{}}"#)
        #expect(errorCode(reply) == -32002)
        #expect(reply["id"] == 1)
        #expect(try harness.finishInput() == 1)
    }

    @Test func notificationBeforeInitializeDropped() throws {
        let harness = try ServerHarness()
        try harness.send(#"{"jsonrpc":"2.0","method":"early"}"#)
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","method":"late"}"#)
        _ = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo"}"#)
        #expect(harness.handler.receivedNotifications == ["late"])
    }

    @Test func fullLifecycleExitsWithZero() throws {
        let harness = try ServerHarness()
        try harness.initialize()

        let second = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
        #expect(errorCode(second) == -32600)

        let echo = try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":{"a":[1]}}"#)
        #expect(echo["result"] == ["a": [1]])

        let shutdown = try harness.call(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        #expect(shutdown["result"] == .null)
        #expect(shutdown.objectValue?.keys.contains("result") == true)
        #expect(harness.handler.shutdownCalls == 1)

        let late = try harness.call(#"{"jsonrpc":"2.0","id":4,"method":"echo"}"#)
        #expect(errorCode(late) == -32600)

        try harness.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(try harness.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownExitsWithOne() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(try harness.waitForExit() == 1)
    }

    @Test func requestsAfterExitIgnored() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try harness.send(#"[{"jsonrpc":"2.0","method":"exit"},{"jsonrpc":"2.0","id":1,"method":"echo"}]"#)
        #expect(try harness.waitForExit() == 1)
        harness.replies.closeWriteEnd()
        #expect(try harness.output.reachesEndOfOutput())
    }

    @Test func exitBeforeInitializeExitsWithOne() throws {
        let harness = try ServerHarness()
        try harness.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(try harness.waitForExit() == 1)
    }

    @Test func endOfInputAfterShutdownExitsWithZero() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        _ = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)
        #expect(try harness.finishInput() == 0)
    }

    @Test func endOfInputWithoutShutdownExitsWithOne() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        #expect(try harness.finishInput() == 1)
    }

    @Test func endOfInputAnswersQueuedRequestsFirst() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        for id in 1...20 {
            try harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"echo","params":[\#(id)]}"#)
        }
        #expect(try harness.finishInput() == 1)
        for id in 1...20 {
            #expect(try harness.output.nextMessage()["id"] == JSONValue(id))
        }
    }

    @Test func failedInitializeAllowsRetry() throws {
        let harness = try ServerHarness()
        let failed = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"fail":true}}"#)
        #expect(errorCode(failed) == -32099)
        let stillUninitialized = try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo"}"#)
        #expect(errorCode(stillUninitialized) == -32002)
        try harness.initialize()
    }

    @Test func lifecycleStateMachine() {
        var lifecycle = ServerLifecycle()
        #expect(lifecycle.decide(request: "shutdown") == .reject(.serverNotInitialized))
        #expect(lifecycle.decide(notification: "anything") == .ignore)
        #expect(lifecycle.decide(request: "initialize") == .initialize)
        lifecycle.didInitialize()
        #expect(lifecycle.decide(notification: "initialized") == .ignore)
        #expect(lifecycle.decide(notification: "$/progress") == .ignore)
        #expect(lifecycle.decide(notification: "didSomething") == .handle)
        #expect(lifecycle.decide(request: "$/anything") == .reject(.methodNotFound("$/anything")))
        #expect(lifecycle.decide(request: "hrbox/lookup") == .handle)
        #expect(lifecycle.decide(notification: "exit") == .exit(status: 1))
        #expect(lifecycle.decide(request: "shutdown") == .shutdown)
        #expect(lifecycle.decide(notification: "exit") == .exit(status: 0))
        #expect(lifecycle.decide(notification: "didSomething") == .ignore)
        #expect(lifecycle.decide(request: "shutdown") == .reject(.invalidRequest("the server is shut down; send the exit notification")))
    }
}
