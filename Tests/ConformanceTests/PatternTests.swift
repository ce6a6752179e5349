import JSONRPC
import Testing

@testable import HRBoxConformance

@Suite("JSONPattern")
struct PatternTests {
    private func pattern(_ text: String) throws -> JSONPattern {
        try JSONPattern(parsing: try JSONValue(parsing: Array(text.utf8)))
    }

    private func value(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test func numbersCompareLiterals() throws {
        #expect(try pattern("7").matches(value("7")))
        #expect(try !pattern("7").matches(value("7.0")))
        #expect(try !pattern("7").matches(value(#""7""#)))
        #expect(try pattern("1.50").matches(value("1.50")))
        #expect(try !pattern("1.50").matches(value("1.5")))
    }

    @Test func objectsNeedTheSameMembers() throws {
        let exact = try pattern(#"{"a": 1, "b": null}"#)
        #expect(try exact.matches(value(#"{"b": null, "a": 1}"#)))
        #expect(try !exact.matches(value(#"{"a": 1}"#)))
        #expect(try !exact.matches(value(#"{"a": 1, "b": null, "c": 2}"#)))
    }

    @Test func partialAllowsOtherMembers() throws {
        let partial = try pattern(#"{"$partial": {"a": 1}}"#)
        #expect(try partial.matches(value(#"{"a": 1, "c": 2}"#)))
        #expect(try !partial.matches(value(#"{"c": 2}"#)))
        #expect(try !partial.matches(value("[1]")))
    }

    @Test func arraysMatchInOrder() throws {
        let array = try pattern("[1, 2]")
        #expect(try array.matches(value("[1, 2]")))
        #expect(try !array.matches(value("[2, 1]")))
        #expect(try !array.matches(value("[1, 2, 3]")))
    }

    @Test(arguments: [
        ("string", #""x""#, true), ("string", "1", false),
        ("integer", "3", true), ("integer", "3.5", false), ("integer", #""3""#, false),
        ("number", "3.5", true), ("null", "null", true), ("null", "0", false),
        ("boolean", "false", true), ("array", "[]", true), ("object", "{}", true), ("any", "null", true),
    ])
    func typeMatcher(kind: String, text: String, matches: Bool) throws {
        #expect(try pattern(#"{"$type": "\#(kind)"}"#).matches(value(text)) == matches)
    }

    @Test func oneOfAndContains() throws {
        let oneOf = try pattern(#"{"$oneOf": [1, "one"]}"#)
        #expect(try oneOf.matches(value(#""one""#)))
        #expect(try !oneOf.matches(value("2")))

        let contains = try pattern(#"{"$contains": "personId"}"#)
        #expect(try contains.matches(value(#""Invalid params: personId: missing""#)))
        #expect(try !contains.matches(value(#""Invalid params: personid""#)))
        #expect(try !contains.matches(value("1")))
    }

    @Test func literalMatchesDollarObjects() throws {
        let literal = try pattern(#"{"$literal": {"$type": "string"}}"#)
        #expect(try literal.matches(value(#"{"$type": "string"}"#)))
        #expect(try !literal.matches(value(#""text""#)))
    }

    @Test func mismatchNamesThePath() throws {
        let mismatch = try pattern(#"{"error": {"code": -32600, "data": [1, 2]}}"#)
            .mismatch(in: value(#"{"error": {"code": -32600, "data": [1, 3]}}"#))
        #expect(mismatch?.path == "error.data[1]")
        #expect(mismatch?.expected == "2")
        #expect(mismatch?.found == "3")
    }

    @Test(arguments: [#"{"$typo": 1}"#, #"{"$type": "text"}"#, #"{"$oneOf": []}"#, #"{"$partial": 1}"#, #"[{"$contains": 2}]"#])
    func invalidMatcherIsRejected(text: String) throws {
        #expect(throws: CaseFormatError.self) { try pattern(text) }
    }
}
