import Testing

@testable import JSONRPC

@Suite struct JSONWriterTests {
    private func text(_ value: JSONValue) throws -> String {
        try value.serializedText()
    }

    @Test func writerIsCompact() throws {
        let value: JSONValue = ["a": [1, true, nil], "b": ["c": "d"]]
        #expect(try text(value) == "{\"a\":[1,true,null],\"b\":{\"c\":\"d\"}}")
    }

    @Test func writerEscapesOnlyWhatItMust() throws {
        let value = JSONValue.string("q\"b\\s/é😀\u{1}\n\u{7F}\u{2028}")
        #expect(try text(value) == "\"q\\\"b\\\\s/é😀\\u0001\\u000a\u{7F}\u{2028}\"")
    }

    @Test func writerNeverWritesByteOrderMark() throws {
        let bytes = try JSONValue.string("x").serialized()
        #expect(bytes.first == UInt8(ascii: "\""))
    }

    @Test func writerKeepsNumberLiterals() throws {
        for literal in ["7", "1.50", "-0", "1e400", "6.02E+23", "123456789012345678901234567890"] {
            #expect(try text(.number(literal)) == literal)
        }
    }

    @Test func writerRejectsInvalidNumberLiteral() {
        #expect(throws: JSONWriteError.invalidNumberLiteral("01")) { try JSONValue.number("01").serialized() }
        #expect(throws: JSONWriteError.invalidNumberLiteral("NaN")) { try JSONValue.number("NaN").serialized() }
        #expect(throws: JSONWriteError.invalidNumberLiteral("")) { try JSONValue.number("").serialized() }
    }

    @Test func writerRejectsTooDeepNesting() {
        var value = JSONValue.null
        for _ in 0..<(JSONValue.defaultMaxNestingDepth + 1) {
            value = .array([value])
        }
        #expect(throws: JSONWriteError.nestingTooDeep(limit: JSONValue.defaultMaxNestingDepth)) {
            try value.serialized()
        }
    }

    @Test func roundTripKeepsEveryValue() throws {
        let text = """
            {"id":7,"f":1.50,"e":-2.5E-3,"s":"Grüße\\u0001\\"/","n":null,"t":true,"a":[[],{},[{"x":[0]}]],"z":"😀"}
            """
        let value = try JSONValue(parsing: Array(text.utf8))
        let written = try value.serialized()
        #expect(try JSONValue(parsing: written) == value)
        #expect(String(decoding: written, as: UTF8.self) == text)
    }

    @Test func serializeAppendsToExistingBytes() throws {
        var output = Array("prefix:".utf8)
        try JSONValue.array([1, 2]).serialize(appendingTo: &output)
        #expect(String(decoding: output, as: UTF8.self) == "prefix:[1,2]")
    }

    @Test func numberInitializers() {
        #expect(JSONValue(numberLiteral: "1.50") == .number("1.50"))
        #expect(JSONValue(numberLiteral: "1.") == nil)
        #expect(JSONValue(numberLiteral: " 1") == nil)
        #expect(JSONValue(Int64.min) == .number("-9223372036854775808"))
        #expect(JSONValue(0.1) == .number("0.1"))
        #expect(JSONValue(Double.nan) == nil)
        #expect(JSONValue(-Double.infinity) == nil)
    }

    @Test func accessors() {
        let value: JSONValue = ["n": .number("42"), "f": .number("4.2"), "e": .number("1e2"), "s": "x", "a": [true]]
        #expect(value["n"]?.int64Value == 42)
        #expect(value["n"]?.intValue == 42)
        #expect(value["f"]?.int64Value == nil)
        #expect(value["e"]?.int64Value == nil)
        #expect(value["f"]?.doubleValue == 4.2)
        #expect(JSONValue.number("99999999999999999999").int64Value == nil)
        #expect(JSONValue.number("1e400").doubleValue == nil)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["a"]?[0]?.boolValue == true)
        #expect(value["a"]?[1] == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.null.isNull)
    }

    @Test func objectEqualityIgnoresOrder() {
        let first = JSONObject([(key: "a", value: 1), (key: "b", value: 2)])
        let second = JSONObject([(key: "b", value: 2), (key: "a", value: 1)])
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != JSONObject([(key: "a", value: 1), (key: "b", value: 3)]))
        #expect(JSONValue.number("1") != JSONValue.number("1.0"))
    }

    @Test func objectMutationKeepsOrder() {
        var object = JSONObject()
        for index in 0..<20 {
            object["k\(index)"] = JSONValue(index)
        }
        object["k3"] = "replaced"
        object["k5"] = nil
        #expect(object.count == 19)
        #expect(object.keys.prefix(5) == ["k0", "k1", "k2", "k3", "k4"])
        #expect(object["k3"] == "replaced")
        #expect(object["k5"] == nil)
        #expect(object["k19"] == JSONValue(19))
        let appended = object.appendIfAbsent(key: "k1", value: .null)
        #expect(!appended)
        #expect(object["k1"] == JSONValue(1))
    }
}
