import JSONRPC
import JSONSchema
import Testing

/// A schema, an instance it accepts and one it rejects, with where and why the rejection happens.
struct KeywordCase: CustomTestStringConvertible, Sendable {
    var keyword: String
    var schema: String
    var valid: String
    var invalid: String
    /// The instance path the violation must name.
    var path: String = "$"
    /// The keyword the violation names, when it is one inside the keyword under test.
    var innerKeyword: String? = nil
    /// A part of the schema location the violation names; the default is the keyword under test.
    var location: String? = nil

    var testDescription: String { keyword }
}

/// Parses JSON text written in a test, failing the test when it is not JSON.
func json(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: Array(text.utf8))
}

/// Creates a set with one document, `test.json`, whose root is the schema.
func schemaSet(_ schema: String, others: [String: String] = [:]) throws -> SchemaSet {
    var documents = ["test.json": try json(schema)]
    for (name, text) in others {
        documents[name] = try json(text)
    }
    return try SchemaSet(documents: documents)
}

let keywordCases: [KeywordCase] = [
    KeywordCase(keyword: "type", schema: #"{"type": "string"}"#, valid: #""a""#, invalid: "1"),
    KeywordCase(keyword: "type", schema: #"{"type": "integer"}"#, valid: "2.0", invalid: "2.5"),
    KeywordCase(keyword: "type", schema: #"{"type": ["null", "boolean"]}"#, valid: "null", invalid: "[]"),
    KeywordCase(keyword: "enum", schema: #"{"enum": ["open", "closed"]}"#, valid: #""open""#, invalid: #""Open""#),
    KeywordCase(keyword: "enum", schema: #"{"enum": [1, {"a": [2]}]}"#, valid: #"{"a": [2.0]}"#, invalid: #"{"a": [3]}"#),
    KeywordCase(keyword: "const", schema: #"{"const": "2.0"}"#, valid: #""2.0""#, invalid: "2.0"),
    KeywordCase(keyword: "minimum", schema: #"{"minimum": 1}"#, valid: "1", invalid: "0.99"),
    KeywordCase(keyword: "maximum", schema: #"{"maximum": 9223372036854775807}"#, valid: "9223372036854775807", invalid: "9223372036854775808"),
    KeywordCase(keyword: "maximum", schema: #"{"maximum": -5}"#, valid: "-5e0", invalid: "-4.9"),
    KeywordCase(keyword: "minLength", schema: #"{"minLength": 2}"#, valid: #""陽陽""#, invalid: #""陽""#),
    KeywordCase(keyword: "maxLength", schema: #"{"maxLength": 2}"#, valid: #""üü""#, invalid: #""üüü""#),
    KeywordCase(keyword: "pattern", schema: #"{"pattern": "\\S"}"#, valid: #"" x ""#, invalid: #""  ""#),
    KeywordCase(keyword: "format", schema: #"{"format": "date"}"#, valid: #""2024-02-29""#, invalid: #""2023-02-29""#),
    KeywordCase(keyword: "format", schema: #"{"format": "date-time"}"#, valid: #""2026-11-26T07:14:12.5+01:00""#, invalid: #""2026-11-26 07:14:12Z""#),
    KeywordCase(keyword: "format", schema: #"{"format": "date-time"}"#, valid: #""2026-12-04T09:12:41Z""#, invalid: #""2026-12-04T24:00:00Z""#),
    KeywordCase(keyword: "items", schema: #"{"items": {"type": "integer"}}"#, valid: "[1, 2]", invalid: #"[1, "2"]"#, path: "$[1]", innerKeyword: "type"),
    KeywordCase(keyword: "prefixItems", schema: #"{"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}"#, valid: #"["a", 1]"#, invalid: #"[1, 1]"#, path: "$[0]", innerKeyword: "type"),
    KeywordCase(keyword: "minItems", schema: #"{"minItems": 1}"#, valid: "[0]", invalid: "[]"),
    KeywordCase(keyword: "maxItems", schema: #"{"maxItems": 1}"#, valid: "[0]", invalid: "[0, 1]"),
    KeywordCase(keyword: "uniqueItems", schema: #"{"uniqueItems": true}"#, valid: "[1, 2]", invalid: "[1, 1.0]"),
    KeywordCase(keyword: "properties", schema: #"{"properties": {"id": {"type": "integer"}}}"#, valid: #"{"id": 1}"#, invalid: #"{"id": "1"}"#, path: "$.id", innerKeyword: "type"),
    KeywordCase(keyword: "required", schema: #"{"required": ["id"]}"#, valid: #"{"id": null}"#, invalid: #"{"ID": 1}"#),
    KeywordCase(keyword: "additionalProperties", schema: #"{"properties": {"id": {}}, "additionalProperties": false}"#, valid: #"{"id": 1}"#, invalid: #"{"id": 1, "name": "x"}"#),
    KeywordCase(keyword: "allOf", schema: #"{"allOf": [{"minimum": 1}, {"maximum": 2}]}"#, valid: "2", invalid: "3", innerKeyword: "maximum"),
    KeywordCase(keyword: "anyOf", schema: #"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, valid: "null", invalid: "false"),
    KeywordCase(keyword: "oneOf", schema: #"{"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"#, valid: #"{"a": 1}"#, invalid: #"{"a": 1, "b": 2}"#),
    KeywordCase(keyword: "not", schema: #"{"not": {"required": ["id"]}}"#, valid: "{}", invalid: #"{"id": 1}"#),
    KeywordCase(keyword: "$ref", schema: ##"{"$ref": "#/$defs/positive", "$defs": {"positive": {"minimum": 1}}}"##, valid: "1", invalid: "0", innerKeyword: "minimum",
        location: "#/$defs/positive/minimum"),
    KeywordCase(keyword: "false", schema: #"{"properties": {"gone": false}}"#, valid: "{}", invalid: #"{"gone": 1}"#, path: "$.gone",
        location: "#/properties/gone"),
]

@Test("keyword accepts and rejects", arguments: keywordCases)
func keywordAcceptsAndRejects(_ example: KeywordCase) throws {
    let schemas = try schemaSet(example.schema)

    let accepted = try schemas.validate(try json(example.valid), against: "test.json")
    #expect(accepted.isEmpty, "\(example.valid) should be valid: \(accepted)")

    let rejected = try schemas.validate(try json(example.invalid), against: "test.json")
    let violation = try #require(rejected.first, "\(example.invalid) should be invalid")
    #expect(rejected.count == 1, "\(rejected)")
    #expect(violation.keyword == example.innerKeyword ?? example.keyword)
    #expect(violation.schemaLocation.contains(example.location ?? "/\(example.keyword)"), "\(violation)")
    #expect(violation.instancePath == example.path)
}

@Test func refToSiblingDocument() throws {
    let schemas = try schemaSet(
        #"{"properties": {"person": {"$ref": "types.json#/$defs/Person"}}}"#,
        others: ["types.json": #"{"$defs": {"Person": {"required": ["id"]}}}"#])

    let violations = try schemas.validate(try json(#"{"person": {}}"#), against: "test.json")

    let violation = try #require(violations.first)
    #expect(violation.keyword == "required")
    #expect(violation.instancePath == "$.person")
    #expect(violation.schemaLocation == "types.json#/$defs/Person/required")
}

@Test func violationNamesNestedPath() throws {
    let schemas = try schemaSet(
        #"{"properties": {"targets": {"items": {"properties": {"personId": {"type": "integer"}}}}}}"#)

    let violations = try schemas.validate(try json(#"{"targets": [{"personId": 1}, {"personId": "1"}]}"#), against: "test.json")

    #expect(violations.map(\.instancePath) == ["$.targets[1].personId"])
    #expect(violations.map(\.schemaLocation) == ["test.json#/properties/targets/items/properties/personId/type"])
}

@Test func oneOfFailureListsReasons() throws {
    let schemas = try schemaSet(#"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"#)

    let violations = try schemas.validate(.bool(true), against: "test.json")

    let violation = try #require(violations.first)
    #expect(violation.reasons.map(\.keyword) == ["type", "type"])
}

@Test("unsupported keyword rejected", arguments: ["if", "patternProperties", "$id", "exclusiveMinimum", "minimun"])
func unsupportedKeywordRejected(_ keyword: String) throws {
    #expect(throws: SchemaError.unsupportedKeyword(keyword, at: "test.json#/properties/a")) {
        try schemaSet(#"{"properties": {"a": {"\#(keyword)": 1}}}"#)
    }
}

@Test("malformed keyword value rejected", arguments: [
    #"{"type": "int"}"#, #"{"required": "id"}"#, #"{"minLength": -1}"#, #"{"pattern": "("}"#,
    #"{"format": "email"}"#, #"{"anyOf": []}"#, #"{"$schema": "http://json-schema.org/draft-07/schema#"}"#,
])
func malformedKeywordValueRejected(_ schema: String) throws {
    #expect(throws: SchemaError.self) {
        try schemaSet(schema)
    }
}

@Test("unresolved reference rejected", arguments: ["#/$defs/missing", "other.json", "#/$defs", "https://example.com/a.json"])
func unresolvedReferenceRejected(_ reference: String) throws {
    #expect(throws: SchemaError.unresolvedReference(reference, at: "test.json#")) {
        try schemaSet(#"{"$ref": "\#(reference)", "$defs": {"a": {}}}"#)
    }
}

@Test func selfReferenceStopsWithError() throws {
    let schemas = try schemaSet(##"{"$ref": "#"}"##)

    #expect(throws: SchemaError.self) {
        try schemas.validate(.null, against: "test.json")
    }
}

@Test func unknownValidationTargetRejected() throws {
    let schemas = try schemaSet("{}")

    #expect(throws: SchemaError.self) {
        try schemas.validate(.null, against: "test.json#/$defs/missing")
    }
}
