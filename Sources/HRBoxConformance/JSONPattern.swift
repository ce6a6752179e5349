import JSONRPC

/// A pattern over JSON values: what a case expects a frame, or a part of one, to be.
///
/// A pattern is written as JSON. Any value stands for itself, except an object with a single member
/// whose name starts with `$`, which is a matcher:
///
/// - `{"$type": KIND}`: any value of that kind; KIND is `null`, `boolean`, `number`, `integer`,
///   `string`, `array`, `object` or `any`.
/// - `{"$oneOf": [P, ...]}`: a value that matches at least one of the patterns.
/// - `{"$contains": TEXT}`: a string that contains TEXT, compared with letter case.
/// - `{"$partial": {NAME: P, ...}}`: an object with at least these members, matching their patterns.
/// - `{"$literal": VALUE}`: exactly VALUE, even where VALUE looks like a matcher.
///
/// Objects match when they have the same member names, in any order, with matching values. Arrays
/// match element by element and must have the same length. Numbers match only the same literal,
/// so `7` does not match `7.0` and `1.50` does not match `1.5`; that is how ids are checked.
public indirect enum JSONPattern: Sendable, Equatable {
    case exact(JSONValue)
    case array([JSONPattern])
    case object([String: JSONPattern], allowsOtherMembers: Bool)
    case kind(Kind)
    case oneOf([JSONPattern])
    case containing(String)

    /// A kind of JSON value that `$type` names.
    public enum Kind: String, Sendable, CaseIterable {
        case null, boolean, number, integer, string, array, object, any
    }

    /// Reads a pattern from its JSON form.
    ///
    /// - Throws: ``CaseFormatError`` for an unknown matcher or a matcher with an argument of the wrong kind.
    public init(parsing value: JSONValue) throws(CaseFormatError) {
        switch value {
        case .array(let elements):
            self = .array(
                try CaseFormatError.parseElements(elements, under: "") { value throws(CaseFormatError) in
                    try JSONPattern(parsing: value)
                })
        case .object(let object):
            if object.count == 1, let member = object.first, member.key.hasPrefix("$") {
                self = try Self.matcher(named: member.key, argument: member.value)
            } else {
                self = .object(try Self.memberPatterns(object), allowsOtherMembers: false)
            }
        default:
            self = .exact(value)
        }
    }

    private static func matcher(named name: String, argument: JSONValue) throws(CaseFormatError) -> JSONPattern {
        switch (name, argument) {
        case ("$type", .string(let text)):
            guard let kind = Kind(rawValue: text) else {
                let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CaseFormatError(path: name, "unknown kind \"\(text)\"; expected one of \(kinds)")
            }
            return .kind(kind)
        case ("$oneOf", .array(let elements)) where !elements.isEmpty:
            guard case .array(let patterns) = try JSONPattern(parsing: argument) else {
                return .oneOf([])
            }
            return .oneOf(patterns)
        case ("$contains", .string(let text)):
            return .containing(text)
        case ("$partial", .object(let object)):
            do {
                return .object(try memberPatterns(object), allowsOtherMembers: true)
            } catch {
                throw error.nested(under: name)
            }
        case ("$literal", _):
            return .exact(argument)
        case ("$type", _), ("$contains", _):
            throw CaseFormatError(path: name, "expected a string, found \(argument.kindDescription)")
        case ("$oneOf", _):
            throw CaseFormatError(path: name, "expected a non-empty array of patterns")
        case ("$partial", _):
            throw CaseFormatError(path: name, "expected an object, found \(argument.kindDescription)")
        default:
            throw CaseFormatError(
                path: name,
                "unknown matcher \"\(name)\"; expected $type, $oneOf, $contains, $partial or $literal")
        }
    }

    private static func memberPatterns(_ object: JSONObject) throws(CaseFormatError) -> [String: JSONPattern] {
        var members: [String: JSONPattern] = [:]
        for member in object {
            do {
                members[member.key] = try JSONPattern(parsing: member.value)
            } catch {
                throw error.nested(under: member.key)
            }
        }
        return members
    }
}
