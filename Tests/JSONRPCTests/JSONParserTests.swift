import Foundation
import Testing

@testable import JSONRPC

private func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try JSONValue(parsing: Array(text.utf8))
}

private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONValue(parsing: bytes)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("1.50", .number("1.50")),
        ("-12.5e+3", .number("-12.5e+3")),
        ("6.02E23", .number("6.02E23")),
        ("1e-05", .number("1e-05")),
        ("\"\"", .string("")),
        ("\"a\\\"b\\\\c\\/d\"", .string("a\"b\\c/d")),
        ("\"\\b\\f\\n\\r\\t\"", .string("\u{8}\u{C}\n\r\t")),
        ("\"\\u00e9\\u20AC\"", .string("é€")),
        ("\"\\ud83d\\ude00\"", .string("😀")),
        ("\"\\u0000\"", .string("\u{0}")),
        ("\"Grüße 😀\"", .string("Grüße 😀")),
        ("[]", .array([])),
        ("[1,[2,[]],{}]", .array([.number("1"), .array([.number("2"), .array([])]), .object([:])])),
        ("{}", .object([:])),
        ("\t\r\n{ \"a\" : 1 , \"b\" : [ null ] }\n", .object(["a": .number("1"), "b": .array([.null])])),
    ])
    func parserAccepts(text: String, expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test(arguments: [
        ("", JSONParseError(.unexpectedEnd(expected: "a value"), at: 0)),
        ("   ", JSONParseError(.unexpectedEnd(expected: "a value"), at: 3)),
        ("[1,]", JSONParseError(.trailingComma, at: 3)),
        ("{\"a\":1,}", JSONParseError(.trailingComma, at: 7)),
        ("[,1]", JSONParseError(.unexpectedByte(UInt8(ascii: ","), expected: "a value"), at: 1)),
        ("01", JSONParseError(.leadingZero, at: 0)),
        ("-012", JSONParseError(.leadingZero, at: 0)),
        ("1.", JSONParseError(.missingDigit(after: "the decimal point"), at: 2)),
        ("-", JSONParseError(.missingDigit(after: "'-'"), at: 1)),
        ("2e+", JSONParseError(.missingDigit(after: "the exponent marker"), at: 3)),
        (".5", JSONParseError(.unexpectedByte(UInt8(ascii: "."), expected: "a value"), at: 0)),
        ("+1", JSONParseError(.unexpectedByte(UInt8(ascii: "+"), expected: "a value"), at: 0)),
        ("\"a\nb\"", JSONParseError(.controlCharacterInString(0x0A), at: 2)),
        ("\"\\x\"", JSONParseError(.invalidEscape(UInt8(ascii: "x")), at: 1)),
        ("\"\\u12\"", JSONParseError(.invalidUnicodeEscape, at: 1)),
        ("\"\\ud800\"", JSONParseError(.loneSurrogate(0xD800), at: 1)),
        ("\"\\udc00\"", JSONParseError(.loneSurrogate(0xDC00), at: 1)),
        ("\"\\ud800\\u0041\"", JSONParseError(.loneSurrogate(0xD800), at: 1)),
        ("\"abc", JSONParseError(.unexpectedEnd(expected: "'\"' to close the string"), at: 4)),
        ("1 2", JSONParseError(.trailingData, at: 2)),
        ("{} x", JSONParseError(.trailingData, at: 3)),
        ("tru", JSONParseError(.unexpectedEnd(expected: "'true'"), at: 3)),
        ("nul1", JSONParseError(.unexpectedByte(UInt8(ascii: "1"), expected: "'null'"), at: 3)),
        ("NaN", JSONParseError(.unexpectedByte(UInt8(ascii: "N"), expected: "a value"), at: 0)),
        ("{\"a\" 1}", JSONParseError(.unexpectedByte(UInt8(ascii: "1"), expected: "':' after a member name"), at: 5)),
        ("{a:1}", JSONParseError(.unexpectedByte(UInt8(ascii: "a"), expected: "a member name in double quotes"), at: 1)),
        ("{\"a\":1 \"b\":2}", JSONParseError(.unexpectedByte(UInt8(ascii: "\""), expected: "',' or '}' after an object member"), at: 7)),
        ("[1 2]", JSONParseError(.unexpectedByte(UInt8(ascii: "2"), expected: "',' or ']' after an array element"), at: 3)),
        ("[1", JSONParseError(.unexpectedEnd(expected: "',' or ']' after an array element"), at: 2)),
        ("{\"a\":1,\"a\":2}", JSONParseError(.duplicateMemberName("a"), at: 7)),
        ("\u{FEFF}{}", JSONParseError(.byteOrderMark, at: 0)),
        ("'a'", JSONParseError(.unexpectedByte(UInt8(ascii: "'"), expected: "a value"), at: 0)),
    ])
    func parserRejects(text: String, expected: JSONParseError) {
        #expect(parseError(Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        [0x22, 0xC3, 0x28, 0x22],  // a lead byte followed by ASCII
        [0x22, 0xC0, 0xAF, 0x22],  // an overlong '/'
        [0x22, 0xE0, 0x80, 0xAF, 0x22],  // an overlong three-byte form
        [0x22, 0xED, 0xA0, 0x80, 0x22],  // a surrogate encoded in UTF-8
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
        [0x22, 0xFF, 0x22],  // never valid in UTF-8
        [0x22, 0x80, 0x22],  // a lone continuation byte
        [0x22, 0xE2, 0x82],  // cut off by the end of input
    ] as [[UInt8]])
    func parserRejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(parseError(bytes) == JSONParseError(.invalidUTF8, at: 1))
    }

    @Test func parserRejectsNonASCIIOutsideStrings() {
        #expect(parseError([0xC3, 0xA9]) == JSONParseError(.unexpectedByte(0xC3, expected: "a value"), at: 0))
    }

    @Test func nestingLimitAllowsExactDepth() throws {
        let depth = JSONValue.defaultMaxNestingDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parse(text)
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            value = elements.first ?? .null
        }
        #expect(levels == depth)
    }

    @Test func nestingLimitRejectsOneMore() {
        let depth = JSONValue.defaultMaxNestingDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let limit = JSONValue.defaultMaxNestingDepth
        #expect(parseError(Array(text.utf8)) == JSONParseError(.nestingTooDeep(limit: limit), at: limit))
    }

    @Test func nestingLimitSurvivesHugeDepth() {
        let text = String(repeating: "{\"a\":[", count: 200_000)
        #expect(parseError(Array(text.utf8))?.reason == .nestingTooDeep(limit: JSONValue.defaultMaxNestingDepth))
    }

    @Test func customNestingLimit() throws {
        #expect(throws: JSONParseError(.nestingTooDeep(limit: 2), at: 2)) {
            try JSONValue(parsing: Array("[[[]]]".utf8), maxNestingDepth: 2)
        }
        #expect(try JSONValue(parsing: Array("[[]]".utf8), maxNestingDepth: 2) == .array([.array([])]))
    }

    @Test func parserKeepsMemberOrder() throws {
        let value = try parse("{\"zeta\":1,\"alpha\":2,\"mid\":3}")
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test func parserHandlesLargeObjects() throws {
        let members = (0..<1000).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let value = try parse("{\(members)}")
        #expect(value.objectValue?.count == 1000)
        #expect(value["key999"] == .number("999"))
        #expect(value.objectValue?.keys.first == "key0")
        #expect(parseError(Array("{\(members),\"key500\":0}".utf8))?.reason == .duplicateMemberName("key500"))
    }

    @Test func parserAcceptsNonArrayCollections() throws {
        let bytes = "[1,\"x\"]".utf8
        #expect(try JSONValue(parsing: bytes) == .array([.number("1"), .string("x")]))
        let slice = Array("xx[true]yy".utf8)[2..<8]
        #expect(try JSONValue(parsing: slice) == .array([.bool(true)]))
        #expect(try JSONValue(parsing: Data("{\"a\":null}".utf8)) == ["a": nil])
    }

    @Test func parseErrorDescription() {
        let error = parseError(Array("[1,]".utf8))
        #expect(error?.description == "invalid JSON at byte 3: trailing comma before the closing bracket")
        let control = parseError([0x22, 0x01, 0x22])
        #expect(control?.description == "invalid JSON at byte 1: control character 0x01 in a string; escape it as \\u0001")
    }
}
