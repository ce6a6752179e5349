import Foundation
import JSONRPC

/// Walks schemas before any validation and rejects what the validator would not evaluate faithfully.
struct SchemaChecker {
    /// Every place that holds a schema, so that a `$ref` can be required to land on one.
    private(set) var schemaLocations: Set<SchemaLocation> = []
    /// Each `$ref` value with the location of the schema that contains it.
    private(set) var references: [(String, SchemaLocation)] = []

    private static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]

    mutating func check(_ schema: JSONValue, at location: SchemaLocation) throws(SchemaError) {
        schemaLocations.insert(location)
        switch schema {
        case .bool:
            return
        case .object(let keywords):
            for (keyword, value) in keywords {
                try check(keyword: keyword, value: value, at: location)
            }
        default:
            throw .invalidKeywordValue("(schema)", at: location.description, expected: "an object or a boolean")
        }
    }

    private mutating func check(keyword: String, value: JSONValue, at schemaLocation: SchemaLocation) throws(SchemaError) {
        let location = schemaLocation.appending(keyword)
        func invalid(_ expected: String) -> SchemaError {
            .invalidKeywordValue(keyword, at: location.description, expected: expected)
        }

        switch keyword {
        case "type":
            let names = value.arrayValue ?? [value]
            let strings = names.compactMap(\.stringValue)
            guard !names.isEmpty, strings.count == names.count, Set(strings).count == strings.count,
                Set(strings).isSubset(of: Self.typeNames)
            else {
                throw invalid("a type name or an array of distinct type names out of \(Self.typeNames.sorted())")
            }
        case "enum":
            guard let values = value.arrayValue, !values.isEmpty else {
                throw invalid("a non-empty array")
            }
        case "const":
            return
        case "minimum", "maximum":
            guard ExactNumber(value) != nil else {
                throw invalid("a number")
            }
        case "minLength", "maxLength", "minItems", "maxItems":
            guard let count = value.intValue, count >= 0 else {
                throw invalid("a non-negative integer")
            }
        case "pattern":
            guard let pattern = value.stringValue, (try? NSRegularExpression(pattern: pattern)) != nil else {
                throw invalid("a regular expression")
            }
        case "format":
            guard let name = value.stringValue, StringFormat(rawValue: name) != nil else {
                throw invalid("one of the checked formats \(StringFormat.allCases.map(\.rawValue))")
            }
        case "uniqueItems":
            guard value.boolValue != nil else {
                throw invalid("a boolean")
            }
        case "required":
            guard let names = value.arrayValue, names.allSatisfy({ $0.stringValue != nil }) else {
                throw invalid("an array of member names")
            }
        case "items", "additionalProperties", "not":
            try check(value, at: location)
        case "prefixItems", "allOf", "anyOf", "oneOf":
            guard let schemas = value.arrayValue, !schemas.isEmpty else {
                throw invalid("a non-empty array of schemas")
            }
            for (index, schema) in schemas.enumerated() {
                try check(schema, at: location.appending(index))
            }
        case "properties", "$defs":
            guard let members = value.objectValue else {
                throw invalid("an object whose members are schemas")
            }
            for (name, schema) in members {
                try check(schema, at: location.appending(name))
            }
        case "$ref":
            guard let reference = value.stringValue else {
                throw invalid("a string such as #/$defs/NAME")
            }
            references.append((reference, schemaLocation))
        case "$schema":
            guard value.stringValue == SchemaSet.dialect else {
                throw invalid("\"\(SchemaSet.dialect)\"")
            }
        case "$comment", "title", "description":
            guard value.stringValue != nil else {
                throw invalid("a string")
            }
        default:
            throw .unsupportedKeyword(keyword, at: schemaLocation.description)
        }
    }
}
