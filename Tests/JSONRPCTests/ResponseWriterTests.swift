import Testing

@testable import JSONRPC

/// The direct response writer must give the bytes the general writer gives for the same message.
@Suite struct ResponseWriterTests {
    private func directBytes(_ id: RequestID?, _ result: Result<JSONValue, ResponseError>) throws -> [UInt8] {
        var writer = JSONWriter(output: [])
        try writer.writeResponse(id: id, result: result)
        return writer.output
    }

    private func generalBytes(_ id: RequestID?, _ result: Result<JSONValue, ResponseError>) throws -> [UInt8] {
        try JSONRPCMessage.response(id: id, result: result).jsonValue.serialized()
    }

    @Test(arguments: [RequestID.number("7"), .number("-1.50e3"), .string("a\"b\\c\n"), nil])
    func resultMatchesGeneralWriter(id: RequestID?) throws {
        let result: Result<JSONValue, ResponseError> = .success(["name": "Anna", "list": [1, nil, true]])
        #expect(try directBytes(id, result) == generalBytes(id, result))
    }

    @Test func errorMatchesGeneralWriter() throws {
        let result: Result<JSONValue, ResponseError> = .failure(.methodNotFound("x/\u{1}y"))
        #expect(try directBytes(.number("3"), result) == generalBytes(.number("3"), result))
    }

    @Test func errorDataMatchesGeneralWriter() throws {
        let error = ResponseError(code: -32001, message: "Person not found", data: ["personId": 12])
        #expect(try directBytes(.string("q"), .failure(error)) == generalBytes(.string("q"), .failure(error)))
    }

    @Test func nullResultMatchesGeneralWriter() throws {
        #expect(try directBytes(.number("1"), .success(.null)) == generalBytes(.number("1"), .success(.null)))
    }

    @Test func invalidIDLiteralThrows() {
        #expect(throws: JSONWriteError.invalidNumberLiteral("07")) {
            try directBytes(.number("07"), .success(.null))
        }
    }

    @Test func invalidResultNumberThrows() {
        #expect(throws: JSONWriteError.invalidNumberLiteral("1.")) {
            try directBytes(.number("1"), .success(["n": .number("1.")]))
        }
    }
}
