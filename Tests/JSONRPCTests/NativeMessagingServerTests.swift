import Foundation
import Testing

@testable import JSONRPC

private func nativeHarness(maxMessageBytes: Int = JSONRPCServer.defaultMaxMessageBytes) throws -> ServerHarness {
    let harness = try ServerHarness(maxMessageBytes: maxMessageBytes, framing: .nativeMessaging)
    try harness.initialize()
    return harness
}

/// Returns the size in bytes of a reply whose result is a string of `count` letters x and whose id is 1.
private func replySize(stringOf count: Int) -> Int {
    #"{"jsonrpc":"2.0","id":1,"result":""}"#.utf8.count + count
}

@Suite struct NativeMessagingServerTests {
    @Test func lifecycleOverNativeFraming() throws {
        let harness = try ServerHarness(framing: .nativeMessaging)
        try harness.initialize()
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":["Grüße"]}"#)["result"] == ["Grüße"])
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)["result"] == .null)
        try harness.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(try harness.waitForExit() == 0)
    }

    @Test func bodyNotJSONGetsParseError() throws {
        let harness = try nativeHarness()
        let reply = try harness.call("{not json")
        #expect(errorCode(reply) == -32700)
        #expect(reply["id"] == .null)
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}"#)["result"] == [1])
    }

    @Test func zeroLengthGetsParseError() throws {
        let harness = try nativeHarness()
        try harness.sendRaw([0, 0, 0, 0])
        #expect(errorCode(try harness.output.nextMessage()) == -32700)
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}"#)["result"] == [1])
    }

    @Test func oversizedMessageSkipped() throws {
        let harness = try nativeHarness(maxMessageBytes: 100)
        let padding = String(repeating: "p", count: 200)
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":["\#(padding)"]}"#)
        #expect(errorCode(reply) == -32600)
        #expect(reply["id"] == .null)
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}"#)["result"] == [2])
    }

    @Test func resultAboveOneMebibyteReplaced() throws {
        let harness = try nativeHarness()
        let limit = NativeMessagingFrameEncoder.maxBodyBytes
        let tooLong = limit - replySize(stringOf: 0) + 1
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"bigString","params":[\#(tooLong)]}"#)
        #expect(reply["id"] == 1)
        #expect(errorCode(reply) == -32009)
        #expect(reply["error"]?["data"] == ["size": JSONValue(limit + 1), "limit": JSONValue(limit)])
        let message = try #require(reply["error"]?["message"]?.stringValue)
        #expect(message.contains("Content-Length"))

        #expect(try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}"#)["result"] == [2])
    }

    @Test func resultAtOneMebibyteWritten() throws {
        let harness = try nativeHarness()
        let fits = NativeMessagingFrameEncoder.maxBodyBytes - replySize(stringOf: 0)
        let reply = try harness.call(#"{"jsonrpc":"2.0","id":1,"method":"bigString","params":[\#(fits)]}"#)
        #expect(reply["result"]?.stringValue?.utf8.count == fits)
    }

    @Test func wholeBatchCountsTowardsLimit() throws {
        let harness = try nativeHarness()
        let half = NativeMessagingFrameEncoder.maxBodyBytes / 2
        let reply = try harness.call(
            #"[{"jsonrpc":"2.0","id":1,"method":"bigString","params":[\#(half)]},"#
                + #"{"jsonrpc":"2.0","id":2,"method":"bigString","params":[\#(half + 10)]},"#
                + #"{"jsonrpc":"2.0","id":3,"method":"echo","params":[3]}]"#)
        let replies = try #require(reply.arrayValue)
        #expect(replies.count == 3)
        #expect(replies[0]["result"]?.stringValue?.utf8.count == half)
        #expect(replies[1]["id"] == 2)
        #expect(errorCode(replies[1]) == -32009)
        #expect(replies[2]["result"] == [3])
    }

    @Test func largeBatchOfErrorsSplit() throws {
        let harness = try nativeHarness()
        let count = 20_000
        try harness.send("[" + Array(repeating: "1", count: count).joined(separator: ",") + "]")

        var answered = 0
        var arrays = 0
        while answered < count {
            let reply = try harness.output.nextMessage()
            let entries = try #require(reply.arrayValue, "expected an array, found \(reply)")
            #expect(try reply.serialized().count <= NativeMessagingFrameEncoder.maxBodyBytes)
            #expect(entries.allSatisfy { errorCode($0) == -32600 })
            answered += entries.count
            arrays += 1
        }

        #expect(answered == count)
        #expect(arrays > 1)
        #expect(try harness.call(#"{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}"#)["result"] == [2])
    }

    @Test func endOfInputInsideFrameLogged() throws {
        let harness = try nativeHarness()
        let header = try #require(NativeMessagingFrameEncoder.header(bodyByteCount: 40))
        try harness.sendRaw(header + Array("{\"jsonrpc\"".utf8))
        #expect(try harness.finishInput() == 1)
        try harness.logText.waitFor("The input ended inside a frame")
    }
}
