import Foundation
import Testing

@testable import JSONRPC

/// Sends a request that blocks until the test releases it, and waits until the handler runs it.
private func startBlockedRequest(_ harness: ServerHarness, id: String) throws {
    try harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"blockThenCheckCancellation"}"#)
    #expect(harness.handler.blocked.wait(timeout: .now() + serverDeadline) == .success)
}

/// Sends `$/cancelRequest` and waits until the server has read it.
private func cancel(_ harness: ServerHarness, id: String) throws {
    try harness.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":\#(id)}}"#)
    try harness.logText.waitFor("Received a cancellation of request \(id).")
}

@Suite struct CancellationTests {
    @Test func runningRequestSeesCancellation() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try startBlockedRequest(harness, id: "1")
        try cancel(harness, id: "1")
        harness.handler.release.signal()

        let reply = try harness.output.nextMessage()
        #expect(reply["id"] == 1)
        #expect(errorCode(reply) == -32800)
        try harness.logText.waitFor("Request 1 (blockThenCheckCancellation) was cancelled while it ran")
    }

    @Test func uncancelledRequestRunsToEnd() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try startBlockedRequest(harness, id: "1")
        try cancel(harness, id: "2")
        harness.handler.release.signal()
        #expect(try harness.output.nextMessage()["result"] == "not cancelled")
    }

    @Test func cancelledIdCanBeReused() throws {
        let harness = try ServerHarness()
        try harness.initialize()
        try startBlockedRequest(harness, id: #""a""#)
        try cancel(harness, id: #""a""#)
        harness.handler.release.signal()
        #expect(errorCode(try harness.output.nextMessage()) == -32800)

        try startBlockedRequest(harness, id: #""a""#)
        harness.handler.release.signal()
        #expect(try harness.output.nextMessage()["result"] == "not cancelled")
    }

    @Test func cancellationOverNativeFraming() throws {
        let harness = try ServerHarness(framing: .nativeMessaging)
        try harness.initialize()
        try startBlockedRequest(harness, id: "7")
        try cancel(harness, id: "7")
        harness.handler.release.signal()
        #expect(errorCode(try harness.output.nextMessage()) == -32800)
    }

    @Test func contextWithoutServer() throws {
        let cancelled = Locked(false)
        let context = RequestContext(id: RequestID(3), method: "m", isCancelled: { cancelled.withLock { $0 } })
        #expect(!context.isCancelled)
        try context.checkCancellation()
        cancelled.withLock { $0 = true }
        #expect(context.isCancelled)
        let error = try #require(throws: ResponseError.self) { try context.checkCancellation() }
        #expect(error.code == -32800)
    }
}
