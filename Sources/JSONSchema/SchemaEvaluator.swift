import Foundation
import JSONRPC

/// Evaluates one instance against schemas that ``SchemaChecker`` accepted.
struct SchemaEvaluator {
    let schemas: SchemaSet

    /// Returns every violation of `schema`, which is at `location`, by the instance at `path`.
    func evaluate(
        _ instance: JSONValue,
        against schema: JSONValue,
        at location: SchemaLocation,
        path: String,
        referenceDepth: Int
    ) throws(SchemaError) -> [SchemaViolation] {
        guard case .object(let keywords) = schema else {
            if schema.boolValue == false {
                return [SchemaViolation(instancePath: path, keyword: "false", schemaLocation: location.description, message: "no value is allowed here")]
            }
            return []
        }

        var violations: [SchemaViolation] = []
        for (keyword, value) in keywords where SchemaSet.assertionKeywords.contains(keyword) {
            let context = KeywordContext(
                keyword: keyword, value: value, schema: keywords, location: location.appending(keyword),
                schemaLocation: location, path: path, referenceDepth: referenceDepth)
            violations += try evaluate(instance, context)
        }
        return violations
    }

    /// One keyword of a schema, with the enclosing schema, the locations and the reference depth that
    /// evaluating it needs.
    private struct KeywordContext {
        var keyword: String
        var value: JSONValue
        /// The schema the keyword belongs to, for keywords that depend on siblings.
        var schema: JSONObject
        var location: SchemaLocation
        var schemaLocation: SchemaLocation
        var path: String
        var referenceDepth: Int

        func violation(_ message: String, reasons: [SchemaViolation] = []) -> SchemaViolation {
            SchemaViolation(
                instancePath: path, keyword: keyword, schemaLocation: location.description, message: message,
                reasons: reasons)
        }
    }

    private func evaluate(_ instance: JSONValue, _ context: KeywordContext) throws(SchemaError) -> [SchemaViolation] {
        switch context.keyword {
        case "$ref":
            return try evaluateReference(instance, context)
        case "type", "enum", "const":
            return evaluateValueKeyword(instance, context)
        case "minimum", "maximum":
            return evaluateBound(instance, context)
        case "minLength", "maxLength", "pattern", "format":
            return evaluateStringKeyword(instance, context)
        case "items", "prefixItems", "minItems", "maxItems", "uniqueItems":
            return try evaluateArrayKeyword(instance, context)
        case "properties", "required", "additionalProperties":
            return try evaluateObjectKeyword(instance, context)
        default:
            return try evaluateCombination(instance, context)
        }
    }

    // MARK: - References

    private func evaluateReference(_ instance: JSONValue, _ context: KeywordContext) throws(SchemaError) -> [SchemaViolation] {
        let reference = context.value.stringValue ?? ""
        guard let target = context.schemaLocation.resolving(reference: reference), let schema = schemas.schema(at: target)
        else {
            throw .unresolvedReference(reference, at: context.schemaLocation.description)
        }
        guard context.referenceDepth < SchemaSet.maxReferenceDepth else {
            throw .referenceTooDeep(reference, at: context.schemaLocation.description)
        }
        return try evaluate(instance, against: schema, at: target, path: context.path, referenceDepth: context.referenceDepth + 1)
    }

    // MARK: - Any instance

    private func evaluateValueKeyword(_ instance: JSONValue, _ context: KeywordContext) -> [SchemaViolation] {
        switch context.keyword {
        case "type":
            let names = (context.value.arrayValue ?? [context.value]).compactMap(\.stringValue)
            if names.contains(where: { Self.instance(instance, hasType: $0) }) {
                return []
            }
            let expected = names.map(Self.article(forType:)).joined(separator: " or ")
            return [context.violation("expected \(expected), found \(Self.kind(of: instance))")]
        case "enum":
            let values = context.value.arrayValue ?? []
            if values.contains(where: { $0.isSchemaEqual(to: instance) }) {
                return []
            }
            let listed = values.map(Self.text(of:)).joined(separator: ", ")
            return [context.violation("expected one of \(listed), found \(Self.text(of: instance))")]
        default:
            if context.value.isSchemaEqual(to: instance) {
                return []
            }
            return [context.violation("expected \(Self.text(of: context.value)), found \(Self.text(of: instance))")]
        }
    }

