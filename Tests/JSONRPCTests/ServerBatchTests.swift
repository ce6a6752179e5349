import Foundation
import Testing

@testable import JSONRPC

/// Reduces a reply to its id and its result or error code, because the error messages here differ
/// from the examples in JSON-RPC 2.0's section 7.
private func summary(_ reply: JSONValue) -> JSONValue {
    var object: JSONObject = ["id": reply["id"] ?? "missing"]
    if let code = errorCode(reply) {
        object["code"] = JSONValue(code)
    } else {
        object["result"] = reply["result"] ?? "missing"
    }
    return .object(object)
}

private func summaries(_ reply: JSONValue) -> [JSONValue]? {
    reply.arrayValue?.map(summary)
}

/// The examples of JSON-RPC 2.0, section 7, with the replies the specification shows.
@Suite struct ServerBatchTests {
    private func initializedHarness() throws -> ServerHarness {
        let harness = try ServerHarness()
        try harness.initialize()
        return harness
    }

    @Test func positionalAndNamedParams() throws {
        let harness = try initializedHarness()
        let positional = try harness.call(#"{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}"#)
        #expect(summary(positional) == ["id": 1, "result": 19])
        let reversed = try harness.call(#"{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}"#)
        #expect(summary(reversed) == ["id": 2, "result": -19])
        let named = try harness.call(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}"#)
        #expect(summary(named) == ["id": 3, "result": 19])
        let swapped = try harness.call(#"{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}"#)
        #expect(summary(swapped) == ["id": 4, "result": 19])
    }

    @Test func notificationsGetNoReply() throws {
        let harness = try initializedHarness()
        try harness.send(#"{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}"#)
        try harness.send(#"{"jsonrpc": "2.0", "method": "foobar"}"#)
        let reply = try harness.call(#"{"jsonrpc": "2.0", "method": "get_data", "id": "last"}"#)
        #expect(reply["id"] == "last")
        #expect(harness.handler.receivedNotifications == ["update", "foobar"])
    }

    @Test func nonExistentMethod() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(#"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#)
        #expect(summary(reply) == ["id": "1", "code": -32601])
    }

    @Test func invalidJSON() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#)
        #expect(summary(reply) == ["id": nil, "code": -32700])
    }

    @Test func invalidRequestObject() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#)
        #expect(summary(reply) == ["id": nil, "code": -32600])
    }

    @Test func batchWithInvalidJSON() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(
            #"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},{"jsonrpc": "2.0", "method"]"#
        )
        #expect(summary(reply) == ["id": nil, "code": -32700])
    }

    @Test func emptyBatch() throws {
        let harness = try initializedHarness()
        let reply = try harness.call("[]")
        #expect(reply.arrayValue == nil)
        #expect(summary(reply) == ["id": nil, "code": -32600])
    }

    @Test func invalidBatchOfOne() throws {
        let harness = try initializedHarness()
        let reply = try harness.call("[1]")
        #expect(summaries(reply) == [["id": nil, "code": -32600]])
    }

    @Test func invalidBatchOfThree() throws {
        let harness = try initializedHarness()
        let reply = try harness.call("[1,2,3]")
        #expect(summaries(reply) == [["id": nil, "code": -32600], ["id": nil, "code": -32600], ["id": nil, "code": -32600]])
    }

    @Test func mixedBatch() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(
            """
            [
                {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
                {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
                {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
                {"foo": "boo"},
                {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
                {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
            ]
            """
        )
        #expect(
            summaries(reply) == [
                ["id": "1", "result": 7],
                ["id": "2", "result": 19],
                ["id": nil, "code": -32600],
                ["id": "5", "code": -32601],
                ["id": "9", "result": ["hello", 5]],
            ]
        )
        #expect(harness.handler.receivedNotifications == ["notify_hello"])
    }

    @Test func allNotificationBatchGetsNoReply() throws {
        let harness = try initializedHarness()
        try harness.send(
            #"[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},{"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]"#
        )
        let reply = try harness.call(#"{"jsonrpc": "2.0", "method": "get_data", "id": "after"}"#)
        #expect(reply["id"] == "after")
        #expect(harness.handler.receivedNotifications == ["notify_sum", "notify_hello"])
    }

    @Test func batchCancellationTakesEffect() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(
            #"[{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]},{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}]"#
        )
        #expect(summaries(reply) == [["id": 1, "code": -32800]])
    }

    @Test func batchDuplicateIdRejected() throws {
        let harness = try initializedHarness()
        let reply = try harness.call(
            #"[{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]},{"jsonrpc":"2.0","id":1,"method":"echo","params":[2]}]"#
        )
        #expect(summaries(reply) == [["id": 1, "result": [1]], ["id": 1, "code": -32600]])
    }
}
