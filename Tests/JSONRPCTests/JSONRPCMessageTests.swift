import Testing

@testable import JSONRPC

private func read(_ text: String) throws -> JSONRPCPayload {
    JSONRPCPayload(try JSONValue(parsing: Array(text.utf8)))
}

private func single(_ text: String) throws -> Result<JSONRPCMessage, InvalidMessage> {
    guard case .single(let message) = try read(text) else {
        Issue.record("expected a single message in \(text)")
        return .failure(InvalidMessage(id: nil, error: .parseError))
    }
    return message
}

private func invalid(_ id: RequestID?, _ why: String) -> Result<JSONRPCMessage, InvalidMessage> {
    .failure(InvalidMessage(id: id, error: .invalidRequest(why)))
}

@Suite struct JSONRPCMessageTests {
    @Test func requestKeepsIdLiteral() throws {
        #expect(try single(#"{"jsonrpc":"2.0","id":7,"method":"m"}"#) == .success(.request(id: .number("7"), method: "m", params: nil)))
        #expect(try single(#"{"jsonrpc":"2.0","id":"7","method":"m"}"#) == .success(.request(id: .string("7"), method: "m", params: nil)))
        #expect(try single(#"{"jsonrpc":"2.0","id":1.50,"method":"m"}"#) == .success(.request(id: .number("1.50"), method: "m", params: nil)))
        #expect(try single(#"{"jsonrpc":"2.0","id":null,"method":"m"}"#) == .success(.request(id: nil, method: "m", params: nil)))
    }

    @Test func notificationHasNoId() throws {
        #expect(try single(#"{"jsonrpc":"2.0","method":"n","params":[1]}"#) == .success(.notification(method: "n", params: [1])))
    }

    @Test func paramsLeniencies() throws {
        #expect(try single(#"{"jsonrpc":"2.0","id":1,"method":"m","params":[]}"#) == .success(.request(id: RequestID(1), method: "m", params: nil)))
        #expect(try single(#"{"jsonrpc":"2.0","id":1,"method":"m","params":null}"#) == .success(.request(id: RequestID(1), method: "m", params: nil)))
        #expect(try single(#"{"jsonrpc":"2.0","id":1,"method":"m","params":{}}"#) == .success(.request(id: RequestID(1), method: "m", params: .object([:]))))
    }

    @Test func invalidRequests() throws {
        #expect(try single(#"{"jsonrpc":"2.0","id":true,"method":"m"}"#) == invalid(nil, "\"id\" must be a number, a string or null, found a boolean"))
        #expect(try single(#"{"jsonrpc":"2.0","id":{},"method":"m"}"#) == invalid(nil, "\"id\" must be a number, a string or null, found an object"))
        #expect(try single(#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#) == invalid(nil, "\"id\" must be a number, a string or null, found an array"))
        #expect(try single(#"{"jsonrpc":"1.0","id":3,"method":"m"}"#) == invalid(.number("3"), "\"jsonrpc\" must be the string \"2.0\""))
        #expect(try single(#"{"jsonrpc":2.0,"id":3,"method":"m"}"#) == invalid(.number("3"), "\"jsonrpc\" must be the string \"2.0\""))
        #expect(try single(#"{"id":3,"method":"m"}"#) == invalid(.number("3"), "\"jsonrpc\" must be the string \"2.0\""))
        #expect(try single(#"{"jsonrpc":"2.0","id":3,"method":1}"#) == invalid(.number("3"), "\"method\" must be a string, found a number"))
        #expect(try single(#"{"jsonrpc":"2.0","method":"m","params":"bar"}"#) == invalid(nil, "\"params\" must be an object or an array, found a string"))
        #expect(try single(#"{"jsonrpc":"2.0"}"#) == invalid(nil, "a message needs \"method\", or \"id\" with \"result\" or \"error\""))
        #expect(try single("1") == invalid(nil, "expected a request object, found a number"))
        #expect(try single("[]") == invalid(nil, "the batch is an empty array"))
    }

    @Test func responsesAreRead() throws {
        #expect(try single(#"{"jsonrpc":"2.0","id":"a","result":null}"#) == .success(.response(id: .string("a"), result: .success(.null))))
        let error = ResponseError(code: -32001, message: "busy", data: ["retry": true])
        #expect(
            try single(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"busy","data":{"retry":true}}}"#)
                == .success(.response(id: nil, result: .failure(error)))
        )
        #expect(try single(#"{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}}"#) == invalid(RequestID(1), "\"error\" must be an object with an integer \"code\" and a string \"message\""))
        #expect(try single(#"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#) == invalid(RequestID(1), "a response has either \"result\" or \"error\", not both"))
    }

    @Test func batchKeepsOrder() throws {
        let payload = try read(#"[{"jsonrpc":"2.0","id":1,"method":"a"},1,{"jsonrpc":"2.0","method":"b"}]"#)
        #expect(
            payload
                == .batch([
                    .success(.request(id: RequestID(1), method: "a", params: nil)),
                    invalid(nil, "expected a request object, found a number"),
                    .success(.notification(method: "b", params: nil)),
                ])
        )
    }

    @Test func messagesWriteInFixedOrder() throws {
        let request = JSONRPCMessage.request(id: .string("x"), method: "m", params: ["a": 1])
        #expect(try request.jsonValue.serializedText() == #"{"jsonrpc":"2.0","id":"x","method":"m","params":{"a":1}}"#)
        let notification = JSONRPCMessage.notification(method: "n", params: nil)
        #expect(try notification.jsonValue.serializedText() == #"{"jsonrpc":"2.0","method":"n"}"#)
        let failure = JSONRPCMessage.response(id: nil, result: .failure(.methodNotFound("x")))
        #expect(try failure.jsonValue.serializedText() == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32601,"message":"Method not found: x"}}"#)
        let success = JSONRPCMessage.response(id: .number("1.50"), result: .success([]))
        #expect(try success.jsonValue.serializedText() == #"{"jsonrpc":"2.0","id":1.50,"result":[]}"#)
    }

    @Test func messagesRoundTrip() throws {
        let messages: [JSONRPCMessage] = [
            .request(id: RequestID(3), method: "hrbox/lookup", params: ["message": ["path": "/tmp/m.eml"]]),
            .request(id: nil, method: "m", params: [1, "two"]),
            .notification(method: "initialized", params: .object([:])),
            .response(id: .string("7"), result: .success(["ok": true])),
            .response(id: RequestID(8), result: .failure(ResponseError(code: -32010, message: "No person", data: ["personId": 4]))),
        ]
        for message in messages {
            #expect(JSONRPCMessage.read(message.jsonValue) == .success(message))
        }
    }

    @Test func requestIDDescription() {
        #expect(RequestID.number("7").description == "7")
        #expect(RequestID.string("7").description == "\"7\"")
        #expect(RequestID(JSONValue.bool(true)) == nil)
        #expect(RequestID(JSONValue.null) == nil)
    }
}