    // MARK: - Numbers

    private func evaluateBound(_ instance: JSONValue, _ context: KeywordContext) -> [SchemaViolation] {
        guard let number = ExactNumber(instance), let bound = ExactNumber(context.value) else {
            return []
        }
        let boundText = Self.text(of: context.value)
        if context.keyword == "minimum", number < bound {
            return [context.violation("expected at least \(boundText), found \(Self.text(of: instance))")]
        }
        if context.keyword == "maximum", bound < number {
            return [context.violation("expected at most \(boundText), found \(Self.text(of: instance))")]
        }
        return []
    }

    // MARK: - Strings

    private func evaluateStringKeyword(_ instance: JSONValue, _ context: KeywordContext) -> [SchemaViolation] {
        guard let text = instance.stringValue else {
            return []
        }
        // JSON Schema counts string length in Unicode code points.
        let length = text.unicodeScalars.count
        switch context.keyword {
        case "minLength":
            let minimum = context.value.intValue ?? 0
            return length < minimum ? [context.violation("expected at least \(minimum) characters, found \(length)")] : []
        case "maxLength":
            let maximum = context.value.intValue ?? 0
            return length > maximum ? [context.violation("expected at most \(maximum) characters, found \(length)")] : []
        case "pattern":
            return Self.matches(text, pattern: context.value.stringValue ?? "")
                ? [] : [context.violation("expected a match of /\(context.value.stringValue ?? "")/, found \(Self.text(of: instance))")]
        default:
            let name = context.value.stringValue ?? ""
            guard let format = StringFormat(rawValue: name), !format.accepts(text) else {
                return []
            }
            return [context.violation("expected a \(name) as RFC 3339 writes it, found \(Self.text(of: instance))")]
        }
    }

