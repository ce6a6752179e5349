import Foundation
import Testing

@testable import JSONRPC

private func initializedHarness(framing: Framing = .contentLength) throws -> ServerHarness {
    let harness = try ServerHarness(framing: framing)
    try harness.initialize()
    return harness
}

/// Reads messages up to and including the reply, and returns the `$/progress` values before it and the reply.
private func progressAndReply(_ harness: ServerHarness, token: JSONValue) throws -> (values: [JSONValue], reply: JSONValue) {
    var values: [JSONValue] = []
    while true {
        let message = try harness.output.nextMessage()
        guard message["method"] == "$/progress" else {
            return (values, message)
        }
        #expect(message["id"] == nil)
        #expect(message["params"]?["token"] == token)
        values.append(message["params"]?["value"] ?? .null)
    }
}

@Suite struct ProgressTests {
    @Test func handlerStepsReported() throws {
        let harness = try initializedHarness()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"steps","params":{"workDoneToken":"t-1"}}"#)
        let (values, reply) = try progressAndReply(harness, token: "t-1")
        #expect(
            values == [
                ["kind": "begin", "title": "Counting", "cancellable": true, "message": "Starting", "percentage": 0],
                ["kind": "report", "message": "Half", "percentage": 50],
                ["kind": "report", "percentage": 50],
                ["kind": "end"],
            ])
        #expect(reply["result"] == "counted")
    }

    @Test func silentHandlerGetsBeginAndEnd() throws {
        let harness = try initializedHarness()
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":{"workDoneToken":42,"text":"hi"}}"#)
        let (values, reply) = try progressAndReply(harness, token: 42)
        #expect(values == [["kind": "begin", "title": "echo", "cancellable": true], ["kind": "end"]])
        #expect(reply["result"] == ["text": "hi"])
    }

    @Test func noTokenNoProgress() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"steps","params":{}}"#)
        #expect(reply["result"] == "counted")
    }

    @Test func nullTokenMeansNoToken() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":{"workDoneToken":null}}"#)
        #expect(reply["result"] == [:])
    }

    @Test func wrongTokenTypeRejected() throws {
        let harness = try initializedHarness()
        for token in ["true", "1.5", #"{"a":1}"#, "[1]"] {
            let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"steps","params":{"workDoneToken":\#(token)}}"#)
            #expect(errorCode(reply) == -32602, "token \(token)")
            #expect(reply["error"]?["message"]?.stringValue?.contains("workDoneToken") == true, "token \(token)")
        }
    }

    @Test func tokenErrorLeavesShutdownUndone() throws {
        let harness = try initializedHarness()
        let rejected = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":{"workDoneToken":false}}"#)
        #expect(errorCode(rejected) == -32602)
        #expect(harness.handler.shutdownCalls == 0)
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}"#)["result"] == [2])
    }

    @Test func batchProgressPrecedesReply() throws {
        let harness = try initializedHarness()
        try harness.send(
            #"[{"jsonrpc":"2.0","id":1,"method":"steps","params":{"workDoneToken":"b"}},"#
                + #"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}]"#)
        let (values, reply) = try progressAndReply(harness, token: "b")
        #expect(values.map { $0["kind"] } == ["begin", "report", "report", "end"])
        #expect(reply.arrayValue?.count == 2)
    }

    @Test func progressOverNativeFraming() throws {
        let harness = try initializedHarness(framing: .nativeMessaging)
        try harness.send(#"{"jsonrpc":"2.0","id":1,"method":"steps","params":{"workDoneToken":5}}"#)
        let (values, reply) = try progressAndReply(harness, token: 5)
        #expect(values.map { $0["kind"] } == ["begin", "report", "report", "end"])
        #expect(reply["result"] == "counted")
    }

    @Test func requestBeforeInitializeSendsNoProgress() throws {
        let harness = try ServerHarness()
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"steps","params":{"workDoneToken":"x"}}"#)
        #expect(errorCode(reply) == -32002)
    }
}