    /// Returns whether the pattern matches anywhere in the text, because JSON Schema patterns are not anchored.
    private static func matches(_ text: String, pattern: String) -> Bool {
        // SchemaSet accepts a schema only after SchemaChecker compiled each of its patterns, so this
        // guard does not fail for a schema from a SchemaSet.
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            return false
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    // MARK: - Arrays

    private func evaluateArrayKeyword(_ instance: JSONValue, _ context: KeywordContext) throws(SchemaError) -> [SchemaViolation] {
        guard let elements = instance.arrayValue else {
            return []
        }
        switch context.keyword {
        case "prefixItems":
            let schemas = context.value.arrayValue ?? []
            var violations: [SchemaViolation] = []
            for (index, element) in elements.prefix(schemas.count).enumerated() {
                violations += try evaluate(
                    element, against: schemas[index], at: context.location.appending(index),
                    path: "\(context.path)[\(index)]", referenceDepth: context.referenceDepth)
            }
            return violations
        case "items":
            let start = context.schema["prefixItems"]?.arrayValue?.count ?? 0
            var violations: [SchemaViolation] = []
            for (index, element) in elements.enumerated().dropFirst(start) {
                violations += try evaluate(
                    element, against: context.value, at: context.location, path: "\(context.path)[\(index)]",
                    referenceDepth: context.referenceDepth)
            }
            return violations
        case "minItems":
            let minimum = context.value.intValue ?? 0
            return elements.count < minimum ? [context.violation("expected at least \(minimum) elements, found \(elements.count)")] : []
        case "maxItems":
            let maximum = context.value.intValue ?? 0
            return elements.count > maximum ? [context.violation("expected at most \(maximum) elements, found \(elements.count)")] : []
        default:
            guard context.value.boolValue == true else {
                return []
            }
            for (index, element) in elements.enumerated() {
                if let earlier = elements[..<index].firstIndex(where: { $0.isSchemaEqual(to: element) }) {
                    return [context.violation("expected distinct elements, found [\(index)] equal to [\(earlier)]")]
                }
            }
            return []
        }
    }

    // MARK: - Objects

    private func evaluateObjectKeyword(_ instance: JSONValue, _ context: KeywordContext) throws(SchemaError) -> [SchemaViolation] {
        guard let members = instance.objectValue else {
            return []
        }
        switch context.keyword {
        case "required":
            let missing = (context.value.arrayValue ?? []).compactMap(\.stringValue).filter { members[$0] == nil }
            return missing.map { context.violation("missing the required member \"\($0)\"") }
        case "properties":
            let schemas = context.value.objectValue ?? JSONObject()
            var violations: [SchemaViolation] = []
            for (name, value) in members {
                guard let schema = schemas[name] else {
                    continue
                }
                violations += try evaluate(
                    value, against: schema, at: context.location.appending(name),
                    path: Self.path(context.path, member: name), referenceDepth: context.referenceDepth)
            }
            return violations
        default:
            let declared = context.schema["properties"]?.objectValue ?? JSONObject()
            var violations: [SchemaViolation] = []
            for (name, value) in members where declared[name] == nil {
                let found = try evaluate(
                    value, against: context.value, at: context.location, path: Self.path(context.path, member: name),
                    referenceDepth: context.referenceDepth)
                if !found.isEmpty {
                    // A false schema's own message would not say which member it rejected.
                    let message = context.value.boolValue == false ? "the member \"\(name)\" is not allowed" : "the member \"\(name)\" is invalid"
                    violations.append(context.violation(message, reasons: context.value.boolValue == false ? [] : found))
                }
            }
            return violations
        }
    }

    // MARK: - Combinations

    private func evaluateCombination(_ instance: JSONValue, _ context: KeywordContext) throws(SchemaError) -> [SchemaViolation] {
        if context.keyword == "not" {
            let found = try evaluate(
                instance, against: context.value, at: context.location, path: context.path, referenceDepth: context.referenceDepth)
            return found.isEmpty ? [context.violation("expected the value not to match the schema, but it does")] : []
        }

        let schemas = context.value.arrayValue ?? []
        var failures: [[SchemaViolation]] = []
        for (index, schema) in schemas.enumerated() {
            failures.append(
                try evaluate(
                    instance, against: schema, at: context.location.appending(index), path: context.path,
                    referenceDepth: context.referenceDepth))
        }
        let matching = failures.filter(\.isEmpty).count

        switch context.keyword {
        case "allOf":
            return failures.flatMap { $0 }
        case "anyOf":
            return matching > 0 ? [] : [context.violation("expected a match of at least one of \(schemas.count) schemas, found none", reasons: failures.flatMap { $0 })]
        default:
            if matching == 1 {
                return []
            }
            if matching == 0 {
                return [context.violation("expected a match of exactly one of \(schemas.count) schemas, found none", reasons: failures.flatMap { $0 })]
            }
            return [context.violation("expected a match of exactly one of \(schemas.count) schemas, found \(matching)")]
        }
    }

    // MARK: - Describing values

    private static func instance(_ instance: JSONValue, hasType name: String) -> Bool {
        switch (name, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number):
            return ExactNumber(instance)?.isInteger ?? false
        default:
            return false
        }
    }

    private static func article(forType name: String) -> String {
        switch name {
        case "null": "null"
        case "integer", "array", "object": "an \(name)"
        default: "a \(name)"
        }
    }

    private static func kind(of instance: JSONValue) -> String {
        switch instance {
        case .null: "null"
        case .bool: "a boolean"
        case .number: ExactNumber(instance)?.isInteger == true ? "an integer" : "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Returns the value as JSON, cut to 60 characters so that a violation stays one readable line.
    private static func text(of value: JSONValue) -> String {
        let full: String
        do {
            full = try value.serializedText()
        } catch {
            return kind(of: value)
        }
        return full.count > 60 ? String(full.prefix(57)) + "..." : full
    }

    /// Appends a member to an instance path: `.name` for identifier-like names, `["name"]` otherwise.
    private static func path(_ path: String, member name: String) -> String {
        let isIdentifier = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            && !("0"..."9").contains(name.unicodeScalars.first ?? "0")
        if isIdentifier {
            return "\(path).\(name)"
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(path)[\"\(escaped)\"]"
    }
}
